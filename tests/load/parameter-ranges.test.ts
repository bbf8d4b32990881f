import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePointer } from '../../src/diagnostics/index.js';
import { checkParameterRanges, fieldRange, rangeWords } from '../../src/load/parameter-ranges.js';
import { CarePathSchema, PopulationSchema, safeParseData, type Targets, type TunableParameter } from '../../src/model/index.js';
import { stressPopulation, supportPath, supportTargets } from '../calibrate/fixtures.js';

/** The support path with an age threshold in its condition: a number the file format does not bound. */
function thresholdPath() {
  const path = structuredClone(supportPath(0.5));
  path.steps.screening!.transitions![0]!.when = { all: [{ hasRisk: 'stress' }, { attr: 'age', lt: 40 }] };
  return path;
}

const documents = () => ({ path: thresholdPath(), population: stressPopulation(0.4) });

const POINTERS: readonly Pick<TunableParameter, 'file' | 'pointer'>[] = [
  { file: 'path', pointer: '/steps/screening/transitions/0/weight' },
  { file: 'path', pointer: '/steps/screening/transitions/0/when/all/1/lt' },
  { file: 'population', pointer: '/risks/stress/prevalence' },
  { file: 'population', pointer: '/attributes/firstPregnancy/p' },
  { file: 'birth-model', pointer: '/sgaGivenTerm' },
];

function targetsWith(parameters: Record<string, TunableParameter>): Targets {
  return { ...supportTargets(), parameters };
}

/** A copy of `document` with `value` at `pointer`, set by hand. */
function withValue(document: unknown, pointer: string, value: number): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  const segments = parsePointer(pointer);
  let node = copy;
  for (const segment of segments.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  node[segments[segments.length - 1]!] = value;
  return copy;
}

/** Whether the file format takes `value` at the parameter's pointer, by parsing the changed document with its schema. */
function formatTakes(parameter: Pick<TunableParameter, 'file' | 'pointer'>, value: number): boolean {
  if (parameter.file === 'birth-model') return value >= 0 && value <= 1;
  const { path, population } = documents();
  if (parameter.file === 'path') return safeParseData(CarePathSchema, withValue(path, parameter.pointer, value)).ok;
  return safeParseData(PopulationSchema, withValue(population, parameter.pointer, value)).ok;
}

