// The app loop of docs/guide/embedding.md on a definePath path, as an app compiles it against the
// built package's types: under `strict` and `exactOptionalPropertyTypes` (tsconfig.json beside this
// file; tests/dist/app-loop.test.ts runs tsc on it).
import { createJourney, definePath, type JourneyEntry } from 'zorgpaden';

const path = definePath({
  schemaVersion: 1,
  id: 'app-loop',
  version: '1.0.0',
  title: { nl: 'App' },
  actors: { jgz: { label: { nl: 'JGZ' }, domain: 'medical' } },
  initial: 'intake',
  steps: {
    intake: { kind: 'contact', phase: 'pregnancy', actor: 'jgz', label: { nl: 'Intake' }, transitions: [{ to: 'steun', on: 'RISK_SIGNALLED', when: { hasRisk: 'debts' } }, { to: 'klaar' }] },
    steun: { kind: 'intervention', phase: 'pregnancy', actor: 'jgz', label: { nl: 'Steun' }, transitions: [{ to: 'klaar', after: 7 }] },
    klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
  },
});

const journey = createJourney(path, { risks: ['debts'], attributes: { age: 19 } });
journey.subscribe((context) => console.log('now in', context.step));
const [next] = journey.available();
if (next && journey.can({ type: next.event, index: next.index })) journey.send({ type: next.event, index: next.index });
if (next && journey.can({ type: next.event, to: next.to })) journey.send({ type: next.event, to: next.to });
while (!journey.done && journey.available().length > 0) journey.send({ type: journey.available()[0]!.event });

const steps: ('intake' | 'steun' | 'klaar')[] = journey.history.map((entry) => entry.step);
const last: JourneyEntry<typeof path> | undefined = journey.history.at(-1);
if (last?.event === 'RISK_SIGNALLED' && journey.matches('klaar')) console.log(steps, last.from);
const saved = JSON.stringify(journey.persist());
const again = createJourney(path, undefined, { snapshot: JSON.parse(saved) as unknown });
console.log(again.step === journey.step);
