import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

ruleTester('unknown-track', {
  valid: [{ name: 'every step is in a track of the path', household: household() }],
  invalid: [
    {
      name: 'a misspelt track gets a did-you-mean hint',
      household: household((d) => (d.steps.controles!.track = 'zrog')),
      findings: [{ pointer: '/steps/controles/track', params: { step: 'controles', track: 'zrog', suggestion: 'Did you mean "zorg"?' } }],
    },
  ],
});
