import { ruleTester, step } from './rule-tester.js';

ruleTester('phase-order', {
  valid: [
    { name: 'forward through the phases', steps: { a: step('contact', ['b'], { phase: 'preconception' }), b: step('contact', ['c']), c: step('outcome', [], { phase: 'postpartum' }) } },
    {
      name: 'back to pregnancy marked as a new pregnancy',
      steps: { a: step('contact', ['b']), b: step('contact', [{ to: 'a', newPregnancy: true }, 'c'], { phase: 'postpartum' }), c: step('outcome', [], { phase: 'postpartum' }) },
    },
  ],
  invalid: [
    {
      name: 'after birth back to pregnancy',
      steps: { a: step('contact', ['b']), b: step('contact', ['a', 'c'], { phase: 'postpartum' }), c: step('outcome', [], { phase: 'postpartum' }) },
      findings: [{ pointer: '/steps/b/transitions/0', params: { from: 'b', to: 'a', fromPhase: 'postpartum', toPhase: 'pregnancy' } }],
    },
  ],
});
