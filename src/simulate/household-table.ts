import {
  BIRTH_EVENT,
  emitsOf,
  isChildTrack,
  PHASE_RANGE,
  windowDays,
  type CarePath,
  type Condition,
  type HouseholdPath,
  type Menukaart,
  type Population,
  type Step,
} from '../model/index.js';
import { mentionsSignalled } from '../model/condition-eval.js';
import { addConditionKeys, addRiskKey, spaceOf } from './client.js';
import { compileCondition, MASK_RISKS, MASK_TEST, maskTest, type CompiledCondition } from './conditions.js';
import { tableData } from './table.js';
import { instantiateTable, type SimTable, type TableData } from './table-instance.js';

/** How a referral or a transfer is marked. */
export const MARK = { none: 0, warm: 1, cold: 2 } as const;

/** One track of a household path, compiled. */
export interface TrackEntry {
  id: string;
  /** Index of the initial step, or −1 when the track starts only by a referral. */
  initial: number;
  /** Index of the event that starts it, or −1 when it starts with the journey (or by referral). */
  startsOn: number;
  /** A track of the child member: one instance per child. */
  child: boolean;
}

/**
 * A household path compiled for the simulator: the version 1 table of all steps (transitions,
 * windows, conditions, support) plus tracks, household events, signalling and referrals.
 */
export interface HouseholdTable {
  pathId: string;
  pathVersion: string;
  /** The table of every step and transition, as version 1 compiles it (conditions see `signalled` flags). */
  base: SimTable;
  tracks: TrackEntry[];
  /** The track index of each step. */
  stepTrack: Int32Array;
  /** The household events: the events some step emits. */
  events: string[];
  /** Index of the BIRTH event, or −1. */
  birth: number;
  /** Events each step emits (flattened: `emitFirst[s]` … `emitFirst[s + 1] - 1`). */
  emitFirst: Int32Array;
  emitEvent: Int32Array;
  /** For each transition: the household event it waits for, or −1. */
  waitEvent: Int32Array;
  /** For each transition: a transfer of responsibility (MARK.warm / MARK.cold) or MARK.none. */
  transfer: Uint8Array;
  /** Risks each step detects, with the probability (flattened like emits). */
  detectFirst: Int32Array;
  detectRisk: Int32Array;
  detectChance: Float64Array;
  /** Referrals of each step (flattened like emits): target step and track, condition, acceptance, mark. */
  referFirst: Int32Array;
  referTo: Int32Array;
  referTrack: Int32Array;
  referWhen: (CompiledCondition | null)[];
  referAccepted: Float64Array;
  referMark: Uint8Array;
  /** Day each step's window opens (−Infinity when open). */
  windowFrom: Float64Array;
  /** Day a track starting in each step with the journey begins: its window start, else its phase start. */
  journeyStart: Float64Array;
  /** Share of births that bring two children. */
  multipleBirths: number;
  /**
   * The distinct conditions of transitions and referrals, each compiled once; `whenSlot[t]` and
   * `referSlot[q]` give a transition's and a referral's (−1: none). A condition that does not
   * mention `signalled` cannot change during a household's walk, so the walk evaluates it at most
   * once per household (`conditionFixed`).
   */
  conditions: CompiledCondition[];
  conditionFixed: Uint8Array;
  /**
   * Per condition, how it is tested against the household's risk mask (`MASK_TEST`, with the bits
   * of `conditionMask`), or `MASK_TEST.closure` when it needs its compiled closure.
   */
  conditionTest: Uint8Array;
  conditionMask: Int32Array;
  whenSlot: Int32Array;
  referSlot: Int32Array;
  /** Per transition, what the walk must check besides its window: see `CHECK`. */
  check: Uint8Array;
  /** Per transition with `CHECK.mask`: its condition as one test of the risk mask (`MASK_TEST`, with the bits of `whenMask`). */
  whenTest: Uint8Array;
  whenMask: Int32Array;
  /**
   * Per step: the risks it detects as bits of the risk mask, and 1 in `detectWide` when it also
   * detects a risk beyond the mask; a visit that can signal nothing new skips the detect loop.
   */
  detectMask: Int32Array;
  detectWide: Uint8Array;
  /** Per step: 1 when a visit does more than count (it detects, addresses, emits or refers). */
  busy: Uint8Array;
}

/** What a transition needs checked before it is enabled, besides the target's window. */
export const CHECK = { never: 0, none: 1, condition: 2, event: 3, mask: 4 } as const;

/**
 * A household table as plain data (conditions as data, no closures), so that it can be sent to a
 * worker thread, which compiles the conditions itself (`instantiateHouseholdTable`).
 */
