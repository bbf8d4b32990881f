import { ruleTester, step } from './rule-tester.js';

ruleTester('unreachable-step', {
  valid: [
    { name: 'a chain', steps: { a: step('contact', ['b']), b: step('contact', ['c']), c: step('outcome') } },
    { name: 'a cycle reached from the start', steps: { a: step('contact', ['b']), b: step('contact', ['a', 'c']), c: step('outcome') } },
  ],
  invalid: [
    {
      name: 'a step nobody leads to, and what only it leads to',
      steps: { a: step('contact', ['c']), b: step('contact', ['d']), c: step('outcome'), d: step('outcome') },
      findings: [{ pointer: '/steps/b', params: { step: 'b', initial: 'a' } }, { pointer: '/steps/d', params: { step: 'd' } }],
    },
    {
      name: 'behind a condition no client meets',
      steps: {
        a: step('contact', [{ to: 'b', when: { all: [{ hasRisk: 'debts' }, { not: { hasRisk: 'debts' } }] } }, 'c']),
        b: step('contact', ['c']),
        c: step('outcome'),
      },
      findings: [{ pointer: '/steps/b', params: { step: 'b' } }],
    },
  ],
});
