import type { CarePath } from '../model/index.js';
import { evaluateCondition, viewClient } from '../model/condition-eval.js';
import { isEnabled } from '../model/semantics.js';
import { eventOf } from '../model/transition-events.js';
import type { JourneyContext, RejectReason } from './types.js';

/** The parts of an event the semantics reads. */
export interface EventFields {
  type: string;
  index?: number | undefined;
  to?: string | undefined;
  day?: number | undefined;
}

/** The day a transition is taken at: the day the app reports, else the journey's own clock. */
export function decisionDay(context: JourneyContext, event: EventFields): number {
  return event.day ?? context.day;
}

function eventIsWellFormed(context: JourneyContext, event: EventFields): boolean {
  if (event.index !== undefined && !Number.isInteger(event.index)) return false;
  if (event.day !== undefined && !Number.isFinite(event.day)) return false;
  return true;
}

/**
 * Whether `event` takes transition `index` of the current step: it names the transition's event,
 * does not exclude it by `index` or `to`, does not go back in time, and the transition is enabled
 * (semantics.ts) for the client at the decision day.
 */
export function takesTransition(path: CarePath, context: JourneyContext, event: EventFields, index: number): boolean {
  const transition = path.steps[context.step]?.transitions[index];
  if (!transition || eventOf(transition) !== event.type) return false;
  if (!eventIsWellFormed(context, event)) return false;
  if (event.day !== undefined && event.day < context.day) return false;
  if (event.index !== undefined && event.index !== index) return false;
  if (event.to !== undefined && event.to !== transition.to) return false;
  return isEnabled(transition, path.steps[transition.to], viewClient(context.client), decisionDay(context, event));
}

/** Why no transition of the current step takes `event`. */
export function rejectReason(path: CarePath, context: JourneyContext, event: EventFields): RejectReason {
  if (!eventIsWellFormed(context, event)) return 'invalid-event';
  if (event.day !== undefined && event.day < context.day) return 'day-in-past';
  const transitions = (path.steps[context.step]?.transitions ?? []).map((t, index) => ({ t, index }));
  const onEvent = transitions.filter(({ t }) => eventOf(t) === event.type);
  if (onEvent.length === 0) return 'not-accepted';
  const selected = onEvent.filter(({ t, index }) => (event.index === undefined || event.index === index) && (event.to === undefined || event.to === t.to));
  if (selected.length === 0) return 'no-such-transition';
  const client = viewClient(context.client);
  if (!selected.some(({ t }) => evaluateCondition(t.when, client))) return 'guard-blocks';
  return 'outside-window';
}

/** The events the current step accepts, in document order, without duplicates. */
export function acceptedEvents(path: CarePath, stepId: string): string[] {
  return [...new Set((path.steps[stepId]?.transitions ?? []).map(eventOf))];
}
