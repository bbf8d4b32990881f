import { requireFinite, requireText } from '../diagnostics/index.js';
import { requireCarePath, requireClientView } from './arguments.js';
import type { CarePath } from './care-path.js';
import { evaluateCondition, type ClientView } from './condition-eval.js';
import { PHASE_RANGE } from './phases.js';
import type { Step } from './step.js';
import { windowDays } from './days.js';
import { eventOf } from './transition-events.js';
import type { Transition } from './transition.js';

/*
 * The one semantics of a journey, shared by the XState machines and the simulator
 * (docs/decisions/0003-journey-semantics.md):
 * - a journey is in one step at a day (days relative to birth);
 * - a transition is enabled for a client at a day when its `when` holds for the client and the
 *   client would arrive at the target no later than the end of the target's window;
 * - taking it moves the client to the target at day max(day + after, start of the target's window);
 * - every transition is taken on an event: its `on`, or NEXT when it has none. An app sends the
 *   events; the simulator chooses among all enabled transitions by weight.
 */

/** The day a client starts a path: the initial step's window start, else the start of its phase. */
export function startDay(path: CarePath): number {
  requireCarePath('startDay', 'path', path);
  const initial = path.steps[path.initial];
  if (!initial) return 0;
  const { from } = windowDays(initial.window);
  return Number.isFinite(from) ? from : PHASE_RANGE[initial.phase].from;
}

/** The day a client arrives at `target` when taking `transition` at `day`. */
export function arrivalDay(day: number, transition: Transition, target: Step): number {
  const { from } = windowDays(target.window);
  return Math.max(day + (transition.after ?? 0), from);
}

/** Whether a client at `day` can take `transition` into `target` (condition and target window). */
export function isEnabled(transition: Transition, target: Step | undefined, client: ClientView, day: number): boolean {
  if (!target) return false;
  if (!evaluateCondition(transition.when, client)) return false;
  return day + (transition.after ?? 0) <= windowDays(target.window).to;
}

/**
 * The indices of the transitions of `stepId` enabled for the client at `day`, in document order;
 * only those taken on `event` when an event is given.
 */
export function enabledTransitions(path: CarePath, stepId: string, client: ClientView, day: number, event?: string): number[] {
  requireCarePath('enabledTransitions', 'path', path);
  requireText('enabledTransitions', 'stepId', stepId);
  requireClientView('enabledTransitions', 'client', client);
  requireFinite('enabledTransitions', 'day', day);
  const step = path.steps[stepId];
  if (!step) return [];
  const enabled: number[] = [];
  step.transitions.forEach((transition, index) => {
    if (event !== undefined && eventOf(transition) !== event) return;
    if (isEnabled(transition, path.steps[transition.to], client, day)) enabled.push(index);
  });
  return enabled;
}
