import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

ruleTester('referral-into-own-track', {
  valid: [{ name: 'a referral into another track', household: household() }],
  invalid: [
    {
      name: 'a referral to a step of the same track',
      household: household((d) => ((d.steps.intake!.refers as Record<string, unknown>[])[0]!.to = 'controles')),
      findings: [{ pointer: '/steps/intake/refers/0/to', params: { from: 'intake', to: 'controles', track: 'zorg' } }],
    },
  ],
});
