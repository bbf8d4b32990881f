import { ruleTester, step } from './rule-tester.js';

ruleTester('unknown-actor', {
  valid: [{ name: 'declared actors', steps: { a: step('contact', [{ to: 'b', receiver: 'a' }], { actor: 'a' }), b: step('outcome') } }],
  invalid: [
    {
      name: 'a step actor, a handoff receiver and a transition receiver',
      steps: {
        a: step('handoff', [{ to: 'b', receiver: 'wijkteem' }], { actor: 'verloskundig', receiver: 'x' }),
        b: step('outcome'),
      },
      extra: { actors: { verloskundige: { label: { nl: 'V' }, domain: 'medical' }, wijkteam: { label: { nl: 'W' }, domain: 'social' } } },
      findings: [
        { pointer: '/steps/a/actor', params: { actor: 'verloskundig', suggestion: 'Did you mean "verloskundige"?' } },
        { pointer: '/steps/a/receiver', params: { actor: 'x' } },
        { pointer: '/steps/a/transitions/0/receiver', params: { actor: 'wijkteem', suggestion: 'Did you mean "wijkteam"?' } },
      ],
    },
  ],
});
