import type { z } from 'zod';
import type { CarePath } from '../model/index.js';
import { PHASES } from '../model/phases.js';
import { issuesToDiagnostics, typeWords } from '../model/schema-issues.js';
import { anything, array, checkShape, number, object, oneOf, optional, text } from '../model/shape-check.js';
import { ClientShape } from '../model/shapes.js';
import { HANDOFF_KINDS } from '../model/transition-events.js';
import { MACHINE_CODES, machineError } from './codes.js';
import { pathHash } from './path-hash.js';
import { stateKeyMap } from './state-keys.js';
import type { JourneyContext } from './types.js';

/** The format tag of a persisted journey. */
export const JOURNEY_FORMAT = 'zorgpaden/journey';

/** A journey saved with `journey.persist()`: plain JSON, tied to one version of one path. */
export interface PersistedJourney {
  format: typeof JOURNEY_FORMAT;
  formatVersion: 1;
  pathId: string;
  pathVersion: string;
  pathHash: string;
  /** XState's persisted snapshot of the journey actor. */
  snapshot: PersistedMachineSnapshot;
}

/** The parts of XState's persisted snapshot a journey uses. */
export interface PersistedMachineSnapshot {
  status: 'active' | 'done';
  value: unknown;
  context: JourneyContext;
  [key: string]: unknown;
}

// the shape of a saved journey, checked without zod (shape-check.ts) so that journeys need no schema library
const EntryShape = object({
  step: text(),
  phase: oneOf(PHASES),
  day: number(),
  from: optional(text()),
  index: optional(number({ int: true, min: 0 })),
  event: optional(text()),
  handoff: optional(oneOf(HANDOFF_KINDS)),
  removed: optional(oneOf([true])),
});

const RejectedShape = object({
  event: text(),
  step: text(),
  day: number(),
  reason: oneOf(['not-accepted', 'no-such-transition', 'guard-blocks', 'outside-window', 'day-in-past', 'invalid-event']),
  message: text(),
  nl: text(),
  index: optional(number()),
  to: optional(text()),
  eventDay: optional(number()),
});

const ContextShape = object({
  client: ClientShape,
  day: number(),
  step: text(),
  history: array(EntryShape, { min: 1 }),
  rejected: array(RejectedShape),
});

const PersistedShape = object<PersistedJourney>(
  {
    format: oneOf([JOURNEY_FORMAT]),
    formatVersion: oneOf([1]),
    pathId: text(),
    pathVersion: text(),
    pathHash: text(),
    snapshot: object({ status: oneOf(['active', 'done']), value: anything, context: ContextShape }, 'loose'),
  },
  'strip',
);

function invalid(reason: string, reasonNl: string) {
  return machineError(MACHINE_CODES.snapshotInvalid, { reason, reasonNl });
}

// the first schema problem of a saved journey, in the words of the loader's diagnostics
function shapeProblem(data: unknown, issues: z.core.$ZodIssue[]): ReturnType<typeof invalid> {
  if (typeof data === 'string') {
    return invalid('it is text, not the object journey.persist() returned; parse it with JSON.parse first', 'het is tekst, niet het object dat journey.persist() gaf; lees het eerst in met JSON.parse');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const actual = typeWords(data);
    return invalid(`it is ${actual.en}, not an object`, `het is ${actual.nl}, geen object`);
  }
  const d = issuesToDiagnostics(issues.slice(0, 1), data, PersistedShape)[0]!;
  const where = d.pointer === '' ? '' : ` (at ${d.pointer})`;
  const whereNl = d.pointer === '' ? '' : ` (bij ${d.pointer})`;
  const strip = (text: string) => text.replace(/\.$/, '');
  return invalid(strip(d.message) + where, strip(d.nl.message) + whereNl);
}

/** The state value XState uses for a journey in `stepId`. */
export function stateValueOf(path: CarePath, stepId: string): string | Record<string, string> {
  const key = stateKeyMap(path).toKey.get(stepId)!;
  const step = path.steps[stepId]!;
  return step.kind === 'outcome' ? key : { [step.phase]: key };
}

/** Checks the shape of a saved journey and that it belongs to none other than `path`; throws a clear error otherwise. */
export function readPersistedJourney(path: CarePath, data: unknown, { checkPath = true } = {}): PersistedJourney {
  const parsed = checkShape(PersistedShape, data);
  if (!parsed.success) throw shapeProblem(data, parsed.issues);
  const saved = parsed.data;
  if (checkPath) assertSamePath(path, saved);
  const context = saved.snapshot.context;
  const step = context.step;
  if (!Object.hasOwn(path.steps, step)) throw invalid(`its current step "${step}" is not a step of path "${path.id}"`, `de huidige stap "${step}" is geen stap van pad "${path.id}"`);
  const stranger = context.history.find((e) => !e.removed && !Object.hasOwn(path.steps, e.step));
  if (stranger) throw invalid(`its history names step "${stranger.step}", which is not a step of path "${path.id}"`, `de geschiedenis noemt stap "${stranger.step}", maar dat is geen stap van pad "${path.id}"`);
  const last = context.history[context.history.length - 1]!;
  if (last.step !== step) throw invalid(`its history ends in "${last.step}" but its current step is "${step}"`, `de geschiedenis eindigt in "${last.step}", maar de huidige stap is "${step}"`);
  const outcome = path.steps[step]!.kind === 'outcome';
  const status = saved.snapshot.status;
  if ((status === 'done') !== outcome) throw invalid(`status "${status}" does not match step "${step}"`, `status "${status}" past niet bij stap "${step}"`);
  if (JSON.stringify(saved.snapshot.value) !== JSON.stringify(stateValueOf(path, step))) {
    throw invalid(`its state value does not match its current step "${step}"`, `de toestandswaarde past niet bij de huidige stap "${step}"`);
  }
  return saved;
}

/** Throws `snapshot-path-mismatch` unless the saved journey was made with this very path. */
export function assertSamePath(path: CarePath, saved: Pick<PersistedJourney, 'pathId' | 'pathVersion' | 'pathHash'>): void {
  const hash = pathHash(path);
  if (saved.pathId === path.id && saved.pathVersion === path.version && saved.pathHash === hash) return;
  const sameName = saved.pathId === path.id && saved.pathVersion === path.version;
  throw machineError(MACHINE_CODES.snapshotPathMismatch, {
    savedId: saved.pathId,
    savedVersion: saved.pathVersion,
    pathId: path.id,
    pathVersion: path.version,
    hashNote: sameName ? ' (same id and version, but the content of the path changed)' : '',
    hashNoteNl: sameName ? ' (zelfde id en versie, maar de inhoud van het pad is veranderd)' : '',
  });
}
