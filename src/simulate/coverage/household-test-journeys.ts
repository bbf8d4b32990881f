import { argumentError, createDiagnostic, isRecord, requireRecord, type Diagnostic } from '../../diagnostics/index.js';
import { ClientSchema, emitsOf, HOUSEHOLD_SCHEMA_VERSION, type Client, type Condition, type HouseholdPath, type RouteStep } from '../../model/index.js';
import { addTerm, clientOf, NO_CONSTRAINTS, toDnf } from './constraints.js';
import { HOUSEHOLD_COVERAGE_CODES } from './household-codes.js';
import { householdReach } from '../../validate/household.js';
import { searchHousehold } from './household-search.js';
import { HouseholdWalker, itemsOfHistory, referralItem, riskOfSignal, signalItem, stepItem, transitionItem, type CoverageItem, type HouseholdMove } from './household-walker.js';

/**
 * A household test journey: a client, the moves to send (each to one track instance), and the
 * route they make: every start and move in order, as a klantroute that `checkHouseholdRoute` fits.
 */
export interface HouseholdTestJourney {
  client: Client;
  moves: HouseholdMove[];
  steps: RouteStep[];
  /** True when every track the journey started ended in an outcome. */
  finished: boolean;
}

/** Options of `householdTestJourneys`. */
export interface HouseholdTestJourneyOptions {
  /** `transitions` (default): journeys that together take every transition and referral they can; `shortest`: that visit every step. */
  strategy?: 'shortest' | 'transitions';
  /** Use these clients instead of deriving clients from the conditions. */
  clients?: readonly Record<string, unknown>[];
  /** The most goal-directed walks tried in all (default 400) before the search takes over. */
  maxWalks?: number;
  /**
   * The most household states the search looks through, for all clients together (default
   * 1,000), for what the walks left uncovered. Within it the search is complete: what it does not
   * find, no journey of these clients reaches.
   */
  maxStates?: number;
  /** Called with a warning (`household-search-budget`) when the search stopped at `maxStates` with something still uncovered. */
  onWarning?: (warning: Diagnostic) => void;
  /** Seed of the choices among equally good moves (default 1): the same seed gives the same journeys. */
  seed?: number;
}

const HOUSEHOLD_PATH = { en: 'a household path (format version 2, as returned by loadHouseholdPath)', nl: 'een huishoudpad (formaatversie 2, zoals loadHouseholdPath dat geeft)' };

/** A small seeded generator (mulberry32): choices among equally good moves, the same for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A condition with `signalled: r` read as `hasRisk: r`: a client who has the risk can get it signalled on the way. */
function asPresent(condition: Condition | undefined): Condition | undefined {
  if (condition === undefined || !isRecord(condition)) return condition;
  const c = condition as Record<string, unknown>;
  if (typeof c.signalled === 'string') return { hasRisk: c.signalled } as Condition;
  const out: Record<string, unknown> = { ...c };
  if (Array.isArray(c.all)) out.all = c.all.map((x) => asPresent(x as Condition));
  if (Array.isArray(c.any)) out.any = c.any.map((x) => asPresent(x as Condition));
  if (c.not !== undefined) out.not = asPresent(c.not as Condition);
  return out as Condition;
}

/** Clients to walk with: nobody, everybody at risk, and one client per way to meet each condition of the path. */
function candidateClients(path: HouseholdPath): Client[] {
  const risks = new Set(Object.keys(path.risks ?? {}));
  const conditions: (Condition | undefined)[] = [];
  for (const step of Object.values(path.steps)) {
    for (const key of Object.keys(step.detects ?? {})) risks.add(key);
    for (const t of step.transitions) conditions.push(t.when);
    for (const r of step.refers ?? []) conditions.push(r.when);
  }
  const clients = new Map<string, Client>();
  const add = (client: Client) => clients.set(JSON.stringify(client), client);
  add(ClientSchema.parse({}));
  add(ClientSchema.parse({ risks: [...risks].sort() }));
  for (const condition of conditions) {
    if (condition === undefined) continue;
    for (const term of toDnf(asPresent(condition)).slice(0, 4)) {
      const constraints = addTerm(NO_CONSTRAINTS, term);
      if (constraints) add(clientOf(constraints));
    }
    if (clients.size >= 24) break;
  }
  return [...clients.values()];
}

