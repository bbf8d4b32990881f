import { describe, expect, it } from 'vitest';
import { safeCalibrate } from '../../src/simulate/calibrate/calibrate.js';
import { safeApplyOverlay } from '../../src/simulate/calibrate/overlay.js';
import { simulateSync } from '../../src/simulate/index.js';
import { stressPopulation, supportPath, supportTargets, TRUE_PREVALENCE, TRUE_WEIGHT } from './fixtures.js';

describe('safeCalibrate', () => {
  it('recovers a known weight and prevalence from a perturbed start', () => {
    const path = supportPath(0.4);
    const population = stressPopulation(0.45);
    const result = safeCalibrate(path, supportTargets(), { population, cohort: 20_000, seed: 7 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { parameters, targets, loss, startLoss } = result.value;
    expect(startLoss).toBeGreaterThan(100);
    expect(loss).toBeLessThan(2);
    for (const t of Object.values(targets)) expect(t.within).toBe(true);
    // a share within 0.02 of 0.6 bounds the weight to about ±0.15 around 1.5
    expect(Math.abs(parameters['support-weight']!.value - TRUE_WEIGHT)).toBeLessThan(0.2);
    expect(Math.abs(parameters['stress-prevalence']!.value - TRUE_PREVALENCE)).toBeLessThan(0.01);
    // the inputs are untouched
    expect(path.steps['screening']!.transitions[0]!.weight).toBe(0.4);
    expect(population.risks['stress']!.prevalence).toBe(0.45);
  });

  it('is reproducible for a seed and writes an overlay that simulate can use', () => {
    const path = supportPath(3);
    const population = stressPopulation(0.1);
    const a = safeCalibrate(path, supportTargets(), { population, cohort: 5_000, seed: 3, maxEvaluations: 50 });
    const b = safeCalibrate(path, supportTargets(), { population, cohort: 5_000, seed: 3, maxEvaluations: 50 });
    expect(a).toEqual(b);
    if (!a.ok) throw new Error('calibration failed');
    const applied = safeApplyOverlay(path, population, a.value.overlay.values);
    if (!applied.ok) throw new Error('overlay failed');
    const run = simulateSync(applied.value.path, { population: applied.value.population, cohort: 5_000, seed: 3 });
    const t = a.value.targets['support-reach']!;
    expect(run.clients['support']).toBe(t.numerator);
    expect(run.unmetNeed['stress']!.withRisk).toBe(t.denominator);
  });

  it('reports held-out targets without fitting to them, and keeps not-computable targets as warnings', () => {
    const targets = supportTargets({
      'usual-share': { label: { nl: 'Gewone zorg', en: 'Usual care' }, measure: { numerator: { reached: 'usual' } }, value: 0.5, tolerance: 0.01, status: 'assumption', use: 'validate' },
      members: { label: { nl: 'Leden', en: 'Members' }, measure: { unit: 'members', numerator: { everyone: true } }, value: 0.5, tolerance: 0.01, status: 'assumption' },
    });
    const result = safeCalibrate(supportPath(1), targets, { population: stressPopulation(0.2), cohort: 2_000, seed: 1, maxEvaluations: 30 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.diagnostics.map((d) => d.code)).toContain('target-not-computable');
    expect(result.value.targets['members']!.computable).toBe(false);
    expect(result.value.targets['members']!.share).toBeNull();
    const heldOut = result.value.targets['usual-share']!;
    expect(heldOut.use).toBe('validate');
    expect(heldOut.share).toBeGreaterThan(0.5);
  });

  it('refuses targets that name unknown steps or risks, and parameters that point nowhere', () => {
    const targets = supportTargets({
      wrong: { label: { nl: 'x', en: 'x' }, measure: { numerator: { reached: 'suport' }, denominator: { hasRisk: 'strss' } }, value: 0.1, tolerance: 0.01, status: 'assumption' },
    });
    targets.parameters['nowhere'] = { file: 'path', pointer: '/steps/nope/transitions/0/weight', min: 0, max: 1 };
    const result = safeCalibrate(supportPath(1), targets, { population: stressPopulation(0.2), cohort: 100, seed: 1 });
    expect(result.ok).toBe(false);
    const codes = result.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['target-unknown-step', 'target-unknown-risk', 'overlay-pointer-missing']));
    const step = result.diagnostics.find((d) => d.code === 'target-unknown-step')!;
    expect(step.hint).toContain('"support"');
    expect(step.nl.message).toContain('suport');
    expect(step.pointer).toBe('/targets/wrong/measure/numerator');
  });

  it('throws a ZorgpadenError on misuse', () => {
    expect(() => safeCalibrate(supportPath(1), supportTargets(), { cohort: 0 })).toThrow(/cohort/);
    expect(() => safeCalibrate(supportPath(1), {} as never)).toThrow(/targets/);
  });
});

describe('safeApplyOverlay', () => {
  it('refuses values out of range, pointers at nothing or at non-numbers, and invalid results', () => {
    const path = supportPath(1);
    const population = stressPopulation(0.2);
    const codes = (values: Parameters<typeof safeApplyOverlay>[2]) => safeApplyOverlay(path, population, values).diagnostics.map((d) => d.code);
    expect(codes([{ file: 'path', pointer: '/steps/screening/transitions/0/weight', value: 9, min: 0, max: 5 }])).toEqual(['overlay-out-of-range']);
    expect(codes([{ file: 'path', pointer: '/steps/missing/weight', value: 1 }])).toEqual(['overlay-pointer-missing']);
    expect(codes([{ file: 'path', pointer: '/steps/screening/kind', value: 1 }])).toEqual(['overlay-not-a-number']);
    expect(codes([{ file: 'population', pointer: '/risks/stress/prevalence', value: 1.5 }])).toEqual(['overlay-invalid-result']);
    expect(codes([{ file: 'population', pointer: '/risks/stress/prevalence', value: 0.3 }])).toEqual([]);
  });

  it('gives the same simulation as editing the files by hand', () => {
    const applied = safeApplyOverlay(supportPath(1), stressPopulation(0.2), [
      { file: 'path', pointer: '/steps/screening/transitions/0/weight', value: 2.5 },
      { file: 'population', pointer: '/risks/stress/prevalence', value: 0.3 },
    ]);
    if (!applied.ok) throw new Error('overlay failed');
    const viaOverlay = simulateSync(applied.value.path, { population: applied.value.population, cohort: 3_000, seed: 11 });
    const byHand = simulateSync(supportPath(2.5), { population: stressPopulation(0.3), cohort: 3_000, seed: 11 });
    expect(viaOverlay).toEqual(byHand);
  });
});
