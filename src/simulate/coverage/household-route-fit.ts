import { argumentError, createDiagnostic, didYouMean, isRecord, locateDiagnostics, requireRecord, sourceOf, type Diagnostic, type DiagnosticTemplate } from '../../diagnostics/index.js';
import { createHouseholdJourney, RECORD_SIGNALS, type HouseholdEntry, type HouseholdJourney } from '../../machine/index.js';
import {
  BIRTH_EVENT,
  describeDay,
  describeDayIn,
  describeWindow,
  emitsOf,
  evaluateCondition,
  eventOf,
  HOUSEHOLD_SCHEMA_VERSION,
  isChildTrack,
  isEnabled,
  PHASE_RANGE,
  timeUnitOf,
  toDay,
  windowDays,
  type HouseholdPath,
  type HouseholdStep,
  type Route,
  type RouteStep,
} from '../../model/index.js';
import { awaitedEvent, decisionDay } from '../../machine/household-events.js';
import { householdView } from '../../machine/household-machine.js';
import { skippedHandoffs, type DeviationKind, type RouteFitOptions } from './route-fit.js';

/** How a klantroute deviates from a household path: the kinds of `checkRoute`, and those of tracks and children. */
export type HouseholdDeviationKind = DeviationKind | 'unknown-step' | 'unknown-track' | 'unknown-child' | 'wrong-track' | 'track-not-started' | 'out-of-order' | 'not-detected';

/** The first place a route does not fit a household path, in English (`message`) and Dutch (`nl`). */
export interface HouseholdRouteDeviation {
  /** The position in `route.steps`. */
  index: number;
  step: string;
  /** The track instance the route step is in (`jgz#2`), once it is known. */
  track?: string;
  kind: HouseholdDeviationKind;
  message: string;
  nl: string;
  /** What the path allows there instead (step, track or event names). */
  expected?: string[];
}

/** Whether a route fits a household path: the deviation as a diagnostic in the route file, and the journey up to it. */
export interface HouseholdRouteFit {
  fits: boolean;
  deviation?: HouseholdRouteDeviation;
  /** The deviation as a diagnostic (code `route-<kind>`) with the route's file, pointer and line; empty when the route fits. */
  diagnostics: Diagnostic[];
  history: HouseholdEntry[];
  /** The step of every track instance that started, where the replay ended. */
  tracks: Record<string, string>;
}

type RouteLike = Pick<Route, 'client' | 'steps'>;

const HINTS: Record<HouseholdDeviationKind, { en: string; nl: string }> = {
  'wrong-start': { en: 'Start the route, or this track, in the step named; a track starts in its initial step or where a referral leads.', nl: 'Begin de route, of dit spoor, in de genoemde stap; een spoor begint in zijn beginstap of waar een verwijzing heen leidt.' },
  'not-allowed-next': { en: 'List a step the path allows next in this track, or add the transition to the path.', nl: 'Noem een stap die het pad in dit spoor hierna toestaat, of voeg de overgang toe aan het pad.' },
  'missing-handoff': { en: 'Add the handoff step to the route before this step.', nl: 'Zet de overdrachtsstap vóór deze stap in de route.' },
  'guard-blocks': { en: 'Check the client of the route (risks, protections, attributes) and the signals so far against the transition\'s condition.', nl: 'Vergelijk de cliënt van de route (risico\'s, beschermende factoren, kenmerken) en de signalen tot nu toe met de voorwaarde van de overgang.' },
  'outside-window': { en: 'Move "at" into the step\'s window, not before the track\'s previous step.', nl: 'Zet "at" binnen het venster van de stap, niet vóór de vorige stap van het spoor.' },
  'not-finished': { en: 'Continue the route to an outcome of every track it follows, or pass --allow-unfinished for a route still under way.', nl: 'Zet de route voort tot een uitkomst van elk spoor dat ze volgt, of geef --allow-unfinished voor een route die nog loopt.' },
  'unknown-step': { en: 'Use a step id of the household path.', nl: 'Gebruik een stap-id van het huishoudpad.' },
  'unknown-track': { en: 'Use a track id of the household path, or "<track>#<n>" for the n-th child.', nl: 'Gebruik een spoor-id van het huishoudpad, of "<spoor>#<n>" voor het n-de kind.' },
  'unknown-child': { en: 'Name a child that has been born ("children" on the step that raises BIRTH gives their number).', nl: 'Noem een kind dat geboren is ("children" op de stap die BIRTH geeft, zegt hoeveel).' },
  'wrong-track': { en: 'Leave "track" out (a step belongs to one track), or name the step\'s own track.', nl: 'Laat "track" weg (een stap hoort bij één spoor), of noem het eigen spoor van de stap.' },
  'track-not-started': { en: 'List first the step that starts the track: the referral into it, or the step that raises its start event.', nl: 'Noem eerst de stap die het spoor start: de verwijzing ernaar, of de stap die de startgebeurtenis geeft.' },
  'out-of-order': { en: 'List the steps in the order of their "at" times.', nl: 'Zet de stappen in de volgorde van hun "at"-tijden.' },
  'not-detected': { en: '"signalled" names risks of the client that this step detects (no false positives).', nl: '"signalled" noemt risico\'s van de cliënt die deze stap opspoort (geen vals-positieven).' },
};

