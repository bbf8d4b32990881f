import { argumentError, createDiagnostic, isRecord, wholeNumberFrom } from '../diagnostics/index.js';
import { HOUSEHOLD_CODES, type CarePath, type Client, type HouseholdPath, type Menukaart, type Population, type Result } from '../model/index.js';
import { encodeClient } from './client.js';
import { defaultPopulation } from './default-population.js';
import { householdOf } from './household-simulate.js';
import { compileHouseholdTable, MARK, startingDay, stepAwaits, type HouseholdTable } from './household-table.js';

/** Exact household probabilities for one household profile: every random draw of the simulator enumerated. */
export interface ExactHouseholdOutcomes {
  /** Probability that the household visits each step at least once. */
  reach: Record<string, number>;
  /** Expected visits to each step per household; a step of a child's track counts once per child. */
  visits: Record<string, number>;
  /** Expected number of track instances that end in each outcome step. */
  outcomes: Record<string, number>;
  /** Expected number of track instances that end stuck in a step (only steps where that can happen). */
  stuck: Record<string, number>;
  /** Expected number of track instances still waiting for an event at the end (only steps where that can happen). */
  waiting: Record<string, number>;
  /** Expected number of children born. */
  children: number;
  /** Per risk, probabilities over the household's journey (present is 0 or 1: the profile has it or not). */
  risks: Record<string, { present: number; signalled: number; addressed: number; neverSignalled: number; signalledNotAddressed: number; addressedUnsignalled: number }>;
  /** Expected transfers and referrals per household, counted as `simulateHousehold` counts them. */
  handoffs: {
    transfers: { warm: number; cold: number };
    referrals: { made: number; warm: number; cold: number; unmarked: number; accepted: number; started: number };
  };
  /** Number of household states explored. */
  states: number;
}

/** Options of `exactHouseholdOutcomes`. */
export interface ExactHouseholdOptions {
  /** The population, for its share of multiple births and its keys (default: the shipped default population). */
  population?: Population;
  /** Menukaart whose entries give the risks that intervention steps address. */
  menukaart?: Menukaart;
  /** Most household states to explore before giving up with `exact-household-too-large` (default 200,000). */
  maxStates?: number;
}

const READY = 0;
const VISITED = 1;
const WAITING = 2;

/** One running track instance: track, child (0 for a track that is not a child's), step, day and phase. */
interface Instance {
  track: number;
  child: number;
  step: number;
  day: number;
  phase: number;
}

/** Everything the rest of a household's journey depends on; ended instances are dropped. */
interface HouseholdState {
  instances: Instance[];
  signalled: Uint8Array;
  addressed: Uint8Array;
  raised: Uint8Array;
  visited: Uint8Array;
  children: number;
}

// what a move adds to the expected counts, as (counter, index) pairs
const COUNTER = { visit: 0, outcome: 1, stuck: 2, transfer: 3, referral: 4, accepted: 5, started: 6, child: 7 } as const;

function clone(state: HouseholdState): HouseholdState {
  return {
    instances: state.instances.map((i) => ({ ...i })),
    signalled: state.signalled.slice(),
    addressed: state.addressed.slice(),
    raised: state.raised.slice(),
    visited: state.visited.slice(),
    children: state.children,
  };
}

function keyOf(state: HouseholdState): string {
  const instances = state.instances
    .map((i) => `${i.track}.${i.child}.${i.step}.${i.day}.${i.phase}`)
    .sort()
    .join(',');
  return `${instances}|${state.signalled.join('')}|${state.addressed.join('')}|${state.raised.join('')}|${state.visited.join('')}|${state.children}`;
}

/** The instance that moves next, as the simulator picks it: earliest day, then track order, then child. */
function nextMover(state: HouseholdState): number {
  let k = -1;
  state.instances.forEach((i, j) => {
    if (i.phase === WAITING) return;
    const best = state.instances[k];
    if (!best || i.day < best.day || (i.day === best.day && (i.track < best.track || (i.track === best.track && i.child < best.child)))) k = j;
  });
  return k;
}

/** Picks a branch: called with the probabilities of the choices, returns the index taken. */
type Draw = (probabilities: number[]) => number;

/**
 * One move of instance `k`, written as the simulator walks it (`household-run.ts`), with every
 * random draw asked of `draw`. Returns the state changed in place; `count` records what it adds.
 */
