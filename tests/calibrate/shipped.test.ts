import { describe, expect, it } from 'vitest';
import { loadPath, loadPopulation, safeLoadTargets } from '../../src/node/index.js';
import { safeTargetModel } from '../../src/simulate/calibrate/index.js';
import { nationalSgaChances } from '../../src/simulate/index.js';

const root = new URL('../../paths/', import.meta.url).pathname;

describe('paths/targets/monitor.json', () => {
  it('fits the shipped 1000-day path: every step, risk and pointer exists, and every target is computable, Big2 included', async () => {
    const path = await loadPath(`${root}national/eerste-1000-dagen.json`);
    const population = await loadPopulation(`${root}populations/default.json`);
    const targets = await safeLoadTargets(`${root}targets/monitor.json`);
    if (!targets.ok) throw new Error(JSON.stringify(targets.diagnostics));
    const model = safeTargetModel(path, targets.value, { population, cohort: 500 });
    if (!model.ok) throw new Error(JSON.stringify(model.diagnostics));
    expect(model.diagnostics).toEqual([]);
    expect(model.value.fitted.map((t) => t.key)).toEqual(['preterm', 'small-for-gestational-age', 'no-kraamzorg', 'smoking-in-pregnancy', 'low-literacy', 'psychosocial-vulnerability', 'big2', 'big2-2021']);
    // the starting values are the shipped ones, and the national chances of small for gestational age
    expect(model.value.parameters['preterm-weight']!.start).toBe(0.072);
    expect(model.value.parameters['smoking-prevalence']!.start).toBe(0.077);
    expect(model.value.parameters['sga-given-term']!.start).toBe(nationalSgaChances().sgaGivenTerm);
    expect(model.value.parameters['sga-given-preterm']!.start).toBe(nationalSgaChances().sgaGivenPreterm);
    const first = model.value.run(model.value.valuesAt(model.value.keys.map(() => 0.5)));
    expect(first.measured?.get('late-start')?.share).toBeGreaterThan(0);
    // Big2 lies between its preterm part and preterm plus SGA at term
    const big2 = first.measured!.get('big2')!.share!;
    const preterm = first.measured!.get('preterm')!.share!;
    expect(big2).toBeGreaterThan(preterm);
    expect(first.measured!.get('big2-multiples')!.denominator % 2).toBe(0);
  });

  it('measures every fitted target near its value at the shipped values, so a fit starts from a sensible place', async () => {
    const path = await loadPath(`${root}national/eerste-1000-dagen.json`);
    const population = await loadPopulation(`${root}populations/default.json`);
    const targets = await safeLoadTargets(`${root}targets/monitor.json`);
    if (!targets.ok) throw new Error(JSON.stringify(targets.diagnostics));
    const model = safeTargetModel(path, targets.value, { population, cohort: 20_000 });
    if (!model.ok) throw new Error(JSON.stringify(model.diagnostics));
    const { keys, parameters, fitted, valuesAt, run } = model.value;
    // the shipped values in the model's unit coordinates
    const measured = run(valuesAt(keys.map((key) => (parameters[key]!.start - parameters[key]!.min) / (parameters[key]!.max - parameters[key]!.min)))).measured!;
    for (const target of fitted) {
      const value = targets.value.targets[target.key]!.value!;
      const share = measured.get(target.key)!.share!;
      // a measure that counts the wrong clients (a step the path no longer passes) lands far away
      expect({ target: target.key, near: Math.abs(share - value) <= 3 * targets.value.targets[target.key]!.tolerance! }).toEqual({ target: target.key, near: true });
    }
  });
});
