import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

ruleTester('signal-without-support', {
  valid: [
    { name: 'debts are signalled at the intake and addressed by the social team, reached by referral', household: household() },
    {
      name: 'support through a menukaart intervention',
      household: household((d) => {
        delete d.steps.schuldhulp!.addresses;
        d.steps.schuldhulp!.intervention = 'schuldhulp';
      }),
      options: { menukaart: { schuldhulp: { label: { nl: 'Schuldhulp' }, phases: ['pregnancy'], actor: 'wijkteam', recognition: 'well-described', addresses: ['schulden'] } } },
    },
  ],
  invalid: [
    {
      name: 'support that no household reaches: the referral is gone',
      household: household((d) => delete d.steps.intake!.refers),
      findings: [{ pointer: '/steps/intake/detects/schulden', params: { step: 'intake', risk: 'schulden' } }],
    },
    {
      name: 'a detected risk that nothing addresses',
      household: household((d) => (d.steps.hielprik!.detects = { 'huilbaby': 0.6 })),
      findings: [{ pointer: '/steps/hielprik/detects/huilbaby', params: { step: 'hielprik', risk: 'huilbaby' } }],
    },
  ],
});
