import { argumentError, createDiagnostic, isRecord, wholeNumberFrom, type Diagnostic } from '../diagnostics/index.js';
import { requireCarePath, type CarePath, type Client, type ClientInput, type Result } from '../model/index.js';
import { encodeClient } from './client.js';
import { SIMULATE_CODES } from './codes.js';
import { exploreStates, KIND, type StateGraph } from './markov-states.js';
import { tableOf } from './trace.js';

/** Exact journey probabilities for one client profile (absorbing Markov chain). */
export interface ExactOutcomes {
  /** Probability that the journey visits each step at least once. */
  reach: Record<string, number>;
  /** Expected number of visits to each step; `Infinity` for a step inside a cycle without exit that the journey reaches. */
  visits: Record<string, number>;
  /** Probability of ending in each outcome step. */
  outcomes: Record<string, number>;
  /** Probability of ending stuck in each step (only steps where that can happen). */
  stuck: Record<string, number>;
  /** Probability of entering a cycle without exit (the simulator ends those at its visit limit). */
  neverEnds: number;
  /** Number of (step, day) states of the chain. */
  states: number;
}

/** Solves A x = b in place by Gaussian elimination with partial pivoting (A is n × n, row-major). */
export function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = row;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k]!, a[col * n + k]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    const diagonal = a[col * n + col]!;
    for (let row = col + 1; row < n; row++) {
      const factor = a[row * n + col]! / diagonal;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) a[row * n + k] = a[row * n + k]! - factor * a[col * n + k]!;
      b[row] = b[row]! - factor * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < n; k++) sum -= a[row * n + k]! * x[k]!;
    x[row] = sum / a[row * n + row]!;
  }
  return x;
}

/**
 * Expected visits to every state, starting in state 0, with `absorb` states made absorbing too.
 * Days never decrease along an edge, so states are solved one day at a time, in day order: each
 * day's block is a small system (I − Q)ᵀ v = inflow that handles cycles within that day.
 */
function expectedVisits(graph: StateGraph, absorb: Uint8Array): Float64Array {
  return visitsWhere(graph, (id) => graph.kind[id] === KIND.transient && absorb[id] === 0);
}

/** Expected visits with `moves(id)` telling which states pass their probability on; the others absorb it. */
function visitsWhere(graph: StateGraph, moves: (id: number) => boolean): Float64Array {
  const N = graph.step.length;
  const inflow = new Float64Array(N);
  inflow[0] = 1;
  const visits = new Float64Array(N);
  const transient = Array.from({ length: N }, (_, id) => id).filter(moves);
  transient.sort((x, y) => graph.day[x]! - graph.day[y]! || x - y);
  const local = new Int32Array(N).fill(-1);
  for (let begin = 0; begin < transient.length; ) {
    let end = begin;
    while (end < transient.length && graph.day[transient[end]!] === graph.day[transient[begin]!]) end++;
    const members = transient.slice(begin, end);
    const m = members.length;
    members.forEach((id, k) => (local[id] = k));
    const a = new Float64Array(m * m);
    const b = new Float64Array(m);
    members.forEach((id, k) => {
      a[k * m + k] = 1;
      b[k] = inflow[id]!;
    });
    members.forEach((id, k) => {
      for (let e = graph.edgeFirst[id]!; e < graph.edgeFirst[id + 1]!; e++) {
        const j = local[graph.edgeTo[e]!]!;
        if (j >= 0) a[j * m + k] = a[j * m + k]! - graph.edgeP[e]!;
      }
    });
    const x = solveLinear(a, b, m);
    members.forEach((id, k) => {
      visits[id] = x[k]!;
      for (let e = graph.edgeFirst[id]!; e < graph.edgeFirst[id + 1]!; e++) {
        const to = graph.edgeTo[e]!;
        if (local[to]! < 0) inflow[to] = inflow[to]! + x[k]! * graph.edgeP[e]!;
      }
    });
    members.forEach((id) => (local[id] = -1));
    begin = end;
  }
  for (let id = 0; id < N; id++) if (!moves(id)) visits[id] = inflow[id]!;
  return visits;
}

/**
 * The probability of ever visiting a state of `step`, following every edge, also inside cycles
 * without exit: states of the step absorb, and so do states from which the step cannot be reached;
 * every other state can reach an absorbing one, so the system is solvable.
 */
function hittingProbability(graph: StateGraph, step: number): number {
  const N = graph.step.length;
  const incoming: number[][] = Array.from({ length: N }, () => []);
  for (let id = 0; id < N; id++) for (let e = graph.edgeFirst[id]!; e < graph.edgeFirst[id + 1]!; e++) incoming[graph.edgeTo[e]!]!.push(id);
  const canReach = new Uint8Array(N);
  const queue: number[] = [];
  const mark = (id: number) => {
    canReach[id] = 1;
    queue.push(id);
  };
  for (let id = 0; id < N; id++) if (graph.step[id] === step) mark(id);
  while (queue.length > 0) {
    for (const from of incoming[queue.pop()!]!) if (canReach[from] === 0) mark(from);
  }
  const visits = visitsWhere(graph, (id) => canReach[id] === 1 && graph.step[id] !== step && graph.kind[id] !== KIND.outcome && graph.kind[id] !== KIND.stuck);
  let total = 0;
  for (let id = 0; id < N; id++) if (graph.step[id] === step) total += visits[id]!;
  return total;
}

