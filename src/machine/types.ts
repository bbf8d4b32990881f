import type { CarePath, Client, ClientInput, EventNameOf, HandoffKind, Phase, StepIdOf } from '../model/index.js';

/** One step a journey reached: where, in which phase, on which day, and how it got there; on a `definePath` path the steps and event are typed. */
export interface JourneyEntry<P = CarePath> {
  step: StepIdOf<P>;
  phase: Phase;
  day: number;
  /** The step left to get here (absent for the first entry). */
  from?: StepIdOf<P>;
  /** The index, in `from`'s transitions, of the transition taken. */
  index?: number;
  /** The event that took the transition (`NEXT` for a transition without `on`). */
  event?: EventNameOf<P> | 'NEXT';
  /** Set when the transition is a handoff between organisations. */
  handoff?: HandoffKind;
  /** Set by a migration when the step no longer exists in the path version. */
  removed?: true;
}

/** Why an event was not taken. */
export type RejectReason = 'not-accepted' | 'no-such-transition' | 'guard-blocks' | 'outside-window' | 'day-in-past' | 'invalid-event';

/** An event the journey did not take, with the reason in English and Dutch. */
export interface RejectedEvent {
  event: string;
  step: string;
  day: number;
  reason: RejectReason;
  message: string;
  nl: string;
  index?: number;
  to?: string;
  /** The day the app reported with the event, if any. */
  eventDay?: number;
}

/** The context of a journey machine: the client, the simulated clock, the current step and what happened. */
export interface JourneyContext<P = CarePath> {
  client: Client;
  day: number;
  step: StepIdOf<P>;
  history: JourneyEntry<P>[];
  rejected: RejectedEvent[];
}

/** The input of a journey machine (DESIGN.md: `{ client }`). */
export interface JourneyInput {
  client: ClientInput;
  /** The day the journey starts; defaults to `startDay(path)`. */
  startDay?: number;
}

/**
 * An event an app sends to a journey: one of the path's event names or the generic `NEXT`.
 * `index` picks a transition of the current step by position, `to` by target; otherwise the first
 * enabled transition for the event in document order is taken. `day` reports the real day.
 */
export interface JourneyEvent<P = CarePath> {
  type: EventNameOf<P> | 'NEXT';
  index?: number;
  to?: StepIdOf<P>;
  day?: number;
}

/** The output of a finished journey. */
export interface JourneyOutput {
  step: string;
  day: number;
  history: JourneyEntry[];
}
