import type { Actor, AnyStateMachine } from 'xstate';
import { argumentError, didYouMean, isRecord, requireRecord } from '../diagnostics/index.js';
import { attributesIn, ClientSchema, eventOf, isChildTrack, risksIn, type ClientInput, type HouseholdPath } from '../model/index.js';
import { toStateKey } from './state-keys.js';
import { clientError, MACHINE_CODES, machineError } from './codes.js';
import { birthBeyond, cachedHouseholdMachine, DEFAULT_MAX_CHILDREN, householdView, RECORD_SIGNALS, trackInstances, type HouseholdEntry, type HouseholdEvent, type HouseholdJourneyContext, type HouseholdMachineOptions, type TrackInstance } from './household-machine.js';
import { openTransitions, raisedInHistory } from './household-events.js';
import { isVersionOneJourney, readVersionOneJourney, V1_TRACK } from './household-from-v1.js';
import { stableStringify } from './path-hash.js';
import { sha256Hex } from './sha256.js';
import { xstate } from './xstate-module.js';

/** The format tag of a persisted household journey. */
export const HOUSEHOLD_JOURNEY_FORMAT = 'zorgpaden/household-journey';

/** A household journey saved with `persist()`: plain JSON, tied to one version of one path. */
export interface PersistedHouseholdJourney {
  format: typeof HOUSEHOLD_JOURNEY_FORMAT;
  formatVersion: 1;
  pathId: string;
  pathVersion: string;
  pathHash: string;
  snapshot: { status: string; value: unknown; context: HouseholdJourneyContext; [key: string]: unknown };
}

/** What `send` did: the entries it added (moves, starts, referrals), or none. */
export interface HouseholdSendResult {
  accepted: boolean;
  entries: HouseholdEntry[];
}

/** A transition a running track instance offers now. */
export interface HouseholdAvailable {
  track: string;
  index: number;
  to: string;
  event: string;
}

/** A household's journey through a household path: a thin wrapper over one XState actor. */
export interface HouseholdJourney {
  readonly path: HouseholdPath;
  readonly actor: Actor<AnyStateMachine>;
  /** Sends an event to every track; `RISK_SIGNALLED` with `risks`, and `attributes` on any event, are recorded first. */
  send(event: HouseholdEvent): HouseholdSendResult;
  /** The step of every started track instance, e.g. `{ zorg: "controles", sociaal: "wijkteam-intake", "jgz#1": "hielprik" }`. */
  readonly tracks: Record<string, string>;
  /** The risks signalled so far. */
  readonly signalled: readonly string[];
  readonly history: readonly HouseholdEntry[];
  readonly context: HouseholdJourneyContext;
  /** The transitions each running track instance offers now, for an app's menu. */
  available(): HouseholdAvailable[];
  persist(): PersistedHouseholdJourney;
  stop(): void;
}

const hashes = new WeakMap<object, string>();
function householdHash(path: HouseholdPath): string {
  let hash = hashes.get(path);
  if (hash === undefined) {
    hash = sha256Hex(stableStringify(path));
    hashes.set(path, hash);
  }
  return hash;
}

/** Every risk key the path knows: declared, detected, addressed or tested in a condition. */
function knownRisks(path: HouseholdPath): Set<string> {
  const known = new Set(Object.keys(path.risks ?? {}));
  for (const step of Object.values(path.steps)) {
    for (const key of Object.keys(step.detects ?? {})) known.add(key);
    for (const key of step.addresses ?? []) known.add(key);
    for (const t of step.transitions) risksIn(t.when, known);
    for (const r of step.refers ?? []) risksIn(r.when, known);
  }
  for (const intervention of Object.values(path.interventions ?? {})) for (const key of intervention.addresses) known.add(key);
  return known;
}

