/*
 * 02 — Define a typed path in TypeScript.
 * definePath() infers the step ids, actor ids and event names as literal types: a transition to a
 * misspelt step does not compile. At run time the path is checked like a file, and a bad path
 * throws one ZorgpadenError that lists every problem. Run: node --import tsx examples/02-define-path-typed.ts
 */
import { createJourney, definePath, validatePath, ZorgpadenError, type StepIdOf } from 'zorgpaden';

const path = definePath({
  schemaVersion: 1,
  id: 'mijn-gemeente/zwangerschap',
  version: '1.0.0',
  title: { nl: 'Zwangerschap', en: 'Pregnancy' },
  actors: {
    verloskundige: { label: { nl: 'Verloskundige', en: 'Midwife' }, domain: 'medical' },
    jgz: { label: { nl: 'Jeugdgezondheidszorg', en: 'Youth health care' }, domain: 'medical' },
  },
  initial: 'intake',
  steps: {
    intake: {
      kind: 'screening', phase: 'pregnancy', actor: 'verloskundige', signals: ['debts'],
      label: { nl: 'Intake', en: 'Intake' }, window: { from: { gw: 6 }, to: { gw: 10 } },
      transitions: [
        { to: 'huisbezoek', on: 'RISK_SIGNALLED', when: { hasRisk: 'debts' }, handoff: 'warm', receiver: 'jgz' },
        { to: 'geboorte', when: { not: { hasRisk: 'debts' } } },
      ],
    },
    huisbezoek: {
      kind: 'intervention', phase: 'pregnancy', actor: 'jgz', addresses: ['debts'],
      label: { nl: 'Prenataal huisbezoek', en: 'Prenatal home visit' }, transitions: [{ to: 'geboorte' }],
    },
    geboorte: { kind: 'outcome', phase: 'postpartum', result: 'good', label: { nl: 'Geboorte', en: 'Birth' } },
  },
});

// the step ids are a type: 'intake' | 'huisbezoek' | 'geboorte'
const first: StepIdOf<typeof path> = path.initial;
// @ts-expect-error -- 'huisbezeok' is not a step of this path, so this line does not compile
const misspelt: StepIdOf<typeof path> = 'huisbezeok';
console.log(`steps: ${Object.keys(path.steps).join(', ')} (first: ${first}; rejected by the compiler: ${misspelt})`);
const findings = validatePath(path).diagnostics;
console.log(`validation findings: ${findings.map((d) => `${d.severity} ${d.code}`).join(', ') || 'none'}`);

const journey = createJourney(path, { risks: ['debts'] });
journey.send({ type: 'RISK_SIGNALLED' });
console.log(`a client with debts goes to: ${journey.step}`);

// at run time a path that TypeScript cannot check (e.g. built from data) throws with every problem
try {
  definePath({ schemaVersion: 1, id: 'kapot', version: '1.0.0', title: { nl: 'Kapot' }, initial: 'a', steps: { a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'A' }, window: { from: { gw: 50 } } } } });
} catch (error) {
  if (!(error instanceof ZorgpadenError)) throw error;
  console.log(`ZorgpadenError: ${error.message.split('\n')[0]} codes: ${error.diagnostics.map((d) => d.code).join(', ')}`);
}