function move(table: HouseholdTable, client: ReturnType<typeof encodeClient>, state: HouseholdState, k: number, draw: Draw, count: (counter: number, index: number) => void): void {
  const { base } = table;
  const { first, target, weight, latest, when, after, targetFrom, outcome, addressFirst, addressRisk } = base;
  client.signalled = state.signalled;
  const ended = new Set<Instance>();
  const running = (track: number, child: number) => state.instances.some((i) => i.track === track && i.child === child && !ended.has(i));
  const begin = (track: number, child: number, step: number, day: number) => state.instances.push({ track, child, step, day, phase: READY });
  const me = state.instances[k]!;
  const s = me.step;
  const day = me.day;
  if (me.phase === READY) {
    me.phase = VISITED;
    count(COUNTER.visit, s);
    state.visited[s] = 1;
    for (let d = table.detectFirst[s]!; d < table.detectFirst[s + 1]!; d++) {
      const r = table.detectRisk[d]!;
      if (client.risks[r] !== 1 || state.signalled[r] === 1) continue;
      const p = table.detectChance[d]!;
      if (p < 1 && draw([p, 1 - p]) !== 0) continue;
      state.signalled[r] = 1;
    }
    for (let a = addressFirst[s]!; a < addressFirst[s + 1]!; a++) state.addressed[addressRisk[a]!] = 1;
    for (let x = table.emitFirst[s]!; x < table.emitFirst[s + 1]!; x++) {
      const e = table.emitEvent[x]!;
      state.raised[e] = 1;
      let born = 0;
      if (e === table.birth) {
        born = table.multipleBirths > 0 && draw([table.multipleBirths, 1 - table.multipleBirths]) === 0 ? 2 : 1;
        for (let c = 0; c < born; c++) count(COUNTER.child, 0);
        state.children += born;
      }
      table.tracks.forEach((track, t) => {
        if (track.startsOn !== e || track.initial < 0) return;
        const from = startingDay(table, track.initial, day);
        if (!track.child) {
          if (!running(t, 0)) begin(t, 0, track.initial, from);
        } else if (e === table.birth) {
          for (let c = state.children - born + 1; c <= state.children; c++) begin(t, c, track.initial, from);
        } else {
          for (let c = 1; c <= state.children; c++) if (!running(t, c)) begin(t, c, track.initial, from);
        }
      });
      // only an instance whose step waits for this event looks again (decision 0006 §3)
      for (const i of state.instances) {
        if (i.phase !== WAITING || !stepAwaits(table, i.step, e)) continue;
        i.phase = VISITED;
        if (i.day < day) i.day = day;
      }
    }
    for (let q = table.referFirst[s]!; q < table.referFirst[s + 1]!; q++) {
      const condition = table.referWhen[q];
      if (condition !== null && !condition!(client)) continue;
      count(COUNTER.referral, table.referMark[q]!);
      const p = table.referAccepted[q]!;
      if (p < 1 && draw([p, 1 - p]) !== 0) continue;
      count(COUNTER.accepted, 0);
      const into = table.referTrack[q]!;
      const to = table.referTo[q]!;
      const from = startingDay(table, to, day);
      const own = table.tracks[me.track]!.child ? me.child : 0;
      const children = !table.tracks[into]!.child ? [0] : own > 0 ? [own] : Array.from({ length: state.children }, (_, c) => c + 1);
      for (const c of children) {
        if (running(into, c)) continue;
        begin(into, c, to, from);
        count(COUNTER.started, 0);
      }
    }
    if (outcome[s] === 1) {
      count(COUNTER.outcome, s);
      ended.add(me);
      state.instances = state.instances.filter((i) => !ended.has(i));
      return;
    }
  }
  const choices: number[] = [];
  let total = 0;
  let awaits = false;
  for (let t = first[s]!; t < first[s + 1]!; t++) {
    const w = weight[t]!;
    if (!(w > 0) || day > latest[t]!) continue;
    const e = table.waitEvent[t]!;
    if (e >= 0 && state.raised[e] === 0) {
      awaits = true;
      continue;
    }
    const condition = when[t];
    if (condition === null || condition!(client)) {
      choices.push(t);
      total += w;
    }
  }
  if (choices.length === 0) {
    if (awaits) me.phase = WAITING;
    else {
      count(COUNTER.stuck, s);
      state.instances = state.instances.filter((i) => i !== me);
    }
    return;
  }
  const chosen = choices.length === 1 ? choices[0]! : choices[draw(choices.map((t) => weight[t]! / total))]!;
  const mark = table.transfer[chosen]!;
  if (mark !== MARK.none) count(COUNTER.transfer, mark);
  const next = day + after[chosen]!;
  me.day = Math.max(next, targetFrom[chosen]!);
  me.step = target[chosen]!;
  me.phase = READY;
}

