import type { CarePath, HandoffKind, Route, Step } from '../../model/index.js';
import { arrivalDay, eventOf, labelText, startDay, toDay } from '../../model/index.js';
import type { ExportLang } from '../condition-words.js';

/** One step of a klantroute, resolved against its path: who, what, and on which day. */
export interface ResolvedRouteStep {
  stepId: string;
  step?: Step;
  label: string;
  actor?: string;
  actorLabel?: string;
  day: number;
  /** The handoff kind of the transition that led here, when the path declares one. */
  handoff?: HandoffKind;
  note?: string;
}

/**
 * Resolves the steps of a route: labels from the path, the day from the route's `at` or else the
 * path's semantics (arrival after the transition taken), and the handoff of that transition.
 */
export function resolveRoute(route: Route, path: CarePath, lang: ExportLang): ResolvedRouteStep[] {
  const resolved: ResolvedRouteStep[] = [];
  let day = startDay(path);
  let previous: Step | undefined;
  route.steps.forEach((routeStep, i) => {
    // own steps only: a route step named "valueOf" or "constructor" is not a member of every object
    const step = Object.hasOwn(path.steps, routeStep.step) ? path.steps[routeStep.step] : undefined;
    const transition = previous?.transitions.find((t) => t.to === routeStep.step && (routeStep.on === undefined || eventOf(t) === routeStep.on));
    if (routeStep.at !== undefined) day = toDay(routeStep.at);
    else if (i > 0 && step) day = transition ? arrivalDay(day, transition, step) : Math.max(day, arrivalDay(day, { to: routeStep.step }, step));
    const entry: ResolvedRouteStep = { stepId: routeStep.step, label: step ? labelText(step.label, lang) : routeStep.step, day };
    if (step) entry.step = step;
    if (step?.actor !== undefined) {
      entry.actor = step.actor;
      const actor = Object.hasOwn(path.actors, step.actor) ? path.actors[step.actor] : undefined;
      entry.actorLabel = actor ? labelText(actor.label, lang) : step.actor;
    }
    if (transition?.handoff) entry.handoff = transition.handoff;
    if (routeStep.note) entry.note = labelText(routeStep.note, lang);
    resolved.push(entry);
    previous = step;
  });
  return resolved;
}
