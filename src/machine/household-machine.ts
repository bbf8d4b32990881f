import type { AnyStateMachine } from 'xstate';
import { hasErrors } from '../diagnostics/index.js';
import {
  arrivalDay,
  BIRTH_EVENT,
  checkHouseholdReferences,
  emitsOf,
  evaluateCondition,
  eventOf,
  isChildTrack,
  isEnabled,
  PHASE_RANGE,
  windowDays,
  type AttributeValue,
  type Client,
  type HandoffKind,
  type HouseholdPath,
  type HouseholdStep,
  type Step,
} from '../model/index.js';
import { MACHINE_CODES, machineError } from './codes.js';
import { awaitedEvent, decisionDay, selfMove } from './household-events.js';
import { toStateKey } from './state-keys.js';
import { xstate } from './xstate-module.js';

/** Where one track instance is: its step and the day it arrived there (its own clock). */
export interface TrackPosition {
  step: string;
  day: number;
  /** The history index of the visit, so that a referral is made once per visit. */
  visit: number;
}

/** One thing that happened in a household journey: a track started, moved, or was referred into. */
export interface HouseholdEntry {
  /** The track instance (`jgz#1` for the first child's track). */
  track: string;
  step: string;
  day: number;
  /** The step the instance left (a transition), or the step that referred (a referral). */
  from?: string;
  event?: string;
  /** A transfer of responsibility within the track. */
  handoff?: HandoffKind;
  /** Set when the track was started by a referral from another track. */
  referral?: { handoff?: HandoffKind };
}

/** The context of a household journey machine. */
export interface HouseholdJourneyContext {
  /** What the app knows of the household: risks (signalled ones included), protections, attributes. */
  client: Client;
  /** Risks signalled so far, in the order they were signalled. */
  signalled: string[];
  /** Children born so far. */
  children: number;
  /**
   * The household events raised so far (events some step emits), with the day each was first
   * raised. A raised event stays raised (decision 0006 §3): a transition waiting for it is enabled
   * from then on, in a track that waits at it and in one that arrives later.
   */
  raised: Record<string, number>;
  /** Track instances that have started, with their position (an ended one rests in its outcome). */
  tracks: Record<string, TrackPosition>;
  /** Track instances to start, by a referral or an event, with their first step and day. */
  starts: Record<string, { step: string; day: number; from?: string; handoff?: HandoffKind }>;
  /** Referrals made, as `instance:visit:referral`, so that one visit refers once. */
  made: string[];
  history: HouseholdEntry[];
}

/** An event an app sends to a household journey. */
export interface HouseholdEvent {
  type: string;
  /** Only this track instance (`"zorg"`, `"jgz#1"`) or track (`"jgz"`: every child's) takes the event. */
  track?: string;
  to?: string;
  day?: number;
  /** For RISK_SIGNALLED: the risk keys the app learnt. */
  risks?: string[];
  /** On any event: attributes the app learnt (a gestational age, a language), recorded before the event reaches the tracks. */
  attributes?: Record<string, AttributeValue>;
  /** Children of a birth, when the event leads into a step that emits BIRTH (default 1). */
  children?: number;
}

/** The internal event that records signalled risks and learnt attributes before the app's event reaches the tracks. */
export const RECORD_SIGNALS = 'zorgpaden.record-signals';

/** A track instance of a compiled household machine. */
export interface TrackInstance {
  id: string;
  track: string;
  /** 0 for a track of the household or an adult; the child's number for a child's track. */
  child: number;
  key: string;
}

/** Options of `toHouseholdMachine`. */
export interface HouseholdMachineOptions {
  id?: string;
  /**
   * How many children the machine can follow, each with their own instance of the child's tracks
   * (default `DEFAULT_MAX_CHILDREN`, 3). A birth beyond it is not taken: a journey refuses it with
   * `too-many-children`, so no child is followed by half.
   */
  maxChildren?: number;
}

/**
 * The children a household journey follows unless told otherwise: one birth of up to triplets, or
 * twins and a later child. Twins are about 1.7% of Dutch births and the simulator draws no more
 * than two per birth; triplets exist but are rarer still. Quadruplets, or several births of twins
 * in a looping path, need a higher `maxChildren`.
 */
export const DEFAULT_MAX_CHILDREN = 3;

/** The number of children a birth brings: the event's `children`, at least 1. */
export function bornBy(event: Pick<HouseholdEvent, 'children'> | undefined): number {
  return Math.max(1, Math.floor(event?.children ?? 1));
}

