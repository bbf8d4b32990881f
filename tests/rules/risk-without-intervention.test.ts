import { household } from './household-cases.js';
import { ruleTester, step } from './rule-tester.js';

type Data = Record<string, unknown>;
/** The fixture's referral from the intake to the social team (where debt counselling addresses schulden). */
const referral = (d: { steps: Record<string, Data> }) => (d.steps.intake!.refers as Data[])[0]!;

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
    // the intake refers households with schulden signalled to the social team, in another track
    { name: 'a household path: support in another track, referred to when the risk is signalled', household: household() },
    {
      name: 'a household path with no step that addresses the risk (signal-without-support says so)',
      household: household((d) => delete d.steps.schuldhulp!.addresses),
    },
    {
      name: 'a household path where the condition on the referral is one that households with the risk can meet',
      household: household((d) => (referral(d).when = { any: [{ hasRisk: 'schulden' }, { attr: 'age', lt: 20 }] })),
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
    {
      name: 'a household path where only households without the risk are referred to the support',
      household: household((d) => (referral(d).when = { not: { hasRisk: 'schulden' } })),
      findings: [{ pointer: '/steps/intake/detects/schulden', params: { step: 'intake', risk: 'schulden' } }],
    },
    {
      name: 'a household path where a transition on the way to the support shuts out households with the risk, at every step that detects it',
      household: household((d) => {
        d.steps['wijkteam-intake']!.transitions = [{ to: 'schuldhulp', when: { not: { hasRisk: 'schulden' } } }, { to: 'sociaal-klaar' }];
        d.steps.hielprik!.detects = { schulden: 0.2 };
      }),
      findings: [
        { pointer: '/steps/hielprik/detects/schulden', params: { step: 'hielprik', risk: 'schulden' } },
        { pointer: '/steps/intake/detects/schulden', params: { step: 'intake', risk: 'schulden' } },
      ],
    },
  ],
});