/** Whether a state of `step` can be reached again from a state of `step` (then reach ≠ visits). */
function revisits(graph: StateGraph, step: number): boolean {
  const seen = new Uint8Array(graph.step.length);
  const stack: number[] = [];
  for (let id = 0; id < graph.step.length; id++) if (graph.step[id] === step) stack.push(id);
  const starts = new Set(stack);
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (let e = graph.edgeFirst[id]!; e < graph.edgeFirst[id + 1]!; e++) {
      const to = graph.edgeTo[e]!;
      if (starts.has(to)) return true;
      if (seen[to] === 0) {
        seen[to] = 1;
        stack.push(to);
      }
    }
  }
  return false;
}

/**
 * The exact probabilities of a path for one client profile: of reaching each step, of each
 * outcome, of getting stuck, and the expected visits. The chain's states are (step, day) where
 * time windows matter for this client, else steps.
 *
 * @example
 * const exact = exactOutcomes(path, { risks: ['financial-stress'] });
 * if (exact.ok) console.log(exact.value.outcomes);
 */
export function exactOutcomes(path: CarePath, client: Client | ClientInput = {}, options: { maxStates?: number } = {}): Result<ExactOutcomes> {
  requireCarePath('exactOutcomes', 'path', path);
  if (!isRecord(client)) throw argumentError('exactOutcomes', 'client', { en: 'a client object such as { risks: ["debts"] }', nl: 'een cliëntobject zoals { risks: ["debts"] }' }, client);
  const maxStates = options.maxStates ?? 50_000;
  // NaN or Infinity would explore a state space that grows without end (delays in a cycle)
  if (!Number.isSafeInteger(maxStates) || maxStates < 1) throw argumentError('exactOutcomes', 'maxStates', wholeNumberFrom(1), maxStates);
  const table = tableOf(path);
  const graph = exploreStates(table, encodeClient(table.space, client), maxStates);
  if (!graph) return { ok: false, diagnostics: [createDiagnostic(SIMULATE_CODES.exactTooLarge, { limit: maxStates }, { pointer: '' })] };
  const N = graph.step.length;
  const visitsByState = expectedVisits(graph, new Uint8Array(N));
  const S = table.stepIds.length;
  const perStep = (values: (s: number) => number, keep: (s: number) => boolean = () => true) => {
    const out: Record<string, number> = {};
    table.stepIds.forEach((id, s) => keep(s) && (out[id] = values(s)));
    return out;
  };
  const sum = (s: number, kinds: number[], values: Float64Array) => {
    let total = 0;
    for (let id = 0; id < N; id++) if (graph.step[id] === s && kinds.includes(graph.kind[id]!)) total += values[id]!;
    return total;
  };
  const allKinds = [KIND.transient, KIND.outcome, KIND.stuck, KIND.trapped];
  const visits = new Float64Array(S).map((_, s) => sum(s, allKinds, visitsByState));
  const trappedStep = new Uint8Array(S);
  for (let id = 0; id < N; id++) if (graph.kind[id] === KIND.trapped) trappedStep[graph.step[id]!] = 1;
  const anyTrapped = trappedStep.some((t) => t === 1);
  const reach = visits.map((v, s) => {
    // a cycle without exit reaches steps beyond the one where it is entered: follow it
    if (trappedStep[s] === 1 || (anyTrapped && v === 0)) return hittingProbability(graph, s);
    if (v === 0 || !revisits(graph, s)) return v;
    const absorb = Uint8Array.from(graph.step, (step) => (step === s ? 1 : 0));
    return sum(s, allKinds, expectedVisits(graph, absorb));
  });
  // a step inside a cycle without exit that the journey can reach is visited without end
  trappedStep.forEach((t, s) => {
    if (t === 1 && reach[s]! > 0) visits[s] = Infinity;
  });
  const stuckBy = new Float64Array(S).map((_, s) => sum(s, [KIND.stuck], visitsByState));
  const trappedSteps = new Set<string>();
  let neverEnds = 0;
  for (let id = 0; id < N; id++) {
    if (graph.kind[id] !== KIND.trapped) continue;
    neverEnds += visitsByState[id]!;
    trappedSteps.add(table.stepIds[graph.step[id]!]!);
  }
  const diagnostics: Diagnostic[] = [];
  if (neverEnds > 0) {
    diagnostics.push(createDiagnostic(SIMULATE_CODES.exactNeverEnds, { probability: Number(neverEnds.toPrecision(4)), steps: [...trappedSteps] }, { pointer: '' }));
  }
  return {
    ok: true,
    diagnostics,
    value: {
      reach: perStep((s) => reach[s]!),
      visits: perStep((s) => visits[s]!),
      outcomes: perStep((s) => visits[s]!, (s) => table.outcome[s] === 1),
      stuck: perStep((s) => stuckBy[s]!, (s) => stuckBy[s]! > 0),
      neverEnds,
      states: N,
    },
  };
}
