import type { PointerSegment } from '../diagnostics/index.js';
import type { PositionBranch } from './positions.js';

/** A problem met while reading text into data, before any schema check. */
export type ReadProblem =
  | { kind: 'syntax'; offset: number; reason: string; reasonNl: string }
  | { kind: 'duplicate-key'; offset: number; key: string; firstOffset: number; path: PointerSegment[] }
  | { kind: 'forbidden-key'; offset: number; key: string; path: PointerSegment[] }
  | { kind: 'alias-limit'; offset: number };

/** Keys that could reach an object's prototype if assigned; they are refused, never assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Decides whether a member key may be stored, recording duplicate and forbidden keys. */
export class KeyChecker {
  constructor(private readonly problems: ReadProblem[]) {}

  /** False when the member must be dropped; `path` names the enclosing object. */
  accept(object: PositionBranch, key: string, offset: number, path: () => PointerSegment[]): boolean {
    if (FORBIDDEN_KEYS.has(key)) {
      this.problems.push({ kind: 'forbidden-key', offset, key, path: [...path(), key] });
      return false;
    }
    const first = object.members?.get(key);
    if (first !== undefined) {
      const firstOffset = typeof first === 'number' ? first : first.offset;
      this.problems.push({ kind: 'duplicate-key', offset, key, firstOffset, path: [...path(), key] });
      return false;
    }
    return true;
  }
}
