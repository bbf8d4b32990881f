import { describe, expect, it } from 'vitest';
import { compareSimulations, generateClients, simulateScenarios, simulateWithIndicators, traceJourney } from '../../src/simulate/index.js';
import type { CarePath } from '../../src/model/index.js';
import { path, population } from './fixtures.js';

/** Scenario B: the screening refers more clients with financial stress to budget help. */
function moreBudgetHelp(base: CarePath): CarePath {
  const b = structuredClone(base);
  b.steps.screening!.transitions[0]!.weight = 12;
  return b;
}

describe('compareSimulations', () => {
  const cohort = 4_000;
  const seed = 21;
  const b = moreBudgetHelp(path);

  it('computes paired differences and intervals that match a per-client computation from traceJourney', async () => {
    const { a: runA, b: runB, comparison } = await simulateScenarios(path, b, { population, cohort, seed });
    const clients = generateClients(population, { n: cohort, seed });
    const d: number[] = [];
    for (let i = 0; i < cohort; i++) {
      const x = traceJourney(path, clients[i]!, { seed, index: i }).steps.includes('budget') ? 1 : 0;
      const y = traceJourney(b, clients[i]!, { seed, index: i }).steps.includes('budget') ? 1 : 0;
      d.push(y - x);
    }
    const mean = d.reduce((s, v) => s + v, 0) / cohort;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (cohort - 1));
    const reach = comparison.differences.find((x) => x.key === 'reach:budget')!;
    expect(reach.a).toBe(runA.interventions.budget!.reached / cohort);
    expect(reach.b).toBe(runB.interventions.budget!.reached / cohort);
    expect(reach.difference).toBeCloseTo(mean, 12);
    expect(reach.ci95[1] - reach.difference).toBeCloseTo((1.959963984540054 * sd) / Math.sqrt(cohort), 12);
    expect(reach.significant).toBe(true);
    expect(reach.difference).toBeGreaterThan(0);
    // unmet need is over the clients with the risk, and goes down
    const unmet = comparison.differences.find((x) => x.key === 'unmet:financial-stress')!;
    expect(unmet.n).toBe(runA.unmetNeed['financial-stress']!.withRisk);
    expect(unmet.a).toBeCloseTo(runA.unmetNeed['financial-stress']!.share, 12);
    expect(unmet.difference).toBeLessThan(0);
    expect(unmet.significant).toBe(true);
  });

  it('finds no difference, with a zero-width interval, between a scenario and itself (common random numbers)', async () => {
    const { comparison } = await simulateScenarios(path, structuredClone(path), { population, cohort: 2_000, seed: 3 });
    for (const diff of comparison.differences) {
      expect(diff.difference).toBe(0);
      expect(diff.ci95).toEqual([0, 0]);
      expect(diff.significant).toBe(false);
    }
  });

  it('treats a step missing in one scenario as never reached there', async () => {
    const without = structuredClone(path);
    delete without.steps['safe-home'];
    without.steps.screening!.transitions.splice(1, 1);
    const { comparison } = await simulateScenarios(without, path, { population, cohort: 2_000, seed: 3 });
    const safeHome = comparison.differences.find((x) => x.key === 'reach:safe-home')!;
    expect(safeHome.a).toBe(0);
    expect(safeHome.b).toBeGreaterThan(0);
  });

  it('refuses runs on different clients', async () => {
    const x = await simulateWithIndicators(path, { population, cohort: 500, seed: 1 });
    const y = await simulateWithIndicators(path, { population, cohort: 500, seed: 2 });
    expect(() => compareSimulations(x, y)).toThrow(/same clients/);
  });
});
