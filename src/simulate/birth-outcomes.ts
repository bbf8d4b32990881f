import { argumentError, isRecord } from '../diagnostics/index.js';
import type { CarePath, Population } from '../model/index.js';
import { clientStream, isValidSeed, uniform } from './random.js';
import type { SimulationResult } from './result.js';

/** The tag of a step where a child is born, and the tag that adds "before 37 weeks". */
export const BIRTH_TAG = 'birth';
export const PRETERM_TAG = 'preterm-birth';

/**
 * The published national figures the birth outcomes are calibrated to and compared with, each with
 * its source (ids of paths/sources.json). The three come from different years; the model takes them
 * as describing the same births.
 */
export const NATIONAL_BIRTH_FIGURES = {
  /** Born before 37 weeks: 7.2% of children (2017). */
  preterm: { share: 0.072, source: 'pharos-ks', year: 2017 },
  /** Birth weight below the 10th percentile for gestational age: 11.3% of children (2017). */
  smallForGestationalAge: { share: 0.113, source: 'pharos-ks', year: 2017 },
  /** Big2, preterm and/or small for gestational age: about 14% of children ("ongeveer 14%", 2018). */
  big2: { share: 0.14, source: 'seed-004', year: 2018 },
  /**
   * How far a simulated Big2 may lie from the national figure and still count as matching: 2
   * percentage points, the spread of the seeds' own figures (14% in seed-004, about 16% in seed-003).
   */
  big2Tolerance: 0.02,
} as const;

/** Chances of small for gestational age given the term, derived from the national figures. */
export interface BirthOutcomeModel {
  /** P(small for gestational age | born before 37 weeks). */
  sgaGivenPreterm: number;
  /** P(small for gestational age | born at term). */
  sgaGivenTerm: number;
  /** Share of births with twins. */
  multipleBirths: number;
}

/**
 * The chances of small for gestational age given the term: the part of the birth model that an
 * overlay may set (parameters with `"file": "birth-model"`, pointers `/sgaGivenPreterm` and
 * `/sgaGivenTerm`). The share of multiple births belongs to the population.
 */
export type SgaChances = Pick<BirthOutcomeModel, 'sgaGivenPreterm' | 'sgaGivenTerm'>;

/** The chances of small for gestational age that reproduce the national figures (see nationalBirthOutcomeModel). */
export function nationalSgaChances(): SgaChances {
  const { sgaGivenPreterm, sgaGivenTerm } = nationalBirthOutcomeModel();
  return { sgaGivenPreterm, sgaGivenTerm };
}

/** The birth model of a population with the given chances of small for gestational age (the national ones when left out). */
export function birthOutcomeModel(population?: Pick<Population, 'multipleBirths'>, sga?: SgaChances): BirthOutcomeModel {
  const national = nationalBirthOutcomeModel(population);
  return sga ? { sgaGivenPreterm: sga.sgaGivenPreterm, sgaGivenTerm: sga.sgaGivenTerm, multipleBirths: national.multipleBirths } : national;
}

/**
 * The model that reproduces the national figures: with preterm p, SGA s and Big2 b, the children who
 * are both preterm and SGA are p + s − b, so P(SGA | preterm) = (p + s − b) / p and
 * P(SGA | term) = (b − p) / (1 − p). Twins share their pregnancy's term; each child is SGA or not
 * on its own. Twins are born preterm far more often than singletons; the path's preterm share does
 * not know the plurality, so multiples here are preterm as often as singletons (an underestimate).
 */
export function nationalBirthOutcomeModel(population?: Pick<Population, 'multipleBirths'>): BirthOutcomeModel {
  const p = NATIONAL_BIRTH_FIGURES.preterm.share;
  const s = NATIONAL_BIRTH_FIGURES.smallForGestationalAge.share;
  const b = NATIONAL_BIRTH_FIGURES.big2.share;
  return { sgaGivenPreterm: (p + s - b) / p, sgaGivenTerm: (b - p) / (1 - p), multipleBirths: population?.multipleBirths?.share ?? 0 };
}

/** Children of one kind of birth and their outcomes. */
export interface ChildOutcomes {
  children: number;
  preterm: number;
  smallForGestationalAge: number;
  /** Preterm and/or small for gestational age. */
  big2: number;
  /** The three as shares of the children (0 when there are none). */
  shares: { preterm: number; smallForGestationalAge: number; big2: number };
}

/** Birth outcomes per child of a simulation, as the RIVM monitor counts them. */
export interface BirthOutcomes {
  /** Births (pregnancies that ended in a birth step), and of them those before 37 weeks. */
  births: number;
  pretermBirths: number;
  /** Births with twins. */
  multipleBirths: number;
  singletons: ChildOutcomes;
  multiples: ChildOutcomes;
  all: ChildOutcomes;
  /** The national Big2 and whether the simulated Big2 lies within its tolerance. */
  reference: { big2: number; tolerance: number; withinTolerance: boolean };
}

export interface BirthOutcomeOptions {
  seed: number;
  /** Defaults to nationalBirthOutcomeModel(population). */
  model?: BirthOutcomeModel;
  population?: Pick<Population, 'multipleBirths'>;
}

// the random streams of births, apart from those of clients and journeys
const BIRTH_STREAM = 0xb127;

