import { PopulationSchema, TargetsSchema, type Population, type Targets, type TargetsInput } from '../../src/model/index.js';
import { parsePath } from '../simulate/fixtures.js';

const label = (text: string) => ({ nl: text, en: text });

/** A population where the prevalence of stress is the parameter to recover. */
export const stressPopulation = (prevalence: number): Population =>
  PopulationSchema.parse({
    schemaVersion: 1,
    kind: 'population',
    id: 'test/stress',
    version: '1.0.0',
    title: label('Stress'),
    attributes: { firstPregnancy: { type: 'boolean', p: 0.4 } },
    risks: { stress: { label: label('Stress'), prevalence } },
  });

/** A path where clients with stress go on to support with weight `w` against 1 for usual care. */
export const supportPath = (w: number) =>
  parsePath({
    schemaVersion: 1,
    id: 'test/support',
    version: '1.0.0',
    title: label('Support'),
    actors: { midwife: { label: label('Midwife'), domain: 'medical' }, team: { label: label('Team'), domain: 'social' } },
    initial: 'intake',
    steps: {
      intake: { kind: 'contact', phase: 'pregnancy', actor: 'midwife', label: label('Intake'), transitions: [{ to: 'screening' }] },
      screening: {
        kind: 'screening',
        phase: 'pregnancy',
        actor: 'midwife',
        label: label('Screening'),
        signals: ['stress'],
        transitions: [
          { to: 'support', when: { hasRisk: 'stress' }, weight: w },
          { to: 'usual', weight: 1 },
        ],
      },
      support: { kind: 'intervention', phase: 'pregnancy', actor: 'team', label: label('Support'), addresses: ['stress'], transitions: [{ to: 'birth' }] },
      usual: { kind: 'contact', phase: 'pregnancy', actor: 'midwife', label: label('Usual care'), transitions: [{ to: 'birth' }] },
      birth: { kind: 'outcome', phase: 'postpartum', label: label('Birth'), result: 'good' },
    },
  });

export const TRUE_WEIGHT = 1.5;
export const TRUE_PREVALENCE = 0.2;

/** Targets whose values follow analytically from the true weight and prevalence. */
export function supportTargets(extra: Partial<TargetsInput['targets']> = {}): Targets {
  return TargetsSchema.parse({
    schemaVersion: 1,
    kind: 'targets',
    id: 'test/support-targets',
    version: '1.0.0',
    title: label('Support targets'),
    targets: {
      'stress-share': { label: label('Share with stress'), measure: { numerator: { hasRisk: 'stress' } }, value: TRUE_PREVALENCE, tolerance: 0.01, status: 'assumption' },
      'support-reach': {
        label: label('Support among stressed'),
        measure: { numerator: { reached: 'support' }, denominator: { hasRisk: 'stress' } },
        value: TRUE_WEIGHT / (TRUE_WEIGHT + 1),
        tolerance: 0.02,
        status: 'assumption',
      },
      ...extra,
    },
    parameters: {
      'support-weight': { file: 'path', pointer: '/steps/screening/transitions/0/weight', min: 0.1, max: 5 },
      'stress-prevalence': { file: 'population', pointer: '/risks/stress/prevalence', min: 0.01, max: 0.6 },
    },
  });
}