export type HouseholdTableData = Omit<HouseholdTable, 'base' | 'referWhen' | 'conditions' | 'conditionTest' | 'conditionMask' | 'check' | 'whenTest' | 'whenMask' | 'detectMask' | 'detectWide' | 'busy'> & {
  base: TableData;
  conditions: Condition[];
};

/** What a household table is compiled from besides the path. */
export interface HouseholdTableOptions {
  population?: Population;
  menukaart?: Menukaart;
}

function flatten<T>(lists: T[][]): { first: Int32Array; items: T[] } {
  const first = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (first[i + 1] = first[i]! + list.length));
  return { first, items: lists.flat() };
}

const markOf = (handoff: string | undefined) => (handoff === 'warm' ? MARK.warm : handoff === 'cold' ? MARK.cold : MARK.none);

/** The version 1 view of a household path's steps, which the version 1 table compiler reads. */
function stepsView(path: HouseholdPath): CarePath {
  const steps: Record<string, Step> = {};
  for (const [id, step] of Object.entries(path.steps)) {
    const { track: _track, refers: _refers, emits: _emits, detects, ...rest } = step;
    // the risks a step detects join the space like version 1's signals do
    steps[id] = { ...rest, ...(detects ? { signals: Object.keys(detects) } : {}) };
  }
  const factors = (table: HouseholdPath['risks']) => (table ? Object.fromEntries(Object.entries(table).map(([k, { member: _member, ...f }]) => [k, f])) : undefined);
  const risks = factors(path.risks);
  const protections = factors(path.protections);
  return {
    schemaVersion: 1,
    id: path.id,
    version: path.version,
    title: path.title,
    actors: path.actors,
    initial: Object.keys(path.steps)[0] ?? '',
    steps,
    ...(path.interventions ? { interventions: path.interventions } : {}),
    ...(risks ? { risks } : {}),
    ...(protections ? { protections } : {}),
  };
}

/** Compiles a (valid) household path to the table the household simulator walks. */
export function compileHouseholdTable(path: HouseholdPath, options: HouseholdTableOptions = {}): HouseholdTable {
  return instantiateHouseholdTable(householdTableData(path, options));
}

/** Compiles a (valid) household path to household table data: typed arrays, with conditions still as data. */
export function householdTableData(path: HouseholdPath, options: HouseholdTableOptions = {}): HouseholdTableData {
  const view = stepsView(path);
  const data = tableData(view, options);
  const stepIds = data.stepIds;
  const steps = stepIds.map((id) => path.steps[id]!);
  // referral conditions and detected risks need their keys in the space too (appended, so indices stay)
  const space = spaceOf(data.space);
  for (const step of steps) {
    for (const r of step.refers ?? []) addConditionKeys(space, r.when);
    for (const key of Object.keys(step.detects ?? {})) addRiskKey(space, key);
  }
  data.space = { risks: space.risks, protections: space.protections, attributes: space.attributes };

  const stepIndex = new Map(stepIds.map((id, i) => [id, i]));
  const trackIds = Object.keys(path.tracks);
  const trackIndex = new Map(trackIds.map((id, i) => [id, i]));
  const events = [...new Set(steps.flatMap(emitsOf))];
  const eventIndex = new Map(events.map((e, i) => [e, i]));
  const tracks: TrackEntry[] = trackIds.map((id) => {
    const track = path.tracks[id]!;
    return {
      id,
      initial: track.initial === undefined ? -1 : (stepIndex.get(track.initial) ?? -1),
      startsOn: track.startsOn === undefined ? -1 : (eventIndex.get(track.startsOn) ?? -1),
      child: isChildTrack(path, track),
    };
  });
  const transitions = steps.flatMap((step) => step.transitions);
  const emits = flatten(steps.map((step) => emitsOf(step).map((e) => eventIndex.get(e)!)));
  const detects = flatten(steps.map((step) => Object.entries(step.detects ?? {})));
  const refers = flatten(steps.map((step) => step.refers ?? []));
  // each distinct condition once, by its JSON text
  const conditions: Condition[] = [];
  const slots = new Map<string, number>();
  const slotOf = (c: Condition | null | undefined): number => {
    if (c === null || c === undefined) return -1;
    const key = JSON.stringify(c);
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = conditions.length;
      slots.set(key, slot);
      conditions.push(c);
    }
    return slot;
  };
  return {
    pathId: path.id,
    pathVersion: path.version,
    base: data,
    tracks,
    stepTrack: Int32Array.from(steps, (step) => trackIndex.get(step.track) ?? 0),
    events,
    birth: eventIndex.get(BIRTH_EVENT) ?? -1,
    emitFirst: emits.first,
    emitEvent: Int32Array.from(emits.items),
    waitEvent: Int32Array.from(transitions, (t) => (t.on === undefined ? -1 : (eventIndex.get(t.on) ?? -1))),
    transfer: Uint8Array.from(transitions, (t) => markOf(t.handoff)),
    detectFirst: detects.first,
    detectRisk: Int32Array.from(detects.items, ([risk]) => space.riskIndex.get(risk)!),
    detectChance: Float64Array.from(detects.items, ([, p]) => p),
    referFirst: refers.first,
    referTo: Int32Array.from(refers.items, (r) => stepIndex.get(r.to) ?? -1),
    referTrack: Int32Array.from(refers.items, (r) => trackIndex.get(path.steps[r.to]?.track ?? '') ?? -1),
    referAccepted: Float64Array.from(refers.items, (r) => r.accepted ?? 1),
    referMark: Uint8Array.from(refers.items, (r) => markOf(r.handoff)),
    windowFrom: Float64Array.from(steps, (step) => {
      const { from } = windowDays(step.window);
      return from;
    }),
    journeyStart: Float64Array.from(steps, (step) => {
      const { from } = windowDays(step.window);
      return Number.isFinite(from) ? from : PHASE_RANGE[step.phase].from;
    }),
    multipleBirths: options.population?.multipleBirths?.share ?? 0,
    whenSlot: Int32Array.from(data.when, slotOf),
    referSlot: Int32Array.from(refers.items, (r) => slotOf(r.when)),
    conditions,
    conditionFixed: Uint8Array.from(conditions, (c) => (mentionsSignalled(c) ? 0 : 1)),
  };
}

