import { createJourney, toMachine, type Journey, type JourneyEntry } from '../../machine/index.js';
import { requireRouteArguments } from './route-arguments.js';
import { describeDay, describeDayIn, describeWindow, eventOf, timeUnitOf, evaluateCondition, isEnabled, startDay, toDay, viewClient, windowDays, type CarePath, type Route, type RouteStep, type Step } from '../../model/index.js';

/** How a klantroute deviates from a path. */
export type DeviationKind = 'not-allowed-next' | 'guard-blocks' | 'outside-window' | 'missing-handoff' | 'wrong-start' | 'not-finished';

/** The first place a route does not fit its path, in English (`message`) and Dutch (`nl`). */
export interface RouteDeviation {
  /** The position in `route.steps`. */
  index: number;
  step: string;
  kind: DeviationKind;
  message: string;
  nl: string;
  /** What the path allows there instead (step ids, or event names for a wrong event). */
  expected?: string[];
}

/** Whether a route fits its path; the journey it made through the machine up to the deviation. */
export interface RouteFit {
  fits: boolean;
  deviation?: RouteDeviation;
  history: JourneyEntry[];
}

/** Options of `checkRoute`. */
export interface RouteFitOptions {
  /** Accept a route that stops before an outcome (an observed route still under way). */
  allowUnfinished?: boolean;
}

type RouteLike = Pick<Route, 'client' | 'steps'>;

function deviation(index: number, step: string, kind: DeviationKind, en: string, nl: string, expected?: string[]): RouteDeviation {
  return expected === undefined ? { index, step, kind, message: en, nl } : { index, step, kind, message: en, nl, expected };
}

/** The handoff steps (or steps reached by a transition marked as a handoff) a route skipped between `from` and `to`. */
export function skippedHandoffs(steps: Readonly<Record<string, Pick<Step, 'kind' | 'transitions'>>>, from: string, to: string): string[] {
  const found = new Set<string>();
  for (const t of (Object.hasOwn(steps, from) ? steps[from]!.transitions : [])) {
    const middle = Object.hasOwn(steps, t.to) ? steps[t.to] : undefined;
    if (!middle || !middle.transitions.some((u) => u.to === to)) continue;
    if (middle.kind === 'handoff' || t.handoff !== undefined || middle.transitions.some((u) => u.to === to && u.handoff !== undefined)) found.add(t.to);
  }
  return [...found];
}

