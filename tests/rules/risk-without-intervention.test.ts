import { ruleTester, step } from './rule-tester.js';

ruleTester('risk-without-intervention', {
  valid: [
    {
      name: 'a support step addresses the risk',
      steps: { s: step('screening', [{ to: 'w', when: { hasRisk: 'debts' } }, 'end'], { signals: ['debts'] }), w: step('intervention', ['end'], { addresses: ['debts'] }), end: step('outcome') },
    },
    {
      name: 'the menukaart entry addresses it',
      steps: { s: step('screening', ['w', 'end'], { signals: ['debts'] }), w: step('intervention', ['end'], { intervention: 'schuldhulp' }), end: step('outcome') },
      options: { menukaart: { schuldhulp: { label: { nl: 'S' }, phases: ['pregnancy'], actor: 'a', recognition: 'regular-care', addresses: ['debts'] } } },
    },
  ],
  invalid: [
    {
      name: 'the route to support excludes clients with the risk; a second risk has no support at all',
      steps: {
        s: step('screening', [{ to: 'w', when: { not: { hasRisk: 'debts' } } }, 'end'], { signals: ['debts', 'violence'] }),
        w: step('intervention', ['end'], { addresses: ['debts'] }),
        end: step('outcome'),
      },
      findings: [
        { pointer: '/steps/s/signals/0', params: { step: 's', risk: 'debts' } },
        { pointer: '/steps/s/signals/1', params: { step: 's', risk: 'violence' } },
      ],
    },
    {
      name: 'support exists but only before the signal',
      steps: { w: step('intervention', ['s'], { addresses: ['debts'] }), s: step('screening', ['end'], { signals: ['debts'] }), end: step('outcome') },
      findings: [{ pointer: '/steps/s/signals/0', params: { risk: 'debts' } }],
    },
  ],
});
