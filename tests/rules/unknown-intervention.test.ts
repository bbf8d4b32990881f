import { ruleTester, step } from './rule-tester.js';

const menukaart = {
  voorzorg: { label: { nl: 'VoorZorg' }, phases: ['pregnancy'], actor: 'a', recognition: 'effective-good-indications', source: 'x' },
};

ruleTester('unknown-intervention', {
  valid: [
    { name: 'an entry of the menukaart option', steps: { a: step('intervention', ['b'], { intervention: 'voorzorg' }), b: step('outcome') }, options: { menukaart } },
    { name: 'no menukaart known: names are not checked', steps: { a: step('intervention', ['b'], { intervention: 'anything' }), b: step('outcome') } },
  ],
  invalid: [
    {
      name: 'a misspelt entry',
      steps: { a: step('intervention', ['b'], { intervention: 'voorzrg' }), b: step('outcome') },
      options: { menukaart },
      findings: [{ pointer: '/steps/a/intervention', params: { intervention: 'voorzrg', suggestion: 'Did you mean "voorzorg"?' } }],
    },
    {
      name: 'checked against the path’s own interventions too',
      steps: { a: step('intervention', ['b'], { intervention: 'stevig' }), b: step('outcome') },
      extra: { interventions: menukaart },
      findings: [{ pointer: '/steps/a/intervention', params: { intervention: 'stevig' } }],
    },
  ],
});
