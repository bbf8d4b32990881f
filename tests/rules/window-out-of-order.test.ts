import { ruleTester, step } from './rule-tester.js';

ruleTester('window-out-of-order', {
  valid: [
    { name: 'windows in order', steps: { a: step('contact', ['b'], { window: { from: { gw: 12 } } }), b: step('contact', ['c'], { window: { to: { gw: 16 } } }), c: step('outcome') } },
    {
      name: 'another route avoids the late step',
      steps: { x: step('contact', ['a', 'b']), a: step('contact', ['b'], { window: { from: { gw: 20 } } }), b: step('contact', ['c'], { window: { to: { gw: 16 } } }), c: step('outcome') },
    },
  ],
  invalid: [
    {
      name: 'ends before a step every route passes has started',
      steps: { x: step('contact', ['a']), a: step('contact', ['y'], { window: { from: { gw: 20 } } }), y: step('decision', ['b']), b: step('contact', ['c'], { window: { to: { gw: 16 } } }), c: step('outcome') },
      findings: [{ pointer: '/steps/b/window/to', params: { step: 'b', predecessor: 'a', end: -168, start: -140, endText: 'gestational week 16', startText: 'gestational week 20' } }],
    },
    {
      name: 'the latest-starting dominator is named',
      steps: {
        a: step('contact', ['m'], { window: { from: { gw: 8 } } }),
        m: step('contact', ['b'], { window: { from: { gw: 24 } } }),
        b: step('contact', ['c'], { window: { to: { gw: 12 } } }),
        c: step('outcome'),
      },
      findings: [{ pointer: '/steps/b/window/to', params: { step: 'b', predecessor: 'm', start: -112 } }],
    },
  ],
});
