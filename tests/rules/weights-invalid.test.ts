import { ruleTester, step } from './rule-tester.js';

ruleTester('weights-invalid', {
  valid: [
    { name: 'default and positive weights', steps: { a: step('contact', ['b', { to: 'c', weight: 0.2 }]), b: step('outcome'), c: step('outcome') } },
    { name: 'one zero among others', steps: { a: step('contact', [{ to: 'b', weight: 0 }, 'c']), b: step('outcome'), c: step('outcome') } },
  ],
  invalid: [
    {
      name: 'negative, not finite, or not a number (a path built in code)',
      steps: { a: step('contact', ['b', 'c', 'd']), b: step('outcome'), c: step('outcome'), d: step('outcome') },
      mutate: (path) => {
        const [t0, t1, t2] = path.steps.a!.transitions;
        t0!.weight = -1;
        t1!.weight = Number.NaN;
        (t2 as { weight?: unknown }).weight = '0.5';
      },
      findings: [
        { pointer: '/steps/a/transitions/0/weight', params: { step: 'a', to: 'b', weight: '-1' } },
        { pointer: '/steps/a/transitions/1/weight', params: { to: 'c', weight: 'null' } },
        { pointer: '/steps/a/transitions/2/weight', params: { to: 'd', weight: '"0.5"' } },
      ],
    },
    {
      name: 'all weights zero',
      steps: { a: step('contact', [{ to: 'b', weight: 0 }, { to: 'c', weight: 0 }]), b: step('outcome'), c: step('outcome') },
      findings: [{ pointer: '/steps/a/transitions', params: { step: 'a', count: 2 } }],
    },
  ],
});
