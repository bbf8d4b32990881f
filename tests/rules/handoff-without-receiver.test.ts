import { ruleTester, step } from './rule-tester.js';

const actors = { wt: { label: { nl: 'Wijkteam' }, domain: 'social' } };

ruleTester('handoff-without-receiver', {
  valid: [
    { name: 'the target step’s actor receives', steps: { a: step('contact', [{ to: 'b', handoff: 'warm' }], { actor: 'a' }), b: step('contact', ['c'], { actor: 'wt' }), c: step('outcome') }, extra: { actors } },
    { name: 'a named contact', steps: { a: step('contact', [{ to: 'b', handoff: 'cold', contact: 'Loket Wijkteam' }], { actor: 'a' }), b: step('wait', ['c']), c: step('outcome') }, extra: { actors } },
    { name: 'a handoff step with its receiver', steps: { a: step('contact', ['h'], { actor: 'a' }), h: step('handoff', ['c'], { actor: 'a', receiver: 'wt' }), c: step('outcome') }, extra: { actors } },
  ],
  invalid: [
    {
      name: 'a marked handoff into a step without an actor',
      steps: { a: step('contact', [{ to: 'b', handoff: 'warm' }], { actor: 'a' }), b: step('wait', ['c']), c: step('outcome') },
      extra: { actors },
      findings: [{ pointer: '/steps/a/transitions/0', params: { from: 'a', to: 'b', sender: 'a' } }],
    },
    {
      name: 'a handoff step that names no receiver',
      steps: { a: step('contact', ['h'], { actor: 'a' }), h: step('handoff', ['c'], { actor: 'a' }), c: step('outcome') },
      extra: { actors },
      findings: [{ pointer: '/steps/a/transitions/0', params: { from: 'a', to: 'h' } }],
    },
  ],
});