/** The diagnostic template of a deviation kind: code `route-<kind>`, the deviation's own words. */
function templateOf(kind: HouseholdDeviationKind): DiagnosticTemplate {
  return { code: `route-${kind}`, severity: 'error', message: { en: '{{message}}', nl: '{{nl}}' }, hint: HINTS[kind] };
}

class Deviation {
  constructor(
    readonly deviation: HouseholdRouteDeviation,
    readonly pointer: string,
  ) {}
}

function deviate(index: number, step: string, kind: HouseholdDeviationKind, en: string, nl: string, extra: { track?: string; expected?: string[]; field?: string } = {}): Deviation {
  const deviation: HouseholdRouteDeviation = { index, step, kind, message: en, nl };
  if (extra.track !== undefined) deviation.track = extra.track;
  if (extra.expected !== undefined) deviation.expected = extra.expected;
  return new Deviation(deviation, `/steps/${index}${extra.field ? `/${extra.field}` : ''}`);
}

function requireHouseholdRouteArguments(path: unknown, route: unknown, options: unknown): asserts path is HouseholdPath {
  const PATH = { en: 'a household path (format version 2, as returned by loadHouseholdPath)', nl: 'een huishoudpad (formaatversie 2, zoals loadHouseholdPath dat geeft)' };
  if (!isRecord(path) || path.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION || !isRecord(path.steps) || !isRecord(path.tracks)) throw argumentError('checkHouseholdRoute', 'path', PATH, path);
  const ROUTE = { en: 'a route { client, steps: [{ step, track?, at? }, …] } (as returned by loadRoute)', nl: 'een route { client, steps: [{ step, track?, at? }, …] } (zoals loadRoute die geeft)' };
  if (!isRecord(route) || !Array.isArray(route.steps)) throw argumentError('checkHouseholdRoute', 'route', ROUTE, route);
  const wrong = route.steps.findIndex((s) => !isRecord(s) || typeof s.step !== 'string' || (s.track !== undefined && typeof s.track !== 'string'));
  if (wrong >= 0) throw argumentError('checkHouseholdRoute', `route.steps[${wrong}]`, { en: 'a route step { step: "…", track?, at? }', nl: 'een routestap { step: "…", track?, at? }' }, route.steps[wrong]);
  if (route.client !== undefined && !isRecord(route.client)) throw argumentError('checkHouseholdRoute', 'route.client', { en: 'a client object (or left out)', nl: 'een cliëntobject (of weggelaten)' }, route.client);
  requireRecord('checkHouseholdRoute', 'options', options, { optional: true });
}

