import { PopulationSchema, safeParseCarePathData, type CarePath, type Population, type PopulationInput } from '../../src/model/index.js';

/** Parses a path fixture, failing loudly when it is not valid. */
export function parsePath(data: unknown): CarePath {
  const result = safeParseCarePathData(data);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.value;
}

const label = (text: string) => ({ nl: text, en: text });

/** A small population with a conditional attribute and conditional prevalences. */
export const populationInput: PopulationInput = {
  schemaVersion: 1,
  kind: 'population',
  id: 'test/population',
  version: '1.0.0',
  title: label('Test population'),
  attributes: {
    age: { type: 'number', bins: [{ min: 16, max: 19, weight: 1 }, { min: 20, max: 34, weight: 6 }, { min: 35, max: 44, weight: 2 }] },
    firstPregnancy: { type: 'boolean', p: 0.45, given: [{ when: { attr: 'age', lt: 20 }, p: 0.9 }] },
    education: { type: 'categorical', values: { low: 1, middle: 2, high: 2 } },
  },
  risks: {
    'financial-stress': { label: label('Financial stress'), prevalence: 0.12, given: [{ when: { all: [{ attr: 'age', lt: 20 }, { attr: 'firstPregnancy', eq: true }] }, prevalence: 0.4 }] },
    smoking: { label: label('Smoking'), prevalence: 0.08, given: [{ when: { attr: 'education', eq: 'low' }, prevalence: 0.2 }] },
    'domestic-violence': { label: label('Domestic violence'), prevalence: 0.03 },
  },
  protections: {
    'social-network': { label: label('Social network'), prevalence: 0.7, given: [{ when: { hasRisk: 'financial-stress' }, prevalence: 0.4 }] },
  },
};

export const population: Population = PopulationSchema.parse(populationInput);

/** A pregnancy path with screening, conditional support, windows, delays, a cycle and a dead end. */
export const pathInput = {
  schemaVersion: 1,
  id: 'test/pregnancy',
  version: '1.0.0',
  title: label('Test pregnancy'),
  actors: {
    midwife: { label: label('Midwife'), domain: 'medical' },
    team: { label: label('Social team'), domain: 'social' },
  },
  initial: 'intake',
  steps: {
    intake: { kind: 'contact', phase: 'pregnancy', actor: 'midwife', label: label('Intake'), window: { from: { gw: 6 }, to: { gw: 12 } }, transitions: [{ to: 'screening', after: 14 }] },
    screening: {
      kind: 'screening',
      phase: 'pregnancy',
      actor: 'midwife',
      label: label('Screening'),
      signals: ['financial-stress', 'domestic-violence'],
      transitions: [
        { to: 'budget', on: 'RISK_SIGNALLED', when: { hasRisk: 'financial-stress' }, handoff: 'warm', weight: 3, after: 7 },
        { to: 'safe-home', on: 'RISK_SIGNALLED', when: { hasRisk: 'domestic-violence' }, handoff: 'cold', after: 3 },
        { to: 'quit-smoking', when: { all: [{ hasRisk: 'smoking' }, { not: { hasProtection: 'social-network' } }] } },
        { to: 'checkup', weight: 2 },
      ],
    },
    budget: { kind: 'intervention', phase: 'pregnancy', actor: 'team', label: label('Budget help'), addresses: ['financial-stress'], transitions: [{ to: 'checkup', after: 10 }] },
    'safe-home': { kind: 'intervention', phase: 'pregnancy', actor: 'team', label: label('Safe home'), addresses: ['domestic-violence'], window: { to: { gw: 30 } }, transitions: [{ to: 'checkup' }] },
    'quit-smoking': { kind: 'intervention', phase: 'pregnancy', actor: 'midwife', label: label('Quit smoking'), addresses: ['smoking'], transitions: [{ to: 'checkup', weight: 1 }, { to: 'quit-smoking', weight: 1, after: 7 }] },
    checkup: {
      kind: 'contact',
      phase: 'pregnancy',
      actor: 'midwife',
      label: label('Check-up'),
      window: { from: { gw: 24 }, to: { gw: 41 } },
      transitions: [
        { to: 'birth', weight: 9 },
        { to: 'lost', weight: 1 },
        { to: 'late', when: { attr: 'age', gte: 40 } },
      ],
    },
    late: { kind: 'wait', phase: 'pregnancy', label: label('Late'), transitions: [] },
    lost: { kind: 'contact', phase: 'pregnancy', actor: 'midwife', label: label('Lost'), window: { to: { gw: 20 } }, transitions: [{ to: 'birth' }] },
    birth: { kind: 'outcome', phase: 'postpartum', label: label('Birth'), window: { from: { day: 0 } }, result: 'good' },
  },
};

export const path: CarePath = parsePath(pathInput);