/** The track instances a household path compiles to: one per track, one per child for a child's track. */
export function trackInstances(path: HouseholdPath, maxChildren = DEFAULT_MAX_CHILDREN): TrackInstance[] {
  const out: TrackInstance[] = [];
  for (const [id, track] of Object.entries(path.tracks)) {
    if (!isChildTrack(path, track)) out.push({ id, track: id, child: 0, key: toStateKey(id) });
    else for (let k = 1; k <= maxChildren; k++) out.push({ id: `${id}#${k}`, track: id, child: k, key: `${toStateKey(id)}_n${k}` });
  }
  return out;
}

const stateId = (instance: TrackInstance, step: string) => `${instance.key}.${toStateKey(step)}`.replace(/\./g, '__');

/** The client as conditions read it: known risks, and the signalled ones (with those the event brings). */
export function householdView(context: HouseholdJourneyContext, event?: HouseholdEvent) {
  const incoming = event?.type === RECORD_SIGNALS || event?.type === 'RISK_SIGNALLED' ? (event.risks ?? []) : [];
  return {
    risks: new Set([...context.client.risks, ...incoming]),
    protections: new Set(context.client.protections),
    attributes: event?.attributes ? { ...context.client.attributes, ...event.attributes } : context.client.attributes,
    signalled: new Set([...context.signalled, ...incoming]),
  };
}

function firstDay(step: Step): number {
  const { from } = windowDays(step.window);
  return Number.isFinite(from) ? from : PHASE_RANGE[step.phase].from;
}

/**
 * The referrals a visit makes now (their condition holds, the target instance neither runs nor is
 * about to start): new `starts` and `made` entries.
 */
function referralsOf(path: HouseholdPath, instances: TrackInstance[], context: HouseholdJourneyContext, instance: TrackInstance, event?: HouseholdEvent) {
  const position = context.tracks[instance.id];
  if (!position) return undefined;
  const step = path.steps[position.step]!;
  const view = householdView(context, event);
  const starts = { ...context.starts };
  const made = [...context.made];
  (step.refers ?? []).forEach((referral, index) => {
    const key = `${instance.id}:${position.visit}:${index}`;
    if (made.includes(key)) return;
    if (!evaluateCondition(referral.when, view)) return;
    const target = path.steps[referral.to]!;
    const into = instances.filter((i) => i.track === target.track && (i.child === 0 || i.child === instance.child || (instance.child === 0 && i.child <= context.children)));
    made.push(key);
    for (const i of into) {
      const running = context.tracks[i.id] !== undefined && path.steps[context.tracks[i.id]!.step]!.kind !== 'outcome';
      if (running || starts[i.id]) continue;
      const day = Math.max(position.day, windowDays(target.window).from);
      starts[i.id] = { step: referral.to, day, from: position.step, ...(referral.handoff ? { handoff: referral.handoff } : {}) };
    }
  });
  return { starts, made };
}

/**
 * Compiles a household path (format version 2) to one XState v5 machine: every track instance is
 * a region of a parallel state (a child's track once per child, up to `maxChildren`), so the
 * inspector shows each and `getPersistedSnapshot` keeps each. An event reaches every track;
 * visiting a step raises its `emits` in the whole household (kept in the context's `raised`) and
 * makes its referrals; a referral or start event starts a resting region. A transition waiting for
 * a household event is taken once the event is raised: by itself when it is the only move the
 * track can make, else when the app sends it (decision 0006 §3). `RISK_SIGNALLED` with `risks` records them (send it
 * through a household journey, which records before the tracks see it).
 */
