import type { PathGraph } from './graph.js';

/** Strongly connected components over live edges; components come in reverse topological order. */
export interface Components {
  componentOf: Int32Array;
  components: number[][];
  /** True for a component that contains a cycle (more than one step, or a step with a self-loop). */
  cyclic: boolean[];
}

/** Tarjan's algorithm with an explicit stack: linear, no recursion. */
export function stronglyConnected(graph: PathGraph): Components {
  return graph.cached('scc', () => tarjan(graph));
}

function tarjan(graph: PathGraph): Components {
  const n = graph.size;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const components: number[][] = [];
  const cyclic: boolean[] = [];
  const stack: number[] = [];
  const callStep: number[] = [];
  const callEdge: number[] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (callStep.length > 0) {
      const top = callStep.length - 1;
      const v = callStep[top]!;
      const e = callEdge[top]!;
      if (e < graph.edgeStart[v + 1]!) {
        callEdge[top] = e + 1;
        if (!graph.edgeLive[e]) continue;
        const w = graph.edgeTarget[e]!;
        if (order[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      callStep.pop();
      callEdge.pop();
      const parent = callStep[callStep.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!);
      if (low[v] === order[v]) close(v);
    }
  }
  return { componentOf, components, cyclic };

  function enter(v: number): void {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    callStep.push(v);
    callEdge.push(graph.edgeStart[v]!);
  }

  function close(v: number): void {
    const id = components.length;
    const members: number[] = [];
    let w: number;
    do {
      w = stack.pop()!;
      onStack[w] = 0;
      componentOf[w] = id;
      members.push(w);
    } while (w !== v);
    members.sort((a, b) => a - b);
    components.push(members);
    cyclic.push(members.length > 1 || hasSelfLoop(graph, v));
  }
}

function hasSelfLoop(graph: PathGraph, v: number): boolean {
  for (let e = graph.edgeStart[v]!; e < graph.edgeStart[v + 1]!; e++) if (graph.edgeLive[e] && graph.edgeTarget[e] === v) return true;
  return false;
}
