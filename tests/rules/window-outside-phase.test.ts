import { ruleTester, step } from './rule-tester.js';

ruleTester('window-outside-phase', {
  valid: [
    { name: 'a pregnancy window in weeks', steps: { a: step('contact', ['b'], { window: { from: { gw: 8 }, to: { gw: 12 } } }), b: step('outcome') } },
    { name: 'a late birth at 42 weeks is still pregnancy', steps: { a: step('contact', ['b'], { window: { from: { gw: 41 }, to: { gw: 42 } } }), b: step('outcome') } },
    { name: 'a window that overlaps its phase', steps: { a: step('contact', ['b'], { phase: 'postpartum', window: { from: { gw: 38 }, to: { ageDays: 10 } } }), b: step('outcome', [], { phase: 'postpartum' }) } },
    { name: 'preconception long before', steps: { a: step('contact', ['b'], { phase: 'preconception', window: { to: { monthsBeforeConception: 3 } } }), b: step('outcome') } },
    { name: 'an open window', steps: { a: step('contact', ['b'], { window: { from: { gw: 8 } } }), b: step('outcome') } },
  ],
  invalid: [
    {
      name: 'a pregnancy step at 4 to 9 months of age',
      steps: { a: step('contact', ['b'], { window: { from: { ageMonths: 4 }, to: { ageMonths: 9 } } }), b: step('outcome') },
      findings: [{ pointer: '/steps/a/window/from', params: { step: 'a', phase: 'pregnancy', window: '4 months of age – 9 months of age', windowNl: 'leeftijd 4 maanden – leeftijd 9 maanden', side: 'after' } }],
    },
    {
      name: 'an after-birth step in pregnancy weeks',
      steps: { a: step('contact', ['b'], { phase: 'postpartum', window: { to: { gw: 30 } } }), b: step('outcome', [], { phase: 'postpartum' }) },
      findings: [{ pointer: '/steps/a/window/to', params: { window: '… – gestational week 30', side: 'before' } }],
    },
    {
      name: 'a preconception step during pregnancy',
      steps: { a: step('contact', ['b'], { phase: 'preconception', window: { from: { gw: 10 }, to: { gw: 12 } } }), b: step('outcome') },
      findings: [{ pointer: '/steps/a/window/from', params: { phase: 'preconception', side: 'after' } }],
    },
  ],
});
