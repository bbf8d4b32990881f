import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { monitorIndicators } from '../../src/export/monitor.js';
import { PopulationSchema, TargetsSchema, type Population, type TargetsInput } from '../../src/model/index.js';
import { safeApplyOverlay, safeCalibrate, safeTargetModel } from '../../src/simulate/calibrate/index.js';
import { birthOutcomes, nationalSgaChances, simulateSync } from '../../src/simulate/index.js';
import { parsePath } from '../simulate/fixtures.js';

const label = (text: string) => ({ nl: text, en: text });

/** Every pregnancy ends in a birth: preterm with weight `w` against 1 for a birth at term. */
const birthPath = (w: number) =>
  parsePath({
    schemaVersion: 1,
    id: 'test/births',
    version: '1.0.0',
    title: label('Births'),
    actors: { midwife: { label: label('Midwife'), domain: 'medical' } },
    initial: 'intake',
    steps: {
      intake: { kind: 'contact', phase: 'pregnancy', actor: 'midwife', label: label('Intake'), transitions: [{ to: 'term' }, { to: 'early', weight: w }] },
      term: { kind: 'outcome', phase: 'postpartum', label: label('Birth at term'), result: 'good', tags: ['birth'] },
      early: { kind: 'outcome', phase: 'postpartum', label: label('Preterm birth'), result: 'good', tags: ['birth', 'preterm-birth'] },
    },
  });

const population = (twins: number): Population =>
  PopulationSchema.parse({ schemaVersion: 1, kind: 'population', id: 'test/twins', version: '1.0.0', title: label('Twins'), multipleBirths: { share: twins } });

// the truth the files are made from: a preterm weight and the two chances of SGA
const TRUE_WEIGHT = 0.1;
const TRUE_SGA_TERM = 0.08;
const TRUE_SGA_PRETERM = 0.5;
const truePreterm = TRUE_WEIGHT / (1 + TRUE_WEIGHT);
const trueBig2 = truePreterm + (1 - truePreterm) * TRUE_SGA_TERM;
const trueSga = truePreterm * TRUE_SGA_PRETERM + (1 - truePreterm) * TRUE_SGA_TERM;

const births = (outcome: string, value: number, tolerance: number) => ({ label: label(outcome), measure: { unit: 'births', numerator: { birthOutcome: outcome } }, value, tolerance, status: 'assumption' }) as const;

const targetsOf = (targets: TargetsInput['targets'], parameters: TargetsInput['parameters']) =>
  TargetsSchema.parse({ schemaVersion: 1, kind: 'targets', id: 'test/birth-model', version: '1.0.0', title: label('Birth model'), targets, parameters });

const SGA_TERM = { file: 'birth-model', pointer: '/sgaGivenTerm', min: 0.01, max: 0.4 } as const;
const SGA_PRETERM = { file: 'birth-model', pointer: '/sgaGivenPreterm', min: 0.05, max: 0.95 } as const;
const PRETERM_WEIGHT = { file: 'path', pointer: '/steps/intake/transitions/1/weight', min: 0.01, max: 0.5 } as const;

