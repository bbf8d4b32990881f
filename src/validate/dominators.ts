import type { PathGraph } from './graph.js';

/**
 * Immediate dominators over live edges from the initial step (Cooper, Harvey and Kennedy's
 * iterative algorithm on reverse postorder): step d dominates s when every path from the initial
 * step to s passes d. `idom[s]` is -1 for the initial step and for unreachable steps.
 */
export function dominators(graph: PathGraph): Int32Array {
  return graph.cached('dominators', () => compute(graph));
}

function compute(graph: PathGraph): Int32Array {
  const n = graph.size;
  const idom = new Int32Array(n).fill(-1);
  if (graph.initial < 0) return idom;
  const post = postorder(graph);
  const postNumber = new Int32Array(n).fill(-1);
  post.forEach((step, i) => (postNumber[step] = i));
  const { start, edges } = graph.incoming();
  const root = graph.initial;
  idom[root] = root;
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = post.length - 2; i >= 0; i--) {
      const b = post[i]!;
      let candidate = -1;
      for (let k = start[b]!; k < start[b + 1]!; k++) {
        const e = edges[k]!;
        if (!graph.edgeLive[e]) continue;
        const p = graph.edgeSource[e]!;
        if (idom[p] === -1 || postNumber[p] === -1) continue;
        candidate = candidate === -1 ? p : intersect(p, candidate);
      }
      if (candidate !== -1 && idom[b] !== candidate) {
        idom[b] = candidate;
        changed = true;
      }
    }
  }
  idom[root] = -1;
  return idom;

  function intersect(a: number, b: number): number {
    while (a !== b) {
      while (postNumber[a]! < postNumber[b]!) a = idom[a]!;
      while (postNumber[b]! < postNumber[a]!) b = idom[b]!;
    }
    return a;
  }
}

// iterative depth-first postorder of the reachable steps; the initial step comes last
function postorder(graph: PathGraph): number[] {
  const seen = new Uint8Array(graph.size);
  const out: number[] = [];
  const stepStack = [graph.initial];
  const edgeStack = [graph.edgeStart[graph.initial]!];
  seen[graph.initial] = 1;
  while (stepStack.length > 0) {
    const top = stepStack.length - 1;
    const v = stepStack[top]!;
    const e = edgeStack[top]!;
    if (e < graph.edgeStart[v + 1]!) {
      edgeStack[top] = e + 1;
      const w = graph.edgeTarget[e]!;
      if (graph.edgeLive[e] && !seen[w]) {
        seen[w] = 1;
        stepStack.push(w);
        edgeStack.push(graph.edgeStart[w]!);
      }
      continue;
    }
    stepStack.pop();
    edgeStack.pop();
    out.push(v);
  }
  return out;
}
