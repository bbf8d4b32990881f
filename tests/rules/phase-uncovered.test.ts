import { ruleTester, step } from './rule-tester.js';

const steps = {
  intake: step('contact', [{ to: 'extra', when: { not: { hasRisk: 'debts' } } }, 'control'], { window: { from: { gw: 6 }, to: { gw: 10 } } }),
  extra: step('contact', ['control'], { window: { from: { gw: 20 }, to: { gw: 22 } } }),
  control: step('contact', ['birth'], { window: { from: { gw: 30 }, to: { gw: 32 } } }),
  birth: step('outcome'),
};
const extra = { phases: ['pregnancy'] };

ruleTester('phase-uncovered', {
  valid: [
    { name: 'no stretch over the default limit', steps, extra },
    { name: 'the extra contact counts for the vulnerable group chosen', steps, extra, options: { phaseUncoveredDays: 100, vulnerable: { attr: 'age', lt: 20 } } },
    { name: 'a path without windows or delays has no timeline', steps: { a: step('contact', ['b']), b: step('outcome') }, extra },
  ],
  invalid: [
    {
      name: 'the extra contact is only for clients without risks',
      steps,
      extra,
      options: { phaseUncoveredDays: 100 },
      findings: [{ pointer: '/steps/intake', params: { from: -238, to: -70, days: 168, limit: 100, after: 'intake' } }],
    },
    {
      name: 'no contact from the start of the phase',
      steps: { first: step('contact', ['birth'], { window: { from: { gw: 30 } } }), birth: step('outcome') },
      extra,
      findings: [{ pointer: '/initial', params: { from: -266, to: -70, days: 196, limit: 183, after: null } }],
    },
  ],
});