function nextStep(path: CarePath, journey: Journey, index: number, rs: RouteStep): RouteDeviation | undefined {
  const from = journey.step;
  const transitions = path.steps[from]!.transitions.map((t, i) => ({ t, i }));
  const targets = [...new Set(transitions.map(({ t }) => t.to))];
  const toStep = transitions.filter(({ t }) => t.to === rs.step);
  if (toStep.length === 0) {
    const handoffs = skippedHandoffs(path.steps, from, rs.step);
    if (handoffs.length > 0) {
      return deviation(index, rs.step, 'missing-handoff', `The route goes from "${from}" straight to "${rs.step}", skipping the handoff through ${handoffs.map((h) => `"${h}"`).join(' or ')}.`, `De route gaat van "${from}" direct naar "${rs.step}" en slaat de overdracht via ${handoffs.map((h) => `"${h}"`).join(' of ')} over.`, handoffs);
    }
    return deviation(index, rs.step, 'not-allowed-next', `The path does not go from "${from}" to "${rs.step}"; it goes to: ${targets.join(', ') || 'nowhere'}.`, `Het pad gaat niet van "${from}" naar "${rs.step}"; wel naar: ${targets.join(', ') || 'nergens'}.`, targets);
  }
  const onEvent = rs.on === undefined ? toStep : toStep.filter(({ t }) => eventOf(t) === rs.on);
  if (onEvent.length === 0) {
    const events = [...new Set(toStep.map(({ t }) => eventOf(t)))];
    return deviation(index, rs.step, 'not-allowed-next', `The path goes from "${from}" to "${rs.step}" on ${events.join(' or ')}, not on ${rs.on}.`, `Het pad gaat van "${from}" naar "${rs.step}" bij ${events.join(' of ')}, niet bij ${rs.on}.`, events);
  }
  const client = viewClient(journey.actor.getSnapshot().context.client);
  const allowed = onEvent.filter(({ t }) => evaluateCondition(t.when, client));
  if (allowed.length === 0) {
    return deviation(index, rs.step, 'guard-blocks', `The condition on the transition from "${from}" to "${rs.step}" is false for this client.`, `De voorwaarde op de overgang van "${from}" naar "${rs.step}" geldt niet voor deze cliënt.`);
  }
  const target = path.steps[rs.step]!;
  const window = windowDays(target.window);
  const at = rs.at === undefined ? undefined : toDay(rs.at);
  // the window as the path writes it; the route's days in the unit of its own `at` where it has one
  const unit = rs.at === undefined ? undefined : timeUnitOf(rs.at);
  const late = (day: number) =>
    deviation(index, rs.step, 'outside-window', `"${rs.step}" cannot be reached on ${describeDayIn(day, unit, 'en')}: its window is ${describeWindow(target.window, 'en')} and the journey is at ${describeDayIn(journey.day, unit, 'en')}.`, `"${rs.step}" is niet te bereiken op ${describeDayIn(day, unit, 'nl')}: het venster is ${describeWindow(target.window, 'nl')} en de route is op ${describeDayIn(journey.day, unit, 'nl')}.`);
  let choice: { i: number; day?: number } | undefined;
  if (at === undefined) {
    const ok = allowed.find(({ t }) => isEnabled(t, target, client, journey.day));
    if (!ok) return late(journey.day + (allowed[0]!.t.after ?? 0));
    choice = { i: ok.i };
  } else {
    if (at < window.from || at > window.to || at < journey.day) return late(at);
    // taken at max(now, at − after), it arrives exactly at `at` when the delay allows it
    const ok = allowed.find(({ t }) => journey.day + (t.after ?? 0) <= at);
    if (!ok) return late(at);
    choice = { i: ok.i, day: Math.max(journey.day, at - (ok.t.after ?? 0)) };
  }
  const event = transitions[choice.i]!.t;
  const result = journey.send(choice.day === undefined ? { type: eventOf(event), index: choice.i } : { type: eventOf(event), index: choice.i, day: choice.day });
  if (result.accepted) return undefined;
  const kind = result.rejected.reason === 'guard-blocks' ? 'guard-blocks' : result.rejected.reason === 'outside-window' || result.rejected.reason === 'day-in-past' ? 'outside-window' : 'not-allowed-next';
  return deviation(index, rs.step, kind, result.rejected.message, result.rejected.nl);
}

/**
 * Replays a klantroute through the path's machine and reports whether it fits and, if not, the
 * first deviation: a wrong start, a step the path does not allow next, a guard that blocks, a step
 * outside its window, a skipped handoff, or a route that stops before an outcome. A route step
 * without `on` may follow any event that leads there.
 *
 * @example
 * const fit = checkRoute(path, route);
 * if (!fit.fits) console.log(fit.deviation?.message);
 */
export function checkRoute(path: CarePath, route: RouteLike, options: RouteFitOptions = {}): RouteFit {
  requireRouteArguments(path, route, options);
  const first = route.steps[0];
  if (!first || first.step !== path.initial) {
    const step = first?.step ?? '';
    return { fits: false, history: [], deviation: deviation(0, step, 'wrong-start', `The route starts in "${step}", but the path starts in "${path.initial}".`, `De route begint in "${step}", maar het pad begint in "${path.initial}".`, [path.initial]) };
  }
  const window = windowDays(path.steps[path.initial]!.window);
  const start = first.at === undefined ? startDay(path) : toDay(first.at);
  if (start < window.from || start > window.to) {
    return { fits: false, history: [], deviation: deviation(0, first.step, 'outside-window', `The route starts on ${describeDay(start, 'en')}, outside the window of "${first.step}".`, `De route begint op ${describeDay(start, 'nl')}, buiten het venster van "${first.step}".`) };
  }
  const journey = createJourney(path, route.client, { startDay: start, machine: toMachine(path) });
  for (let index = 1; index < route.steps.length; index++) {
    const found = nextStep(path, journey, index, route.steps[index]!);
    if (found) return { fits: false, deviation: found, history: [...journey.history] };
  }
  if (!journey.done && !options.allowUnfinished) {
    const last = route.steps.length - 1;
    const next = [...new Set(path.steps[journey.step]!.transitions.map((t) => t.to))];
    return { fits: false, history: [...journey.history], deviation: deviation(last, journey.step, 'not-finished', `The route stops in "${journey.step}", which is not an outcome of the path.`, `De route stopt in "${journey.step}", dat geen uitkomst van het pad is.`, next) };
  }
  return { fits: true, history: [...journey.history] };
}
