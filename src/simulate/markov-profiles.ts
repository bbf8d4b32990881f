import type { AttributeModel, AttributeValue, CarePath, Condition, FactorModel, Population } from '../model/index.js';
import { addConditionKeys, emptyClient, spaceOf, type ClientSpace, type CompiledClient } from './client.js';
import { compileCondition, type CompiledCondition } from './conditions.js';
import { solveLinear } from './markov.js';
import { KIND, markTrapped, type StateGraph } from './markov-states.js';
import { compileTable, type SimTable } from './table.js';

/**
 * Exact journey probabilities for clients drawn from a population, when a path's conditions read
 * who the client is. The population draws each attribute, risk and protection in a fixed order,
 * each from a distribution that depends only on those drawn before it (its `given` conditions), so
 * the features form a directed acyclic model. The chain's states are (step, day, the features known
 * so far): a feature is revealed, with its parents first, when a step's conditions first read it,
 * and forgotten once no step the journey can still reach reads it. Revealed features never have an
 * unrevealed ancestor, so a feature's chance given what is known is its chance given its parents:
 * the chain is the exact mixture over all client profiles without listing them all.
 */

/** One feature of the population, in the order the population draws them. */
interface Feature {
  kind: 'attr' | 'risk' | 'protection';
  slot: number;
  /** Features (by index) that its `given` conditions read; all drawn before it. */
  parents: number[];
  /** Its values and their chances, given the features drawn before it. */
  options: (client: CompiledClient) => { value: AttributeValue | 1 | 0; p: number }[];
}

/** Options of `profileChain`. */
export interface ProfileChainOptions {
  /** Features (risk, protection or attribute names) to know from the start and never forget: those target selectors test. */
  pinned?: { risks?: readonly string[]; protections?: readonly string[]; attributes?: readonly string[] };
  /** Most (step, day, known features) states (default 200,000). */
  maxStates?: number;
  /** Most values one number attribute may take (default 200). */
  maxValues?: number;
}

/** The chain of a path over a population, with the expected visits of its states. */
export interface ProfileChain {
  graph: StateGraph;
  table: SimTable;
  space: ClientSpace;
  /** Per state: the known features as a client (unknown ones are 0 or undefined). */
  clients: CompiledClient[];
  /** Expected visits of every state; state 0 is the start, before any step. */
  visits: Float64Array;
}

// most ways of revealing one step's features at once (a risk derived from 16 others)
const MAX_BRANCHES = 1 << 16;

/** Why there is no exact chain; the caller falls back to simulation. */
export type NoChain = 'signalled' | 'order' | 'values' | 'states' | 'never-ends';

function weightedOptions<T>(items: readonly T[], weights: readonly number[]): { value: T; p: number }[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  // as the sampler does: with nothing to weigh, the first item
  if (items.length === 0 || !(total > 0)) return [{ value: items[0] as T, p: 1 }];
  return items.map((value, i) => ({ value, p: weights[i]! / total })).filter((o) => o.p > 0);
}

function distributionOptions(type: AttributeModel['type'], d: Pick<AttributeModel, 'p' | 'values' | 'bins'>, maxValues: number): { value: AttributeValue; p: number }[] | undefined | 'too-many' {
  if (type === 'boolean' && d.p !== undefined) return [{ value: true, p: d.p }, { value: false, p: 1 - d.p }].filter((o) => o.p > 0);
  if (type === 'categorical' && d.values !== undefined) {
    const entries = Object.entries(d.values);
    return weightedOptions(
      entries.map(([value]) => value),
      entries.map(([, w]) => w),
    );
  }
  if (type === 'number' && d.bins !== undefined) {
    const out = new Map<number, number>();
    for (const { value: bin, p } of weightedOptions(d.bins, d.bins.map((b) => b.weight))) {
      const lo = Math.min(bin.min, bin.max);
      const hi = Math.max(bin.min, bin.max);
      if (hi - lo + 1 > maxValues) return 'too-many';
      // a whole number drawn uniformly within the bin
      for (let v = lo; v <= hi; v++) out.set(v, (out.get(v) ?? 0) + p / (hi - lo + 1));
    }
    if (out.size > maxValues) return 'too-many';
    return [...out].map(([value, p]) => ({ value, p }));
  }
  return undefined;
}

