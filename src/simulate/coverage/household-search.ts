import type { Client, HouseholdPath } from '../../model/index.js';
import { HouseholdStates, type HouseholdState, type OfferedMove } from './household-states.js';
import type { CoverageItem } from './household-walker.js';

interface Edge {
  move: OfferedMove;
  to: number;
  items: Set<CoverageItem>;
}

interface Node {
  state: HouseholdState;
  /** The node this one was first reached from (-1 for the first state) and the move that did it. */
  parent: number;
  move?: OfferedMove;
  depth: number;
  edges: Edge[];
}

/** What one search found: for each wanted item, the moves of a short journey that goes through it. */
export interface SearchResult {
  /** Journeys as lists of moves, each ending where what it is for is done and then at an outcome of every track where it can. */
  plans: OfferedMove[][];
  /** The wanted items some journey of this client goes through. */
  found: Set<CoverageItem>;
  /** True when every state the client can reach was searched: a wanted item not found is out of reach for this client. */
  complete: boolean;
  /** The states searched. */
  searched: number;
}

/**
 * A breadth-first search through every state a client's household journey can reach (states with
 * the same future are one), up to `budget` states: every move from every state, so that a step,
 * transition, referral or signal that any walk can make is found, on a shortest way to it. Then
 * journeys for the wanted items, the deepest first (its way passes through others), each carried on
 * by the fewest moves to an outcome of every running track.
 */
export function searchHousehold(path: HouseholdPath, client: Client, wanted: ReadonlySet<CoverageItem>, budget: number): SearchResult {
  const states = new HouseholdStates(path, client);
  const first = states.initial();
  const nodes: Node[] = [{ state: first.state, parent: -1, depth: 0, edges: [] }];
  const byKey = new Map<string, number>([[states.key(first.state), 0]]);
  // for each wanted item, the first edge (its node and index) that goes through it; edge -1: the journey's start
  const firstEdge = new Map<CoverageItem, { node: number; edge: number }>();
  for (const item of first.items) if (wanted.has(item)) firstEdge.set(item, { node: 0, edge: -1 });
  let head = 0;
  for (; head < nodes.length && head < budget; head++) {
    const node = nodes[head]!;
    for (const move of states.offered(node.state)) {
      const taken = states.take(node.state, move);
      if (taken === undefined) continue;
      const key = states.key(taken.state);
      let to = byKey.get(key);
      if (to === undefined) {
        to = nodes.length;
        byKey.set(key, to);
        nodes.push({ state: taken.state, parent: head, move, depth: node.depth + 1, edges: [] });
      }
      node.edges.push({ move, to, items: taken.items });
      for (const item of taken.items) if (wanted.has(item) && !firstEdge.has(item)) firstEdge.set(item, { node: head, edge: node.edges.length - 1 });
    }
  }
  const complete = head >= nodes.length;
  const onward = waysToFinish(nodes, (n) => states.finished(n.state));
  const movesTo = (index: number): OfferedMove[] => {
    const moves: OfferedMove[] = [];
    for (let n = index; nodes[n]!.parent >= 0; n = nodes[n]!.parent) moves.push(nodes[n]!.move!);
    return moves.reverse();
  };
  const itemsTo = (index: number): Set<CoverageItem> => {
    const items = new Set<CoverageItem>(first.items);
    for (let n = index; nodes[n]!.parent >= 0; n = nodes[n]!.parent) {
      const parent = nodes[nodes[n]!.parent]!;
      for (const item of parent.edges.find((e) => e.to === n && e.move === nodes[n]!.move)!.items) items.add(item);
    }
    return items;
  };
  const targets = [...new Map([...firstEdge.values()].map((t) => [`${t.node}:${t.edge}`, t])).values()];
  targets.sort((a, b) => nodes[b.node]!.depth - nodes[a.node]!.depth || a.node - b.node || a.edge - b.edge);
  const left = new Set(firstEdge.keys());
  const plans: OfferedMove[][] = [];
  for (const target of targets) {
    const edge = target.edge >= 0 ? nodes[target.node]!.edges[target.edge]! : undefined;
    const along = itemsTo(target.node);
    for (const item of edge?.items ?? []) along.add(item);
    if (![...along].some((item) => left.has(item))) continue;
    const plan = edge ? [...movesTo(target.node), edge.move] : [];
    // on to an outcome of every track, the fewest moves, through the states the search expanded
    for (let n = edge?.to ?? 0, guard = 0; onward.has(n) && guard < nodes.length; guard++) {
      const next = onward.get(n)!;
      plan.push(next.move);
      for (const item of next.items) along.add(item);
      n = next.to;
    }
    for (const item of along) left.delete(item);
    plans.push(plan);
  }
  return { plans, found: new Set(firstEdge.keys()), complete, searched: head };
}

/** For each node from which a finished state can be reached, the first edge of a shortest way there (none for a finished node). */
function waysToFinish(nodes: readonly Node[], finished: (node: Node) => boolean): Map<number, Edge> {
  const into = new Map<number, { from: number; edge: Edge }[]>();
  nodes.forEach((node, from) => {
    for (const edge of node.edges) {
      const list = into.get(edge.to) ?? [];
      list.push({ from, edge });
      into.set(edge.to, list);
    }
  });
  const reached = new Set<number>();
  const queue: number[] = [];
  nodes.forEach((node, index) => {
    if (finished(node)) {
      reached.add(index);
      queue.push(index);
    }
  });
  const onward = new Map<number, Edge>();
  for (let h = 0; h < queue.length; h++) {
    for (const { from, edge } of into.get(queue[h]!) ?? []) {
      if (reached.has(from)) continue;
      reached.add(from);
      onward.set(from, edge);
      queue.push(from);
    }
  }
  return onward;
}
