import { PHASE_RANGE, requireCarePath, startDay, type CarePath } from '../model/index.js';
import { windowOutsidePhase } from './phase-window.js';
import { PathGraph, type EdgeFilter } from './graph.js';
import { stronglyConnected } from './scc.js';

/** The days on which clients can arrive in a step, over all paths from the initial step. */
export interface ArrivalWindow {
  /** Earliest and latest arrival day (days relative to birth; ±Infinity when open). */
  earliest: number;
  latest: number;
  /**
   * False when clients can come to the step only too late for its window; `earliest` and
   * `latest` are then the days on which they would try to arrive.
   */
  feasible: boolean;
}

/** Arrival days per step number; `earliest` is Infinity for steps never reached in time. */
export interface ArrivalAnalysis {
  earliest: Float64Array;
  latest: Float64Array;
  /** The days clients try to enter a step (day + after), whether or not its window allows it. */
  attemptEarliest: Float64Array;
  attemptLatest: Float64Array;
}

// rounds of relaxation inside one cycle before its latest days are widened to the window ends
const CYCLE_ROUNDS = 4;

/**
 * For every step the earliest and latest day a client can arrive, following the journey semantics
 * (docs/rules/window-infeasible.md): leaving a step on the arrival day, a transition fires only when
 * `max(day + after, window start) <= window end`. Conditions other than contradictions are ignored,
 * so the ranges cover every client. Earliest days are exact; latest days are an upper bound.
 *
 * @example
 * const windows = arrivalWindows(path);
 * windows['voorzorg-intake']; // { earliest: -182, latest: -84, feasible: true }
 */
export function arrivalWindows(path: CarePath): Record<string, ArrivalWindow> {
  requireCarePath('arrivalWindows', 'path', path);
  const graph = new PathGraph(path);
  const analysis = analyseArrival(graph);
  const out: Record<string, ArrivalWindow> = {};
  graph.ids.forEach((id, i) => {
    if (Number.isFinite(analysis.earliest[i]!)) out[id] = { earliest: analysis.earliest[i]!, latest: analysis.latest[i]!, feasible: true };
    else if (analysis.attemptEarliest[i]! < Infinity) out[id] = { earliest: analysis.attemptEarliest[i]!, latest: analysis.attemptLatest[i]!, feasible: false };
  });
  return out;
}

/** The arrival analysis of a graph, over the live edges the filter accepts (memoised without a filter). */
export function analyseArrival(graph: PathGraph, accept?: EdgeFilter): ArrivalAnalysis {
  // a filter that keeps every live edge gives the shared, unfiltered analysis
  if (accept) {
    for (let e = 0; e < graph.edgeCount; e++) if (graph.edgeLive[e] && !accept(e)) return compute(graph, accept);
  }
  return graph.cached('arrival', () => compute(graph, undefined));
}

function compute(graph: PathGraph, accept: EdgeFilter | undefined): ArrivalAnalysis {
  const n = graph.size;
  const { from, to } = graph.windows();
  const usable = (e: number) => graph.edgeLive[e] === 1 && (!accept || accept(e));
  const delays = graph.delays();
  const after = (e: number) => delays[e]!;
  const earliest = new Float64Array(n).fill(Infinity);
  const latest = new Float64Array(n).fill(-Infinity);
  const attemptEarliest = new Float64Array(n).fill(Infinity);
  const attemptLatest = new Float64Array(n).fill(-Infinity);
  if (graph.initial < 0) return { earliest, latest, attemptEarliest, attemptLatest };

  const first = graph.steps[graph.initial]!;
  // a start window outside its phase is window-outside-phase's finding; the start is then the phase's own
  const start = windowOutsidePhase(first) === undefined ? startDay(graph.path) : PHASE_RANGE[first.phase].from;
  attemptEarliest[graph.initial] = attemptLatest[graph.initial] = start;
  const heap = new DayHeap();
  if (Math.max(start, from[graph.initial]!) <= to[graph.initial]!) {
    earliest[graph.initial] = Math.max(start, from[graph.initial]!);
    heap.push(earliest[graph.initial]!, graph.initial);
  }
  // earliest arrival: arriving earlier never closes a transition, so Dijkstra is exact
  while (heap.size > 0) {
    const [day, s] = heap.pop();
    if (day > earliest[s]!) continue;
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      if (!usable(e)) continue;
      const u = graph.edgeTarget[e]!;
      const attempt = day + after(e);
      if (attempt < attemptEarliest[u]!) attemptEarliest[u] = attempt;
      const arrival = Math.max(attempt, from[u]!);
      if (arrival <= to[u]! && arrival < earliest[u]!) {
        earliest[u] = arrival;
        heap.push(arrival, u);
      }
    }
  }

  // latest arrival: components in topological order; cycles relax a few rounds, then widen
  if (Number.isFinite(earliest[graph.initial]!)) latest[graph.initial] = earliest[graph.initial]!;
  const { components, cyclic } = stronglyConnected(graph);
  const relax = (s: number): boolean => {
    let changed = false;
    if (!Number.isFinite(earliest[s]!)) return false;
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      if (!usable(e)) continue;
      const u = graph.edgeTarget[e]!;
      const delay = after(e);
      if (latest[s]! + delay > attemptLatest[u]!) attemptLatest[u] = latest[s]! + delay;
      if (from[u]! > to[u]!) continue;
      const leave = Math.min(latest[s]!, to[u]! - delay);
      if (leave < earliest[s]!) continue;
      const arrival = Math.max(leave + delay, from[u]!);
      if (arrival > latest[u]!) {
        latest[u] = arrival;
        changed = true;
      }
    }
    return changed;
  };
  for (let c = components.length - 1; c >= 0; c--) {
    const members = components[c]!;
    if (!cyclic[c]) {
      relax(members[0]!);
      continue;
    }
    let rounds = 0;
    let changed = true;
    while (changed && rounds++ < CYCLE_ROUNDS) {
      changed = false;
      for (const s of members) if (relax(s)) changed = true;
    }
    if (changed) {
      for (const s of members) if (Number.isFinite(earliest[s]!)) latest[s] = to[s]!;
      for (const s of members) relax(s);
    }
  }
  return { earliest, latest, attemptEarliest, attemptLatest };
}

/** A binary min-heap of (day, step) pairs. */
class DayHeap {
  private days: number[] = [];
  private steps: number[] = [];

  get size(): number {
    return this.days.length;
  }

  push(day: number, step: number): void {
    let i = this.days.length;
    this.days.push(day);
    this.steps.push(step);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.days[parent]! <= day) break;
      this.days[i] = this.days[parent]!;
      this.steps[i] = this.steps[parent]!;
      i = parent;
    }
    this.days[i] = day;
    this.steps[i] = step;
  }

  pop(): [number, number] {
    const top: [number, number] = [this.days[0]!, this.steps[0]!];
    const day = this.days.pop()!;
    const step = this.steps.pop()!;
    const n = this.days.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && this.days[child + 1]! < this.days[child]!) child++;
        if (this.days[child]! >= day) break;
        this.days[i] = this.days[child]!;
        this.steps[i] = this.steps[child]!;
        i = child;
      }
      this.days[i] = day;
      this.steps[i] = step;
    }
    return top;
  }
}
