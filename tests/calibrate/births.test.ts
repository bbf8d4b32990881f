import { describe, expect, it } from 'vitest';
import { monitorIndicators } from '../../src/export/monitor.js';
import { PopulationSchema, TargetsSchema, type Population, type TargetsInput } from '../../src/model/index.js';
import { safeCalibrate, safeTargetModel } from '../../src/simulate/calibrate/index.js';
import { nationalBirthOutcomeModel, simulateSync } from '../../src/simulate/index.js';
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

const TRUE_WEIGHT = 0.1;
const model = nationalBirthOutcomeModel();
const truePreterm = TRUE_WEIGHT / (1 + TRUE_WEIGHT);
/** Big2 of the true weight, from the birth-outcome model: preterm, or SGA at term. */
const trueBig2 = truePreterm + (1 - truePreterm) * model.sgaGivenTerm;

const birthTargets = (targets: TargetsInput['targets']) =>
  TargetsSchema.parse({
    schemaVersion: 1,
    kind: 'targets',
    id: 'test/birth-targets',
    version: '1.0.0',
    title: label('Birth targets'),
    targets,
    parameters: { 'preterm-weight': { file: 'path', pointer: '/steps/intake/transitions/1/weight', min: 0.01, max: 0.5 } },
  });

const big2 = { label: label('Big2'), measure: { unit: 'births', numerator: { birthOutcome: 'big2' } }, value: trueBig2, tolerance: 0.005, status: 'assumption' } as const;