/** Everything the strategy asks to cover: steps; with `transitions` also transitions, referrals and signals. */
function goals(path: HouseholdPath, strategy: 'shortest' | 'transitions'): Set<CoverageItem> {
  const items = new Set<CoverageItem>();
  // a step that no track start, referral or transition leads to is no goal: no journey reaches it
  const { reached } = householdReach(path);
  for (const [id, step] of Object.entries(path.steps)) {
    if (!reached.has(id)) continue;
    items.add(stepItem(id));
    if (strategy === 'shortest') continue;
    step.transitions.forEach((_, i) => items.add(transitionItem(id, i)));
    (step.refers ?? []).forEach((_, i) => items.add(referralItem(id, i)));
  }
  if (strategy === 'transitions') for (const item of possibleSignals(path)) items.add(item);
  return items;
}

const detectsRisk = (path: HouseholdPath, step: string, risk: string) => (path.steps[step]!.detects?.[risk] ?? 0) > 0;

/** Whether a condition can only hold once `risk` is signalled. */
function needsSignal(condition: Condition | undefined, risk: string): boolean {
  if (condition === undefined || !isRecord(condition)) return false;
  const c = condition as Record<string, unknown>;
  if (c.signalled === risk) return true;
  if (Array.isArray(c.all)) return c.all.some((x) => needsSignal(x as Condition, risk));
  if (Array.isArray(c.any)) return c.any.length > 0 && c.any.every((x) => needsSignal(x as Condition, risk));
  return false;
}

/**
 * The signals a journey may make: a risk at a step that detects it, when some chain of visits leads
 * there past no other step that detects the risk and through no condition that needs the risk
 * signalled already. A chain starts at the initial step of a track that starts with the journey and
 * goes on by transitions, by referrals from the steps it visits, and into the initial step of a
 * track that starts on an event a step it visits emits. A client with the risk has it signalled at
 * the first step that detects it, and every visit happens after the visits that led to it, so a
 * step that every chain reaches only after another detecting step can never be where it is
 * signalled first: the referral or the birth that starts its track came after that signal.
 */
function possibleSignals(path: HouseholdPath): Set<CoverageItem> {
  const out = new Set<CoverageItem>();
  const risks = new Set(Object.values(path.steps).flatMap((s) => Object.keys(s.detects ?? {})));
  const startsOn = new Map<string, string[]>();
  for (const track of Object.values(path.tracks)) {
    if (track.startsOn !== undefined && track.initial !== undefined) startsOn.set(track.startsOn, [...(startsOn.get(track.startsOn) ?? []), track.initial]);
  }
  for (const risk of risks) {
    const queue: string[] = [];
    for (const track of Object.values(path.tracks)) if (track.initial !== undefined && track.startsOn === undefined) queue.push(track.initial);
    const seen = new Set<string>();
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      if (seen.has(id) || !Object.hasOwn(path.steps, id)) continue;
      seen.add(id);
      if (detectsRisk(path, id, risk)) {
        out.add(signalItem(id, risk));
        continue;
      }
      const step = path.steps[id]!;
      for (const t of step.transitions) if (!needsSignal(t.when, risk)) queue.push(t.to);
      for (const r of step.refers ?? []) if (!needsSignal(r.when, risk)) queue.push(r.to);
      for (const event of emitsOf(step)) queue.push(...(startsOn.get(event) ?? []));
    }
  }
  return out;
}

/** What a walker went through: steps, transitions, referrals and signals. */
function itemsOfWalker(walker: HouseholdWalker): Set<CoverageItem> {
  const items = itemsOfHistory(walker.path, walker.journey.history, walker.taken);
  for (const item of walker.signals) items.add(item);
  return items;
}

/** The journey of a walker, when it went through something still open (taken from `open`). */
function journeyOf(walker: HouseholdWalker, open: Set<CoverageItem>): HouseholdTestJourney | undefined {
  const news = [...itemsOfWalker(walker)].filter((item) => open.has(item));
  if (news.length === 0) return undefined;
  for (const item of news) open.delete(item);
  const path = walker.path;
  const finished = Object.values(walker.journey.context.tracks).every((p) => path.steps[p.step]!.kind === 'outcome');
  return { client: walker.client, moves: walker.moves, steps: walker.route, finished };
}

/**
 * For each step, how many moves within its track lead to a step with something still to cover
 * (the step itself, a transition or referral out of it, or a track it starts): 0 there, Infinity
 * where nothing is left ahead.
 */
function distances(path: HouseholdPath, open: ReadonlySet<CoverageItem>, tracksWithOpen: ReadonlySet<string>, startsOn: ReadonlyMap<string, string[]>): Map<string, number> {
  const targets: string[] = [];
  for (const [id, step] of Object.entries(path.steps)) {
    const startsOpen = (step.refers ?? []).some((r) => Object.hasOwn(path.steps, r.to) && tracksWithOpen.has(path.steps[r.to]!.track)) || emitsOf(step).some((e) => (startsOn.get(e) ?? []).some((t) => tracksWithOpen.has(t)));
    const here = open.has(stepItem(id)) || step.transitions.some((_, i) => open.has(transitionItem(id, i))) || (step.refers ?? []).some((_, i) => open.has(referralItem(id, i))) || startsOpen;
    if (here) targets.push(id);
  }
  return movesTo(path, targets);
}

