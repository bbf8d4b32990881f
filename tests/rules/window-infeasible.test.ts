import { ruleTester, step } from './rule-tester.js';

const late = {
  intake: step('contact', [{ to: 'voorzorg', after: 120 }], { window: { from: { gw: 12 }, to: { gw: 14 } } }),
  voorzorg: step('intervention', ['next'], { window: { to: { gw: 28 } } }),
  next: step('contact', ['end'], { window: { to: { gw: 20 } } }),
  end: step('outcome'),
};

ruleTester('window-infeasible', {
  valid: [
    { name: 'reached in time', steps: { ...late, intake: step('contact', [{ to: 'voorzorg', after: 60 }], { window: { from: { gw: 12 }, to: { gw: 14 } } }), next: step('contact', ['end']) } },
    { name: 'no windows at all', steps: { a: step('contact', [{ to: 'b', after: 300 }]), b: step('outcome') } },
  ],
  invalid: [
    {
      name: 'VoorZorg inclusion after 28 weeks on every route; steps behind it are not reported again',
      steps: late,
      findings: [{ pointer: '/steps/voorzorg/window/to', params: { step: 'voorzorg', earliest: -76, latest: -76, windowEnd: -84, windowEndText: 'gestational week 28', earliestText: 'gestational week 29.1' } }],
    },
    {
      name: 'a window that ends before it starts',
      // files refuse such a window when they are read (window-reversed); a path built in code can still hold one
      steps: { a: step('contact', ['b']), b: step('contact', ['c']), c: step('outcome') },
      mutate: (path) => void (path.steps['b']!.window = { from: { gw: 30 }, to: { gw: 20 } }),
      findings: [{ pointer: '/steps/b/window', params: { step: 'b', windowStart: -70, windowEnd: -140, windowStartText: 'gestational week 30', windowEndText: 'gestational week 20' } }],
    },
    {
      name: 'earliest and latest over two routes',
      steps: {
        a: step('contact', [{ to: 'b', after: 10 }, { to: 'b2', after: 30 }], { window: { from: { day: -100 }, to: { day: -100 } } }),
        b: step('contact', [{ to: 'late', after: 50 }]),
        b2: step('contact', [{ to: 'late', after: 50 }]),
        late: step('contact', ['end'], { window: { to: { day: -50 } } }),
        end: step('outcome'),
      },
      findings: [{ pointer: '/steps/late/window/to', params: { earliest: -40, latest: -20, windowEnd: -50 } }],
    },
  ],
});
