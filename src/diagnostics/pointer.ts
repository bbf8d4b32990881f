/** A JSON pointer segment: an object key or an array index. */
export type PointerSegment = string | number;

/** Escapes one segment as RFC 6901 requires (`~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: PointerSegment): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer (`/steps/intake/transitions/0`) from segments. */
export function toPointer(segments: readonly PointerSegment[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}

/** Splits a JSON pointer into unescaped string segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON pointer: "${pointer}". A pointer is empty or starts with "/".`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins a base pointer and further segments. */
export function joinPointer(base: string, ...segments: PointerSegment[]): string {
  return base + toPointer(segments);
}