/** Every comparison of an attribute in a condition, by attribute, on its own. */
function attributeComparisons(condition: Condition | undefined, out: Map<string, Condition[]>): void {
  if (!condition) return;
  if (condition.attr !== undefined) {
    const { all: _all, any: _any, not: _not, hasRisk: _risk, hasProtection: _protection, signalled: _signalled, ...comparison } = condition;
    out.set(condition.attr, [...(out.get(condition.attr) ?? []), comparison]);
  }
  for (const c of condition.all ?? []) attributeComparisons(c, out);
  for (const c of condition.any ?? []) attributeComparisons(c, out);
  attributeComparisons(condition.not, out);
}

/**
 * Merges values of an attribute that every comparison of it treats alike (ages 20 and 21 when
 * conditions only ask "under 20"): the chain then branches once per class, with the class's chance.
 */
function mergeAlike(options: { value: AttributeValue; p: number }[], slot: number, comparisons: readonly CompiledCondition[], space: ClientSpace): { value: AttributeValue; p: number }[] {
  const client = emptyClient(space);
  const classes = new Map<string, { value: AttributeValue; p: number }>();
  for (const o of options) {
    client.attrs[slot] = o.value;
    const signature = o.value === undefined ? 'none' : comparisons.map((c) => (c(client) ? 1 : 0)).join('');
    const known = classes.get(signature);
    if (known) known.p += o.p;
    else classes.set(signature, { value: o.value, p: o.p });
  }
  return [...classes.values()];
}

/** The population's features in draw order, or why they cannot be enumerated. */
function featuresOf(population: Population, space: ClientSpace, maxValues: number, comparisons: Map<string, Condition[]>): Feature[] | 'order' | 'values' {
  const order: { kind: Feature['kind']; name: string }[] = [
    ...Object.keys(population.attributes).map((name) => ({ kind: 'attr' as const, name })),
    ...Object.keys(population.risks).map((name) => ({ kind: 'risk' as const, name })),
    ...Object.keys(population.protections).map((name) => ({ kind: 'protection' as const, name })),
  ];
  const position = new Map(order.map((f, i) => [`${f.kind}:${f.name}`, i]));
  const parentsOf = (conditions: (Condition | undefined)[], self: number): number[] | undefined => {
    const read = spaceOf({ risks: [], protections: [], attributes: [] });
    for (const c of conditions) addConditionKeys(read, c);
    const keys = [...read.attributes.map((n) => `attr:${n}`), ...read.risks.map((n) => `risk:${n}`), ...read.protections.map((n) => `protection:${n}`)];
    const parents = keys.flatMap((k) => (position.has(k) ? [position.get(k)!] : []));
    // a condition on a feature drawn later sees it undrawn: not a model this engine follows
    return parents.every((p) => p < self) ? parents : undefined;
  };
  const features: Feature[] = [];
  for (const [i, f] of order.entries()) {
    if (f.kind === 'attr') {
      const model = population.attributes[f.name]!;
      const parents = parentsOf((model.given ?? []).map((g) => g.when), i);
      if (!parents) return 'order';
      const slot = space.attributeIndex.get(f.name)!;
      const compared = (comparisons.get(f.name) ?? []).map((c) => compileCondition(c, space));
      const merged = (options: ReturnType<typeof distributionOptions>) => (Array.isArray(options) ? mergeAlike(options, slot, compared, space) : options);
      const base = merged(distributionOptions(model.type, model, maxValues));
      const given = (model.given ?? []).map((g) => ({ when: compileCondition(g.when, space), options: merged(distributionOptions(model.type, g, maxValues)) ?? base }));
      if (base === 'too-many' || given.some((g) => g.options === 'too-many')) return 'values';
      const none = [{ value: undefined as unknown as AttributeValue, p: 1 }];
      features.push({
        kind: 'attr',
        slot,
        parents,
        options: (client) => {
          for (const g of given) if (g.when(client)) return (g.options as { value: AttributeValue; p: number }[] | undefined) ?? none;
          return (base as { value: AttributeValue; p: number }[] | undefined) ?? none;
        },
      });
    } else {
      const model: FactorModel = f.kind === 'risk' ? population.risks[f.name]! : population.protections[f.name]!;
      const parents = parentsOf((model.given ?? []).map((g) => g.when), i);
      if (!parents) return 'order';
      const given = (model.given ?? []).map((g) => ({ when: compileCondition(g.when, space), prevalence: g.prevalence }));
      features.push({
        kind: f.kind,
        slot: (f.kind === 'risk' ? space.riskIndex : space.protectionIndex).get(f.name)!,
        parents,
        options: (client) => {
          let q = model.prevalence;
          for (const g of given) {
            if (g.when(client)) {
              q = g.prevalence;
              break;
            }
          }
          return [{ value: 1 as const, p: q }, { value: 0 as const, p: 1 - q }].filter((o) => o.p > 0);
        },
      });
    }
  }
  return features;
}

