import type { AttributeValue, Condition } from '../model/index.js';
import type { ClientSpace, CompiledClient } from './client.js';

/** A condition compiled to a test over a compiled client (no eval: closures over indices). */
export type CompiledCondition = (client: CompiledClient) => boolean;

const ALWAYS: CompiledCondition = () => true;
const NEVER: CompiledCondition = () => false;

/**
 * Compiles a condition with exactly the meaning of `evaluateCondition` in src/model/condition.ts:
 * a key the space does not know is a flag no client has; a missing attribute fails every
 * comparison except `ne` and `exists: false`.
 */
export function compileCondition(condition: Condition | undefined, space: ClientSpace): CompiledCondition {
  if (condition === undefined) return ALWAYS;
  const table = truthTable(condition, space);
  if (table) return withGuard(condition, space, table);
  return compileTree(condition, space);
}

/**
 * A truth table reads every leaf; an `all` with a plain `hasRisk` part (also inside a nested `all`)
 * is false whenever that one flag is absent, as it is for most clients, and an `any` with one is
 * true whenever it is present: test that flag first.
 */
function withGuard(condition: Condition, space: ClientSpace, test: CompiledCondition): CompiledCondition {
  const kind = condition.all !== undefined ? 'all' : 'any';
  const risk = guardRisk(condition, kind);
  const i = risk === undefined ? undefined : space.riskIndex.get(risk);
  if (i === undefined) return test;
  return kind === 'all' ? (client) => client.risks[i] === 1 && test(client) : (client) => client.risks[i] === 1 || test(client);
}