describe('targets counted in births', () => {
  it('recovers a known preterm weight through a Big2 target, from a perturbed start', () => {
    const result = safeCalibrate(birthPath(0.4), birthTargets({ big2 }), { population: population(0), cohort: 40_000, seed: 5 });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { parameters, targets, startLoss, loss } = result.value;
    expect(startLoss).toBeGreaterThan(100);
    expect(loss).toBeLessThan(1);
    const t = targets['big2']!;
    expect(t.computable).toBe(true);
    expect(t.within).toBe(true);
    // the interval counts births and holds the true value
    expect(t.interval![0]).toBeLessThanOrEqual(trueBig2);
    expect(t.interval![1]).toBeGreaterThanOrEqual(trueBig2);
    // Big2 rises by about 0.93 per unit of preterm share: within 0.005 of Big2 bounds the weight to about ±0.008 (plus Monte-Carlo error)
    expect(Math.abs(parameters['preterm-weight']!.value - TRUE_WEIGHT)).toBeLessThan(0.015);
  });

  it('recovers it through a preterm target too, and reports SGA beside it', () => {
    const preterm = { label: label('Preterm'), measure: { unit: 'births', numerator: { birthOutcome: 'preterm' } }, value: truePreterm, tolerance: 0.004, status: 'assumption' } as const;
    const sga = { label: label('SGA'), measure: { unit: 'births', numerator: { birthOutcome: 'small-for-gestational-age' } }, tolerance: 0.01, status: 'awaiting-value', use: 'validate' } as const;
    const result = safeCalibrate(birthPath(0.02), birthTargets({ preterm, sga }), { population: population(0), cohort: 40_000, seed: 9 });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(Math.abs(result.value.parameters['preterm-weight']!.value - TRUE_WEIGHT)).toBeLessThan(0.012);
    const s = result.value.targets['sga']!;
    const p = result.value.targets['preterm']!.share!;
    // SGA of the fitted model: preterm children SGA at one chance, term children at the other
    expect(Math.abs(s.share! - (p * model.sgaGivenPreterm + (1 - p) * model.sgaGivenTerm))).toBeLessThan(0.006);
  });

  it('counts what monitorIndicators counts: the same births, Big2 and seed', () => {
    const path = birthPath(0.3);
    const pop = population(0.2);
    const targets = birthTargets({
      big2,
      'big2-singletons': { ...big2, measure: { unit: 'births', numerator: { birthOutcome: 'big2' }, denominator: { birthOutcome: 'singleton' } } },
      'big2-multiples': { ...big2, measure: { unit: 'births', numerator: { birthOutcome: 'big2' }, denominator: { birthOutcome: 'multiple' } } },
      'preterm-multiples': { ...big2, measure: { unit: 'births', numerator: { birthOutcome: 'preterm' }, denominator: { birthOutcome: 'multiple' } } },
    });
    const built = safeTargetModel(path, targets, { population: pop, cohort: 3_000, seed: 21 });
    if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
    const measured = built.value.run([]).measured!;
    const monitor = monitorIndicators(path, simulateSync(path, { population: pop, cohort: 3_000, seed: 21 }), { seed: 21, population: pop });
    const indicator = monitor.indicators.find((i) => i.id === 'big2')!;
    expect(measured.get('big2')).toMatchObject({ numerator: indicator.numerator, denominator: indicator.denominator, share: indicator.value });
    expect(measured.get('big2-singletons')).toMatchObject({ numerator: monitor.births.singletons.big2, denominator: monitor.births.singletons.children });
    expect(measured.get('big2-multiples')).toMatchObject({ numerator: monitor.births.multiples.big2, denominator: 2 * monitor.births.multipleBirths });
    expect(measured.get('preterm-multiples')!.share).toBe(monitor.births.multiples.shares.preterm);
    // twins share their term: the interval of the multiples counts their births, so it is wider than one over their children
    const m = measured.get('big2-multiples')!;
    const perChild = m.denominator;
    expect(monitor.births.multipleBirths).toBe(perChild / 2);
    expect(m.interval![1] - m.interval![0]).toBeGreaterThan(2 * 1.96 * Math.sqrt((m.share! * (1 - m.share!)) / perChild) * 1.2);
  });

  it('says what is wrong with a births target it cannot count', () => {
    const targets = birthTargets({
      typo: { ...big2, measure: { unit: 'births', numerator: { birthOutcome: 'big3' } } },
      group: { ...big2, measure: { unit: 'births', numerator: { birthOutcome: 'big2' }, denominator: { birthOutcome: 'twins' } } },
      mixed: { ...big2, measure: { unit: 'births', numerator: { all: [{ birthOutcome: 'big2' }, { hasRisk: 'stress' }] } } },
      households: { ...big2, measure: { numerator: { birthOutcome: 'big2' } } },
    });
    const built = safeTargetModel(birthPath(0.1), targets, { population: population(0), cohort: 100 });
    expect(built.ok).toBe(false);
    const found = built.diagnostics.map((d) => [d.code, d.pointer]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['target-unknown-birth-outcome', '/targets/typo/measure/numerator'],
        ['target-unknown-birth-outcome', '/targets/group/measure/denominator'],
        ['target-not-computable', '/targets/mixed/measure/numerator'],
        ['target-not-computable', '/targets/households/measure/numerator'],
      ]),
    );
    const typo = built.diagnostics.find((d) => d.pointer === '/targets/typo/measure/numerator')!;
    expect(typo.hint).toContain('"big2"');
    expect(typo.nl.message).toContain('big3');
  });

  it('has no value for a path without birth steps, with a warning', () => {
    const path = parsePath({
      schemaVersion: 1,
      id: 'test/no-births',
      version: '1.0.0',
      title: label('No births'),
      actors: { midwife: { label: label('Midwife'), domain: 'medical' } },
      initial: 'intake',
      steps: {
        intake: { kind: 'contact', phase: 'pregnancy', actor: 'midwife', label: label('Intake'), transitions: [{ to: 'end' }] },
        end: { kind: 'outcome', phase: 'pregnancy', label: label('End'), result: 'neutral' },
      },
    });
    const result = safeCalibrate(path, { ...birthTargets({ big2 }), parameters: {} }, { population: population(0), cohort: 200 });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value.targets['big2']!.share).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toContain('target-empty-denominator');
  });
});
