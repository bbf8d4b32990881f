import { createDiagnostic, LOAD_CODES, toPointer, type Diagnostic, type PointerSegment, type Words } from '../diagnostics/index.js';
import { LIMITS } from './limits.js';

/** How deeply a value passed to the API may nest; the loader refuses deeper documents the same way. */
export const MAX_ARGUMENT_NESTING = 512;

/**
 * Why a value cannot be walked recursively, or undefined when it can: it refers to itself (a
 * cycle), or nests more than `max` levels deep. The walk is a loop, not recursion, so the check
 * itself never overflows the stack; a shared object is walked once.
 */
export function nestingFlaw(value: unknown, max: number = MAX_ARGUMENT_NESTING): Words | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // the height of every object already walked, so a shared subtree costs nothing twice
  const heights = new WeakMap<object, number>();
  const onPath = new Set<object>();
  const stack: { node: object; children: unknown[]; next: number; height: number }[] = [];
  const enter = (node: object): Words | undefined => {
    if (onPath.has(node)) return { en: 'an object that contains itself (a cycle)', nl: 'een object dat zichzelf bevat (een kringloop)' };
    if (stack.length >= max) return { en: `an object nested more than ${max} levels deep`, nl: `een object dat meer dan ${max} niveaus diep genest is` };
    onPath.add(node);
    stack.push({ node, children: Object.values(node), next: 0, height: 0 });
    return undefined;
  };
  const first = enter(value);
  if (first) return first;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (typeof child !== 'object' || child === null) continue;
      const known = heights.get(child);
      if (known !== undefined) {
        if (stack.length + known > max) return { en: `an object nested more than ${max} levels deep`, nl: `een object dat meer dan ${max} niveaus diep genest is` };
        frame.height = Math.max(frame.height, known + 1);
        continue;
      }
      const flaw = enter(child);
      if (flaw) return flaw;
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    heights.set(frame.node, frame.height);
    const parent = stack[stack.length - 1];
    if (parent) parent.height = Math.max(parent.height, frame.height + 1);
  }
  return undefined;
}

/** Deeper than this, no schema check is tried: a recursive check would overflow the stack. */
export const MAX_NESTING = 512;

/** The fields whose value is a condition, in every kind of document. */
const CONDITION_FIELDS: ReadonlySet<PointerSegment> = new Set(['when', 'targetGroup']);

type Node = { value: unknown; key: PointerSegment | undefined; parent: Node | undefined; depth: number };

function pathTo(node: Node): PointerSegment[] {
  const path: PointerSegment[] = [];
  for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) path.push(n.key);
  return path.reverse();
}

function childrenOf(value: object): [PointerSegment, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
}

/** How deeply `all` / `any` / `not` nest in a condition not yet checked: a loop, a shared part walked once, a cycle ends the walk. */
function conditionHeight(condition: object): number {
  const heights = new WeakMap<object, number>();
  const onPath = new Set<object>();
  const subconditions = (c: object): unknown[] => {
    const { all, any, not } = c as { all?: unknown; any?: unknown; not?: unknown };
    return [...(Array.isArray(all) ? all : []), ...(Array.isArray(any) ? any : []), ...(not !== undefined ? [not] : [])];
  };
  const stack: { node: object; children: unknown[]; next: number; height: number }[] = [{ node: condition, children: subconditions(condition), next: 0, height: 1 }];
  onPath.add(condition);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (typeof child !== 'object' || child === null || onPath.has(child)) continue;
      const known = heights.get(child);
      if (known !== undefined) frame.height = Math.max(frame.height, known + 1);
      else {
        onPath.add(child);
        stack.push({ node: child, children: subconditions(child), next: 0, height: 1 });
      }
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    heights.set(frame.node, frame.height);
    const parent = stack[stack.length - 1];
    if (parent) parent.height = Math.max(parent.height, frame.height + 1);
  }
  return heights.get(condition)!;
}

/**
 * `condition-too-deep` for every condition (under `when` or `targetGroup`, wherever it is in the
 * document) that nests deeper than `limit`. Found by a loop before any schema check: the schema
 * checks a condition recursively, and a condition thousands of levels deep overflows the stack.
 */
export function tooDeepConditions(data: unknown, limit: number = LIMITS.maxConditionDepth): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new WeakSet<object>();
  const stack: Node[] = [{ value: data, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (node.key !== undefined && CONDITION_FIELDS.has(node.key) && !Array.isArray(value)) {
      const depth = conditionHeight(value);
      if (depth > limit) {
        found.push(createDiagnostic(LOAD_CODES.conditionTooDeep, { depth, limit }, { pointer: toPointer(pathTo(node)) }));
        continue;
      }
    }
    const children = childrenOf(value);
    // pushed in reverse, so that the conditions are found in the order of the document
    for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i]![1], key: children[i]![0], parent: node, depth: node.depth + 1 });
  }
  return found;
}

// iterative, so that it works on data far deeper than the stack allows
function firstTooDeep(data: unknown, limit: number): PointerSegment[] | undefined {
  const stack: Node[] = [{ value: data, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.depth > limit) return pathTo(node);
    const { value } = node;
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of childrenOf(value)) stack.push({ value: child, key, parent: node, depth: node.depth + 1 });
  }
  return undefined;
}

/**
 * Explains data nested too deeply to check: a condition (under `when` or `targetGroup`) gets
 * `condition-too-deep` at the condition; anything else `invalid-value` at its top-level field.
 */
export function nestingDiagnostic(data: unknown, limits: { maxConditionDepth?: number } = {}): Diagnostic {
  const limit = limits.maxConditionDepth ?? LIMITS.maxConditionDepth;
  const path = firstTooDeep(data, MAX_NESTING) ?? [];
  const at = path.findIndex((key) => CONDITION_FIELDS.has(key));
  if (at >= 0) {
    let condition: unknown = data;
    for (const key of path.slice(0, at + 1)) condition = (condition as Record<PointerSegment, unknown>)[key];
    const depth = conditionHeight(condition as object);
    return createDiagnostic(LOAD_CODES.conditionTooDeep, { depth, limit }, { pointer: toPointer(path.slice(0, at + 1)) });
  }
  const reason = `This value nests more than ${MAX_NESTING} levels deep, too deep to check.`;
  const reasonNl = `Deze waarde is meer dan ${MAX_NESTING} niveaus diep genest, te diep om te controleren.`;
  const hint = {
    en: 'Write the value flatter: no content file needs this many levels; look for brackets that repeat by mistake.',
    nl: 'Schrijf de waarde platter: geen inhoudsbestand heeft zoveel niveaus nodig; zoek naar haakjes die per ongeluk herhaald zijn.',
  };
  return createDiagnostic(LOAD_CODES.invalidValue, { reason, reasonNl }, { pointer: toPointer(path.slice(0, 1)) }, { hint });
}
