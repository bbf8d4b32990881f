import { argumentError, isRecord, WHOLE_NUMBER, wholeNumberFrom, ZorgpadenError } from '../diagnostics/index.js';
import { PopulationSchema, safeParseData, type AttributeModel, type AttributeValue, type Client, type FactorModel, type Population } from '../model/index.js';
import { buildSpace, decodeClient, emptyClient, type ClientSpace, type CompiledClient } from './client.js';
import { compileCondition, MASK_RISKS, type CompiledCondition } from './conditions.js';
import { clientStream, isValidSeed, STREAM, uniform, uniformWhole, type RandomGenerator } from './random.js';

type Draw = (rng: RandomGenerator) => AttributeValue;

/**
 * Draws one client into a compiled client, from that client's own random stream, and returns the
 * risks drawn as bits (those with an index below `MASK_RISKS`), for walks that test risks by mask.
 */
export type ClientSampler = (rng: RandomGenerator, into: CompiledClient) => number;

function weighted<T>(items: readonly T[], weights: readonly number[]): (rng: RandomGenerator) => T {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (items.length === 0 || !(total > 0)) return () => items[0] as T;
  return (rng) => {
    const u = uniform(rng) * total;
    let cumulative = 0;
    for (let i = 0; i < items.length; i++) {
      cumulative += weights[i]!;
      if (u < cumulative) return items[i]!;
    }
    // rounding can leave u just above the last cumulative sum
    for (let i = items.length - 1; i >= 0; i--) if (weights[i]! > 0) return items[i]!;
    return items[0]!;
  };
}

function compileDistribution(type: AttributeModel['type'], d: Pick<AttributeModel, 'p' | 'values' | 'bins'>): Draw | undefined {
  if (type === 'boolean' && d.p !== undefined) {
    const p = d.p;
    return (rng) => uniform(rng) < p;
  }
  if (type === 'categorical' && d.values !== undefined) {
    const entries = Object.entries(d.values);
    return weighted(
      entries.map(([value]) => value),
      entries.map(([, weight]) => weight),
    );
  }
  if (type === 'number' && d.bins !== undefined) {
    const bins = d.bins;
    const pick = weighted(bins, bins.map((b) => b.weight));
    return (rng) => {
      const bin = pick(rng);
      return uniformWhole(rng, Math.min(bin.min, bin.max), Math.max(bin.min, bin.max));
    };
  }
  return undefined;
}

/**
 * The attributes in declared order as flat arrays: the slot each fills, its draw, and its `given`
 * as a run of conditions with their draws (a `given` without a distribution of its own draws as the
 * attribute does; no draw at all leaves the attribute unset and draws nothing).
 */
interface AttributeDraws {
  slot: Int32Array;
  draw: (Draw | undefined)[];
  givenFirst: Int32Array;
  givenWhen: CompiledCondition[];
  givenDraw: (Draw | undefined)[];
}

function compileAttributes(models: Record<string, AttributeModel>, space: ClientSpace): AttributeDraws {
  const entries = Object.entries(models);
  const draw = entries.map(([, model]) => compileDistribution(model.type, model));
  const givenFirst = new Int32Array(entries.length + 1);
  entries.forEach(([, model], a) => (givenFirst[a + 1] = givenFirst[a]! + (model.given?.length ?? 0)));
  return {
    slot: Int32Array.from(entries, ([name]) => space.attributeIndex.get(name)!),
    draw,
    givenFirst,
    givenWhen: entries.flatMap(([, model]) => (model.given ?? []).map((g) => compileCondition(g.when, space))),
    givenDraw: entries.flatMap(([, model], a) => (model.given ?? []).map((g) => compileDistribution(model.type, g) ?? draw[a])),
  };
}

function drawAttributes(attributes: AttributeDraws, rng: RandomGenerator, client: CompiledClient): void {
  const { slot, draw, givenFirst, givenWhen, givenDraw } = attributes;
  for (let a = 0; a < slot.length; a++) {
    let chosen = draw[a];
    for (let q = givenFirst[a]!; q < givenFirst[a + 1]!; q++) {
      if (givenWhen[q]!(client)) {
        chosen = givenDraw[q];
        break;
      }
    }
    client.attrs[slot[a]!] = chosen === undefined ? undefined : chosen(rng);
  }
}

/**
 * The factors of one kind as flat arrays: the flag each sets, its prevalence, and its `given` as a
 * run of conditions with their prevalences (most factors have none: one comparison per client).
 */
interface FactorDraws {
  slot: Int32Array;
  prevalence: Float64Array;
  // the lowest and highest prevalence a factor can get from its `given`: a uniform below the one
  // sets the factor and one at or above the other leaves it unset, whatever the `given` says
  lowest: Float64Array;
  highest: Float64Array;
  givenFirst: Int32Array;
  givenWhen: CompiledCondition[];
  givenPrevalence: Float64Array;
}

