import { describe, expect, it } from 'vitest';
import { simulateSync } from '../../src/simulate/index.js';
import { simulateSubgroups } from '../../src/simulate/subgroups.js';
import { pathInput, parsePath, population } from '../simulate/fixtures.js';

const path = parsePath(pathInput);
const everyone = { any: [{ attr: 'firstPregnancy', eq: true }, { attr: 'firstPregnancy', eq: false }] };

describe('simulateSubgroups', () => {
  const cohort = 20_000;
  const result = simulateSubgroups(path, {
    population,
    cohort,
    seed: 3,
    groups: { everyone, older: { attr: 'age', gte: 20 }, teen: { attr: 'age', lt: 20 }, tiny: { attr: 'age', gte: 44 } },
    reference: 'older',
    minimumSize: 500,
  });
  const run = simulateSync(path, { population, cohort, seed: 3 });

  it('agrees with the whole-cohort result for a group that holds everyone', () => {
    const all = result.groups['everyone']!;
    if (all.refused) throw new Error('refused');
    expect(all.size).toBe(cohort);
    expect(all.timeToSupport).toEqual(run.timeToSupport);
  });

  it('splits the cohort: group sizes add up and shares are counts over denominators', () => {
    const older = result.groups['older']!;
    const teen = result.groups['teen']!;
    if (older.refused || teen.refused) throw new Error('refused');
    expect(older.size + teen.size).toBe(cohort);
    expect(teen.unmetNeed.share).toBeCloseTo(teen.unmetNeed.count / teen.unmetNeed.n, 12);
    expect(teen.reach.n).toBe(teen.unmetNeed.n);
  });

  it('gives risk differences and ratios with intervals against the reference, not for the reference itself', () => {
    const older = result.groups['older']!;
    const teen = result.groups['teen']!;
    if (older.refused || teen.refused) throw new Error('refused');
    expect(older.unmetNeed.difference).toBeUndefined();
    const d = teen.unmetNeed.difference!;
    expect(d.value).toBeCloseTo(teen.unmetNeed.share! - older.unmetNeed.share!, 12);
    expect(d.interval[0]).toBeLessThan(d.value);
    expect(d.interval[1]).toBeGreaterThan(d.value);
    const r = teen.unmetNeed.ratio!;
    expect(r.value).toBeCloseTo(teen.unmetNeed.share! / older.unmetNeed.share!, 12);
    expect(r.interval[0]).toBeLessThan(r.value);
    expect(r.interval[1]).toBeGreaterThan(r.value);
  });

  it('refuses a group smaller than the minimum size', () => {
    expect(result.groups['tiny']).toMatchObject({ refused: true, minimum: 500 });
    expect(result.groups['tiny']!.size).toBeLessThan(500);
    expect(result.groups['tiny']).not.toHaveProperty('unmetNeed');
  });

  it('refuses misuse', () => {
    expect(() => simulateSubgroups(path, { population, cohort: 10, seed: 1, groups: {} })).toThrow(/groups/);
    expect(() => simulateSubgroups(path, { population, cohort: 10, seed: 1, groups: { a: everyone }, reference: 'b' })).toThrow(/reference/);
    expect(() => simulateSubgroups(path, { population, cohort: 10, seed: 1, groups: { a: everyone }, minimumSize: 0 })).toThrow(/minimumSize/);
  });
});

describe('subgroup intervals, checked by simulation', () => {
  it('cover a difference of zero between two random halves in about 95% of runs', () => {
    // groups that differ only by chance: the true risk difference is 0
    const halves = { first: { attr: 'firstPregnancy', eq: true }, other: { attr: 'firstPregnancy', eq: false } };
    const flat = parsePath({ ...pathInput, steps: { ...pathInput.steps, checkup: { ...pathInput.steps.checkup, transitions: [{ to: 'birth', weight: 9 }, { to: 'lost', weight: 1 }] } } });
    let covered = 0;
    const runs = 200;
    for (let seed = 1; seed <= runs; seed++) {
      // with the age-dependent stress prevalence removed, first pregnancy says nothing about the journey
      const pop = { ...population, risks: { ...population.risks, 'financial-stress': { ...population.risks['financial-stress']!, given: [] } } };
      const r = simulateSubgroups(flat, { population: pop, cohort: 2_000, seed, groups: halves, reference: 'other', minimumSize: 10 });
      const g = r.groups['first']!;
      if (g.refused) throw new Error('refused');
      const d = g.unmetNeed.difference!;
      if (d.interval[0] <= 0 && 0 <= d.interval[1]) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.9);
    expect(covered / runs).toBeLessThan(0.99);
  });
});