function checkRisks(path: HouseholdPath, event: HouseholdEvent): void {
  const known = knownRisks(path);
  // the example is a key of this path, so that it can be copied
  const example = [...known][0] ?? 'schulden';
  const words = { en: `a list of risk keys of the path, e.g. ["${example}"]`, nl: `een lijst risicosleutels van het pad, bijv. ["${example}"]` };
  if (!Array.isArray(event.risks) || event.risks.length === 0) throw argumentError('journey.send', 'event.risks', words, event.risks);
  for (const risk of event.risks) {
    if (typeof risk !== 'string') throw argumentError('journey.send', 'event.risks', words, event.risks);
    if (!known.has(risk)) {
      const guess = didYouMean(risk, known);
      throw argumentError('journey.send', 'event.risks', words, { en: `"${risk}", which the path does not know${guess ? ` (did you mean "${guess}"?)` : ''}`, nl: `"${risk}", dat het pad niet kent${guess ? ` (bedoelde je "${guess}"?)` : ''}` });
    }
  }
}

/** The attribute keys a household path knows: those it says whose they are, and those its conditions compare. */
function knownAttributes(path: HouseholdPath): Set<string> {
  const known = new Set(Object.keys(path.attributes ?? {}));
  for (const step of Object.values(path.steps)) {
    for (const t of step.transitions) attributesIn(t.when, known);
    for (const r of step.refers ?? []) attributesIn(r.when, known);
  }
  for (const intervention of Object.values(path.interventions ?? {})) attributesIn(intervention.targetGroup, known);
  return known;
}

function checkAttributes(path: HouseholdPath, event: HouseholdEvent): void {
  const words = { en: 'an object of attribute keys of the path and their values, e.g. { "zwangerschapsweek": 14 }', nl: 'een object met attribuutsleutels van het pad en hun waarden, bijv. { "zwangerschapsweek": 14 }' };
  const attributes: unknown = event.attributes;
  if (!isRecord(attributes) || Object.keys(attributes).length === 0) throw argumentError('journey.send', 'event.attributes', words, attributes);
  const known = knownAttributes(path);
  for (const [key, value] of Object.entries(attributes)) {
    if (!known.has(key)) {
      const guess = didYouMean(key, known);
      throw argumentError('journey.send', 'event.attributes', words, { en: `"${key}", which the path does not know${guess ? ` (did you mean "${guess}"?)` : ''}`, nl: `"${key}", dat het pad niet kent${guess ? ` (bedoelde je "${guess}"?)` : ''}` });
    }
    const valid = typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 500);
    if (!valid) throw argumentError('journey.send', `event.attributes.${key}`, { en: 'a string, a finite number or true/false', nl: 'een tekst, een eindig getal of true/false' }, value);
  }
}

function readSaved(path: HouseholdPath, saved: unknown): PersistedHouseholdJourney {
  const invalid = (reason: string, reasonNl: string) => machineError(MACHINE_CODES.snapshotInvalid, { reason, reasonNl });
  if (!isRecord(saved) || saved.format !== HOUSEHOLD_JOURNEY_FORMAT || saved.formatVersion !== 1 || !isRecord(saved.snapshot) || !isRecord(saved.snapshot.context)) {
    throw invalid('it is not a saved household journey', 'het is geen opgeslagen route van een huishouden');
  }
  if (saved.pathId !== path.id || saved.pathVersion !== path.version || saved.pathHash !== householdHash(path)) {
    throw machineError(MACHINE_CODES.snapshotPathMismatch, {
      savedId: String(saved.pathId),
      savedVersion: String(saved.pathVersion),
      pathId: path.id,
      pathVersion: path.version,
      hashNote: saved.pathId === path.id && saved.pathVersion === path.version ? ' (the content changed)' : '',
      hashNoteNl: saved.pathId === path.id && saved.pathVersion === path.version ? ' (de inhoud is veranderd)' : '',
    });
  }
  return saved as unknown as PersistedHouseholdJourney;
}

/**
 * Starts (or, with `options.snapshot`, restores) the journey of a household through a household
 * path (format version 2): every track is a region of one XState actor. A saved version 1 journey
 * continues on the path migrated from its path (`migratePathV1`): its history is walked again in
 * the track `zorg`.
 *
 * @example
 * const journey = createHouseholdJourney(path, {});
 * journey.send({ type: 'RISK_SIGNALLED', risks: ['schulden'] }); // the nurse finds debts at the visit
 * journey.tracks; // { zorg: 'intake', sociaal: 'wijkteam-intake' }
 */