/** For each step, how many moves lead to an outcome of its track. */
function toOutcome(path: HouseholdPath): Map<string, number> {
  return movesTo(path, Object.keys(path.steps).filter((id) => path.steps[id]!.kind === 'outcome'));
}

/** For each step, the fewest transitions from it to one of `targets` (0 for a target; absent when none is reachable). */
function movesTo(path: HouseholdPath, targets: readonly string[]): Map<string, number> {
  const distance = new Map<string, number>(targets.map((id) => [id, 0]));
  const queue = [...targets];
  const into = new Map<string, string[]>();
  for (const [id, step] of Object.entries(path.steps)) {
    for (const t of step.transitions) {
      const from = into.get(t.to);
      if (from) from.push(id);
      else into.set(t.to, [id]);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const from of into.get(id) ?? []) {
      if (distance.has(from)) continue;
      distance.set(from, distance.get(id)! + 1);
      queue.push(from);
    }
  }
  return distance;
}

/**
 * One walk: at each turn the move that comes closest to something not yet covered (a transition
 * not yet taken first of all), ties and now and then a detour chosen by the seeded generator; once
 * nothing is left ahead, the moves that lead to an outcome of each running track.
 */
function walk(path: HouseholdPath, client: Client, open: ReadonlySet<CoverageItem>, next: () => number, outcome: ReadonlyMap<string, number>, startsOn: ReadonlyMap<string, string[]>): HouseholdWalker {
  const walker = new HouseholdWalker(path, client);
  const limit = 4 * Object.keys(path.steps).length + 8;
  const still = new Set(open);
  // the distances change only when the walk covers something new: on a large path, computing
  // them every turn would cost a pass over all steps per move
  let ahead = new Map<string, number>();
  let aheadOf = -1;
  for (let turn = 0; turn < limit; turn++) {
    for (const item of itemsOfWalker(walker)) still.delete(item);
    if (still.size !== aheadOf) {
      const tracksWithOpen = new Set<string>();
      for (const item of still) {
        const step = item.split('\u0000')[1]!;
        if (Object.hasOwn(path.steps, step)) tracksWithOpen.add(path.steps[step]!.track);
      }
      ahead = distances(path, still, tracksWithOpen, startsOn);
      aheadOf = still.size;
    }
    const offered = walker.offered();
    if (offered.length === 0) break;
    const score = (m: (typeof offered)[number]) => {
      if (still.has(transitionItem(m.from, m.index))) return 0;
      const d = ahead.get(m.to);
      if (d !== undefined) return 1 + d;
      const o = outcome.get(m.to);
      return o === undefined ? 10_000 : 1_000 + o;
    };
    const best = Math.min(...offered.map(score));
    // now and then a detour, so that another order of the tracks' moves is tried too
    const pool = next() < 0.15 ? offered : offered.filter((m) => score(m) === best);
    const move = pool[Math.floor(next() * pool.length)]!;
    if (!walker.take(move)) break;
  }
  return walker;
}

/** An open item in words: `step a`, `transition a[0]`, `referral a>0`, `signal r at a`; in Dutch too. */
function describeItem(item: CoverageItem): { en: string; nl: string } {
  const [kind, step, rest] = item.split('\u0000');
  if (kind === 's') return { en: `step ${step}`, nl: `stap ${step}` };
  if (kind === 't') return { en: `transition ${step}[${rest}]`, nl: `overgang ${step}[${rest}]` };
  if (kind === 'r') return { en: `referral ${step}>${rest}`, nl: `verwijzing ${step}>${rest}` };
  return { en: `signal ${rest} at ${step}`, nl: `signalering van ${rest} bij ${step}` };
}

/**
 * Generates household test journeys that together visit every step of every track (child tracks
 * included) and, with the `transitions` strategy, take every transition, make every referral and
 * signal each risk at every step where some journey can: referrals and events cross between tracks
 * as the household journey makes them. Each journey is a klantroute (`steps`) that
 * `checkHouseholdRoute` fits, with the client it is for and the moves to send.
 *
 * Walks towards what is still open come first; what they leave, a breadth-first search through
 * every state each client's journey can reach finds, on a shortest way, up to `maxStates` states.
 * Within that bound nothing a journey of these clients can reach is missed; when the bound cuts the
 * search short with something still open, `onWarning` hears of it (`household-search-budget`).
 * What no journey reached stays uncovered; `householdCoverage` says what. The same path, options
 * and seed give the same journeys.
 *
 * @example
 * for (const journey of householdTestJourneys(path)) {
 *   expect(checkHouseholdRoute(path, journey).fits).toBe(true);
 * }
 */
