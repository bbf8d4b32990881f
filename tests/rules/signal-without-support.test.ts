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
    {
      name: 'a risk nothing declares: a typo that unknown-key names, with no advice to build on it',
      household: household((d) => (d.steps.intake!.detects = { schulden: 0.5, schuldn: 0.3 })),
    },
  ],
  invalid: [
    {
      name: 'support that no household reaches: the referral is gone',
      household: household((d) => delete d.steps.intake!.refers),
      findings: [{ pointer: '/steps/intake/detects/schulden', params: { step: 'intake', risk: 'schulden' } }],
    },
    {
      name: 'a declared risk that a step detects and nothing addresses',
      household: household((d) => {
        (d.risks as Record<string, unknown>).huilbaby = { label: { nl: 'Huilbaby' }, member: 'household' };
        d.steps.hielprik!.detects = { huilbaby: 0.6 };
      }),
      findings: [{ pointer: '/steps/hielprik/detects/huilbaby', params: { step: 'hielprik', risk: 'huilbaby' } }],
    },
  ],
});