const quoted = (names: readonly string[], or: string) => names.map((n) => `"${n}"`).join(` ${or} `);

/** The first day of a step: its window's start, or its phase's. */
function firstDay(step: HouseholdStep): number {
  const { from } = windowDays(step.window);
  return Number.isFinite(from) ? from : PHASE_RANGE[step.phase].from;
}

/** The children the route's births bring, and the highest child it names: the capacity the replay needs. */
function childrenNeeded(path: HouseholdPath, route: RouteLike): number {
  let born = 0;
  let named = 0;
  for (const rs of route.steps) {
    const step = Object.hasOwn(path.steps, rs.step) ? path.steps[rs.step]! : undefined;
    if (step && emitsOf(step).includes(BIRTH_EVENT)) born += rs.children ?? 1;
    const child = /#(\d+)$/.exec(rs.track ?? '');
    if (child) named = Math.max(named, Number(child[1]));
  }
  return Math.max(2, born, named);
}

/** The replay of a route through a household journey, one route step at a time. */
class Replay {
  /** How many history entries of each track instance the route has accounted for. */
  private readonly matched = new Map<string, number>();
  /** The last route index of each track instance the route follows. */
  readonly followed = new Map<string, number>();
  private lastAt: { index: number; day: number } | undefined;

  constructor(
    readonly path: HouseholdPath,
    readonly journey: HouseholdJourney,
    readonly client: RouteLike['client'],
  ) {}

  /** The track instance a route step is in, or why it names none the path has. */
  instanceOf(index: number, rs: RouteStep): string {
    const path = this.path;
    if (!Object.hasOwn(path.steps, rs.step)) {
      const guess = didYouMean(rs.step, Object.keys(path.steps));
      throw deviate(index, rs.step, 'unknown-step', `"${rs.step}" is not a step of the path${guess ? ` (did you mean "${guess}"?)` : ''}.`, `"${rs.step}" is geen stap van het pad${guess ? ` (bedoelde je "${guess}"?)` : ''}.`, { field: 'step', ...(guess ? { expected: [guess] } : {}) });
    }
    const own = path.steps[rs.step]!.track;
    const ownIsChild = isChildTrack(path, path.tracks[own]!);
    if (rs.track === undefined) return ownIsChild ? `${own}#1` : own;
    const [base, number] = rs.track.split('#') as [string, string | undefined];
    if (!Object.hasOwn(path.tracks, base)) {
      const guess = didYouMean(base, Object.keys(path.tracks));
      throw deviate(index, rs.step, 'unknown-track', `"${rs.track}" is not a track of the path${guess ? ` (did you mean "${guess}"?)` : ''}; its tracks are ${Object.keys(path.tracks).join(', ')}.`, `"${rs.track}" is geen spoor van het pad${guess ? ` (bedoelde je "${guess}"?)` : ''}; de sporen zijn ${Object.keys(path.tracks).join(', ')}.`, { field: 'track', expected: guess ? [guess] : Object.keys(path.tracks) });
    }
    if (base !== own) {
      throw deviate(index, rs.step, 'wrong-track', `Step "${rs.step}" is in track "${own}", not in "${base}".`, `Stap "${rs.step}" hoort bij spoor "${own}", niet bij "${base}".`, { field: 'track', track: rs.track, expected: [own] });
    }
    if (number !== undefined && !ownIsChild) {
      throw deviate(index, rs.step, 'unknown-child', `Track "${own}" is not a child's track: it runs once, as "${own}", not as "${rs.track}".`, `Spoor "${own}" is geen spoor van een kind: het loopt één keer, als "${own}", niet als "${rs.track}".`, { field: 'track', track: rs.track, expected: [own] });
    }
    return ownIsChild ? `${own}#${number ?? 1}` : own;
  }