/** The features (by index) a condition reads. */
function readBy(condition: Condition | undefined, features: readonly Feature[], space: ClientSpace): number[] {
  const read = spaceOf({ risks: [], protections: [], attributes: [] });
  addConditionKeys(read, condition);
  const slots = new Set([...read.attributes.map((n) => `attr:${space.attributeIndex.get(n)}`), ...read.risks.map((n) => `risk:${space.riskIndex.get(n)}`), ...read.protections.map((n) => `protection:${space.protectionIndex.get(n)}`)]);
  return features.flatMap((f, i) => (slots.has(`${f.kind}:${f.slot}`) ? [i] : []));
}

/** A set of features closed under parents, in draw order (parents first). */
function withAncestors(ids: Iterable<number>, features: readonly Feature[]): number[] {
  const seen = new Set<number>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...features[id]!.parents);
  }
  return [...seen].sort((a, b) => a - b);
}

function usesSignalled(condition: Condition | undefined): boolean {
  if (!condition) return false;
  return condition.signalled !== undefined || (condition.all ?? []).some(usesSignalled) || (condition.any ?? []).some(usesSignalled) || usesSignalled(condition.not);
}

function setFeature(client: CompiledClient, f: Feature, value: AttributeValue | 1 | 0 | undefined): void {
  if (f.kind === 'attr') client.attrs[f.slot] = value as AttributeValue | undefined;
  else (f.kind === 'risk' ? client.risks : client.protections)[f.slot] = value === undefined ? 0 : (value as number);
}

/**
 * Builds the exact chain of a path for clients drawn from a population, or says why it cannot:
 * a condition on a signalled risk (it changes during the journey), a population `given` that reads a
 * feature drawn after it, a number attribute with too many values, too many states, or journeys
 * that can go round without end (the simulator stops those at its visit limit).
 */
