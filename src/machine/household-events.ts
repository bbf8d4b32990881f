import { BIRTH_EVENT, emitsOf, eventOf, isEnabled, weightOf, type HouseholdPath, type Transition } from '../model/index.js';
import type { HouseholdJourneyContext, householdView, TrackPosition } from './household-machine.js';

/** The client as conditions read it (`householdView`). */
type HouseholdView = ReturnType<typeof householdView>;

// Household events (decision 0006 §3): an event some step emits. Once raised it stays raised; a
// transition waiting for it is enabled from then on, and decided on no earlier than the day it was
// first raised. A transition on any other event keeps version 1's meaning: the app sends it.

const emitted = new WeakMap<HouseholdPath, ReadonlySet<string>>();

/** The household events of a path: the events some step emits. */
export function householdEventsOf(path: HouseholdPath): ReadonlySet<string> {
  let events = emitted.get(path);
  if (events === undefined) {
    events = new Set(Object.values(path.steps).flatMap(emitsOf));
    emitted.set(path, events);
  }
  return events;
}

/** The household event a transition waits for, or undefined when it waits for none. */
export function awaitedEvent(path: HouseholdPath, transition: Transition): string | undefined {
  return transition.on !== undefined && householdEventsOf(path).has(transition.on) ? transition.on : undefined;
}

/**
 * The day a track instance at `position` decides on `transition`: the day the app gives, else the
 * instance's own day, and for a transition waiting for a household event no earlier than the day
 * that event was first raised. Undefined while the event has not been raised: the transition waits.
 */
export function decisionDay(path: HouseholdPath, context: Pick<HouseholdJourneyContext, 'raised'>, position: TrackPosition, transition: Transition, sentDay?: number): number | undefined {
  const day = sentDay ?? position.day;
  const awaited = awaitedEvent(path, transition);
  if (awaited === undefined) return day;
  const raisedOn = raisedDay(context, awaited);
  return raisedOn === undefined ? undefined : Math.max(day, raisedOn);
}

/** The day `event` was first raised in the household, or undefined when it has not been raised. */
export function raisedDay(context: Pick<HouseholdJourneyContext, 'raised'>, event: string): number | undefined {
  // a journey saved before raised events were kept has no `raised`: see `withRaisedEvents`
  const raised = context.raised ?? {};
  return Object.hasOwn(raised, event) ? raised[event] : undefined;
}

/** One transition a track instance can take now, with the day it is decided on. */
export interface OpenTransition {
  index: number;
  transition: Transition;
  day: number;
}

/**
 * The transitions of the step a track instance is at that are enabled now, in document order: the
 * condition holds, the target's window can still be reached, and a household event waited for has
 * been raised.
 */
export function openTransitions(path: HouseholdPath, context: HouseholdJourneyContext, instance: string, view: HouseholdView): OpenTransition[] {
  const position = context.tracks[instance];
  if (position === undefined) return [];
  const out: OpenTransition[] = [];
  path.steps[position.step]!.transitions.forEach((transition, index) => {
    const day = decisionDay(path, context, position, transition);
    if (day === undefined || !isEnabled(transition, path.steps[transition.to], view, day)) return;
    out.push({ index, transition, day });
  });
  return out;
}

/**
 * The transition a track instance takes by itself now, or undefined. It does when every way on that
 * is open waits for a raised household event and they all make one move (one target, one event):
 * nothing is left for the app to choose, and the simulator moves on there too. Where the simulator
 * would choose by weight among several moves, the journey leaves the choice to the app. It does not
 * when the move has weight 0 (the simulator never makes it), brings a birth of `born` children
 * beyond `maxChildren`, or would bring the track, moving by itself, round again to a step it
 * passed in these moves (a loop of such steps stops, for the app to send).
 */
export function selfMove(path: HouseholdPath, context: HouseholdJourneyContext, instance: string, view: HouseholdView, maxChildren: number, born = 1): OpenTransition | undefined {
  const open = openTransitions(path, context, instance, view);
  const first = open[0];
  if (first === undefined) return undefined;
  for (const o of open) {
    if (awaitedEvent(path, o.transition) === undefined) return undefined;
    if (o.transition.to !== first.transition.to || eventOf(o.transition) !== eventOf(first.transition)) return undefined;
  }
  if (!open.some((o) => weightOf(o.transition) > 0)) return undefined;
  if (emitsOf(path.steps[first.transition.to]!).includes(BIRTH_EVENT) && context.children + born > maxChildren) return undefined;
  if (passedInSelfMoves(path, context, instance).has(first.transition.to)) return undefined;
  return first;
}

/**
 * The steps a track instance passed in its latest run of moves on household events, back to the
 * move or start before them, that one included (the instance's own entries in the history).
 */
function passedInSelfMoves(path: HouseholdPath, context: HouseholdJourneyContext, instance: string): Set<string> {
  const events = householdEventsOf(path);
  const passed = new Set<string>();
  for (let i = context.history.length - 1; i >= 0; i--) {
    const entry = context.history[i]!;
    if (entry.track !== instance) continue;
    passed.add(entry.step);
    if (entry.referral !== undefined || entry.from === undefined || entry.event === undefined || !events.has(entry.event)) break;
    passed.add(entry.from);
  }
  return passed;
}

/**
 * The household events raised in a history: for each, the first day a step emitting it was visited.
 * A journey saved before raised events were kept gets them back from its history.
 */
export function raisedInHistory(path: HouseholdPath, history: HouseholdJourneyContext['history']): Record<string, number> {
  const raised: Record<string, number> = {};
  for (const entry of history) {
    const step = Object.hasOwn(path.steps, entry.step) ? path.steps[entry.step]! : undefined;
    for (const e of step ? emitsOf(step) : []) if (!Object.hasOwn(raised, e) || entry.day < raised[e]!) raised[e] = entry.day;
  }
  return raised;
}