  /** Checks that the route's `at` times do not go back across the route. */
  checkOrder(index: number, rs: RouteStep): void {
    if (rs.at === undefined) return;
    const day = toDay(rs.at);
    const unit = timeUnitOf(rs.at);
    if (this.lastAt !== undefined && day < this.lastAt.day) {
      throw deviate(index, rs.step, 'out-of-order', `"${rs.step}" at ${describeDayIn(day, unit, 'en')} comes after step ${this.lastAt.index + 1} of the route, at ${describeDayIn(this.lastAt.day, unit, 'en')}.`, `"${rs.step}" op ${describeDayIn(day, unit, 'nl')} staat na stap ${this.lastAt.index + 1} van de route, op ${describeDayIn(this.lastAt.day, unit, 'nl')}.`, { field: 'at' });
    }
    this.lastAt = { index, day };
  }

  /** Replays one route step: accounts for a move the path made by itself, or makes the move the route lists. */
  step(index: number, rs: RouteStep): void {
    const instance = this.instanceOf(index, rs);
    if (rs.children !== undefined && !emitsOf(this.path.steps[rs.step]!).includes(BIRTH_EVENT)) {
      const births = Object.keys(this.path.steps).filter((id) => emitsOf(this.path.steps[id]!).includes(BIRTH_EVENT));
      throw deviate(index, rs.step, 'unknown-child', `"children" belongs on a step that raises BIRTH (${births.join(', ') || 'none in this path'}), not on "${rs.step}".`, `"children" hoort bij een stap die BIRTH geeft (${births.join(', ') || 'geen in dit pad'}), niet bij "${rs.step}".`, { field: 'children', track: instance, expected: births });
    }
    this.checkOrder(index, rs);
    const entries = this.journey.history.filter((e) => e.track === instance);
    const seen = this.matched.get(instance) ?? 0;
    if (seen < entries.length) this.account(index, rs, instance, entries[seen]!, seen);
    else this.move(index, rs, instance);
    this.matched.set(instance, (this.matched.get(instance) ?? 0) + 1);
    this.followed.set(instance, index);
    this.signal(index, rs);
  }

  // the path started or moved the instance by itself (journey start, referral, event): the route must name that step
  private account(index: number, rs: RouteStep, instance: string, entry: HouseholdEntry, seen: number): void {
    if (entry.step !== rs.step) {
      const why = entry.referral !== undefined ? { en: ` (referred from "${entry.from}")`, nl: ` (verwezen vanuit "${entry.from}")` } : entry.event !== undefined ? { en: ` (on ${entry.event})`, nl: ` (bij ${entry.event})` } : { en: '', nl: '' };
      const start = seen === 0;
      throw deviate(
        index,
        rs.step,
        start ? 'wrong-start' : 'not-allowed-next',
        start ? `Track "${instance}" starts in "${entry.step}"${why.en}, not in "${rs.step}".` : `Track "${instance}" goes on to "${entry.step}"${why.en}, not to "${rs.step}".`,
        start ? `Spoor "${instance}" begint in "${entry.step}"${why.nl}, niet in "${rs.step}".` : `Spoor "${instance}" gaat verder naar "${entry.step}"${why.nl}, niet naar "${rs.step}".`,
        { track: instance, expected: [entry.step] },
      );
    }
    if (rs.at === undefined) return;
    const at = toDay(rs.at);
    const step = this.path.steps[rs.step]!;
    const window = windowDays(step.window);
    const unit = timeUnitOf(rs.at);
    if (at < entry.day || at < window.from || at > window.to) {
      throw deviate(index, rs.step, 'outside-window', `"${rs.step}" cannot be reached on ${describeDayIn(at, unit, 'en')}: its window is ${describeWindow(step.window, 'en')} and track "${instance}" is there from ${describeDayIn(entry.day, unit, 'en')}.`, `"${rs.step}" is niet te bereiken op ${describeDayIn(at, unit, 'nl')}: het venster is ${describeWindow(step.window, 'nl')} en spoor "${instance}" is er vanaf ${describeDayIn(entry.day, unit, 'nl')}.`, { track: instance, field: 'at' });
    }
  }