/** Every outcome of one move with its probability and what it counts: the draws enumerated depth first. */
function branches(table: HouseholdTable, client: ReturnType<typeof encodeClient>, parent: HouseholdState, k: number): { state: HouseholdState; p: number; counts: number[] }[] {
  const out: { state: HouseholdState; p: number; counts: number[] }[] = [];
  const pending: number[][] = [[]];
  while (pending.length > 0) {
    const prefix = pending.pop()!;
    const taken: number[] = [];
    let p = 1;
    const draw: Draw = (probabilities) => {
      if (taken.length < prefix.length) {
        const c = prefix[taken.length]!;
        taken.push(c);
        p *= probabilities[c]!;
        return c;
      }
      // a new draw: go on with its first possible choice, and come back for the others
      let chosen = -1;
      probabilities.forEach((q, c) => {
        if (!(q > 0)) return;
        if (chosen < 0) chosen = c;
        else pending.push([...taken, c]);
      });
      taken.push(chosen);
      p *= probabilities[chosen]!;
      return chosen;
    };
    const state = clone(parent);
    const counts: number[] = [];
    move(table, client, state, k, draw, (counter, index) => counts.push(counter, index));
    out.push({ state, p, counts });
  }
  return out;
}

/**
 * Exact results of a household path for one household profile (its present risks, protections
 * and attributes): the walk of `simulateHousehold` with every random draw (way on, detection,
 * acceptance of a referral, twins) enumerated instead of sampled, over the combined states of all
 * tracks. Only for small household paths: when the states exceed `maxStates` (cycles, long
 * delays, many parallel tracks), the result is the diagnostic `exact-household-too-large`.
 *
 * @example
 * const exact = exactHouseholdOutcomes(path, { risks: ['schulden'] });
 * if (exact.ok) console.log(exact.value.risks.schulden); // { present: 1, signalled: 0.5, addressed: 0.375, … }
 */
