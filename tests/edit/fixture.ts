import { safeParseCarePathData, type CarePath, type CarePathInput } from '../../src/model/index.js';

/** A small valid path: intake → screening → (support | done), with two actors. */
export const SMALL_PATH: CarePathInput = {
  schemaVersion: 1,
  id: 'test/small',
  version: '1.0.0',
  title: { nl: 'Klein pad', en: 'Small path' },
  actors: {
    verloskundige: { label: { nl: 'Verloskundige', en: 'Midwife' }, domain: 'medical' },
    wijkteam: { label: { nl: 'Wijkteam', en: 'Neighbourhood team' }, domain: 'social' },
  },
  initial: 'intake',
  steps: {
    intake: {
      kind: 'contact',
      phase: 'pregnancy',
      actor: 'verloskundige',
      label: { nl: 'Intake', en: 'Intake' },
      window: { from: { gw: 6 }, to: { gw: 10 } },
      transitions: [{ to: 'screening' }],
    },
    screening: {
      kind: 'screening',
      phase: 'pregnancy',
      actor: 'verloskundige',
      label: { nl: 'Signalering', en: 'Screening' },
      transitions: [
        { to: 'support', on: 'RISK_SIGNALLED', when: { hasRisk: 'debts' }, handoff: 'warm' },
        { to: 'done', weight: 0.8 },
      ],
    },
    support: {
      kind: 'intervention',
      phase: 'pregnancy',
      actor: 'wijkteam',
      label: { nl: 'Steun', en: 'Support' },
      addresses: ['debts'],
      transitions: [{ to: 'done' }],
    },
    done: { kind: 'outcome', phase: 'postpartum', label: { nl: 'Klaar', en: 'Done' } },
  },
};

/** Parses a path input, failing the test when it is not valid. */
export function parsed(input: CarePathInput = SMALL_PATH): CarePath {
  const result = safeParseCarePathData(structuredClone(input));
  if (!result.ok) throw new Error('fixture is invalid: ' + JSON.stringify(result.diagnostics, null, 2));
  return result.value;
}
