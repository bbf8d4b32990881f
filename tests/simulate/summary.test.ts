import { describe, expect, it } from 'vitest';
import { simulateSync, summarize } from '../../src/simulate/index.js';
import { path, population } from './fixtures.js';

describe('summarize', () => {
  const result = simulateSync(path, { population, cohort: 20_000, seed: 1 });

  it('names the cohort, the reach, the unmet need and the top drop-out point in English', () => {
    const text = summarize(result, { lang: 'en' });
    expect(text).toContain('Simulated 20,000 journeys through test/pregnancy 1.0.0');
    const budget = result.interventions.budget!;
    // the share is that of the eligible clients, beside its own numerator (not every client reached)
    expect(text).toContain(
      `budget: ${(Math.round(budget.share * 1000) / 10).toFixed(1)}% (${budget.reachedEligible.toLocaleString('en')} of ${budget.eligible.toLocaleString('en')} eligible; ${budget.reached.toLocaleString('en')} clients reached in all)`,
    );
    const fs = result.unmetNeed['financial-stress']!;
    expect(text).toContain(`financial-stress: ${(Math.round(fs.share * 1000) / 10).toFixed(1)}%`);
    const [worst] = Object.entries(result.stuck).sort((a, b) => b[1] - a[1]);
    expect(worst).toBeDefined();
    expect(text).toMatch(new RegExp(`drop-out points[^\\n]*\\n  ${worst![0]}: `));
  });

  it('writes Dutch with Dutch number formatting', () => {
    const text = summarize(result, { lang: 'nl' });
    expect(text).toContain('20.000 routes gesimuleerd');
    expect(text).toContain('Onvervulde behoefte');
    expect(text).toMatch(/\d,\d%/);
  });
});