  // the route names a move of a running instance: find the transition, as checkRoute does, and send it
  private move(index: number, rs: RouteStep, instance: string): void {
    const path = this.path;
    const context = this.journey.context;
    const position = context.tracks[instance];
    if (position === undefined || path.steps[position.step]!.transitions.length === 0) throw this.notStarted(index, rs, instance, position?.step);
    const from = position.step;
    const transitions = path.steps[from]!.transitions.map((t, i) => ({ t, i }));
    const targets = [...new Set(transitions.map(({ t }) => t.to))];
    const toStep = transitions.filter(({ t }) => t.to === rs.step);
    if (toStep.length === 0) {
      const handoffs = skippedHandoffs(path.steps, from, rs.step);
      if (handoffs.length > 0) {
        throw deviate(index, rs.step, 'missing-handoff', `In track "${instance}" the route goes from "${from}" straight to "${rs.step}", skipping the handoff through ${quoted(handoffs, 'or')}.`, `In spoor "${instance}" gaat de route van "${from}" direct naar "${rs.step}" en slaat de overdracht via ${quoted(handoffs, 'of')} over.`, { track: instance, expected: handoffs });
      }
      throw deviate(index, rs.step, 'not-allowed-next', `In track "${instance}" the path does not go from "${from}" to "${rs.step}"; it goes to: ${targets.join(', ') || 'nowhere'}.`, `In spoor "${instance}" gaat het pad niet van "${from}" naar "${rs.step}"; wel naar: ${targets.join(', ') || 'nergens'}.`, { track: instance, expected: targets });
    }
    const onEvent = rs.on === undefined ? toStep : toStep.filter(({ t }) => eventOf(t) === rs.on);
    if (onEvent.length === 0) {
      const events = [...new Set(toStep.map(({ t }) => eventOf(t)))];
      throw deviate(index, rs.step, 'not-allowed-next', `The path goes from "${from}" to "${rs.step}" on ${events.join(' or ')}, not on ${rs.on}.`, `Het pad gaat van "${from}" naar "${rs.step}" bij ${events.join(' of ')}, niet bij ${rs.on}.`, { track: instance, expected: events, field: 'on' });
    }
    // a move on a household event (BIRTH) waits until some step has raised it (decision 0006 §3)
    const raised = onEvent.filter(({ t }) => decisionDay(path, context, position, t) !== undefined);
    if (raised.length === 0) {
      const event = awaitedEvent(path, onEvent[0]!.t)!;
      throw deviate(index, rs.step, 'not-allowed-next', `In track "${instance}" the move from "${from}" to "${rs.step}" waits for ${event}, which has not been raised yet at this point of the route.`, `In spoor "${instance}" wacht de stap van "${from}" naar "${rs.step}" op ${event}, dat op dit punt van de route nog niet is gegeven.`, { track: instance, expected: [event] });
    }
    const view = householdView(context);
    const allowed = raised.filter(({ t }) => evaluateCondition(t.when, view));
    if (allowed.length === 0) {
      throw deviate(index, rs.step, 'guard-blocks', `The condition on the transition from "${from}" to "${rs.step}" is false for this client and the signals so far.`, `De voorwaarde op de overgang van "${from}" naar "${rs.step}" geldt niet voor deze cliënt en de signalen tot nu toe.`, { track: instance });
    }
    // the day the move is decided on: for a move on a raised event no earlier than its raising
    const decided = (t: (typeof allowed)[number]['t']) => decisionDay(path, context, position, t)!;
    const target = path.steps[rs.step]!;
    const window = windowDays(target.window);
    const unit = rs.at === undefined ? undefined : timeUnitOf(rs.at);
    const late = (day: number) =>
      deviate(index, rs.step, 'outside-window', `"${rs.step}" cannot be reached on ${describeDayIn(day, unit, 'en')}: its window is ${describeWindow(target.window, 'en')} and track "${instance}" is at ${describeDayIn(position.day, unit, 'en')}.`, `"${rs.step}" is niet te bereiken op ${describeDayIn(day, unit, 'nl')}: het venster is ${describeWindow(target.window, 'nl')} en spoor "${instance}" is op ${describeDayIn(position.day, unit, 'nl')}.`, { track: instance, ...(rs.at !== undefined ? { field: 'at' } : {}) });
    let chosen: { t: (typeof allowed)[number]['t']; day?: number };
    if (rs.at === undefined) {
      const ok = allowed.find(({ t }) => isEnabled(t, target, view, decided(t)));
      if (!ok) throw late(decided(allowed[0]!.t) + (allowed[0]!.t.after ?? 0));
      chosen = { t: ok.t };
    } else {
      const at = toDay(rs.at);
      if (at < window.from || at > window.to || at < position.day) throw late(at);
      // taken at max(now, at − after), it arrives exactly at `at` when the delay allows it
      const ok = allowed.find(({ t }) => decided(t) + (t.after ?? 0) <= at);
      if (!ok) throw late(at);
      chosen = { t: ok.t, day: Math.max(decided(ok.t), at - (ok.t.after ?? 0)) };
    }
    const born = emitsOf(target).includes(BIRTH_EVENT) ? { children: rs.children ?? 1 } : {};
    const result = this.journey.send({ type: eventOf(chosen.t), track: instance, to: rs.step, ...(chosen.day !== undefined ? { day: chosen.day } : {}), ...born });
    if (!result.entries.some((e) => e.track === instance && e.step === rs.step)) {
      throw deviate(index, rs.step, 'not-allowed-next', `The household journey did not take the move from "${from}" to "${rs.step}" in track "${instance}".`, `De route van het huishouden zette de stap van "${from}" naar "${rs.step}" in spoor "${instance}" niet.`, { track: instance });
    }
  }

