import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import type { CarePath, Menukaart } from '../../src/model/index.js';
import { birthOutcomes, defaultPopulation, NATIONAL_BIRTH_FIGURES, nationalBirthOutcomeModel, simulateSync, type SimulationResult } from '../../src/simulate/index.js';
import { loadContentMenukaart, loadContentPath } from './content-files.js';

let path: CarePath;
let menukaart: Menukaart;
let result: SimulationResult;

beforeAll(async () => {
  path = await loadContentPath('national/eerste-1000-dagen.json');
  menukaart = await loadContentMenukaart();
  result = simulateSync(path, { population: defaultPopulation(), cohort: 40_000, seed: 1, menukaart });
});

// a path with one term and one preterm birth step, enough for birthOutcomes
const twoBirthSteps = {
  steps: {
    term: { tags: ['birth'] },
    early: { tags: ['birth', 'preterm-birth'] },
    other: { tags: ['something-else'] },
  },
} as unknown as CarePath;

describe('birth outcomes per child', () => {
  it('derives a model that reproduces the national preterm, SGA and Big2 figures exactly', () => {
    const model = nationalBirthOutcomeModel();
    const p = NATIONAL_BIRTH_FIGURES.preterm.share;
    expect(p * model.sgaGivenPreterm + (1 - p) * model.sgaGivenTerm).toBeCloseTo(NATIONAL_BIRTH_FIGURES.smallForGestationalAge.share, 12);
    expect(p + (1 - p) * model.sgaGivenTerm).toBeCloseTo(NATIONAL_BIRTH_FIGURES.big2.share, 12);
    for (const q of [model.sgaGivenPreterm, model.sgaGivenTerm]) expect(q > 0 && q < 1).toBe(true);
    expect(nationalBirthOutcomeModel(defaultPopulation()).multipleBirths).toBe(defaultPopulation().multipleBirths!.share);
  });

  it('adds up: children of singletons and twins, preterm by the birth, Big2 between its parts', () => {
    fc.assert(
      fc.property(fc.nat(3_000), fc.nat(3_000), fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (term, early, seed, twins) => {
        const model = { ...nationalBirthOutcomeModel(), multipleBirths: twins };
        const o = birthOutcomes(twoBirthSteps, { visits: { term, early, other: 99 } }, { seed, model });
        expect(o.births).toBe(term + early);
        expect(o.pretermBirths).toBe(early);
        expect(o.singletons.children).toBe(o.births - o.multipleBirths);
        expect(o.multiples.children).toBe(2 * o.multipleBirths);
        expect(o.all.children).toBe(o.singletons.children + o.multiples.children);
        for (const field of ['preterm', 'smallForGestationalAge', 'big2'] as const) expect(o.all[field]).toBe(o.singletons[field] + o.multiples[field]);
        expect(o.all.big2).toBeGreaterThanOrEqual(Math.max(o.all.preterm, o.all.smallForGestationalAge));
        expect(o.all.big2).toBeLessThanOrEqual(o.all.preterm + o.all.smallForGestationalAge);
      }),
      { numRuns: 60 },
    );
  });

  it('is certain where the model is: no twins, every preterm child SGA, no term child SGA', () => {
    const o = birthOutcomes(twoBirthSteps, { visits: { term: 90, early: 10 } }, { seed: 3, model: { sgaGivenPreterm: 1, sgaGivenTerm: 0, multipleBirths: 0 } });
    expect(o.all).toEqual({ children: 100, preterm: 10, smallForGestationalAge: 10, big2: 10, shares: { preterm: 0.1, smallForGestationalAge: 0.1, big2: 0.1 } });
    expect(o.multiples.children).toBe(0);
  });

  it('gives the same outcomes for the same seed, and other ones for another seed', () => {
    const a = birthOutcomes(twoBirthSteps, { visits: { term: 5_000, early: 400 } }, { seed: 1, population: defaultPopulation() });
    expect(birthOutcomes(twoBirthSteps, { visits: { term: 5_000, early: 400 } }, { seed: 1, population: defaultPopulation() })).toEqual(a);
    expect(birthOutcomes(twoBirthSteps, { visits: { term: 5_000, early: 400 } }, { seed: 2, population: defaultPopulation() })).not.toEqual(a);
  });

  it('rejects what is not a path, a result or a seed with a ZorgpadenError', () => {
    expect(() => birthOutcomes(null as never, { visits: {} }, { seed: 1 })).toThrow(ZorgpadenError);
    expect(() => birthOutcomes(twoBirthSteps, {} as never, { seed: 1 })).toThrow(ZorgpadenError);
    expect(() => birthOutcomes(twoBirthSteps, { visits: {} }, { seed: 1.5 })).toThrow(ZorgpadenError);
  });

  describe('of the shipped 1000-day path with the default population', () => {
    it('counts as births exactly the visits of the pregnancy path\'s birth steps', () => {
      const o = birthOutcomes(path, result, { seed: 1, population: defaultPopulation() });
      expect(o.births).toBe(result.visits['zwangerschap/bevalling']! + result.visits['zwangerschap/vroeggeboorte']!);
      expect(o.pretermBirths).toBe(result.visits['zwangerschap/vroeggeboorte']);
      // twins at about 1.7% of births: within four standard deviations of the binomial count
      const expected = o.births * defaultPopulation().multipleBirths!.share;
      expect(Math.abs(o.multipleBirths - expected)).toBeLessThan(4 * Math.sqrt(expected));
    });

    it('reports a Big2 within the stated tolerance of the national figure, and as the model expects it', () => {
      const o = birthOutcomes(path, result, { seed: 1, population: defaultPopulation() });
      expect(o.reference.withinTolerance).toBe(true);
      expect(Math.abs(o.all.shares.big2 - NATIONAL_BIRTH_FIGURES.big2.share)).toBeLessThanOrEqual(NATIONAL_BIRTH_FIGURES.big2Tolerance);
      // independent expectation: preterm children are Big2; term children are Big2 when SGA
      const model = nationalBirthOutcomeModel(defaultPopulation());
      const termChildren = o.all.children - o.all.preterm;
      const expectedBig2 = o.all.preterm + termChildren * model.sgaGivenTerm;
      const sd = Math.sqrt(termChildren * model.sgaGivenTerm * (1 - model.sgaGivenTerm));
      expect(Math.abs(o.all.big2 - expectedBig2)).toBeLessThan(4 * sd);
    });
  });
});
