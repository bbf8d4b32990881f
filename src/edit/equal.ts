/** Structural equality of JSON-like values: key order does not matter and an `undefined` property counts as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of Object.keys(ra)) if (!jsonEqual(ra[key], rb[key])) return false;
  for (const key of Object.keys(rb)) if (!Object.hasOwn(ra, key) && rb[key] !== undefined) return false;
  return true;
}

/** The keys of two records whose values differ, in `order` first and then by code point. */
export function changedFields(a: Record<string, unknown>, b: Record<string, unknown>, order: readonly string[], skip: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of skip) keys.delete(key);
  const known = order.filter((k) => keys.has(k));
  const extra = [...keys].filter((k) => !order.includes(k)).sort(byCodePoint);
  return [...known, ...extra].filter((k) => !jsonEqual(a[k], b[k]));
}

/** Compares strings by code point, so the order does not depend on the locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The keys of two records together, each once, sorted by code point. */
export function sortedUnion(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byCodePoint);
}

/** The named fields of a record, as a new object (for a change's before and after). */
export function pick(record: object, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = (record as Record<string, unknown>)[f];
  return out;
}