  // why a track instance the route names has not started, or has ended and cannot go on
  private notStarted(index: number, rs: RouteStep, instance: string, ended: string | undefined): Deviation {
    const path = this.path;
    const [trackId, number] = instance.split('#') as [string, string | undefined];
    const track = path.tracks[trackId]!;
    const children = this.journey.context.children;
    // before the first birth the child's track waits for BIRTH; after it, a child beyond those born is unknown
    if (number !== undefined && children > 0 && Number(number) > children) {
      return deviate(index, rs.step, 'unknown-child', `Track "${instance}" is of child ${number}, and ${children === 0 ? 'no child has been born' : `only ${children} ${children === 1 ? 'child has' : 'children have'} been born`} at this point of the route.`, `Spoor "${instance}" is van kind ${number}, en op dit punt van de route ${children === 0 ? 'is nog geen kind geboren' : `${children === 1 ? 'is pas 1 kind' : `zijn pas ${children} kinderen`} geboren`}.`, { track: instance, ...(rs.track !== undefined ? { field: 'track' } : {}) });
    }
    const referrers = Object.entries(path.steps)
      .filter(([, s]) => (s.refers ?? []).some((r) => Object.hasOwn(path.steps, r.to) && path.steps[r.to]!.track === trackId))
      .map(([id]) => id);
    const ways: { en: string[]; nl: string[] } = { en: [], nl: [] };
    if (track.initial !== undefined && track.startsOn !== undefined) {
      ways.en.push(`on ${track.startsOn}, which has not been raised yet`);
      ways.nl.push(`bij ${track.startsOn}, dat nog niet is gegeven`);
    }
    if (referrers.length > 0) {
      ways.en.push(`by a referral from ${quoted(referrers, 'or')} whose condition holds`);
      ways.nl.push(`door een verwijzing vanuit ${quoted(referrers, 'of')} waarvan de voorwaarde geldt`);
    }
    const how = ways.en.length > 0 ? { en: `it starts ${ways.en.join(', or ')}`, nl: `het begint ${ways.nl.join(', of ')}` } : { en: 'nothing starts it', nl: 'niets start het' };
    const expected = [...(track.startsOn !== undefined ? [track.startsOn] : []), ...referrers];
    if (ended !== undefined) {
      return deviate(index, rs.step, 'track-not-started', `Track "${instance}" has ended in "${ended}"; a new episode ${referrers.length > 0 ? `starts only by a referral from ${quoted(referrers, 'or')}` : 'cannot start'}.`, `Spoor "${instance}" is geëindigd in "${ended}"; een nieuwe episode ${referrers.length > 0 ? `begint alleen door een verwijzing vanuit ${quoted(referrers, 'of')}` : 'kan niet beginnen'}.`, { track: instance, expected: referrers });
    }
    return deviate(index, rs.step, 'track-not-started', `Track "${instance}" has not started at this point of the route: ${how.en}.`, `Spoor "${instance}" is op dit punt van de route nog niet begonnen: ${how.nl}.`, { track: instance, expected });
  }

