/**
 * Where each value of a read document starts in its text: a small tree parallel to the data.
 * A leaf is just its offset; containers keep their children. For an object member the offset is
 * that of its key, so a diagnostic about `/steps/intake` points at the line naming `intake`.
 */
export type PositionNode = number | PositionBranch;

/** A container's position and the positions of its members or items. */
export interface PositionBranch {
  offset: number;
  members?: Map<string, PositionNode>;
  items?: PositionNode[];
}

/** The offset of a position node. */
export function offsetOf(node: PositionNode): number {
  return typeof node === 'number' ? node : node.offset;
}

/** The child position for one pointer segment, if the document has it. */
export function childPosition(node: PositionNode, segment: string): PositionNode | undefined {
  if (typeof node === 'number') return undefined;
  if (node.members) return node.members.get(segment);
  if (node.items && /^(?:0|[1-9]\d*)$/.test(segment)) return node.items[Number(segment)];
  return undefined;
}

/** Line starts of a text, for offset → line/column by binary search. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  /** 1-based line and column (in UTF-16 code units) of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}
