import type { CompiledClient } from './client.js';
import type { SimTable } from './table.js';

/** State kinds of the chain: transient, or absorbing as outcome, stuck, or inside a closed cycle without exit (trapped). */
export const KIND = { transient: 0, outcome: 1, stuck: 2, trapped: 3 } as const;

/** The reachable (step, day) states of one client, with their transition probabilities (CSR). */
export interface StateGraph {
  step: Int32Array;
  day: Float64Array;
  kind: Uint8Array;
  edgeFirst: Int32Array;
  edgeTo: Int32Array;
  edgeP: Float64Array;
}

/**
 * Explores the states (step, day) reachable for a client. Only days up to the latest finite
 * deadline matter for which transitions are enabled, and days never decrease, so later days are
 * all the same state ("clamped"); without any finite deadline the day is dropped altogether.
 * Returns undefined when there are more than `maxStates` states.
 */
export function exploreStates(table: SimTable, client: CompiledClient, maxStates: number): StateGraph | undefined {
  const T = table.target.length;
  const usable = new Uint8Array(T);
  let deadline = -Infinity;
  for (let t = 0; t < T; t++) {
    const condition = table.when[t];
    if (table.target[t]! >= 0 && table.weight[t]! > 0 && (condition === null || condition!(client))) {
      usable[t] = 1;
      if (Number.isFinite(table.latest[t]!)) deadline = Math.max(deadline, table.latest[t]!);
    }
  }
  const timed = Number.isFinite(deadline);
  const clamp = (day: number) => (timed ? Math.min(day, deadline + 1) : 0);
  const ids = new Map<string, number>();
  const step: number[] = [];
  const day: number[] = [];
  const kind: number[] = [];
  const edges: { to: number; p: number }[][] = [];
  const stateOf = (s: number, d: number): number | undefined => {
    const key = `${s}:${d}`;
    let id = ids.get(key);
    if (id === undefined) {
      if (step.length >= maxStates) return undefined;
      id = step.length;
      ids.set(key, id);
      step.push(s);
      day.push(d);
      kind.push(KIND.transient);
      edges.push([]);
    }
    return id;
  };
  const start = stateOf(table.initial, clamp(table.startDay));
  if (start === undefined) return undefined;
  for (let id = 0; id < step.length; id++) {
    const s = step[id]!;
    const d = day[id]!;
    if (table.outcome[s] === 1) {
      kind[id] = KIND.outcome;
      continue;
    }
    let total = 0;
    const enabled: number[] = [];
    for (let t = table.first[s]!; t < table.first[s + 1]!; t++) {
      if (usable[t] === 1 && (!timed || d <= table.latest[t]!)) {
        enabled.push(t);
        total += table.weight[t]!;
      }
    }
    if (enabled.length === 0) {
      kind[id] = KIND.stuck;
      continue;
    }
    for (const t of enabled) {
      const arrival = timed ? clamp(Math.max(d + table.after[t]!, table.targetFrom[t]!)) : 0;
      const to = stateOf(table.target[t]!, arrival);
      if (to === undefined) return undefined;
      edges[id]!.push({ to, p: table.weight[t]! / total });
    }
  }
  markTrapped(kind, edges);
  const edgeFirst = new Int32Array(step.length + 1);
  edges.forEach((list, id) => (edgeFirst[id + 1] = edgeFirst[id]! + list.length));
  return {
    step: Int32Array.from(step),
    day: Float64Array.from(day),
    kind: Uint8Array.from(kind),
    edgeFirst,
    edgeTo: Int32Array.from(edges.flat(), (e) => e.to),
    edgeP: Float64Array.from(edges.flat(), (e) => e.p),
  };
}

// transient states from which no absorbing state can be reached lie in cycles without exit
export function markTrapped(kind: number[], edges: { to: number; p: number }[][]): void {
  const incoming: number[][] = kind.map(() => []);
  edges.forEach((list, from) => list.forEach((e) => incoming[e.to]!.push(from)));
  const ends = new Uint8Array(kind.length);
  const queue = kind.flatMap((k, id) => (k !== KIND.transient ? [id] : []));
  for (const id of queue) ends[id] = 1;
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const from of incoming[id]!) {
      if (ends[from] === 0) {
        ends[from] = 1;
        queue.push(from);
      }
    }
  }
  // of the states that never end, those in a closed class are revisited without end ("trapped");
  // the others (on the way into such a class) are passed through once, like any transient state.
  // Trapped states keep their edges: they absorb for outcomes and visits, but the reach of the
  // steps further inside the cycle follows them.
  const neverEnding = kind.flatMap((k, id) => (k === KIND.transient && ends[id] === 0 ? [id] : []));
  const reachableFrom = (id: number, along: (id: number) => number[]) => {
    const seen = new Set([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const next of along(stack.pop()!)) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return seen;
  };
  const recurrent = neverEnding.filter((id) => {
    const back = reachableFrom(id, (x) => incoming[x]!);
    for (const y of reachableFrom(id, (x) => edges[x]!.map((e) => e.to))) if (!back.has(y)) return false;
    return true;
  });
  for (const id of recurrent) kind[id] = KIND.trapped;
}
