import { describe, expect, it } from 'vitest';
import { exactOutcomes, simulateSync } from '../../src/simulate/index.js';
import { batchUncertainty, simulateWithUncertainty, summarizeUncertainty, tQuantile975, uncertaintyOf } from '../../src/simulate/uncertainty.js';
import { simulateBatches } from '../../src/simulate/simulate.js';
import { stressPopulation, supportPath } from '../calibrate/fixtures.js';
import { pathInput, parsePath, population } from '../simulate/fixtures.js';

const path = parsePath(pathInput);

describe('simulateWithUncertainty', () => {
  it('returns exactly the result of simulateSync, and batches that add up to it', () => {
    const { result } = simulateWithUncertainty(path, { population, cohort: 3_001, seed: 5, batches: 7 });
    expect(result).toEqual(simulateSync(path, { population, cohort: 3_001, seed: 5 }));
    const { batches } = simulateBatches(path, { population, cohort: 3_001, seed: 5 }, 7);
    expect(batches.reduce((n, b) => n + b.cohort, 0)).toBe(3_001);
    for (const step of Object.keys(result.outcomes)) expect(batches.reduce((n, b) => n + b.outcomes[step]!, 0)).toBe(result.outcomes[step]);
  });

  it('gives a standard error close to the binomial one for an outcome share', () => {
    const cohort = 40_000;
    const { uncertainty } = simulateWithUncertainty(path, { population, cohort, seed: 2, batches: 40 });
    const birth = uncertainty.outcomes['birth']!;
    const binomial = Math.sqrt((birth.estimate * (1 - birth.estimate)) / cohort);
    expect(birth.se / binomial).toBeGreaterThan(0.6);
    expect(birth.se / binomial).toBeLessThan(1.5);
    expect(birth.interval[0]).toBeLessThan(birth.estimate);
    expect(birth.interval[1]).toBeGreaterThan(birth.estimate);
  });

  it('says when an interval is too wide to use', () => {
    const small = simulateWithUncertainty(path, { population, cohort: 60, seed: 1, batches: 3 }).uncertainty;
    const large = simulateWithUncertainty(path, { population, cohort: 20_000, seed: 1, batches: 20 }).uncertainty;
    expect(Object.values(small.unmetNeed).some((f) => f.tooWide)).toBe(true);
    expect(large.outcomes['birth']!.tooWide).toBe(false);
    expect(summarizeUncertainty(small, { lang: 'en' })).toContain('too wide');
    expect(summarizeUncertainty(small, { lang: 'nl' })).toContain('te breed');
  });

  it('refuses too few batches or a cohort smaller than the batches', () => {
    expect(() => simulateWithUncertainty(path, { population, cohort: 100, seed: 1, batches: 1 })).toThrow(/batches/);
    expect(() => simulateWithUncertainty(path, { population, cohort: 5, seed: 1, batches: 10 })).toThrow(/cohort/);
    expect(() => uncertaintyOf(simulateSync(path, { population, cohort: 10, seed: 1 }), [])).toThrow(/batch/);
  });
});

describe('batchUncertainty', () => {
  it('matches a hand computation', () => {
    const f = batchUncertainty(2, [1, 2, 3], 0);
    // sd 1, se 1/√3, t(2) = 4.303
    expect(f.se).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(f.interval[1] - 2).toBeCloseTo(4.303 / Math.sqrt(3), 12);
    expect(tQuantile975(1000)).toBeCloseTo(1.96, 2);
  });
});

describe('interval coverage, checked by simulation', () => {
  // a share whose exact value is known: the reach of support among clients with stress, w / (w + 1)
  const w = 1.5;
  const supportPathW = supportPath(w);
  const exact = exactOutcomes(supportPathW, { risks: ['stress'] });
  if (!exact.ok) throw new Error('exact failed');
  const truth = exact.value.reach['support']!;

  it('covers the exact reach and unmet need in about 95% of runs', () => {
    expect(truth).toBeCloseTo(w / (w + 1), 12);
    const runs = 400;
    let reachCovered = 0;
    let unmetCovered = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const { uncertainty } = simulateWithUncertainty(supportPathW, { population: stressPopulation(0.3), cohort: 1_000, seed, batches: 10 });
      const reach = uncertainty.reach['support']!;
      const unmet = uncertainty.unmetNeed['stress']!;
      if (reach.interval[0] <= truth && truth <= reach.interval[1]) reachCovered++;
      if (unmet.interval[0] <= 1 - truth && 1 - truth <= unmet.interval[1]) unmetCovered++;
    }
    // 95% of 400 is 380; a binomial standard deviation is about 4.4 runs
    expect(reachCovered / runs).toBeGreaterThan(0.92);
    expect(reachCovered / runs).toBeLessThan(0.98);
    expect(unmetCovered / runs).toBeGreaterThan(0.92);
    expect(unmetCovered / runs).toBeLessThan(0.98);
  });
});
