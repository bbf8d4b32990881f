import { arrivalDay, ClientSchema, eventOf, evaluateCondition, isEnabled, requireCarePath, startDay, viewClient, type CarePath, type Client, type ClientInput } from '../../model/index.js';
import type { JourneyEvent } from '../../machine/index.js';
import { addTerm, clientOf, NO_CONSTRAINTS, toDnf, weaker, type Constraints, type Term } from './constraints.js';

/** A journey to replay in a test: the client, the events to send, and the steps it passes. */
export interface TestPath {
  client: Client;
  events: JourneyEvent[];
  steps: string[];
  /** The day the journey is in each of `steps`. */
  days: number[];
}

/** Options of `testPaths`. */
export interface TestPathOptions {
  /** `shortest`: one path to every reachable step; `transitions`: paths that together take every takeable transition. */
  strategy?: 'shortest' | 'transitions';
  /** Use these clients instead of deriving clients from the conditions. */
  clients?: readonly ClientInput[];
  /** The day journeys start (default `startDay(path)`). */
  startDay?: number;
  /** The most search states to visit per search (default 20 000); beyond it some paths may be missing. */
  maxStates?: number;
  /** The most states kept per step in one search (default 16); a second, goal-directed search finds what this leaves out. */
  maxFront?: number;
}

interface Limits {
  maxStates: number;
  maxFront: number;
}

interface Node {
  step: string;
  day: number;
  constraints: Constraints | null;
  parent: Node | null;
  index: number;
  event: string;
}

const NOBODY = viewClient({});

// the terms under which a transition can be taken: from its condition, or checked for a fixed client
function termsOf(condition: Parameters<typeof toDnf>[0], client: Client | undefined): Term[] {
  if (!client) return toDnf(condition);
  return evaluateCondition(condition, viewClient(client)) ? [[]] : [];
}

/*
 * Breadth-first over (step, day, constraints). A state is pruned when another state of the same
 * step was reached no later and with weaker constraints: everything possible from the pruned state
 * is possible from that one too (an earlier day and a more general client only enable more), and
 * breadth-first order means it was reached in no more steps. This keeps shortest paths shortest.
 */
function search(path: CarePath, client: Client | undefined, first: number, root0: Constraints, limits: Limits, onEdge: (key: string, node: Node) => boolean | void, onStep: (node: Node) => void) {
  const root: Node = { step: path.initial, day: first, constraints: root0, parent: null, index: -1, event: '' };
  const fronts = new Map<string, Node[]>([[root.step, [root]]]);
  const queue: Node[] = [root];
  onStep(root);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const transitions = path.steps[node.step]!.transitions;
    for (let index = 0; index < transitions.length; index++) {
      const transition = transitions[index]!;
      const target = path.steps[transition.to];
      // the time part of enabledness, from the shared semantics; the condition part is solved below
      if (!target || !isEnabled({ ...transition, when: undefined }, target, NOBODY, node.day)) continue;
      for (const term of termsOf(transition.when, client)) {
        const constraints = addTerm(node.constraints!, term);
        if (!constraints) continue;
        const child: Node = { step: transition.to, day: arrivalDay(node.day, transition, target), constraints, parent: node, index, event: eventOf(transition) };
        if (onEdge(`${node.step}#${index}`, child) === true) return;
        onStep(child);
        const front = fronts.get(child.step) ?? [];
        if (front.length >= limits.maxFront || queue.length >= limits.maxStates) continue;
        if (front.some((n) => n.day <= child.day && weaker(n.constraints!, constraints))) continue;
        fronts.set(child.step, [...front.filter((n) => !(child.day <= n.day && weaker(constraints, n.constraints!))), child]);
        queue.push(child);
      }
    }
  }
}

function toTestPath(node: Node, client: Client | undefined): TestPath {
  const chain: Node[] = [];
  for (let n: Node | null = node; n; n = n.parent) chain.unshift(n);
  return {
    client: client ?? clientOf(node.constraints!),
    events: chain.slice(1).map((n) => ({ type: n.event, index: n.index })),
    steps: chain.map((n) => n.step),
    days: chain.map((n) => n.day),
  };
}

function isPrefix(a: TestPath, b: TestPath): boolean {
  if (a.events.length >= b.events.length || JSON.stringify(a.client) !== JSON.stringify(b.client)) return false;
  return a.steps.every((s, i) => s === b.steps[i] && (i === 0 || a.events[i - 1]!.index === b.events[i - 1]!.index));
}

/**
 * Generates test paths: for each, a client constructed to satisfy the conditions along the way and
 * the events to send, with delays and windows respected (semantics.ts). `shortest` gives one
 * shortest path to every reachable step; `transitions` a set of paths that together take every
 * takeable transition.
 *
 * @example
 * for (const { client, events } of testPaths(path, { strategy: 'transitions' })) {
 *   const journey = createJourney(path, client);
 *   for (const event of events) journey.send(event);
 * }
 */
export function testPaths(path: CarePath, options: TestPathOptions = {}): TestPath[] {
  requireCarePath('testPaths', 'path', path);
  const strategy = options.strategy ?? 'transitions';
  const first = options.startDay ?? startDay(path);
  const limits: Limits = { maxStates: options.maxStates ?? 20_000, maxFront: options.maxFront ?? 16 };
  const clients: (Client | undefined)[] = options.clients ? options.clients.map((c) => ClientSchema.parse(c)) : [undefined];
  const byStep = new Map<string, TestPath>();
  const byEdge = new Map<string, TestPath>();
  for (const client of clients) {
    const steps = new Map<string, Node>();
    const edges = new Map<string, Node>();
    search(path, client, first, NO_CONSTRAINTS, limits, (key, node) => void (edges.has(key) || edges.set(key, node)), (node) => void (steps.has(node.step) || steps.set(node.step, node)));
    // goal-directed: a transition the broad search missed is searched for again, from a client that already meets its condition
    if (!client) for (const [key, node] of missedTransitions(path, first, limits, edges)) {
      edges.set(key, node);
      if (!steps.has(node.step)) steps.set(node.step, node);
    }
    for (const [step, node] of steps) {
      const candidate = toTestPath(node, client);
      const known = byStep.get(step);
      if (!known || candidate.events.length < known.events.length) byStep.set(step, candidate);
    }
    for (const [edge, node] of edges) if (!byEdge.has(edge)) byEdge.set(edge, toTestPath(node, client));
  }
  const order = Object.keys(path.steps);
  if (strategy === 'shortest') return order.filter((s) => byStep.has(s)).map((s) => byStep.get(s)!);
  const all = [...byEdge.values()];
  return all.filter((a) => !all.some((b) => isPrefix(a, b)));
}

/** The transitions not in `found`, each searched for from a client seeded with one term of its condition. */
function missedTransitions(path: CarePath, first: number, limits: Limits, found: ReadonlyMap<string, Node>): Map<string, Node> {
  const more = new Map<string, Node>();
  for (const [from, step] of Object.entries(path.steps)) {
    step.transitions.forEach((transition, index) => {
      const goal = `${from}#${index}`;
      if (found.has(goal) || more.has(goal)) return;
      for (const term of toDnf(transition.when).slice(0, 8)) {
        const seed = addTerm(NO_CONSTRAINTS, term);
        if (!seed) continue;
        let hit: Node | undefined;
        search(path, undefined, first, seed, limits, (key, node) => {
          if (!found.has(key) && !more.has(key)) more.set(key, node);
          if (key === goal) hit = node;
          return hit !== undefined;
        }, () => undefined);
        if (hit) return;
      }
    });
  }
  return more;
}
