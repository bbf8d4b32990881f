import { windowDays, type CarePath, type Step, type Transition } from '../model/index.js';
import { windowOutsidePhase } from './phase-window.js';
import { isPositive, isSatisfiable } from './satisfiable.js';

/** An edge predicate over edge numbers; the live edges when not given. */
export type EdgeFilter = (edge: number) => boolean;

/**
 * The step graph of a path in compact arrays (steps and transitions numbered in document order),
 * with the facts structural rules share computed once, on first use. Every traversal is iterative
 * and linear, so a 100,000-step path cannot overflow the stack.
 */
export class PathGraph {
  readonly ids: string[];
  readonly steps: Step[];
  readonly index = new Map<string, number>();
  /** The initial step's number, or -1 when it does not exist. */
  readonly initial: number;
  /** Edges of step i are edgeStart[i] .. edgeStart[i + 1] - 1. */
  readonly edgeStart: Int32Array;
  readonly edgeSource: Int32Array;
  /** The target step of an edge, or -1 when it does not exist. */
  readonly edgeTarget: Int32Array;
  /** The edge's position in its step's `transitions`. */
  readonly edgeTransition: Int32Array;
  /** 1 when the edge can fire: its target exists and its condition is satisfiable. */
  readonly edgeLive: Uint8Array;
  /** 1 when the edge has no condition or a positive one (see `isPositive`): compatible with any other positive condition. */
  readonly edgePositive: Uint8Array;
  private reverse?: { start: Int32Array; edges: Int32Array };
  private readonly memo = new Map<string, unknown>();

  constructor(readonly path: CarePath) {
    this.ids = Object.keys(path.steps);
    this.steps = this.ids.map((id) => path.steps[id]!);
    this.ids.forEach((id, i) => this.index.set(id, i));
    this.initial = this.index.get(path.initial) ?? -1;
    const n = this.ids.length;
    this.edgeStart = new Int32Array(n + 1);
    let m = 0;
    for (let i = 0; i < n; i++) {
      this.edgeStart[i] = m;
      m += (this.steps[i]!.transitions ?? []).length;
    }
    this.edgeStart[n] = m;
    this.edgeSource = new Int32Array(m);
    this.edgeTarget = new Int32Array(m);
    this.edgeTransition = new Int32Array(m);
    this.edgeLive = new Uint8Array(m);
    this.edgePositive = new Uint8Array(m);
    for (let i = 0, e = 0; i < n; i++) {
      const transitions = this.steps[i]!.transitions ?? [];
      for (let k = 0; k < transitions.length; k++, e++) {
        const t = transitions[k]!;
        const target = this.index.get(t.to) ?? -1;
        this.edgeSource[e] = i;
        this.edgeTarget[e] = target;
        this.edgeTransition[e] = k;
        const sat = t.when === undefined || isSatisfiable(t.when);
        this.edgeLive[e] = target >= 0 && sat ? 1 : 0;
        this.edgePositive[e] = t.when === undefined || isPositive(t.when) ? 1 : 0;
      }
    }
  }

  get size(): number {
    return this.ids.length;
  }

  get edgeCount(): number {
    return this.edgeTarget.length;
  }

  /** The transition an edge stands for. */
  transition(edge: number): Transition {
    return this.steps[this.edgeSource[edge]!]!.transitions[this.edgeTransition[edge]!]!;
  }

  isOutcome(step: number): boolean {
    return this.steps[step]!.kind === 'outcome';
  }

  /** Memoises a derived fact under a key for the lifetime of this graph. */
  cached<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /** Incoming edges: edges of step i are reverse.edges[start[i] .. start[i + 1] - 1]. */
  incoming(): { start: Int32Array; edges: Int32Array } {
    if (this.reverse) return this.reverse;
    const n = this.size;
    const start = new Int32Array(n + 1);
    for (let e = 0; e < this.edgeCount; e++) {
      const t = this.edgeTarget[e]!;
      if (t >= 0) start[t + 1]!++;
    }
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const edges = new Int32Array(start[n]!);
    for (let e = 0; e < this.edgeCount; e++) {
      const t = this.edgeTarget[e]!;
      if (t >= 0) edges[fill[t]!++] = e;
    }
    this.reverse = { start, edges };
    return this.reverse;
  }

  /** The window of every step as days (±Infinity when open). */
  windows(): { from: Float64Array; to: Float64Array } {
    return this.cached('windows', () => {
      const from = new Float64Array(this.size);
      const to = new Float64Array(this.size);
      this.steps.forEach((step, i) => {
        // a window outside its phase is one mistake, reported by window-outside-phase alone: the other time rules see it as open
        const w = windowDays(windowOutsidePhase(step) === undefined ? step.window : undefined);
        from[i] = w.from;
        to[i] = w.to;
      });
      return { from, to };
    });
  }

  /** The delay (`after`, in days) of every edge. */
  delays(): Float64Array {
    return this.cached('delays', () => {
      const delays = new Float64Array(this.edgeCount);
      for (let e = 0; e < this.edgeCount; e++) delays[e] = this.transition(e).after ?? 0;
      return delays;
    });
  }

  /** Steps reachable from the initial step over live edges. */
  reachable(): Uint8Array {
    return this.cached('reachable', () => forwardReach(this, this.initial >= 0 ? [this.initial] : []));
  }

  /** Steps from which an outcome is reachable over live edges. */
  reachesOutcome(): Uint8Array {
    return this.cached('reachesOutcome', () => {
      const outcomes: number[] = [];
      for (let i = 0; i < this.size; i++) if (this.isOutcome(i)) outcomes.push(i);
      return backwardReach(this, outcomes);
    });
  }
}

/** Marks the steps reachable from `starts` over the edges the filter accepts (live edges by default). */
export function forwardReach(graph: PathGraph, starts: readonly number[], accept?: EdgeFilter): Uint8Array {
  const seen = new Uint8Array(graph.size);
  const stack: number[] = [];
  for (const s of starts) {
    if (!seen[s]) {
      seen[s] = 1;
      stack.push(s);
    }
  }
  while (stack.length > 0) {
    const step = stack.pop()!;
    for (let e = graph.edgeStart[step]!; e < graph.edgeStart[step + 1]!; e++) {
      if (!graph.edgeLive[e] || (accept && !accept(e))) continue;
      const target = graph.edgeTarget[e]!;
      if (!seen[target]) {
        seen[target] = 1;
        stack.push(target);
      }
    }
  }
  return seen;
}

/** Marks the steps from which one of `targets` is reachable over accepted live edges. */
export function backwardReach(graph: PathGraph, targets: readonly number[], accept?: EdgeFilter): Uint8Array {
  const { start, edges } = graph.incoming();
  const seen = new Uint8Array(graph.size);
  const stack: number[] = [];
  for (const t of targets) {
    if (!seen[t]) {
      seen[t] = 1;
      stack.push(t);
    }
  }
  while (stack.length > 0) {
    const step = stack.pop()!;
    for (let k = start[step]!; k < start[step + 1]!; k++) {
      const e = edges[k]!;
      if (!graph.edgeLive[e] || (accept && !accept(e))) continue;
      const source = graph.edgeSource[e]!;
      if (!seen[source]) {
        seen[source] = 1;
        stack.push(source);
      }
    }
  }
  return seen;
}