describe('the chances of small for gestational age as tunable parameters', () => {
  it('recovers a known chance of SGA at term through a Big2 target, from a perturbed start', () => {
    const targets = targetsOf({ big2: births('big2', trueBig2, 0.004) }, { 'sga-given-term': SGA_TERM });
    let simulations = 0;
    const result = safeCalibrate(birthPath(TRUE_WEIGHT), targets, { population: population(0), cohort: 40_000, seed: 3, start: { 'sga-given-term': 0.3 }, onEvaluation: () => simulations++ });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { parameters, targets: fitted, startLoss, loss } = result.value;
    expect(startLoss).toBeGreaterThan(100);
    expect(loss).toBeLessThan(1);
    expect(fitted['big2']!.within).toBe(true);
    // Big2 rises by 1 − preterm ≈ 0.91 per unit of the chance: ±0.004 of Big2 and the Monte-Carlo error bound it to about ±0.008
    expect(Math.abs(parameters['sga-given-term']!.value - TRUE_SGA_TERM)).toBeLessThan(0.01);
    // the chance changes no journey: one simulation, the chance fitted on its births
    expect(simulations).toBe(1);
    expect(result.value.overlay.values).toEqual([expect.objectContaining({ file: 'birth-model', pointer: '/sgaGivenTerm', parameter: 'sga-given-term' })]);
  });

  it('recovers both chances and the preterm weight together through preterm, SGA and Big2 targets', () => {
    const targets = targetsOf(
      { preterm: births('preterm', truePreterm, 0.004), sga: births('small-for-gestational-age', trueSga, 0.004), big2: births('big2', trueBig2, 0.004) },
      { 'preterm-weight': PRETERM_WEIGHT, 'sga-given-term': SGA_TERM, 'sga-given-preterm': SGA_PRETERM },
    );
    const result = safeCalibrate(birthPath(0.3), targets, { population: population(0.02), cohort: 40_000, seed: 11, start: { 'sga-given-term': 0.25, 'sga-given-preterm': 0.9 } });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { parameters, targets: fitted, loss, evaluations } = result.value;
    expect(loss).toBeLessThan(3);
    expect(Object.values(fitted).every((t) => t.within)).toBe(true);
    expect(Math.abs(parameters['preterm-weight']!.value - TRUE_WEIGHT)).toBeLessThan(0.015);
    expect(Math.abs(parameters['sga-given-term']!.value - TRUE_SGA_TERM)).toBeLessThan(0.01);
    // SGA among preterm children moves the SGA share by only the preterm share (about 9%): ±0.004 bounds it to about ±0.05, plus noise
    expect(Math.abs(parameters['sga-given-preterm']!.value - TRUE_SGA_PRETERM)).toBeLessThan(0.1);
    // the search simulates only over the preterm weight: a one-parameter budget
    expect(evaluations).toBeLessThanOrEqual(60);
    // the loss reported is the one of a plain run with the overlay's values: the fitted chances are not a search artefact
    const model = safeTargetModel(birthPath(0.3), targets, { population: population(0.02), cohort: 40_000, seed: 11 });
    if (!model.ok) throw new Error(JSON.stringify(model.diagnostics));
    const again = model.value.run(result.value.overlay.values).measured!;
    for (const key of ['preterm', 'sga', 'big2']) expect(again.get(key)!.share).toBe(fitted[key]!.share);
  });

  it('applies birth-model values of an overlay over the national chances, and refuses chances outside 0…1 or unknown pointers', () => {
    const path = birthPath(0.1);
    const national = nationalSgaChances();
    const applied = safeApplyOverlay(path, population(0), [{ file: 'birth-model', pointer: '/sgaGivenTerm', value: 0.2 }]);
    if (!applied.ok) throw new Error(JSON.stringify(applied.diagnostics));
    expect(applied.value.birthModel).toEqual({ sgaGivenTerm: 0.2, sgaGivenPreterm: national.sgaGivenPreterm });
    expect(nationalSgaChances()).toEqual(national);
    const codes = (values: Parameters<typeof safeApplyOverlay>[2]) => safeApplyOverlay(path, population(0), values).diagnostics.map((d) => [d.code, d.pointer]);
    expect(codes([{ file: 'birth-model', pointer: '/sgaGivenPreterm', value: 1.2 }])).toEqual([['overlay-invalid-result', '/values']]);
    expect(codes([{ file: 'birth-model', pointer: '/multipleBirths', value: 0.1 }])).toEqual([['overlay-pointer-missing', '/values/0/pointer']]);
    const refused = safeApplyOverlay(path, population(0), [{ file: 'birth-model', pointer: '/sgaGivenTerm', value: -0.1 }]);
    expect(refused.diagnostics[0]!.message).toContain('birth model');
    expect(refused.diagnostics[0]!.nl.message).toContain('het geboortemodel');
  });

  it('counts births with given chances as birthOutcomes and monitorIndicators do', () => {
    const path = birthPath(0.2);
    const pop = population(0.1);
    const sga = { sgaGivenTerm: 0.15, sgaGivenPreterm: 0.3 };
    const targets = targetsOf({ big2: births('big2', 0.2, 0.01), sga: births('small-for-gestational-age', 0.1, 0.01) }, {});
    const model = safeTargetModel(path, targets, { population: pop, cohort: 5_000, seed: 8, birthModel: sga });
    if (!model.ok) throw new Error(JSON.stringify(model.diagnostics));
    const measured = model.value.run([]).measured!;
    const result = simulateSync(path, { population: pop, cohort: 5_000, seed: 8 });
    const monitor = monitorIndicators(path, result, { seed: 8, population: pop, birthModel: sga });
    const big2 = monitor.indicators.find((i) => i.id === 'big2')!;
    expect(measured.get('big2')).toMatchObject({ numerator: big2.numerator, denominator: big2.denominator });
    // an independent count: each child SGA at its own chance, the same draws
    const outcomes = birthOutcomes(path, result, { seed: 8, model: { ...sga, multipleBirths: 0.1 } });
    expect(measured.get('sga')!.numerator).toBe(outcomes.all.smallForGestationalAge);
    const expected = outcomes.all.preterm * sga.sgaGivenPreterm + (outcomes.all.children - outcomes.all.preterm) * sga.sgaGivenTerm;
    expect(Math.abs(outcomes.all.smallForGestationalAge - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // the national chances give other counts than these
    const national = monitorIndicators(path, result, { seed: 8, population: pop });
    expect(national.births.all.smallForGestationalAge).not.toBe(outcomes.all.smallForGestationalAge);
  });

  it('calibrate writes the chances into the overlay, and report --tuned counts the births with them', async () => {
    mkdirSync(resolve('test-output'), { recursive: true });
    const dir = mkdtempSync(join(resolve('test-output'), 'birth-model-'));
    const quiet: CliContext = { stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: dir };
    writeFileSync(join(dir, 'path.json'), JSON.stringify(birthPath(TRUE_WEIGHT)));
    writeFileSync(join(dir, 'population.json'), JSON.stringify(population(0)));
    // a chance at term twice the national one, so that the national model misses the file's Big2
    const chance = 0.15;
    writeFileSync(join(dir, 'targets.json'), JSON.stringify(targetsOf({ big2: births('big2', truePreterm + (1 - truePreterm) * chance, 0.005) }, { 'sga-given-term': SGA_TERM })));
    const same = ['--population', 'population.json', '--cohort', '30000', '--seed', '5', '--lang', 'en'];
    expect(await runCli(['calibrate', 'path.json', '--targets', 'targets.json', '-o', 'tuned.json', ...same], quiet)).toBe(0);
    const overlay = JSON.parse(readFileSync(join(dir, 'tuned.json'), 'utf8')) as { values: { file: string; value: number }[] };
    expect(overlay.values[0]!.file).toBe('birth-model');
    expect(Math.abs(overlay.values[0]!.value - chance)).toBeLessThan(0.01);
    const verdict = async (extra: string[], folder: string) => {
      expect(await runCli(['report', 'path.json', '--simulate', '--targets', 'targets.json', '--format', 'csv', '-o', folder, ...extra, ...same], quiet)).toBe(0);
      const rows = readFileSync(join(dir, folder, 'kalibratie.csv'), 'utf8').split(/\r?\n/);
      return rows.find((r) => r.startsWith('big2'))!;
    };
    // the national chance of SGA at term (about 7.3%) gives a Big2 far off the file's, the tuned one gives it
    expect(await verdict([], 'before')).toContain('outside tolerance');
    expect(await verdict(['--tuned', 'tuned.json'], 'after')).toContain('within tolerance');
  });
});
