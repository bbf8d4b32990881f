import { argumentError, didYouMean, isRecord, type Words } from '../diagnostics/index.js';
import type { CarePath } from './care-path.js';
import type { ClientView } from './condition.js';
import { LIMITS, type Limits } from './limits.js';
import { nestingFlaw } from './nesting-guard.js';
import { PHASES } from './phases.js';

const CARE_PATH: Words = {
  en: 'a care path (as returned by loadPath, parsePath or definePath)',
  nl: 'een zorgpad (zoals loadPath, parsePath of definePath het geven)',
};

// the first thing that keeps a value from being usable as a care path, or undefined when it is
function carePathFlaw(value: unknown): Words | undefined {
  if (!isRecord(value)) return undefined;
  for (const field of ['id', 'version', 'initial'] as const) {
    if (typeof value[field] !== 'string') return { en: `an object whose "${field}" is not text`, nl: `een object waarvan "${field}" geen tekst is` };
  }
  for (const field of ['steps', 'actors'] as const) {
    if (!isRecord(value[field])) return { en: `an object whose "${field}" is not an object`, nl: `een object waarvan "${field}" geen object is` };
  }
  // a plain loop: this runs on every load, over paths of up to 200,000 steps
  const steps = value.steps as Record<string, unknown>;
  for (const id of Object.keys(steps)) {
    const transitions = (steps[id] as { transitions?: unknown } | null | undefined)?.transitions;
    let ok = Array.isArray(transitions);
    for (let i = 0; ok && i < (transitions as unknown[]).length; i++) {
      const t = (transitions as unknown[])[i] as { to?: unknown } | null;
      ok = typeof t === 'object' && t !== null && typeof t.to === 'string';
    }
    if (!ok) return { en: `an object whose step "${id}" has no list of transitions with "to"`, nl: `een object waarvan stap "${id}" geen lijst overgangen met "to" heeft` };
    // a phase is a key into tables of phases: "toString" would find a function there
    const phase = (steps[id] as { phase?: unknown }).phase;
    if (!(PHASES as readonly unknown[]).includes(phase)) return { en: `an object whose step "${id}" has no known phase (${PHASES.join(', ')})`, nl: `een object waarvan stap "${id}" geen bekende fase heeft (${PHASES.join(', ')})` };
  }
  // every layer walks paths and conditions recursively: a cycle or absurd depth would overflow the stack
  return nestingFlaw(value);
}

/**
 * Throws `invalid-argument` unless `value` has the shape of a parsed care path (id, version,
 * initial, actors, steps with transitions). It does not validate content: that is validatePath's job.
 */
export function requireCarePath(callee: string, argument: string, value: unknown): asserts value is CarePath {
  if (!isRecord(value)) throw argumentError(callee, argument, CARE_PATH, value);
  if (checkedPaths.has(value)) return;
  const flaw = carePathFlaw(value);
  if (flaw) throw argumentError(callee, argument, CARE_PATH, flaw);
  checkedPaths.add(value);
}

// paths are used as immutable values (edits return new, frozen ones): one check per object will do
const checkedPaths = new WeakSet<object>();

/** Throws `invalid-argument` unless `value` is a client view made by `viewClient`. */
export function requireClientView(callee: string, argument: string, value: unknown): asserts value is ClientView {
  const ok = isRecord(value) && value.risks instanceof Set && value.protections instanceof Set && isRecord(value.attributes);
  if (!ok) throw argumentError(callee, argument, { en: 'a client view made by viewClient(client)', nl: 'een cliëntweergave van viewClient(client)' }, value);
}

// limits checked where no call passes `limits`: in the schemas (labels) and in simulate (cohort)
const FIXED: ReadonlySet<string> = new Set(['maxLabelLength', 'maxCohort']);

/** Throws `invalid-argument` unless `value` is undefined or an object of known limits, each a whole number of at least 0. */
export function requireLimits(callee: string, argument: string, value: unknown): asserts value is Partial<Limits> | undefined {
  if (value === undefined) return;
  const expected: Words = { en: `an object with some of ${Object.keys(LIMITS).join(', ')}`, nl: `een object met een of meer van ${Object.keys(LIMITS).join(', ')}` };
  if (!isRecord(value)) throw argumentError(callee, argument, expected, value);
  for (const [key, limit] of Object.entries(value)) {
    if (!Object.hasOwn(LIMITS, key)) {
      const guess = didYouMean(key, Object.keys(LIMITS));
      const hint = guess ? { en: ` (did you mean "${guess}"?)`, nl: ` (bedoelde je "${guess}"?)` } : { en: '', nl: '' };
      throw argumentError(callee, argument, expected, { en: `an object with the unknown limit "${key}"${hint.en}`, nl: `een object met de onbekende grens "${key}"${hint.nl}` });
    }
    if (limit === undefined) continue;
    const fixed = LIMITS[key as keyof Limits];
    if (FIXED.has(key) && limit !== fixed) {
      throw argumentError(callee, `${argument}.${key}`, { en: `${fixed} (this limit cannot be changed per call)`, nl: `${fixed} (deze grens kan niet per aanroep worden veranderd)` }, limit);
    }
    if (typeof limit !== 'number' || !(Number.isSafeInteger(limit) || limit === Infinity) || limit < 0) {
      throw argumentError(callee, `${argument}.${key}`, { en: 'a whole number of at least 0 (or Infinity)', nl: 'een geheel getal van minstens 0 (of Infinity)' }, limit);
    }
  }
}