export function createHouseholdJourney(path: HouseholdPath, client: ClientInput | undefined, options: HouseholdMachineOptions & { snapshot?: unknown; startDay?: number } = {}): HouseholdJourney {
  requireRecord('createHouseholdJourney', 'path', path);
  requireRecord('createHouseholdJourney', 'options', options, { optional: true });
  options ??= {};
  if (isVersionOneJourney(options.snapshot)) return replayVersionOne(path, options.snapshot as Record<string, unknown>, options);
  requireMaxChildren(options.maxChildren);
  const saved = options.snapshot === undefined ? undefined : readSaved(path, options.snapshot);
  // a restored journey follows at least the children it was saved with: its own capacity, or more when asked
  const maxChildren = options.maxChildren ?? Math.max(DEFAULT_MAX_CHILDREN, saved === undefined ? 0 : savedCapacity(path, saved));
  const machine = cachedHouseholdMachine(path, { ...(options.id === undefined ? {} : { id: options.id }), maxChildren });
  const instances = trackInstances(path, maxChildren);
  const { createActor } = xstate();
  let actor: Actor<AnyStateMachine>;
  if (saved !== undefined) {
    actor = createActor(machine, { snapshot: withCapacity(path, instances, saved, maxChildren) as never, input: { client: saved.snapshot.context.client } });
  } else {
    const parsed = ClientSchema.safeParse(client ?? {});
    if (!parsed.success) throw clientError(client ?? {}, parsed.error.issues);
    actor = createActor(machine, { input: { client: parsed.data, ...(options.startDay !== undefined ? { startDay: options.startDay } : {}) } });
  }
  actor.start();
  const context = () => actor.getSnapshot().context as HouseholdJourneyContext;

  return {
    path,
    actor,
    send(event) {
      if (!isRecord(event) || typeof event.type !== 'string' || event.type === '') {
        throw argumentError('journey.send', 'event', { en: 'an event object such as { type: "NEXT" }', nl: 'een gebeurtenis-object zoals { type: "NEXT" }' }, event);
      }
      const before = context().history.length;
      const madeBefore = context().made.length;
      const signals = event.type === 'RISK_SIGNALLED' && event.risks !== undefined;
      if (signals) checkRisks(path, event);
      if (event.attributes !== undefined) checkAttributes(path, event);
      if (event.children !== undefined && !(Number.isInteger(event.children) && event.children >= 1 && event.children <= 16)) {
        throw argumentError('journey.send', 'event.children', { en: 'the number of children of the birth: a whole number from 1 to 16', nl: 'het aantal kinderen van de geboorte: een geheel getal van 1 tot en met 16' }, event.children);
      }
      const beyond = birthBeyond(path, instances, context(), event, maxChildren);
      if (beyond) throw machineError(MACHINE_CODES.tooManyChildren, { born: beyond.born === 1 ? '1 child' : `${beyond.born} children`, bornNl: beyond.born === 1 ? '1 kind' : `${beyond.born} kinderen`, total: beyond.total, max: maxChildren });
      if (signals || event.attributes !== undefined) {
        actor.send({ type: RECORD_SIGNALS, risks: signals ? event.risks : [], ...(event.attributes !== undefined ? { attributes: event.attributes } : {}) });
      }
      actor.send(event);
      const after = context();
      return { accepted: after.history.length > before || after.made.length > madeBefore, entries: after.history.slice(before) };
    },
    get tracks() {
      const out: Record<string, string> = {};
      for (const instance of instances) {
        const position = context().tracks[instance.id];
        if (position) out[instance.id] = position.step;
      }
      return out;
    },
    get signalled() {
      return context().signalled;
    },
    get history() {
      return context().history;
    },
    get context() {
      return context();
    },
    available() {
      const c = context();
      const view = householdView(c);
      const out: HouseholdAvailable[] = [];
      for (const instance of instances) {
        for (const { index, transition } of openTransitions(path, c, instance.id, view)) out.push({ track: instance.id, index, to: transition.to, event: eventOf(transition) });
      }
      return out;
    },
    persist() {
      const snapshot = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as PersistedHouseholdJourney['snapshot'];
      return { format: HOUSEHOLD_JOURNEY_FORMAT, formatVersion: 1, pathId: path.id, pathVersion: path.version, pathHash: householdHash(path), snapshot };
    },
    stop() {
      actor.stop();
    },
  };
}