  // the risks the visit signals: those the route names, or the client's risks the step detects
  private signal(index: number, rs: RouteStep): void {
    const step = this.path.steps[rs.step]!;
    const detects = step.detects ?? {};
    const present = new Set(this.client?.risks ?? []);
    if (rs.signalled !== undefined) {
      const wrong = rs.signalled.find((risk) => !((detects[risk] ?? 0) > 0) || !present.has(risk));
      if (wrong !== undefined) {
        const why = (detects[wrong] ?? 0) > 0 ? { en: 'the client does not have it', nl: 'de cliënt heeft het niet' } : { en: `the step detects ${Object.keys(detects).join(', ') || 'no risk'}`, nl: `de stap spoort ${Object.keys(detects).join(', ') || 'geen risico'} op` };
        throw deviate(index, rs.step, 'not-detected', `"${rs.step}" cannot signal "${wrong}": ${why.en}.`, `"${rs.step}" kan "${wrong}" niet signaleren: ${why.nl}.`, { field: 'signalled', expected: Object.keys(detects).filter((r) => present.has(r)) });
      }
    }
    const already = new Set(this.journey.signalled);
    const risks = (rs.signalled ?? Object.keys(detects).filter((risk) => (detects[risk] ?? 0) > 0 && present.has(risk))).filter((risk) => !already.has(risk));
    if (risks.length > 0) this.journey.actor.send({ type: RECORD_SIGNALS, risks });
  }

  /** The first track the route follows that it leaves before an outcome, or that the path moved on without the route. */
  unfinished(): Deviation | undefined {
    const path = this.path;
    const history = this.journey.history;
    for (const [instance, last] of this.followed) {
      const entries = history.filter((e) => e.track === instance);
      const current = this.journey.context.tracks[instance]!;
      const seen = this.matched.get(instance) ?? 0;
      if (seen < entries.length) {
        const next = entries[seen]!;
        return deviate(last, next.step, 'not-finished', `The route stops following track "${instance}", which the path moves on to "${next.step}".`, `De route volgt spoor "${instance}" niet verder, terwijl het pad het naar "${next.step}" brengt.`, { track: instance, expected: [next.step] });
      }
      if (path.steps[current.step]!.kind !== 'outcome') {
        const next = [...new Set(path.steps[current.step]!.transitions.map((t) => t.to))];
        return deviate(last, current.step, 'not-finished', `The route stops in "${current.step}" of track "${instance}", which is not an outcome.`, `De route stopt in "${current.step}" van spoor "${instance}", dat geen uitkomst is.`, { track: instance, expected: next });
      }
    }
    return undefined;
  }
}