export function householdTestJourneys(path: HouseholdPath, options: HouseholdTestJourneyOptions = {}): HouseholdTestJourney[] {
  if (!isRecord(path) || path.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION || !isRecord(path.steps) || !isRecord(path.tracks)) throw argumentError('householdTestJourneys', 'path', HOUSEHOLD_PATH, path);
  const given: unknown = options;
  requireRecord('householdTestJourneys', 'options', given, { optional: true });
  const strategy = options.strategy ?? 'transitions';
  if (strategy !== 'shortest' && strategy !== 'transitions') throw argumentError('householdTestJourneys', 'options.strategy', { en: '"shortest" or "transitions"', nl: '"shortest" of "transitions"' }, strategy);
  const wholeNumber = { en: 'a whole number of at least 1', nl: 'een geheel getal van minstens 1' };
  const maxWalks = options.maxWalks ?? 400;
  if (!Number.isInteger(maxWalks) || maxWalks < 1) throw argumentError('householdTestJourneys', 'options.maxWalks', wholeNumber, maxWalks);
  const maxStates = options.maxStates ?? 1_000;
  if (!Number.isInteger(maxStates) || maxStates < 1) throw argumentError('householdTestJourneys', 'options.maxStates', wholeNumber, maxStates);
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') throw argumentError('householdTestJourneys', 'options.onWarning', { en: 'a function', nl: 'een functie' }, options.onWarning);
  const clients = options.clients ? options.clients.map((c, i) => {
    const parsed = ClientSchema.safeParse(c);
    if (!parsed.success) throw argumentError('householdTestJourneys', `options.clients[${i}]`, { en: 'a client { risks, protections, attributes }', nl: 'een cliënt { risks, protections, attributes }' }, c);
    return parsed.data;
  }) : candidateClients(path);
  const next = random(options.seed ?? 1);
  const open = goals(path, strategy);
  const outcome = toOutcome(path);
  const startsOn = new Map<string, string[]>();
  for (const [id, track] of Object.entries(path.tracks)) if (track.startsOn !== undefined) startsOn.set(track.startsOn, [...(startsOn.get(track.startsOn) ?? []), id]);
  const journeys: HouseholdTestJourney[] = [];
  // first each client in turn, walked towards what is open while walks still find something new
  const patience = 6;
  let walks = 0;
  for (const client of clients) {
    let idle = 0;
    while (open.size > 0 && idle < patience && walks < maxWalks) {
      walks++;
      const walker = walk(path, client, open, next, outcome, startsOn);
      const journey = journeyOf(walker, open);
      if (journey) {
        idle = 0;
        journeys.push(journey);
      } else idle++;
      walker.stop();
    }
    if (open.size === 0 || walks >= maxWalks) break;
  }
  // then, for what the walks left, a search through every state each client's journey can reach
  let states = maxStates;
  let cutShort = false;
  for (const client of clients) {
    // a client signals only the risks it has
    const wanted = new Set([...open].filter((item) => {
      const risk = riskOfSignal(item);
      return risk === undefined || client.risks.includes(risk);
    }));
    if (wanted.size === 0) continue;
    if (states <= 0) {
      cutShort = true;
      break;
    }
    const found = searchHousehold(path, client, wanted, states);
    states -= found.searched;
    if (!found.complete) cutShort = true;
    for (const plan of found.plans) {
      const walker = new HouseholdWalker(path, client);
      for (const move of plan) {
        const offered = walker.offered().find((o) => o.track === move.track && o.to === move.to && o.event === move.event);
        if (!offered || !walker.take(offered)) break;
      }
      const journey = journeyOf(walker, open);
      if (journey) journeys.push(journey);
      walker.stop();
    }
  }
  if (cutShort && open.size > 0) {
    const items = [...open].map(describeItem);
    const list = (lang: 'en' | 'nl') => items.slice(0, 10).map((i) => i[lang]).join(', ') + (items.length > 10 ? ', …' : '');
    options.onWarning?.(createDiagnostic(HOUSEHOLD_COVERAGE_CODES.searchBudget, { limit: maxStates, count: items.length, items: list('en'), itemsNl: list('nl') }, { pointer: '' }));
  }
  return journeys;
}