export function profileChain(path: CarePath, population: Population, options: ProfileChainOptions = {}): ProfileChain | NoChain {
  const maxStates = options.maxStates ?? 200_000;
  const steps = Object.values(path.steps);
  if (steps.some((step) => step.transitions.some((t) => usesSignalled(t.when as Condition | undefined)))) return 'signalled';
  const table = compileTable(path, { population });
  const space = table.space;
  // every place a condition compares an attribute: the path's transitions and the population's `given`s
  const comparisons = new Map<string, Condition[]>();
  for (const step of steps) for (const t of step.transitions) attributeComparisons(t.when as Condition | undefined, comparisons);
  for (const model of [...Object.values(population.attributes), ...Object.values(population.risks), ...Object.values(population.protections)]) for (const g of model.given ?? []) attributeComparisons(g.when, comparisons);
  const features = featuresOf(population, space, options.maxValues ?? 200, comparisons);
  if (typeof features === 'string') return features;
  const S = table.stepIds.length;
  // the features each step's conditions read, parents first
  const reads = steps.map((step) => withAncestors(step.transitions.flatMap((t) => readBy(t.when as Condition | undefined, features, space)), features));
  // what is still needed from a step on: the reads of every step it can reach
  const successors = table.stepIds.map((_, s) => {
    const out = new Set<number>();
    for (let t = table.first[s]!; t < table.first[s + 1]!; t++) if (table.target[t]! >= 0) out.add(table.target[t]!);
    return [...out];
  });
  const reachable = table.stepIds.map((_, s) => {
    const seen = new Set([s]);
    const stack = [s];
    while (stack.length > 0) {
      for (const next of successors[stack.pop()!]!) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return seen;
  });
  const needed = reachable.map((seen) => new Set(withAncestors([...seen].flatMap((x) => reads[x]!), features)));
  // what a step's own conditions read by name, and what the steps after it still need: the
  // ancestors revealed only to draw a feature a step reads (the eleven risks behind "accumulated
  // risks") are summed out of its states, so the profiles that differ only in them become one
  const direct = steps.map((step) => new Set(step.transitions.flatMap((t) => readBy(t.when as Condition | undefined, features, space))));
  const neededAfter = successors.map((next) => new Set(next.flatMap((x) => [...needed[x]!])));
  const pinnedNames = options.pinned ?? {};
  const pinned = withAncestors(
    features.flatMap((f, i) => {
      const names = f.kind === 'attr' ? space.attributes : f.kind === 'risk' ? space.risks : space.protections;
      const wanted = f.kind === 'attr' ? pinnedNames.attributes : f.kind === 'risk' ? pinnedNames.risks : pinnedNames.protections;
      return wanted?.includes(names[f.slot]!) ? [i] : [];
    }),
    features,
  );
  const pinnedSet = new Set(pinned);
  // days matter up to the latest deadline of any transition: later days all enable the same ones
  let deadline = -Infinity;
  for (let t = 0; t < table.target.length; t++) if (table.target[t]! >= 0 && table.weight[t]! > 0 && Number.isFinite(table.latest[t]!)) deadline = Math.max(deadline, table.latest[t]!);
  // one clamp for every step keeps days from decreasing along an edge, which the solver needs
  const clamp = (day: number) => (Number.isFinite(deadline) ? Math.min(day, deadline + 1) : 0);
  const ids = new Map<string, number>();
  const step: number[] = [];
  const day: number[] = [];
  const kind: number[] = [];
  const known: (AttributeValue | 0 | 1 | undefined)[][] = [];
  const edges: { to: number; p: number }[][] = [];
  const F = features.length;
  const keyOf = (s: number, d: number, values: readonly (AttributeValue | 0 | 1 | undefined)[]) => `${s}:${d}:${values.map((v) => (v === undefined ? '' : JSON.stringify(v))).join(',')}`;
  const stateOf = (s: number, d: number, values: (AttributeValue | 0 | 1 | undefined)[]): number | undefined => {
    const key = keyOf(s, d, values);
    let id = ids.get(key);
    if (id === undefined) {
      if (step.length >= maxStates) return undefined;
      id = step.length;
      ids.set(key, id);
      step.push(s);
      day.push(d);
      kind.push(KIND.transient);
      known.push(values);
      edges.push([]);
    }
    return id;
  };
  const scratch = emptyClient(space);
  const load = (values: readonly (AttributeValue | 0 | 1 | undefined)[]) => {
    features.forEach((f, i) => setFeature(scratch, f, values[i]));
    return scratch;
  };
  /** Every way of revealing `reveal` (in order) on top of `values`, with its chance. */
  const revealAll = (values: (AttributeValue | 0 | 1 | undefined)[], reveal: readonly number[]): { values: (AttributeValue | 0 | 1 | undefined)[]; p: number }[] | undefined => {
    let branches = [{ values, p: 1 }];
    for (const i of reveal) {
      if (values[i] !== undefined) continue;
      const next: typeof branches = [];
      for (const b of branches) {
        for (const o of features[i]!.options(load(b.values))) {
          const v = b.values.slice();
          v[i] = o.value;
          next.push({ values: v, p: b.p * o.p });
        }
      }
      // the branches of one arrival are summed into fewer states afterwards (see `direct`), but their
      // number is bounded too: above it the profiles are too many to walk even for a moment
      if (next.length > MAX_BRANCHES) return undefined;
      branches = next;
    }
    return branches;
  };
  /** Arrives in step s on day d: forget what is no longer needed, reveal what s reads. */
  const arrive = (s: number, d: number, values: readonly (AttributeValue | 0 | 1 | undefined)[], p: number, from: number): boolean => {
    const kept = values.map((v, i) => (needed[s]!.has(i) || pinnedSet.has(i) ? v : undefined));
    const branches = revealAll(kept, reads[s]!);
    if (!branches) return false;
    for (const b of branches) {
      const state = b.values.map((v, i) => (direct[s]!.has(i) || neededAfter[s]!.has(i) || pinnedSet.has(i) ? v : undefined));
      const to = stateOf(s, d, state);
      if (to === undefined) return false;
      edges[from]!.push({ to, p: p * b.p });
    }
    return true;
  };
  // state 0 is the start: it reveals the pinned features, then enters the first step
  const start = stateOf(S, clamp(table.startDay), new Array<undefined>(F).fill(undefined));
  if (start === undefined) return 'states';
  const starts = revealAll(known[0]!.slice(), pinned);
  if (!starts) return 'states';
  for (const b of starts) if (!arrive(table.initial, clamp(table.startDay), b.values, b.p, 0)) return 'states';
  for (let id = 1; id < step.length; id++) {
    const s = step[id]!;
    const d = day[id]!;
    if (table.outcome[s] === 1) {
      kind[id] = KIND.outcome;
      continue;
    }
    const client = load(known[id]!);
    let total = 0;
    const enabled: number[] = [];
    for (let t = table.first[s]!; t < table.first[s + 1]!; t++) {
      const condition: CompiledCondition | null | undefined = table.when[t];
      if (table.target[t]! >= 0 && table.weight[t]! > 0 && d <= table.latest[t]! && (condition === null || condition === undefined || condition(client))) {
        enabled.push(t);
        total += table.weight[t]!;
      }
    }
    if (enabled.length === 0) {
      kind[id] = KIND.stuck;
      continue;
    }
    const values = known[id]!;
    for (const t of enabled) {
      const to = table.target[t]!;
      const arrival = clamp(Math.max(d + table.after[t]!, table.targetFrom[t]!));
      if (!arrive(to, arrival, values, table.weight[t]! / total, id)) return 'states';
    }
  }
  markTrapped(kind, edges);
  if (kind.some((k) => k === KIND.trapped)) return 'never-ends';
  const edgeFirst = new Int32Array(step.length + 1);
  edges.forEach((list, id) => (edgeFirst[id + 1] = edgeFirst[id]! + list.length));
  const graph: StateGraph = {
    step: Int32Array.from(step),
    day: Float64Array.from(day),
    kind: Uint8Array.from(kind),
    edgeFirst,
    edgeTo: Int32Array.from(edges.flat(), (e) => e.to),
    edgeP: Float64Array.from(edges.flat(), (e) => e.p),
  };
  const clients = known.map((values) => {
    const c = emptyClient(space);
    features.forEach((f, i) => setFeature(c, f, values[i]));
    return c;
  });
  return { graph, table, space, clients, visits: sparseVisits(graph, (id) => graph.kind[id] === KIND.transient) };
}

/**
 * Expected visits of every state from the start (state 0), where `moves(id)` says which states pass
 * their probability on (the others absorb it). The chain of many profiles has many states on one
 * day, so instead of one dense system per day it solves the strongly connected components in
 * topological order: most are single states, and only real cycles need a (small) dense solve.
 */
function sparseVisits(graph: StateGraph, moves: (id: number) => boolean): Float64Array {
  const N = graph.step.length;
  const { edgeFirst, edgeTo, edgeP } = graph;
  // Tarjan's algorithm, iterative; components come out in reverse topological order
  const index = new Int32Array(N).fill(-1);
  const low = new Int32Array(N);
  const onStack = new Uint8Array(N);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < N; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, edgeFirst[root]!]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, e] = frame;
      const end = moves(v) ? edgeFirst[v + 1]! : edgeFirst[v]!;
      if (e < end) {
        frame[1] = e + 1;
        const w = edgeTo[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, edgeFirst[w]!]);
        } else if (onStack[w] === 1) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  const inflow = new Float64Array(N);
  inflow[0] = 1;
  const visits = new Float64Array(N);
  const local = new Int32Array(N).fill(-1);
  for (let c = components.length - 1; c >= 0; c--) {
    const members = components[c]!;
    if (members.length === 1) {
      const id = members[0]!;
      if (!moves(id)) {
        visits[id] = inflow[id]!;
        continue;
      }
      let self = 0;
      for (let e = edgeFirst[id]!; e < edgeFirst[id + 1]!; e++) if (edgeTo[e] === id) self += edgeP[e]!;
      visits[id] = inflow[id]! / (1 - self);
    } else {
      // a cycle: (I − Q)ᵀ v = inflow within the component
      const m = members.length;
      members.forEach((id, k) => (local[id] = k));
      const a = new Float64Array(m * m);
      const b = new Float64Array(m);
      members.forEach((id, k) => {
        a[k * m + k] = 1;
        b[k] = inflow[id]!;
        for (let e = edgeFirst[id]!; e < edgeFirst[id + 1]!; e++) {
          const j = local[edgeTo[e]!]!;
          if (j >= 0) a[j * m + k] = a[j * m + k]! - edgeP[e]!;
        }
      });
      const x = solveLinear(a, b, m);
      members.forEach((id, k) => (visits[id] = x[k]!));
      members.forEach((id) => (local[id] = -1));
    }
    for (const id of members) {
      if (!moves(id)) continue;
      for (let e = edgeFirst[id]!; e < edgeFirst[id + 1]!; e++) {
        const to = edgeTo[e]!;
        if (!members.includes(to)) inflow[to] = inflow[to]! + visits[id]! * edgeP[e]!;
      }
    }
  }
  return visits;
}