/**
 * Replays a klantroute through a household path (format version 2) and reports whether it fits and,
 * if not, the first deviation, also as a diagnostic located in the route file. A route lists the
 * steps of several tracks in the order they happen; `track` on a route step names the track
 * instance (`"jgz#2"`: the second child's) where the step's own track is not meant. Each track
 * instance's steps must be a walk of its track: it starts with the journey, on its start event
 * (BIRTH), or by a referral made at an earlier step of the route; and the route's `at` times may
 * not go back. At a step, the client's risks the step detects are signalled unless the route step
 * says which (`signalled`). A route must end each track it follows in an outcome, unless
 * `allowUnfinished`.
 *
 * @example
 * const fit = checkHouseholdRoute(path, route);
 * if (!fit.fits) console.log(fit.deviation?.message);
 */
export function checkHouseholdRoute(path: HouseholdPath, route: RouteLike, options: RouteFitOptions = {}): HouseholdRouteFit {
  requireHouseholdRouteArguments(path, route, options);
  const locate = (found: Deviation): Diagnostic[] => locateDiagnostics([createDiagnostic(templateOf(found.deviation.kind), { message: found.deviation.message, nl: found.deviation.nl }, { pointer: found.pointer })], sourceOf(route));
  const starts = Object.values(path.tracks).filter((t) => t.initial !== undefined && t.startsOn === undefined && !isChildTrack(path, t)).map((t) => t.initial!);
  const first = route.steps[0];
  if (first === undefined) return { fits: false, history: [], tracks: {}, ...withDeviation(deviate(0, '', 'wrong-start', 'The route has no steps.', 'De route heeft geen stappen.', { expected: starts }), locate) };
  if (!starts.includes(first.step)) {
    const found = Object.hasOwn(path.steps, first.step)
      ? deviate(0, first.step, 'wrong-start', `The route starts in "${first.step}", but the household's journey starts in ${quoted(starts, 'and')}.`, `De route begint in "${first.step}", maar de route van het huishouden begint in ${quoted(starts, 'en')}.`, { expected: starts })
      : deviate(0, first.step, 'unknown-step', `"${first.step}" is not a step of the path${didYouMean(first.step, Object.keys(path.steps)) ? ` (did you mean "${didYouMean(first.step, Object.keys(path.steps))}"?)` : ''}.`, `"${first.step}" is geen stap van het pad${didYouMean(first.step, Object.keys(path.steps)) ? ` (bedoelde je "${didYouMean(first.step, Object.keys(path.steps))}"?)` : ''}.`, { field: 'step', expected: starts });
    return { fits: false, history: [], tracks: {}, ...withDeviation(found, locate) };
  }
  const initial = path.steps[first.step]!;
  const window = windowDays(initial.window);
  const start = first.at === undefined ? firstDay(initial) : toDay(first.at);
  if (start < window.from || start > window.to) {
    const found = deviate(0, first.step, 'outside-window', `The route starts on ${describeDay(start, 'en')}, outside the window of "${first.step}".`, `De route begint op ${describeDay(start, 'nl')}, buiten het venster van "${first.step}".`, { field: 'at' });
    return { fits: false, history: [], tracks: {}, ...withDeviation(found, locate) };
  }
  const journey = createHouseholdJourney(path, route.client, { startDay: start, maxChildren: childrenNeeded(path, route) });
  const replay = new Replay(path, journey, route.client);
  const result = (found?: Deviation): HouseholdRouteFit => {
    const out = { fits: found === undefined, history: [...journey.history], tracks: journey.tracks, ...(found ? withDeviation(found, locate) : { diagnostics: [] }) };
    journey.stop();
    return out;
  };
  try {
    route.steps.forEach((rs, index) => replay.step(index, rs));
  } catch (caught) {
    if (caught instanceof Deviation) return result(caught);
    journey.stop();
    throw caught;
  }
  return result(options.allowUnfinished ? undefined : replay.unfinished());
}

function withDeviation(found: Deviation, locate: (found: Deviation) => Diagnostic[]): { deviation: HouseholdRouteDeviation; diagnostics: Diagnostic[] } {
  return { deviation: found.deviation, diagnostics: locate(found) };
}
