import { describe, expect, it } from 'vitest';
import { PopulationSchema, type Population } from '../../src/model/index.js';
import { exactHouseholdOutcomes, simulateHousehold } from '../../src/household.js';
import { householdShare, householdUncertainty } from '../../src/simulate/household-intervals.js';
import { summarizeHousehold } from '../../src/simulate/household-summary.js';
import { gezinInput, parseHousehold } from './fixtures.js';

/** Households with debts in a share `debts` of them, and twins in a share `twins` of the births. */
const population = (debts: number, twins: number): Population =>
  PopulationSchema.parse({
    schemaVersion: 1, kind: 'population', id: 'test/schulden', version: '1.0.0', title: { nl: 'Schulden' },
    risks: { schulden: { label: { nl: 'Schulden' }, prevalence: debts } },
    multipleBirths: { share: twins, assumption: 'test' },
  });

describe('intervals of household shares', () => {
  it('are the Wilson score interval of the count', () => {
    // 30 of 100: centre (0.3 + z²/200) / (1 + z²/100), half-width z·√(0.3·0.7/100 + z²/40000) / (1 + z²/100)
    const z = 1.959963984540054;
    const f = householdShare(30, 100)!;
    const centre = (0.3 + (z * z) / 200) / (1 + (z * z) / 100);
    const half = (z * Math.sqrt(0.0021 + (z * z) / 40_000)) / (1 + (z * z) / 100);
    expect(f.estimate).toBe(0.3);
    expect(f.interval[0]).toBeCloseTo(centre - half, 12);
    expect(f.interval[1]).toBeCloseTo(centre + half, 12);
    expect(f.se).toBeCloseTo(Math.sqrt(0.0021), 12);
    // none of 50 and all of 50 stay inside 0–100%
    expect(householdShare(0, 50)!.interval[0]).toBe(0);
    expect(householdShare(50, 50)!.interval[1]).toBe(1);
    expect(householdShare(0, 0)).toBeNull();
  });

  it('say when they are too wide to use: a small cohort, not a large one', () => {
    expect(householdShare(30, 100)!.tooWide).toBe(true);
    expect(householdShare(30_000, 100_000)!.tooWide).toBe(false);
    // a share near 0 over many households: narrow in points, even if wide against the share
    expect(householdShare(1, 100_000)!.tooWide).toBe(false);
  });

  it('cover every share the result has over households, and the summary marks a wide one', () => {
    const path = parseHousehold(gezinInput());
    const result = simulateHousehold(path, { population: population(0.3, 0.25), cohort: 300, seed: 2 });
    const u = householdUncertainty(result);
    expect(u.method).toBe('wilson');
    expect(u.risks.schulden!.addressed.estimate).toBe(result.risks.schulden!.addressed / 300);
    expect(u.risks.schulden!.fallsThrough.estimate).toBe((result.risks.schulden!.neverSignalled + result.risks.schulden!.signalledNotAddressed) / result.risks.schulden!.present);
    expect(Object.keys(u.visited)).toEqual(Object.keys(result.households));
    expect(Object.keys(u.tracks)).toEqual(Object.keys(result.tracks));
    expect(u.births.multiple!.estimate).toBe(result.births.multiple / result.births.households);
    const text = summarizeHousehold(result, { lang: 'en', risks: ['schulden'] });
    expect(text).toMatch(/present \d+\.\d% \[\d+\.\d%, \d+\.\d%\] \(\d+\), signalled \d+\.\d% \[\d+\.\d%, \d+\.\d%\]\* \(\d+\)/);
    expect(summarizeHousehold(result, { lang: 'nl', risks: ['schulden'] })).toMatch(/aanwezig \d+,\d% \[\d+,\d%; \d+,\d%\] \(\d+\)/);
    expect(text).toContain('* interval too wide to use: simulate a larger cohort');
    expect(summarizeHousehold(simulateHousehold(path, { population: population(0.3, 0.25), cohort: 100_000, seed: 2 }), { lang: 'en', risks: ['schulden'] })).not.toContain('too wide');
  });
});

describe('interval coverage of household shares, checked by simulation', () => {
  it('covers the exact share of addressed debts and of twins in about 95% of runs', () => {
    const path = parseHousehold(gezinInput());
    const pop = population(0.3, 0.25);
    const exact = exactHouseholdOutcomes(path, { risks: ['schulden'] }, { population: pop });
    if (!exact.ok) throw new Error('exact failed');
    // of the households with debts: signalled at the intake in half of them, referral accepted in 3 of 4;
    // debts are drawn in 30% of the households, independently of the journey
    expect(exact.value.risks.schulden!.addressed).toBeCloseTo(0.5 * 0.75, 12);
    const addressed = 0.3 * exact.value.risks.schulden!.addressed;
    const runs = 400;
    let addressedCovered = 0;
    let twinsCovered = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const u = householdUncertainty(simulateHousehold(path, { population: pop, cohort: 500, seed }));
      const a = u.risks.schulden!.addressed.interval;
      const t = u.births.multiple!.interval;
      if (a[0] <= addressed && addressed <= a[1]) addressedCovered++;
      if (t[0] <= 0.25 && 0.25 <= t[1]) twinsCovered++;
    }
    // 95% of 400 is 380; a binomial standard deviation is about 4.4 runs
    for (const covered of [addressedCovered, twinsCovered]) {
      expect(covered / runs).toBeGreaterThan(0.92);
      expect(covered / runs).toBeLessThan(0.98);
    }
  });
});