/** Compiles the conditions of household table data to closures. */
export function instantiateHouseholdTable(data: HouseholdTableData): HouseholdTable {
  const base = instantiateTable(data.base);
  const conditions = data.conditions.map((c) => compileCondition(c, base.space));
  const masks = data.conditions.map((c) => maskTest(c, base.space));
  const range = (first: Int32Array, s: number) => first[s + 1]! - first[s]!;
  const conditionTest = Uint8Array.from(masks, (m) => m?.test ?? MASK_TEST.closure);
  const conditionMask = Int32Array.from(masks, (m) => m?.mask ?? 0);
  const maskOf = (t: number) => (data.whenSlot[t]! < 0 ? MASK_TEST.closure : conditionTest[data.whenSlot[t]!]!);
  const checkOf = (e: number, t: number) => {
    if (!(base.weight[t]! > 0)) return CHECK.never;
    if (e >= 0) return CHECK.event;
    if (data.whenSlot[t]! < 0) return CHECK.none;
    return maskOf(t) === MASK_TEST.closure ? CHECK.condition : CHECK.mask;
  };
  const detectsOf = (s: number) => data.detectRisk.subarray(data.detectFirst[s]!, data.detectFirst[s + 1]!);
  return {
    ...data,
    base,
    conditions,
    referWhen: Array.from(data.referSlot, (slot) => (slot < 0 ? null : conditions[slot]!)),
    conditionTest,
    conditionMask,
    check: Uint8Array.from(data.waitEvent, checkOf),
    whenTest: Uint8Array.from(data.whenSlot, (_, t) => maskOf(t)),
    whenMask: Int32Array.from(data.whenSlot, (slot) => (slot < 0 ? 0 : conditionMask[slot]!)),
    detectMask: Int32Array.from(base.stepIds, (_, s) => detectsOf(s).reduce((mask, r) => (r < MASK_RISKS ? mask | (1 << r) : mask), 0)),
    detectWide: Uint8Array.from(base.stepIds, (_, s) => (detectsOf(s).some((r) => r >= MASK_RISKS) ? 1 : 0)),
    busy: Uint8Array.from(base.stepIds, (_, s) => (range(data.detectFirst, s) + range(base.addressFirst, s) + range(data.emitFirst, s) + range(data.referFirst, s) > 0 ? 1 : 0)),
  };
}

/** The day a track starting in step `s` begins when it starts on `day`, or with the journey (`day` −Infinity). */
export function startingDay(table: HouseholdTable, s: number, day: number): number {
  if (day === -Infinity) return table.journeyStart[s]!;
  const from = table.windowFrom[s]!;
  return day > from ? day : from;
}

/** Whether a transition out of step `s` waits for event `e`: an instance waiting there wakes when `e` is raised. */
export function stepAwaits(table: HouseholdTable, s: number, e: number): boolean {
  const { first } = table.base;
  for (let t = first[s]!; t < first[s + 1]!; t++) if (table.waitEvent[t] === e) return true;
  return false;
}