export function toHouseholdMachine(path: HouseholdPath, options: HouseholdMachineOptions = {}): AnyStateMachine {
  const problems = checkHouseholdReferences(path);
  if (hasErrors(problems)) {
    const error = machineError(MACHINE_CODES.pathInvalid, { path: path.id, count: problems.length });
    error.diagnostics.push(...problems);
    throw error;
  }
  const maxChildren = options.maxChildren ?? DEFAULT_MAX_CHILDREN;
  const instances = trackInstances(path, maxChildren);
  const byId = new Map(instances.map((i) => [i.id, i]));

  const { assign, enqueueActions, setup } = xstate();
  const machineSetup = setup({
    types: { context: {} as HouseholdJourneyContext, events: {} as HouseholdEvent, input: {} as { client: Client; startDay?: number } },
    guards: {
      startsAt: ({ context }, params: { instance: string; step: string }) => context.starts[params.instance]?.step === params.step,
      takes: ({ context, event }, params: { instance: string; step: string; index: number }) => {
        const instance = byId.get(params.instance)!;
        if (event.track !== undefined && event.track !== instance.id && event.track !== instance.track) return false;
        const position = context.tracks[instance.id];
        if (!position || position.step !== params.step) return false;
        const transition = path.steps[params.step]!.transitions[params.index]!;
        if (event.to !== undefined && event.to !== transition.to) return false;
        if (event.day !== undefined && !(event.day >= position.day)) return false;
        // a transition waiting for a household event is not taken before the event is raised
        const day = decisionDay(path, context, position, transition, event.day);
        if (day === undefined) return false;
        // a birth of more children than the machine has regions for is not taken: no child is lost
        if (emitsOf(path.steps[transition.to]!).includes(BIRTH_EVENT) && context.children + bornBy(event) > maxChildren) return false;
        return isEnabled(transition, path.steps[transition.to], householdView(context, event), day);
      },
      // the track moves by itself when all it can do is one move on a raised household event
      movesItself: ({ context, event }, params: { instance: string; step: string; index: number }) => {
        if (context.tracks[params.instance]?.step !== params.step) return false;
        // a birth it moves into brings the children the event that set it moving gives, as `visit` counts them
        return selfMove(path, context, params.instance, householdView(context), maxChildren, bornBy(event))?.index === params.index;
      },
    },
    actions: {
      start: assign(({ context }, params: { instance: string }) => {
        const start = context.starts[params.instance]!;
        const { [params.instance]: _started, ...starts } = context.starts;
        const entry: HouseholdEntry = { track: params.instance, step: start.step, day: start.day };
        if (start.from !== undefined) entry.from = start.from;
        if (start.from !== undefined) entry.referral = start.handoff ? { handoff: start.handoff } : {};
        return { starts, tracks: { ...context.tracks, [params.instance]: { step: start.step, day: start.day, visit: context.history.length } }, history: [...context.history, entry] };
      }),
      take: assign(({ context, event }, params: { instance: string; step: string; index: number; self?: boolean }) => {
        const position = context.tracks[params.instance]!;
        const transition = path.steps[params.step]!.transitions[params.index]!;
        // a move by itself is not the app's: the day the app's event gives is not its day
        const decided = decisionDay(path, context, position, transition, params.self ? undefined : event.day) ?? position.day;
        const day = arrivalDay(decided, transition, path.steps[transition.to] as Step);
        const entry: HouseholdEntry = { track: params.instance, step: transition.to, day, from: params.step, event: eventOf(transition) };
        if (transition.handoff !== undefined) entry.handoff = transition.handoff;
        return { tracks: { ...context.tracks, [params.instance]: { step: transition.to, day, visit: context.history.length } }, history: [...context.history, entry] };
      }),
      visit: enqueueActions(({ context, event, enqueue }, params: { instance: string }) => {
        const instance = byId.get(params.instance)!;
        const position = context.tracks[instance.id]!;
        const step = path.steps[position.step] as HouseholdStep;
        const events = emitsOf(step);
        let children = context.children;
        const starts = { ...context.starts };
        const raised = { ...context.raised };
        for (const e of events) {
          if (!Object.hasOwn(raised, e)) raised[e] = position.day;
          const born = e === BIRTH_EVENT ? bornBy(event) : 0;
          const first = children + 1;
          children += born;
          for (const other of instances) {
            const track = path.tracks[other.track]!;
            if (track.startsOn !== e || track.initial === undefined || context.tracks[other.id] || starts[other.id]) continue;
            if (other.child > 0 && (e !== 'BIRTH' ? other.child > children : other.child < first || other.child > children)) continue;
            starts[other.id] = { step: track.initial, day: Math.max(position.day, windowDays(path.steps[track.initial]!.window).from) };
          }
        }
        const withStarts = { ...context, children, starts };
        const referred = referralsOf(path, instances, withStarts, instance, event);
        enqueue.assign({ children, raised, starts: referred?.starts ?? starts, made: referred?.made ?? context.made });
      }),
      record: assign(({ context, event }) => {
        const risks = event.risks ?? [];
        const next: HouseholdJourneyContext = {
          ...context,
          client: { ...context.client, risks: [...new Set([...context.client.risks, ...risks])], attributes: { ...context.client.attributes, ...event.attributes } },
          signalled: [...new Set([...context.signalled, ...risks])],
        };
        // a referral whose condition becomes true while the household is at the referring step is made now
        for (const instance of instances) {
          const referred = referralsOf(path, instances, next, instance);
          if (referred) Object.assign(next, referred);
        }
        return { client: next.client, signalled: next.signalled, starts: next.starts, made: next.made };
      }),
    },
  });

  const regions: Record<string, unknown> = {};
  for (const instance of instances) {
    const track = path.tracks[instance.track]!;
    const steps = Object.entries(path.steps).filter(([, s]) => s.track === instance.track);
    // every step of the track can be where a start lands: its initial, or a referral's target
    const entries = steps.map(([id]) => ({ guard: { type: 'startsAt', params: { instance: instance.id, step: id } }, target: `#${stateId(instance, id)}`, actions: { type: 'start', params: { instance: instance.id } } }));
    const states: Record<string, unknown> = { rest: { always: entries } };
    for (const [id, step] of steps) {
      const on: Record<string, unknown[]> = {};
      const selfMoves: unknown[] = [];
      step.transitions.forEach((transition, index) => {
        (on[eventOf(transition)] ??= []).push({
          target: `#${stateId(instance, transition.to)}`,
          guard: { type: 'takes', params: { instance: instance.id, step: id, index } },
          actions: { type: 'take', params: { instance: instance.id, step: id, index } },
        });
        if (awaitedEvent(path, transition) === undefined) return;
        selfMoves.push({
          target: `#${stateId(instance, transition.to)}`,
          guard: { type: 'movesItself', params: { instance: instance.id, step: id, index } },
          actions: { type: 'take', params: { instance: instance.id, step: id, index, self: true } },
        });
      });
      states[toStateKey(id)] = {
        id: stateId(instance, id),
        meta: { track: instance.id, step: id, phase: step.phase, kind: step.kind },
        entry: { type: 'visit', params: { instance: instance.id } },
        on,
        ...(step.kind === 'outcome' ? { always: entries } : selfMoves.length > 0 ? { always: selfMoves } : {}),
      };
    }
    const withJourney = track.initial !== undefined && track.startsOn === undefined && instance.child === 0;
    regions[instance.key] = { initial: withJourney ? toStateKey(track.initial!) : 'rest', states };
  }

  const config = {
    id: options.id ?? 'household',
    type: 'parallel',
    context: ({ input }: { input: { client: Client; startDay?: number } }): HouseholdJourneyContext => {
      const tracks: Record<string, TrackPosition> = {};
      const history: HouseholdEntry[] = [];
      for (const instance of instances) {
        const track = path.tracks[instance.track]!;
        if (track.initial === undefined || track.startsOn !== undefined || instance.child > 0) continue;
        const day = input.startDay ?? firstDay(path.steps[track.initial]!);
        tracks[instance.id] = { step: track.initial, day, visit: history.length };
        history.push({ track: instance.id, step: track.initial, day });
      }
      return { client: input.client, signalled: [], children: 0, raised: {}, tracks, starts: {}, made: [], history };
    },
    states: regions,
    on: { [RECORD_SIGNALS]: { actions: 'record' } },
  };
  return machineSetup.createMachine(config as never) as unknown as AnyStateMachine;
}

