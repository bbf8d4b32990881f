import { ruleTester, step } from './rule-tester.js';

ruleTester('cycle-without-exit', {
  valid: [
    { name: 'a cycle with an exit', steps: { a: step('contact', ['b']), b: step('contact', ['a', 'c']), c: step('outcome') } },
    { name: 'a self-loop with an exit', steps: { a: step('contact', ['a', 'b']), b: step('outcome') } },
  ],
  invalid: [
    {
      name: 'two steps that only lead to each other',
      steps: { a: step('contact', ['b', 'd']), b: step('contact', ['c']), c: step('contact', ['b']), d: step('outcome') },
      findings: [{ pointer: '/steps/b', params: { steps: ['b', 'c'], count: 2 } }],
    },
    {
      name: 'a self-loop whose exit can never fire',
      steps: { a: step('contact', ['b', 'c']), b: step('wait', ['b', { to: 'c', when: { any: [] } }]), c: step('outcome') },
      findings: [{ pointer: '/steps/b', params: { steps: ['b'], count: 1 } }],
    },
  ],
});