describe('checkParameterRanges', () => {
  it('finds the bounds of the number each parameter tunes in the file format', () => {
    const ranges = POINTERS.map((p) => rangeWords(fieldRange(p, documents())!).en);
    expect(ranges).toEqual(['at least 0', 'any number', 'between 0 and 1', 'between 0 and 1', 'between 0 and 1']);
    // no number at the pointer: calibration's own overlay-pointer-missing and overlay-not-a-number say so
    expect(fieldRange({ file: 'path', pointer: '/steps/nergens/transitions/0/weight' }, documents())).toBeUndefined();
    expect(fieldRange({ file: 'path', pointer: '/steps/screening/label' }, documents())).toBeUndefined();
    expect(fieldRange({ file: 'birth-model', pointer: '/sgaGivenTwins' }, documents())).toBeUndefined();
  });

  it('refuses a range the number cannot take at its min or max, naming the allowed range in English and Dutch', () => {
    const diagnostics = checkParameterRanges(
      targetsWith({
        weight: { file: 'path', pointer: '/steps/screening/transitions/0/weight', min: -1e308, max: 1e308 },
        'stress-prevalence': { file: 'population', pointer: '/risks/stress/prevalence', min: 0.1, max: 1.5 },
        sga: { file: 'birth-model', pointer: '/sgaGivenTerm', min: -0.1, max: 2 },
        threshold: { file: 'path', pointer: '/steps/screening/transitions/0/when/all/1/lt', min: -1e308, max: 1e308 },
      }),
      documents(),
    );
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['parameter-range-not-allowed', '/parameters/weight/min'],
      ['parameter-range-not-allowed', '/parameters/stress-prevalence/max'],
      ['parameter-range-not-allowed', '/parameters/sga/min'],
      ['parameter-range-not-allowed', '/parameters/sga/max'],
      ['parameter-range-too-wide', '/parameters/threshold/max'],
    ]);
    const [weight, prevalence, , , threshold] = diagnostics;
    expect(weight!.message).toBe('Parameter "weight" starts its range at -1e+308, but the number it tunes (/steps/screening/transitions/0/weight in the path) must be at least 0.');
    expect(weight!.nl.message).toBe('Parameter "weight" begint zijn bereik bij -1e+308, maar het getal dat hij afstelt (/steps/screening/transitions/0/weight in het pad) moet minstens 0 zijn.');
    expect(weight!.nl.hint).toBe('Geef "min" een waarde die minstens 0 is: de kalibratie probeert waarden over het hele bereik van "min" tot "max".');
    expect(prevalence!.message).toBe('Parameter "stress-prevalence" ends its range at 1.5, but the number it tunes (/risks/stress/prevalence in the population) must be between 0 and 1.');
    expect(threshold!.nl.message).toBe('Het bereik van parameter "threshold", van -1e+308 tot 1e+308, is te breed om mee te rekenen: de afstand tussen de uiteinden is groter dan het grootste getal.');
    expect(checkParameterRanges(supportTargets(), documents())).toEqual([]);
  });

  it('accepts a range exactly when the file format takes both its ends and its width is a number (against the schemas themselves)', () => {
    const end = fc.oneof(
      fc.constantFrom(-Number.MAX_VALUE, -1e308, -1, -Number.MIN_VALUE, 0, Number.MIN_VALUE, 0.5, 1, 1 + Number.EPSILON, 2, 1e308, Number.MAX_VALUE),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -2, max: 2 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...POINTERS), end, end, (parameter, a, b) => {
        fc.pre(a < b);
        const found = checkParameterRanges(targetsWith({ p: { ...parameter, min: a, max: b } }), documents());
        const expected = formatTakes(parameter, a) && formatTakes(parameter, b) && Number.isFinite(b - a);
        expect(found.length === 0, `${parameter.pointer} ${a} … ${b}: ${found.map((d) => d.message).join('; ')}`).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('calibrating with a range the field cannot take', () => {
  it('is refused by the library too, before any simulation, with the range finding and not an invalid overlay', async () => {
    const { safeCalibrate, safeTargetSensitivity } = await import('../../src/simulate/calibrate/index.js');
    const targets = targetsWith({ weight: { file: 'path', pointer: '/steps/screening/transitions/0/weight', min: -1e308, max: 1e308 } });
    const { path, population } = documents();
    for (const result of [safeCalibrate(CarePathSchema.parse(path), targets, { population: PopulationSchema.parse(population), cohort: 200 }), safeTargetSensitivity(CarePathSchema.parse(path), targets, { population: PopulationSchema.parse(population), cohort: 200 })]) {
      expect(result.ok).toBe(false);
      const codes = result.diagnostics.map((d) => d.code);
      expect(codes).toContain('parameter-range-not-allowed');
      expect(codes).not.toContain('overlay-invalid-result');
      expect(result.diagnostics.find((d) => d.code === 'parameter-range-not-allowed')!.pointer).toBe('/parameters/weight/min');
    }
  });
});

describe('a parameter that tunes a whole number', () => {
  it('is refused at its pointer: the search tries values between whole numbers', async () => {
    const path = thresholdPath();
    path.steps.screening!.transitions![0]!.after = 7;
    const targets = targetsWith({ delay: { file: 'path', pointer: '/steps/screening/transitions/0/after', min: 0, max: 40 } });
    // the file format takes whole days only there, as its schema says
    expect(safeParseData(CarePathSchema, withValue(path, '/steps/screening/transitions/0/after', 7.5)).ok).toBe(false);
    const found = checkParameterRanges(targets, { path, population: stressPopulation(0.4) });
    expect(found.map((d) => [d.code, d.pointer])).toEqual([['parameter-whole-number', '/parameters/delay/pointer']]);
    expect(found[0]!.nl.message).toContain('alleen hele getallen');
    // a weight next to it is continuous: no finding
    expect(checkParameterRanges(targetsWith({ weight: { file: 'path', pointer: '/steps/screening/transitions/0/weight', min: 0, max: 1 } }), { path, population: stressPopulation(0.4) })).toEqual([]);
  });
});
