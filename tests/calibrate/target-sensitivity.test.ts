import { describe, expect, it } from 'vitest';
import { safeTargetSensitivity } from '../../src/simulate/calibrate/target-sensitivity.js';
import { stressPopulation, supportPath, supportTargets } from './fixtures.js';

describe('safeTargetSensitivity', () => {
  const result = safeTargetSensitivity(supportPath(1.5), supportTargets(), { population: stressPopulation(0.2), cohort: 4_000, seed: 3, sobolSamples: 64 });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const { tornado, sobol, simulations } = result.value;

  it('finds that the share with stress depends on the prevalence alone', () => {
    const rows = tornado['stress-share']!.rows;
    expect(rows[0]!.name).toBe('stress-prevalence');
    expect(rows[0]!.atMin).toBeLessThan(0.02);
    expect(rows[0]!.atMax).toBeGreaterThan(0.55);
    // common random numbers: the weight changes journeys, never who has stress
    expect(rows[1]).toMatchObject({ name: 'support-weight', swing: 0 });
    expect(sobol!['stress-share']!.first[1]).toBeGreaterThan(0.9);
    expect(Math.abs(sobol!['stress-share']!.total[0]!)).toBeLessThan(0.02);
  });

  it('finds that reach among the stressed depends mostly on the weight, within its analytic range', () => {
    const rows = tornado['support-reach']!.rows;
    expect(rows[0]!.name).toBe('support-weight');
    // w / (w + 1) at w = 0.1 and w = 5
    expect(Math.abs(rows[0]!.atMin - 0.1 / 1.1)).toBeLessThan(0.03);
    expect(Math.abs(rows[0]!.atMax - 5 / 6)).toBeLessThan(0.03);
    expect(rows[0]).toMatchObject({ min: 0.1, max: 5 });
    // 64 base samples: the estimate is rough, the ranking is not
    const { first, total } = sobol!['support-reach']!;
    expect(first[0]).toBeGreaterThan(0.6);
    expect(total[0]).toBeGreaterThan(0.8);
    expect(first[0]! - first[1]!).toBeGreaterThan(0.4);
  });

  it('runs one simulation per distinct point for all targets together', () => {
    // tornado: 2 parameters × 2 ends + base; Sobol: 64 × (2 + 2)
    expect(simulations).toBeLessThanOrEqual(5 + 64 * 4);
    expect(simulations).toBeGreaterThan(64 * 2);
  });
});