function emptyChildren(): ChildOutcomes {
  return { children: 0, preterm: 0, smallForGestationalAge: 0, big2: 0, shares: { preterm: 0, smallForGestationalAge: 0, big2: 0 } };
}

function withShares(c: ChildOutcomes): ChildOutcomes {
  const share = (n: number) => (c.children === 0 ? 0 : n / c.children);
  return { ...c, shares: { preterm: share(c.preterm), smallForGestationalAge: share(c.smallForGestationalAge), big2: share(c.big2) } };
}

/**
 * Draws the children of the births of a simulation and their outcomes: the births and their term come
 * from the visits of the path's steps tagged `birth` (and `preterm-birth`); the number of children
 * and small for gestational age are drawn per birth and per child, on random streams of their own
 * (so the same seed gives the same outcomes). A path without birth steps has no births.
 * @example
 * const outcomes = birthOutcomes(path, simulateSync(path, { cohort: 20_000, seed: 1 }), { seed: 1 });
 */
export function birthOutcomes(path: CarePath, result: Pick<SimulationResult, 'visits'>, options: BirthOutcomeOptions): BirthOutcomes {
  if (!isRecord(path) || !isRecord(path.steps)) throw argumentError('birthOutcomes', 'path', { en: 'a care path', nl: 'een zorgpad' }, path);
  if (!isRecord(result) || !isRecord(result.visits)) throw argumentError('birthOutcomes', 'result', { en: 'a simulation result', nl: 'een simulatieresultaat' }, result);
  if (!isRecord(options) || !isValidSeed(options.seed)) throw argumentError('birthOutcomes', 'options.seed', { en: 'a whole number', nl: 'een geheel getal' }, isRecord(options) ? options.seed : options);
  const model = options.model ?? nationalBirthOutcomeModel(options.population);
  return countBirths(drawBirths(path, result, options.seed, model.multipleBirths), model);
}

/**
 * The random draws of the births of a simulation, before any chance of small for gestational age
 * is applied: which births bring twins, and one uniform number per child. Counting them with
 * `countBirths` gives what `birthOutcomes` gives; calibration draws once and counts with many
 * chances.
 */
export interface BirthDraws {
  births: number;
  pretermBirths: number;
  /** Per birth: 1 when it brings twins. */
  twins: Uint8Array;
  /** Per birth, two uniform numbers (the second one only used for twins). */
  uniforms: Float64Array;
}

/** Draws the births of a simulation on their own random streams (see birthOutcomes). */
export function drawBirths(path: CarePath, result: Pick<SimulationResult, 'visits'>, seed: number, multipleBirthShare: number): BirthDraws {
  let births = 0;
  let pretermBirths = 0;
  for (const [id, step] of Object.entries(path.steps)) {
    if (!step.tags?.includes(BIRTH_TAG)) continue;
    const visits = result.visits[id] ?? 0;
    births += visits;
    if (step.tags.includes(PRETERM_TAG)) pretermBirths += visits;
  }
  const twins = new Uint8Array(births);
  const uniforms = new Float64Array(2 * births);
  for (let i = 0; i < births; i++) {
    const rng = clientStream(seed, i, BIRTH_STREAM);
    // births are numbered preterm first; each has its own stream, so the order changes nothing else
    const pair = uniform(rng) < multipleBirthShare;
    twins[i] = pair ? 1 : 0;
    uniforms[2 * i] = uniform(rng);
    if (pair) uniforms[2 * i + 1] = uniform(rng);
  }
  return { births, pretermBirths, twins, uniforms };
}

/** The birth outcomes of drawn births with the model's chances of small for gestational age. */
export function countBirths(draws: BirthDraws, sga: SgaChances): BirthOutcomes {
  const { births, pretermBirths, twins, uniforms } = draws;
  const singletons = emptyChildren();
  const multiples = emptyChildren();
  let multipleBirths = 0;
  for (let i = 0; i < births; i++) {
    const preterm = i < pretermBirths;
    const pair = twins[i] === 1;
    if (pair) multipleBirths++;
    const group = pair ? multiples : singletons;
    const chance = preterm ? sga.sgaGivenPreterm : sga.sgaGivenTerm;
    for (let child = 0; child < (pair ? 2 : 1); child++) {
      const small = uniforms[2 * i + child]! < chance;
      group.children++;
      if (preterm) group.preterm++;
      if (small) group.smallForGestationalAge++;
      if (preterm || small) group.big2++;
    }
  }
  const all: ChildOutcomes = {
    children: singletons.children + multiples.children,
    preterm: singletons.preterm + multiples.preterm,
    smallForGestationalAge: singletons.smallForGestationalAge + multiples.smallForGestationalAge,
    big2: singletons.big2 + multiples.big2,
    shares: emptyChildren().shares,
  };
  const total = withShares(all);
  const big2 = NATIONAL_BIRTH_FIGURES.big2.share;
  const tolerance = NATIONAL_BIRTH_FIGURES.big2Tolerance;
  return {
    births,
    pretermBirths,
    multipleBirths,
    singletons: withShares(singletons),
    multiples: withShares(multiples),
    all: total,
    reference: { big2, tolerance, withinTolerance: total.children > 0 && Math.abs(total.shares.big2 - big2) <= tolerance },
  };
}
