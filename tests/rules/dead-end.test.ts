import { ruleTester, step } from './rule-tester.js';

ruleTester('dead-end', {
  valid: [
    { name: 'every non-outcome has a way out', steps: { a: step('contact', ['b']), b: step('wait', ['c']), c: step('outcome') } },
    { name: 'a weight of 0 can still fire on an event', steps: { a: step('contact', [{ to: 'b', weight: 0, source: 's' }]), b: step('outcome') } },
    { name: 'a satisfiable condition', steps: { a: step('contact', [{ to: 'b', when: { attr: 'age', lt: 20 } }]), b: step('outcome') } },
  ],
  invalid: [
    {
      name: 'no transitions',
      steps: { a: step('contact', ['b']), b: step('screening') },
      findings: [{ pointer: '/steps/b', params: { step: 'b' } }],
    },
    {
      name: 'only contradictory conditions',
      steps: {
        a: step('contact', [
          { to: 'b', when: { all: [{ attr: 'age', lt: 18 }, { attr: 'age', gte: 18 }] } },
          { to: 'b', when: { any: [] } },
        ]),
        b: step('outcome'),
      },
      findings: [{ pointer: '/steps/a/transitions', params: { step: 'a', count: 2 } }],
    },
  ],
});