export function exactHouseholdOutcomes(path: HouseholdPath | CarePath, client: Partial<Client> = {}, options: ExactHouseholdOptions = {}): Result<ExactHouseholdOutcomes> {
  if (!isRecord(client)) throw argumentError('exactHouseholdOutcomes', 'client', { en: 'a household profile such as { risks: ["schulden"] }', nl: 'een huishoudprofiel zoals { risks: ["schulden"] }' }, client);
  if (!isRecord(options as unknown)) throw argumentError('exactHouseholdOutcomes', 'options', { en: 'an object', nl: 'een object' }, options);
  const maxStates = options.maxStates ?? 200_000;
  if (!Number.isSafeInteger(maxStates) || maxStates < 1) throw argumentError('exactHouseholdOutcomes', 'maxStates', wholeNumberFrom(1), maxStates);
  const household = householdOf(path, 'exactHouseholdOutcomes');
  const table = compileHouseholdTable(household, { population: options.population ?? defaultPopulation(), ...(options.menukaart ? { menukaart: options.menukaart } : {}) });
  const { base } = table;
  const S = base.stepIds.length;
  const R = base.space.risks.length;
  const compiled = encodeClient(base.space, client);

  const start: HouseholdState = { instances: [], signalled: new Uint8Array(R), addressed: new Uint8Array(R), raised: new Uint8Array(table.events.length), visited: new Uint8Array(S), children: 0 };
  table.tracks.forEach((track, t) => {
    if (track.initial >= 0 && track.startsOn < 0 && !track.child) start.instances.push({ track: t, child: 0, step: track.initial, day: startingDay(table, track.initial, -Infinity), phase: READY });
  });

  const expected = {
    visits: new Float64Array(S),
    outcomes: new Float64Array(S),
    stuck: new Float64Array(S),
    waiting: new Float64Array(S),
    reach: new Float64Array(S),
    transfers: new Float64Array(3),
    referrals: new Float64Array(3),
    accepted: 0,
    started: 0,
    children: 0,
  };
  const risk = Array.from({ length: R }, () => ({ signalled: 0, addressed: 0, neverSignalled: 0, signalledNotAddressed: 0, addressedUnsignalled: 0 }));
  const add = (counts: number[], p: number) => {
    for (let i = 0; i < counts.length; i += 2) {
      const index = counts[i + 1]!;
      switch (counts[i]) {
        case COUNTER.visit: expected.visits[index] = expected.visits[index]! + p; break;
        case COUNTER.outcome: expected.outcomes[index] = expected.outcomes[index]! + p; break;
        case COUNTER.stuck: expected.stuck[index] = expected.stuck[index]! + p; break;
        case COUNTER.transfer: expected.transfers[index] = expected.transfers[index]! + p; break;
        case COUNTER.referral: expected.referrals[index] = expected.referrals[index]! + p; break;
        case COUNTER.accepted: expected.accepted += p; break;
        case COUNTER.started: expected.started += p; break;
        default: expected.children += p;
      }
    }
  };
  const end = (state: HouseholdState, p: number) => {
    for (const i of state.instances) expected.waiting[i.step] = expected.waiting[i.step]! + p;
    state.visited.forEach((v, s) => v === 1 && (expected.reach[s] = expected.reach[s]! + p));
    for (let r = 0; r < R; r++) {
      const present = compiled.risks[r] === 1;
      const signalled = state.signalled[r] === 1;
      const addressed = present && state.addressed[r] === 1;
      if (signalled) risk[r]!.signalled += p;
      if (addressed) risk[r]!.addressed += p;
      if (present && !signalled) risk[r]!.neverSignalled += p;
      if (signalled && state.addressed[r] === 0) risk[r]!.signalledNotAddressed += p;
      if (addressed && !signalled) risk[r]!.addressedUnsignalled += p;
    }
  };

  // every move makes one more step of some instance, so states are processed a move at a time
  let layer = new Map<string, { state: HouseholdState; p: number }>([[keyOf(start), { state: start, p: 1 }]]);
  let states = 1;
  while (layer.size > 0) {
    const next = new Map<string, { state: HouseholdState; p: number }>();
    for (const { state, p } of layer.values()) {
      const k = nextMover(state);
      if (k < 0) {
        end(state, p);
        continue;
      }
      for (const branch of branches(table, compiled, state, k)) {
        const q = p * branch.p;
        add(branch.counts, q);
        const key = keyOf(branch.state);
        const seen = next.get(key);
        if (seen) seen.p += q;
        else {
          next.set(key, { state: branch.state, p: q });
          if (++states > maxStates) return { ok: false, diagnostics: [createDiagnostic(HOUSEHOLD_CODES.exactHouseholdTooLarge, { limit: maxStates }, { pointer: '' })] };
        }
      }
    }
    layer = next;
  }

  const perStep = (values: Float64Array, keep: (s: number) => boolean = () => true) => {
    const out: Record<string, number> = {};
    base.stepIds.forEach((id, s) => keep(s) && (out[id] = values[s]!));
    return out;
  };
  const risks: ExactHouseholdOutcomes['risks'] = {};
  base.space.risks.forEach((key, r) => (risks[key] = { present: compiled.risks[r] === 1 ? 1 : 0, ...risk[r]! }));
  const [unmarked, warm, cold] = Array.from(expected.referrals);
  return {
    ok: true,
    diagnostics: [],
    value: {
      reach: perStep(expected.reach),
      visits: perStep(expected.visits),
      outcomes: perStep(expected.outcomes, (s) => base.outcome[s] === 1),
      stuck: perStep(expected.stuck, (s) => expected.stuck[s]! > 0),
      waiting: perStep(expected.waiting, (s) => expected.waiting[s]! > 0),
      children: expected.children,
      risks,
      handoffs: {
        transfers: { warm: expected.transfers[MARK.warm]!, cold: expected.transfers[MARK.cold]! },
        referrals: { made: unmarked! + warm! + cold!, warm: warm!, cold: cold!, unmarked: unmarked!, accepted: expected.accepted, started: expected.started },
      },
      states,
    },
  };
}
