import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

ruleTester('signalled-never-detected', {
  valid: [{ name: 'the referral waits for a risk the intake detects', household: household() }],
  invalid: [
    {
      name: 'conditions on risks that no step detects, in a referral and (nested) in a transition',
      household: household((d) => {
        (d.steps.intake!.refers as Record<string, unknown>[])[0]!.when = { signalled: 'huiselijk-geweld' };
        d.steps.controles!.transitions = [{ to: 'bevalling', when: { not: { any: [{ signalled: 'verslaving' }, { signalled: 'schulden' }] } } }, { to: 'bevalling' }];
      }),
      findings: [
        { pointer: '/steps/controles/transitions/0/when', params: { risk: 'verslaving' } },
        { pointer: '/steps/intake/refers/0/when', params: { risk: 'huiselijk-geweld' } },
      ],
    },
    {
      name: 'a misspelt risk, with the detected risk it most likely means',
      household: household((d) => {
        (d.steps.intake!.refers as Record<string, unknown>[])[0]!.when = { signalled: 'schuldn' };
      }),
      findings: [{ pointer: '/steps/intake/refers/0/when', params: { risk: 'schuldn', suggestion: 'schulden' } }],
    },
  ],
});
