import type { PositionBranch, PositionNode } from './positions.js';

interface Frame {
  branch: PositionBranch;
  /** The key whose value comes next, and its offset. */
  key?: string;
  keyOffset?: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The offset just past the string token that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return text.length;
    let backslashes = 0;
    for (let j = quote - 1; text.charCodeAt(j) === 92; j--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/**
 * The positions of every value in JSON text that is known to be valid (the native parser read it),
 * in one pass without building values: much faster than the general reader, and only needed
 * once a diagnostic asks for a line.
 */
export function scanPositions(text: string): PositionNode | undefined {
  const stack: Frame[] = [];
  let root: PositionNode | undefined;
  const place = (position: PositionNode) => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      root = position;
      return;
    }
    if (frame.branch.items) {
      frame.branch.items.push(position);
      return;
    }
    if (frame.key !== undefined && !frame.branch.members!.has(frame.key)) {
      frame.branch.members!.set(frame.key, typeof position === 'number' ? frame.keyOffset! : { ...position, offset: frame.keyOffset! });
    }
    frame.key = undefined;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 44 || c === 58) {
      i++;
    } else if (c === 123 || c === 91) {
      stack.push({ branch: c === 123 ? { offset: i, members: new Map() } : { offset: i, items: [] } });
      i++;
    } else if (c === 125 || c === 93) {
      const frame = stack.pop()!;
      place(frame.branch);
      i++;
    } else if (c === 34) {
      const end = endOfString(text, i);
      let next = end;
      while (isSpace(text.charCodeAt(next))) next++;
      const frame = stack[stack.length - 1];
      if (text.charCodeAt(next) === 58 && frame?.branch.members) {
        const raw = text.slice(i + 1, end - 1);
        frame.key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        frame.keyOffset = i;
      } else place(i);
      i = end;
    } else {
      // a number, true, false or null: runs to the next delimiter
      const start = i;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (isSpace(d) || d === 44 || d === 125 || d === 93) break;
        i++;
      }
      place(start);
    }
  }
  return root;
}