function requireMaxChildren(value: unknown): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 64)) {
    throw argumentError('createHouseholdJourney', 'options.maxChildren', { en: 'a whole number from 1 to 64 (or left out: 3)', nl: 'een geheel getal van 1 tot en met 64 (of weggelaten: 3)' }, value);
  }
}

/** The children a saved journey's machine followed: the child track regions in its state value. */
function savedCapacity(path: HouseholdPath, saved: PersistedHouseholdJourney): number {
  const value = saved.snapshot.value;
  let most = 0;
  if (!isRecord(value)) return most;
  for (const [id, track] of Object.entries(path.tracks)) {
    if (!isChildTrack(path, track)) continue;
    const prefix = `${toStateKey(id)}_n`;
    for (const key of Object.keys(value)) if (key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length))) most = Math.max(most, Number(key.slice(prefix.length)));
  }
  return most;
}

/**
 * The saved snapshot for a machine that follows `maxChildren` children: a region at rest for each
 * child it did not follow yet, none for a child beyond; refused when more children were born.
 */
function withCapacity(path: HouseholdPath, instances: readonly TrackInstance[], saved: PersistedHouseholdJourney, maxChildren: number): unknown {
  const snapshot = structuredClone(saved.snapshot);
  // a journey saved before raised events were kept: they are the events its visited steps emitted
  if (!isRecord(snapshot.context.raised)) snapshot.context.raised = raisedInHistory(path, Array.isArray(snapshot.context.history) ? snapshot.context.history : []);
  const born = snapshot.context.children;
  if (typeof born === 'number' && born > maxChildren) {
    throw machineError(MACHINE_CODES.snapshotInvalid, {
      reason: `it follows ${born} children, more than maxChildren ${maxChildren}; restore it with { maxChildren: ${born} } or more`,
      reasonNl: `ze volgt ${born} kinderen, meer dan maxChildren ${maxChildren}; herstel haar met { maxChildren: ${born} } of meer`,
    });
  }
  if (!isRecord(snapshot.value)) return snapshot;
  const value: Record<string, unknown> = {};
  for (const instance of instances) value[instance.key] = snapshot.value[instance.key] ?? 'rest';
  snapshot.value = value;
  return snapshot;
}

/**
 * A version 1 journey continued on the household path migrated from its path: a new household
 * journey walks the saved history again, move by move (so XState builds the snapshot itself), and
 * must end where the saved journey was. Events the version 1 journey rejected are not carried over.
 */
function replayVersionOne(path: HouseholdPath, saved: Record<string, unknown>, options: HouseholdMachineOptions & { snapshot?: unknown; startDay?: number }): HouseholdJourney {
  const replay = readVersionOneJourney(path, saved);
  const { snapshot: _snapshot, startDay: _startDay, ...rest } = options;
  const journey = createHouseholdJourney(path, replay.client, { ...rest, startDay: replay.startDay });
  const fail = (reason: string, reasonNl: string) => {
    journey.stop();
    return machineError(MACHINE_CODES.snapshotInvalid, { reason, reasonNl });
  };
  for (const move of replay.moves) {
    const at = journey.context.tracks[V1_TRACK];
    const after = path.steps[move.from]?.transitions[move.index]?.after ?? 0;
    // the day the move was made: its arrival day less the delay, unless a window held the arrival back
    const day = at !== undefined && move.day - after >= at.day ? move.day - after : undefined;
    const sent = at?.step === move.from ? journey.send({ type: move.event, track: V1_TRACK, to: move.to, ...(day !== undefined ? { day } : {}) }) : undefined;
    if (!sent?.accepted || journey.context.tracks[V1_TRACK]?.day !== move.day) {
      throw fail(`the move from "${move.from}" to "${move.to}" on day ${move.day} cannot be made again on this path`, `de stap van "${move.from}" naar "${move.to}" op dag ${move.day} kan op dit pad niet opnieuw worden gezet`);
    }
  }
  const end = journey.context.tracks[V1_TRACK];
  if (end?.step !== replay.step || end.day !== replay.day) {
    throw fail(`it ends in "${replay.step}" on day ${replay.day}, and its history does not lead there`, `ze eindigt in "${replay.step}" op dag ${replay.day}, en de geschiedenis leidt daar niet heen`);
  }
  return journey;
}

