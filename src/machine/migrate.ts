import { argumentError, isRecord, requireRecord } from '../diagnostics/index.js';
import type { CarePath } from '../model/index.js';
import { requireCarePath } from '../model/arguments.js';
import { eventOf } from '../model/transition-events.js';
import { MACHINE_CODES, machineError } from './codes.js';
import { pathHash } from './path-hash.js';
import { readPersistedJourney, stateValueOf, type PersistedJourney } from './snapshot.js';
import type { JourneyEntry } from './types.js';

/**
 * How the steps of one path version became the steps of the next: `old → new` for a renamed step
 * (or the first part of a split one), `old → null` for a removed step. Steps that keep their id
 * need no entry.
 */
export interface JourneyMapping {
  steps?: Record<string, string | null>;
}

const MAPPING = { en: 'a mapping { steps: { oldStep: newStep or null } }', nl: 'een mapping { steps: { oudeStap: nieuweStap of null } }' };

function requireMapping(mapping: unknown): asserts mapping is JourneyMapping {
  requireRecord('migrateJourney', 'mapping', mapping, { optional: true, expected: MAPPING });
  const steps = mapping?.steps;
  if (steps === undefined) return;
  if (!isRecord(steps)) throw argumentError('migrateJourney', 'mapping.steps', { en: 'an object { oldStep: newStep or null }', nl: 'een object { oudeStap: nieuweStap of null }' }, steps);
  for (const [step, target] of Object.entries(steps)) {
    if (target !== null && (typeof target !== 'string' || target === '')) throw argumentError('migrateJourney', `mapping.steps["${step}"]`, { en: 'a step id (text) or null', nl: 'een stap-id (tekst) of null' }, target);
  }
}

function resolver(fromPath: CarePath, toPath: CarePath, mapping: JourneyMapping) {
  const steps = mapping.steps ?? {};
  for (const [step, target] of Object.entries(steps)) {
    if (target !== null && !Object.hasOwn(toPath.steps, target)) throw machineError(MACHINE_CODES.migrationTargetUnknown, { step, target }, `/steps/${step}`);
  }
  return (step: string): string | null => {
    if (Object.hasOwn(steps, step)) return steps[step]!;
    if (Object.hasOwn(toPath.steps, step)) return step;
    throw machineError(MACHINE_CODES.migrationStepMissing, { step, pathId: toPath.id, pathVersion: toPath.version });
  };
}

// the transition index of an old entry may point elsewhere in the new version: find it again
function reindex(toPath: CarePath, entry: JourneyEntry, from: string | null): JourneyEntry {
  const { index: _old, from: _from, ...rest } = entry;
  if (from === null || entry.removed) return from === null ? rest : { ...rest, from };
  const transitions = toPath.steps[from]?.transitions ?? [];
  let index = transitions.findIndex((t) => t.to === entry.step && eventOf(t) === entry.event);
  if (index < 0) index = transitions.findIndex((t) => t.to === entry.step);
  return index < 0 ? { ...rest, from } : { ...rest, from, index };
}

/**
 * Moves a journey saved under `fromPath` to `toPath` (the next version of the path): renamed,
 * removed and split steps follow `mapping`, history entries are mapped too, and transition indices
 * are looked up again. A current step that no longer exists and is not mapped is an error, never a
 * silently wrong state.
 *
 * @example
 * const moved = migrateJourney(saved, v1, v2, { steps: { 'oud-huisbezoek': 'huisbezoek' } });
 * const journey = createJourney(v2, undefined, { snapshot: moved });
 */
export function migrateJourney(snapshot: unknown, fromPath: CarePath, toPath: CarePath, mapping: JourneyMapping = {}): PersistedJourney {
  requireCarePath('migrateJourney', 'fromPath', fromPath);
  requireCarePath('migrateJourney', 'toPath', toPath);
  requireMapping(mapping);
  const saved = readPersistedJourney(fromPath, snapshot);
  const map = resolver(fromPath, toPath, mapping ?? {});
  const context = saved.snapshot.context;
  const current = map(context.step);
  if (current === null) throw machineError(MACHINE_CODES.migrationCurrentRemoved, { step: context.step });
  const currentStep = toPath.steps[current]!;
  if ((saved.snapshot.status === 'done') !== (currentStep.kind === 'outcome')) {
    const done = saved.snapshot.status === 'done';
    const reason = `step "${context.step}" maps to "${current}", which ${done ? 'is not' : 'is'} an outcome while the journey ${done ? 'has' : 'has not'} finished`;
    const reasonNl = `stap "${context.step}" wordt "${current}", die ${done ? 'geen' : 'een'} uitkomst is terwijl de route ${done ? 'al' : 'nog niet'} is afgelopen`;
    throw machineError(MACHINE_CODES.snapshotInvalid, { reason, reasonNl });
  }
  const history = context.history.map((entry): JourneyEntry => {
    if (entry.removed) return entry;
    const step = map(entry.step);
    const from = entry.from === undefined ? undefined : map(entry.from);
    const base: JourneyEntry = step === null ? { ...entry, removed: true } : { ...entry, step, phase: toPath.steps[step]!.phase };
    return from === undefined ? base : reindex(toPath, base, from);
  });
  history[history.length - 1] = { ...history[history.length - 1]!, step: current, phase: currentStep.phase };
  const rejected = context.rejected.map((r) => {
    const step = Object.hasOwn(toPath.steps, r.step) || Object.hasOwn(mapping?.steps ?? {}, r.step) ? map(r.step) : r.step;
    return { ...r, step: step ?? r.step };
  });
  return {
    ...saved,
    pathId: toPath.id,
    pathVersion: toPath.version,
    pathHash: pathHash(toPath),
    snapshot: { ...saved.snapshot, value: stateValueOf(toPath, current), context: { ...context, step: current, history, rejected } },
  };
}
