import { parsePointer, toPointer, type DiagnosticLocation, type SourceLocator } from '../diagnostics/index.js';
import { childPosition, LineIndex, offsetOf, type PositionNode } from './positions.js';

/**
 * The locator of one file: walks the position tree as far as the pointer goes and reports the
 * line and column of the deepest value found (a pointer to a missing field points at its parent).
 */
export class FileLocator implements SourceLocator {
  private readonly lines: LineIndex;
  private positions: PositionNode | undefined | (() => PositionNode | undefined);

  /** `positions` may be a function, so that positions are only worked out once a pointer is located. */
  constructor(
    readonly file: string | undefined,
    private readonly text: string,
    positions: PositionNode | undefined | (() => PositionNode | undefined),
  ) {
    this.lines = new LineIndex(text);
    this.positions = positions;
  }

  private get root(): PositionNode | undefined {
    if (typeof this.positions === 'function') this.positions = this.positions();
    return this.positions;
  }

  locate(pointer: string): DiagnosticLocation {
    const location: DiagnosticLocation = { pointer };
    if (this.file !== undefined) location.file = this.file;
    let node = this.root;
    if (node === undefined) return { ...location, line: 1, column: 1 };
    for (const segment of safeSegments(pointer)) {
      const child = childPosition(node, segment);
      if (child === undefined) break;
      node = child;
    }
    return { ...location, ...this.lines.position(offsetOf(node)) };
  }

  /** The line and column of an offset in this file's text. */
  positionAt(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }

  textOf(file: string | undefined): string | undefined {
    return file === this.file ? this.text : undefined;
  }
}

function safeSegments(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}

/** Where a part of a derived document came from: another locator and the pointer there. */
export interface PointerRoute {
  locator: SourceLocator;
  pointer: string;
}

/**
 * The locator of a document built from others (a path with includes, a coalition overlay): pointer
 * prefixes are routed to the locator and pointer they came from, the longest prefix winning;
 * anything not routed goes to the base locator.
 */
export class MappedLocator implements SourceLocator {
  private readonly routes = new Map<string, PointerRoute>();

  constructor(private readonly base: SourceLocator) {}

  get file(): string | undefined {
    return this.base.file;
  }

  /** Routes `prefix` (and everything below it) to `pointer` in `locator`. */
  route(prefix: string, locator: SourceLocator, pointer: string): void {
    this.routes.set(prefix, { locator, pointer });
  }

  locate(pointer: string): DiagnosticLocation {
    const segments = safeSegments(pointer);
    for (let length = segments.length; length > 0; length--) {
      const prefix = toPointer(segments.slice(0, length));
      const route = this.routes.get(prefix);
      if (route) return route.locator.locate(route.pointer + toPointer(segments.slice(length)));
    }
    return this.base.locate(pointer);
  }

  textOf(file: string | undefined): string | undefined {
    const own = this.base.textOf(file);
    if (own !== undefined) return own;
    const seen = new Set<SourceLocator>();
    for (const { locator } of this.routes.values()) {
      if (seen.has(locator)) continue;
      seen.add(locator);
      const text = locator.textOf(file);
      if (text !== undefined) return text;
    }
    return undefined;
  }
}
