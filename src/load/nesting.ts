import { createDiagnostic, LOAD_CODES, toPointer, type Diagnostic, type PointerSegment } from '../diagnostics/index.js';
import { LIMITS, type Limits } from '../model/index.js';
import { nestingFlaw } from '../model/nesting-guard.js';

/** Deeper than this, no schema check is tried: a recursive check would overflow the stack. */
export const MAX_NESTING = 512;

type Node = { value: unknown; key: PointerSegment | undefined; parent: Node | undefined; depth: number };

// iterative, so that it works on data far deeper than the stack allows
function firstTooDeep(data: unknown, limit: number): PointerSegment[] | undefined {
  const stack: Node[] = [{ value: data, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.depth > limit) {
      const path: PointerSegment[] = [];
      for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) path.push(n.key);
      return path.reverse();
    }
    const { value } = node;
    if (value === null || typeof value !== 'object') continue;
    const entries: [PointerSegment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, key, parent: node, depth: node.depth + 1 });
  }
  return undefined;
}

function conditionDepthOf(condition: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[condition, 1]];
  while (stack.length > 0) {
    const [c, depth] = stack.pop()!;
    if (c === null || typeof c !== 'object') continue;
    deepest = Math.max(deepest, depth);
    const { all, any, not } = c as { all?: unknown; any?: unknown; not?: unknown };
    for (const child of [...(Array.isArray(all) ? all : []), ...(Array.isArray(any) ? any : []), ...(not !== undefined ? [not] : [])]) stack.push([child, depth + 1]);
  }
  return deepest;
}

function valueAt(data: unknown, path: readonly PointerSegment[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PointerSegment, unknown>)[key];
  return value;
}

/**
 * Explains data nested too deeply to check: a condition (under `when` or `targetGroup`) gets
 * `condition-too-deep` at the condition; anything else `invalid-value` at its top-level field.
 */
export function nestingDiagnostic(data: unknown, limits: Partial<Limits> = {}): Diagnostic {
  const path = firstTooDeep(data, MAX_NESTING) ?? [];
  const at = path.findIndex((key) => key === 'when' || key === 'targetGroup');
  if (at >= 0) {
    const conditionPath = path.slice(0, at + 1);
    const depth = conditionDepthOf(valueAt(data, conditionPath));
    return createDiagnostic(LOAD_CODES.conditionTooDeep, { depth, limit: limits.maxConditionDepth ?? LIMITS.maxConditionDepth }, { pointer: toPointer(conditionPath) });
  }
  const reason = `This value nests more than ${MAX_NESTING} levels deep, too deep to check.`;
  const reasonNl = `Deze waarde is meer dan ${MAX_NESTING} niveaus diep genest, te diep om te controleren.`;
  const hint = {
    en: 'Write the value flatter: no content file needs this many levels; look for brackets that repeat by mistake.',
    nl: 'Schrijf de waarde platter: geen inhoudsbestand heeft zoveel niveaus nodig; zoek naar haakjes die per ongeluk herhaald zijn.',
  };
  return createDiagnostic(LOAD_CODES.invalidValue, { reason, reasonNl }, { pointer: toPointer(path.slice(0, 1)) }, { hint });
}

/**
 * A diagnostic for data that cannot be walked recursively, or undefined when it can: a value that
 * contains itself gets `invalid-value` at the top-level field it is under, a value nested too deep
 * what `nestingDiagnostic` says. For objects handed to the API, which no reader has checked.
 */
export function unwalkableDiagnostic(data: unknown, limits: Partial<Limits> = {}): Diagnostic | undefined {
  const flaw = nestingFlaw(data, MAX_NESTING);
  if (flaw === undefined) return undefined;
  if (!flaw.en.includes('cycle')) return nestingDiagnostic(data, limits);
  const hint = {
    en: 'Pass plain data, as JSON would give it: an object that refers back to itself has no end to check.',
    nl: 'Geef gewone gegevens, zoals JSON ze geeft: een object dat naar zichzelf terugverwijst heeft geen eind om te controleren.',
  };
  return createDiagnostic(LOAD_CODES.invalidValue, { reason: 'This value contains itself (a cycle).', reasonNl: 'Deze waarde bevat zichzelf (een kringloop).' }, { pointer: '' }, { hint });
}