function compileFactors(models: Record<string, FactorModel>, index: Map<string, number>, space: ClientSpace): FactorDraws {
  const entries = Object.entries(models);
  const givens = entries.flatMap(([, model]) => model.given ?? []);
  const givenFirst = new Int32Array(entries.length + 1);
  entries.forEach(([, model], k) => (givenFirst[k + 1] = givenFirst[k]! + (model.given?.length ?? 0)));
  return {
    slot: Int32Array.from(entries, ([key]) => index.get(key)!),
    prevalence: Float64Array.from(entries, ([, model]) => model.prevalence),
    lowest: Float64Array.from(entries, ([, model]) => Math.min(model.prevalence, ...(model.given ?? []).map((g) => g.prevalence))),
    highest: Float64Array.from(entries, ([, model]) => Math.max(model.prevalence, ...(model.given ?? []).map((g) => g.prevalence))),
    givenFirst,
    givenWhen: givens.map((g) => compileCondition(g.when, space)),
    givenPrevalence: Float64Array.from(givens, (g) => g.prevalence),
  };
}

/**
 * Draws the factors of one kind into `flags`: one uniform per factor, drawn before its `given` is
 * looked at (the draw order of every release). Returns the flags set, as bits of the slots below
 * `MASK_RISKS`.
 */
function drawFactors(factors: FactorDraws, rng: RandomGenerator, client: CompiledClient, flags: Uint8Array): number {
  const { slot, prevalence, lowest, highest, givenFirst, givenWhen, givenPrevalence } = factors;
  let mask = 0;
  for (let k = 0; k < slot.length; k++) {
    const u = uniform(rng);
    if (u >= highest[k]!) continue;
    let p = prevalence[k]!;
    // the `given` decides only for a uniform between the lowest and the highest prevalence
    if (u >= lowest[k]!) {
      for (let q = givenFirst[k]!; q < givenFirst[k + 1]!; q++) {
        if (givenWhen[q]!(client)) {
          p = givenPrevalence[q]!;
          break;
        }
      }
    }
    if (u < p) {
      const f = slot[k]!;
      flags[f] = 1;
      if (f < MASK_RISKS) mask |= 1 << f;
    }
  }
  return mask;
}

/**
 * Compiles a population: attributes in declared order (a `given` may refer to attributes drawn
 * before it), then risks, then protections, each from its first matching `given` or its prevalence.
 */
export function compilePopulation(population: Population, space: ClientSpace): ClientSampler {
  const attributes = compileAttributes(population.attributes, space);
  const risks = compileFactors(population.risks, space.riskIndex, space);
  const protections = compileFactors(population.protections, space.protectionIndex, space);
  return (rng, into) => {
    // every flag and attribute starts unset: a `given` sees only what was drawn before it
    into.risks.fill(0);
    into.protections.fill(0);
    const attrs = into.attrs;
    for (let i = 0; i < attrs.length; i++) attrs[i] = undefined;
    drawAttributes(attributes, rng, into);
    const riskMask = drawFactors(risks, rng, into, into.risks);
    drawFactors(protections, rng, into, into.protections);
    return riskMask;
  };
}

/** Options of `generateClients`. */
export interface GenerateOptions {
  n: number;
  seed: number;
  /** Index of the first client (default 0): client i is the same in every slice of the cohort. */
  start?: number;
}

/**
 * Draws `n` clients from a population; the same seed gives the same clients, and client `i` equals
 * the client `simulate` walks as number `i` with that seed.
 *
 * @example
 * const clients = generateClients(population, { n: 1000, seed: 1 });
 */
export function generateClients(population: Population, options: GenerateOptions): Client[] {
  if (!isRecord(population) || !isRecord(population.risks)) throw argumentError('generateClients', 'population', { en: 'a population (as returned by loadPopulation)', nl: 'een populatie (zoals loadPopulation die geeft)' }, population);
  if (!isRecord(options)) throw argumentError('generateClients', 'options', { en: 'an object with n and seed', nl: 'een object met n en seed' }, options);
  const { n, seed, start = 0 } = options;
  if (!Number.isSafeInteger(n) || n < 0) throw argumentError('generateClients', 'options.n', wholeNumberFrom(0), n);
  if (!isValidSeed(seed)) throw argumentError('generateClients', 'options.seed', WHOLE_NUMBER, seed);
  // a population whose weights are all 0 or whose bins run backwards draws nonsense: refuse it
  const checked = safeParseData(PopulationSchema, population);
  if (!checked.ok) throw new ZorgpadenError('generateClients: the population is not valid; check it with validatePopulation or `zorgpaden validate`.', checked.diagnostics);
  const space = buildSpace({ population });
  const sample = compilePopulation(population, space);
  const scratch = emptyClient(space);
  const clients: Client[] = [];
  for (let i = start; i < start + n; i++) {
    sample(clientStream(seed, i, STREAM.client), scratch);
    clients.push(decodeClient(space, scratch));
  }
  return clients;
}