/** The probability that a client who satisfies `filter` (over pinned features) ever visits step `s`. */
export function reachWhere(chain: ProfileChain, s: number, filter: (client: CompiledClient) => boolean): number {
  const { graph } = chain;
  // with the step absorbing, the visits of its states are the chances of first arrival
  const visits = sparseVisits(graph, (id) => graph.kind[id] === KIND.transient && graph.step[id] !== s);
  let total = 0;
  for (let id = 0; id < graph.step.length; id++) if (graph.step[id] === s && filter(chain.clients[id]!)) total += visits[id]!;
  return total;
}

/** The probability that the journey ends in step `s` (an outcome, or stuck there) with `filter` holding. */
export function outcomeWhere(chain: ProfileChain, s: number, filter: (client: CompiledClient) => boolean): number {
  let total = 0;
  for (let id = 0; id < chain.graph.step.length; id++) {
    const kind = chain.graph.kind[id];
    if (chain.graph.step[id] === s && (kind === KIND.outcome || kind === KIND.stuck) && filter(chain.clients[id]!)) total += chain.visits[id]!;
  }
  return total;
}

/** The probability that a client satisfies `filter` (over pinned features). */
export function shareWhere(chain: ProfileChain, filter: (client: CompiledClient) => boolean): number {
  const { graph } = chain;
  let total = 0;
  for (let e = graph.edgeFirst[0]!; e < graph.edgeFirst[1]!; e++) if (filter(chain.clients[graph.edgeTo[e]!]!)) total += graph.edgeP[e]!;
  return total;
}