// a plain `hasRisk` part of an `all` (or `any`), looking into nested parts of the same kind
function guardRisk(condition: Condition, kind: 'all' | 'any'): string | undefined {
  const parts = condition[kind];
  if (parts === undefined || Object.keys(condition).length !== 1) return undefined;
  const leaf = parts.find(isRiskLeaf);
  if (leaf !== undefined) return leaf.hasRisk;
  for (const part of parts) {
    const nested = guardRisk(part, kind);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function compileTree(condition: Condition, space: ClientSpace): CompiledCondition {
  const leaves = riskLeaves(condition.all ?? condition.any, space);
  if (leaves && condition.all !== undefined) {
    return (client) => {
      for (let k = 0; k < leaves.length; k++) if (leaves[k]! < 0 || client.risks[leaves[k]!] !== 1) return false;
      return true;
    };
  }
  if (leaves && condition.any !== undefined) {
    return (client) => {
      for (let k = 0; k < leaves.length; k++) if (leaves[k]! >= 0 && client.risks[leaves[k]!] === 1) return true;
      return false;
    };
  }
  const groups = condition.all === undefined && condition.any !== undefined ? riskGroups(condition.any, space) : undefined;
  if (groups) {
    const { start, leaves } = groups;
    return (client) => {
      for (let g = 0; g + 1 < start.length; g++) {
        let all = true;
        for (let k = start[g]!; k < start[g + 1]!; k++) {
          if (leaves[k]! < 0 || client.risks[leaves[k]!] !== 1) {
            all = false;
            break;
          }
        }
        if (all) return true;
      }
      return false;
    };
  }
  if (condition.all !== undefined) {
    const parts = condition.all.map((c) => compileCondition(c, space));
    return (client) => {
      for (const part of parts) if (!part(client)) return false;
      return true;
    };
  }
  if (condition.any !== undefined) {
    const parts = condition.any.map((c) => compileCondition(c, space));
    return (client) => {
      for (const part of parts) if (part(client)) return true;
      return false;
    };
  }
  if (condition.not !== undefined) {
    const inner = compileCondition(condition.not, space);
    return (client) => !inner(client);
  }
  if (condition.hasRisk !== undefined) {
    const i = space.riskIndex.get(condition.hasRisk);
    return i === undefined ? NEVER : (client) => client.risks[i] === 1;
  }
  if (condition.hasProtection !== undefined) {
    const i = space.protectionIndex.get(condition.hasProtection);
    return i === undefined ? NEVER : (client) => client.protections[i] === 1;
  }
  if (condition.signalled !== undefined) {
    const i = space.riskIndex.get(condition.signalled);
    return i === undefined ? NEVER : (client) => client.signalled?.[i] === 1;
  }
  if (condition.attr !== undefined) {
    const i = space.attributeIndex.get(condition.attr);
    // an attribute the space does not know is missing for every client: the answer is fixed
    if (i === undefined) return compileComparison(condition)(undefined) ? ALWAYS : NEVER;
    return attributeTest(condition, i);
  }
  return NEVER;
}

const isCompound = (c: Condition) => c.all !== undefined || c.any !== undefined || c.not !== undefined;

// the leaves of a condition (what is not `all`, `any` or `not`), each distinct leaf once, by its JSON text
function collectLeaves(condition: Condition, leaves: Map<string, Condition>): void {
  if (condition.all !== undefined) for (const c of condition.all) collectLeaves(c, leaves);
  else if (condition.any !== undefined) for (const c of condition.any) collectLeaves(c, leaves);
  else if (condition.not !== undefined) collectLeaves(condition.not, leaves);
  else leaves.set(JSON.stringify(condition), condition);
}

// the condition as a function of its leaves' bits (the precedence of compileTree), built once to fill the table
function bitsTest(condition: Condition, bit: Map<string, number>): (bits: number) => boolean {
  if (condition.all !== undefined) {
    const parts = condition.all.map((c) => bitsTest(c, bit));
    return (bits) => parts.every((part) => part(bits));
  }
  if (condition.any !== undefined) {
    const parts = condition.any.map((c) => bitsTest(c, bit));
    return (bits) => parts.some((part) => part(bits));
  }
  if (condition.not !== undefined) {
    const inner = bitsTest(condition.not, bit);
    return (bits) => !inner(bits);
  }
  const j = bit.get(JSON.stringify(condition))!;
  return (bits) => ((bits >>> j) & 1) === 1;
}

/** Most distinct leaves a condition may have to be compiled to a truth table (2^12 entries). */
const MOST_TABLE_LEAVES = 12;

/**
 * A compound condition over a few distinct leaves becomes a truth table: a test reads each leaf
 * once (a flag or one comparison), gathers them as bits and looks the answer up, instead of
 * walking a tree of closures ("two of these eleven risks" written out as 55 pairs reads 11 flags).
 * Leaves have no side effects, so reading all of them gives the same answer as the tree.
 */
function truthTable(condition: Condition, space: ClientSpace): CompiledCondition | undefined {
  if (!isCompound(condition)) return undefined;
  const leafMap = new Map<string, Condition>();
  collectLeaves(condition, leafMap);
  const leaves = [...leafMap.values()];
  const k = leaves.length;
  if (k < 2 || k > MOST_TABLE_LEAVES) return undefined;
  const bit = new Map([...leafMap.keys()].map((key, j) => [key, j]));
  const holds = bitsTest(condition, bit);
  const table = new Uint8Array(1 << k);
  for (let bits = 0; bits < table.length; bits++) table[bits] = holds(bits) ? 1 : 0;
  // the leaves by kind, each kind a run of (flag index, bit) pairs: a test reads flags in tight loops
  const risk: number[] = [];
  const protection: number[] = [];
  const signalled: number[] = [];
  const other: CompiledCondition[] = [];
  const otherBit: number[] = [];
  leaves.forEach((leaf, j) => {
    const only = Object.keys(leaf).length === 1;
    const known = (map: Map<string, number>, key: string) => (only ? map.get(key) : undefined);
    const r = leaf.hasRisk !== undefined ? known(space.riskIndex, leaf.hasRisk) : undefined;
    const p = leaf.hasProtection !== undefined ? known(space.protectionIndex, leaf.hasProtection) : undefined;
    const q = leaf.signalled !== undefined ? known(space.riskIndex, leaf.signalled) : undefined;
    if (r !== undefined) risk.push(r, 1 << j);
    else if (p !== undefined) protection.push(p, 1 << j);
    else if (q !== undefined) signalled.push(q, 1 << j);
    else {
      other.push(compileTree(leaf, space));
      otherBit.push(1 << j);
    }
  });
  const riskLeaf = Int32Array.from(risk);
  const protectionLeaf = Int32Array.from(protection);
  const signalledLeaf = Int32Array.from(signalled);
  const otherBits = Int32Array.from(otherBit);
  if (protection.length + signalled.length + other.length === 0) {
    return (client) => {
      const flags = client.risks;
      let bits = 0;
      for (let j = 0; j < riskLeaf.length; j += 2) if (flags[riskLeaf[j]!] === 1) bits |= riskLeaf[j + 1]!;
      return table[bits] === 1;
    };
  }
  return (client) => {
    let bits = 0;
    const risks = client.risks;
    for (let j = 0; j < riskLeaf.length; j += 2) if (risks[riskLeaf[j]!] === 1) bits |= riskLeaf[j + 1]!;
    const protections = client.protections;
    for (let j = 0; j < protectionLeaf.length; j += 2) if (protections[protectionLeaf[j]!] === 1) bits |= protectionLeaf[j + 1]!;
    const flags = client.signalled;
    if (flags !== undefined) for (let j = 0; j < signalledLeaf.length; j += 2) if (flags[signalledLeaf[j]!] === 1) bits |= signalledLeaf[j + 1]!;
    for (let j = 0; j < other.length; j++) if (other[j]!(client)) bits |= otherBits[j]!;
    return table[bits] === 1;
  };
}

// `all` / `any` over plain `hasRisk` leaves (the common case) become one loop over risk indices (−1: unknown)
function riskLeaves(parts: Condition[] | undefined, space: ClientSpace): Int32Array | undefined {
  if (!parts || !parts.every((p) => p.hasRisk !== undefined && Object.keys(p).length === 1)) return undefined;
  return Int32Array.from(parts, (p) => space.riskIndex.get(p.hasRisk!) ?? -1);
}

const isRiskLeaf = (c: Condition) => c.hasRisk !== undefined && Object.keys(c).length === 1;

// `any` of `all`s of plain `hasRisk` leaves ("two of these risks", written out as pairs) becomes one
// loop over flat groups of risk indices (−1: unknown), instead of a closure call per part
function riskGroups(parts: Condition[], space: ClientSpace): { start: Int32Array; leaves: Int32Array } | undefined {
  const groups = parts.map((p) => (isRiskLeaf(p) ? [p] : p.all !== undefined && Object.keys(p).length === 1 && p.all.every(isRiskLeaf) ? p.all : undefined));
  if (!groups.every((g) => g !== undefined)) return undefined;
  const start = new Int32Array(groups.length + 1);
  groups.forEach((g, i) => (start[i + 1] = start[i]! + g!.length));
  return { start, leaves: Int32Array.from(groups.flat() as Condition[], (p) => space.riskIndex.get(p.hasRisk!) ?? -1) };
}

// a comparison of attribute slot `i`: with one operator, the usual case, a direct test of the slot
function attributeTest(c: Condition, i: number): CompiledCondition {
  const { exists, eq, ne, lt, lte, gt, gte } = c;
  const list = c.in;
  const operators = [exists, eq, ne, list, lt, lte, gt, gte].filter((op) => op !== undefined).length;
  if (operators === 1) {
    if (eq !== undefined) return (client) => client.attrs[i] === eq;
    if (ne !== undefined) return (client) => client.attrs[i] !== ne;
    if (lt !== undefined) return (client) => {
      const value = client.attrs[i];
      return typeof value === 'number' && value < lt;
    };
    if (lte !== undefined) return (client) => {
      const value = client.attrs[i];
      return typeof value === 'number' && value <= lte;
    };
    if (gt !== undefined) return (client) => {
      const value = client.attrs[i];
      return typeof value === 'number' && value > gt;
    };
    if (gte !== undefined) return (client) => {
      const value = client.attrs[i];
      return typeof value === 'number' && value >= gte;
    };
    if (exists !== undefined) return (client) => (client.attrs[i] !== undefined) === exists;
    if (list !== undefined) return (client) => {
      const value = client.attrs[i];
      return value !== undefined && list.includes(value);
    };
  }
  const compare = compileComparison(c);
  return (client) => compare(client.attrs[i]);
}

function compileComparison(c: Condition): (value: AttributeValue | undefined) => boolean {
  const { exists, eq, ne, lt, lte, gt, gte } = c;
  const list = c.in;
  return (value) => {
    if (exists !== undefined && (value !== undefined) !== exists) return false;
    if (eq !== undefined && value !== eq) return false;
    if (ne !== undefined && value === ne) return false;
    if (list !== undefined && (value === undefined || !list.includes(value))) return false;
    if (lt !== undefined && !(typeof value === 'number' && value < lt)) return false;
    if (lte !== undefined && !(typeof value === 'number' && value <= lte)) return false;
    if (gt !== undefined && !(typeof value === 'number' && value > gt)) return false;
    if (gte !== undefined && !(typeof value === 'number' && value >= gte)) return false;
    return true;
  };
}

/** How a condition over risks alone is tested against a household's risk mask (`MaskTest.mask`). */
export const MASK_TEST = { closure: 0, any: 1, none: 2, all: 3, notAll: 4 } as const;

/** A condition over risks with an index below 31, as one test of the risk mask: any, none, all or not all of `mask`. */
export interface MaskTest {
  test: (typeof MASK_TEST)[keyof typeof MASK_TEST];
  mask: number;
}

/** The most risks a mask holds: risk `r` is bit `1 << r`. */
export const MASK_RISKS = 31;

const single = (mask: number) => mask !== 0 && (mask & (mask - 1)) === 0;
// a test of one risk reads the same as "any" and "all" of it, and its negation as "none" and "not all"
const asAll = (t: MaskTest) => t.test === MASK_TEST.all || (t.test === MASK_TEST.any && single(t.mask));
const asAny = (t: MaskTest) => t.test === MASK_TEST.any || (t.test === MASK_TEST.all && single(t.mask));
const asNone = (t: MaskTest) => t.test === MASK_TEST.none || (t.test === MASK_TEST.notAll && single(t.mask));
const asNotAll = (t: MaskTest) => t.test === MASK_TEST.notAll || (t.test === MASK_TEST.none && single(t.mask));
const union = (parts: MaskTest[]) => parts.reduce((mask, t) => mask | t.mask, 0);
const NEGATION = { [MASK_TEST.any]: MASK_TEST.none, [MASK_TEST.none]: MASK_TEST.any, [MASK_TEST.all]: MASK_TEST.notAll, [MASK_TEST.notAll]: MASK_TEST.all } as const;

/**
 * A condition built from `hasRisk`, `all`, `any` and `not` that comes down to one test of the
 * risk mask ("any of these risks", "none of them", "all of them", "not all of them"), read with
 * the precedence of `evaluateCondition`; undefined for any other condition. The household walk
 * tests these without a closure call.
 */
export function maskTest(condition: Condition, space: ClientSpace): MaskTest | undefined {
  if (condition.all !== undefined || condition.any !== undefined) {
    const parts: MaskTest[] = [];
    for (const c of condition.all ?? condition.any!) {
      const part = maskTest(c, space);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    if (condition.all !== undefined) {
      if (parts.every(asAll)) return { test: MASK_TEST.all, mask: union(parts) };
      if (parts.every(asNone)) return { test: MASK_TEST.none, mask: union(parts) };
      return undefined;
    }
    if (parts.every(asAny)) return { test: MASK_TEST.any, mask: union(parts) };
    if (parts.every(asNotAll)) return { test: MASK_TEST.notAll, mask: union(parts) };
    return undefined;
  }
  if (condition.not !== undefined) {
    const inner = maskTest(condition.not, space);
    return inner === undefined || inner.test === MASK_TEST.closure ? undefined : { test: NEGATION[inner.test], mask: inner.mask };
  }
  if (condition.hasRisk === undefined) return undefined;
  const r = space.riskIndex.get(condition.hasRisk);
  return r === undefined || r >= MASK_RISKS ? undefined : { test: MASK_TEST.any, mask: 1 << r };
}

/** Whether a mask test holds for a household whose risks are `risks` (risk `r` is bit `1 << r`). */
export function holdsMask(test: number, mask: number, risks: number): boolean {
  const m = risks & mask;
  return test === MASK_TEST.any ? m !== 0 : test === MASK_TEST.none ? m === 0 : test === MASK_TEST.all ? m === mask : m !== mask;
}