/**
 * The birth an event would bring beyond `maxChildren`: the first transition each track instance
 * would take on it (as the machine's guards choose, capacity aside), when it leads into a step
 * that raises BIRTH and the children would be more than the machine follows.
 */
export function birthBeyond(path: HouseholdPath, instances: readonly TrackInstance[], context: HouseholdJourneyContext, event: HouseholdEvent, maxChildren: number): { born: number; total: number } | undefined {
  const view = householdView(context, event);
  for (const instance of instances) {
    if (event.track !== undefined && event.track !== instance.id && event.track !== instance.track) continue;
    const position = context.tracks[instance.id];
    if (!position) continue;
    if (event.day !== undefined && !(event.day >= position.day)) continue;
    const taken = path.steps[position.step]!.transitions.find((t) => {
      if (eventOf(t) !== event.type || (event.to !== undefined && event.to !== t.to)) return false;
      const day = decisionDay(path, context, position, t, event.day);
      return day !== undefined && isEnabled(t, path.steps[t.to], view, day);
    });
    if (taken === undefined || !emitsOf(path.steps[taken.to]!).includes(BIRTH_EVENT)) continue;
    const total = context.children + bornBy(event);
    if (total > maxChildren) return { born: bornBy(event), total };
  }
  return undefined;
}

// a machine is compiled once per path object and capacity: building it costs more than a whole
// journey on a large path, and tools such as the coverage generator start many journeys on one path
const compiled = new WeakMap<HouseholdPath, Map<string, AnyStateMachine>>();

/** `toHouseholdMachine`, compiled once per path object and options and then reused (a machine is immutable). */
export function cachedHouseholdMachine(path: HouseholdPath, options: HouseholdMachineOptions = {}): AnyStateMachine {
  let byOptions = compiled.get(path);
  if (byOptions === undefined) {
    byOptions = new Map();
    compiled.set(path, byOptions);
  }
  const key = `${options.maxChildren ?? DEFAULT_MAX_CHILDREN} ${options.id ?? ''}`;
  let machine = byOptions.get(key);
  if (machine === undefined) {
    machine = toHouseholdMachine(path, options);
    byOptions.set(key, machine);
  }
  return machine;
}
