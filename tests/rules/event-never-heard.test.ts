import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

ruleTester('event-never-heard', {
  valid: [
    { name: 'BIRTH starts the child track', household: household() },
    {
      name: 'a transition waits for the event',
      household: household((d) => {
        d.steps.controles!.emits = 'DOSSIER_KLAAR';
        d.steps.schuldhulp!.transitions = [{ to: 'sociaal-klaar', on: 'DOSSIER_KLAAR' }];
      }),
    },
  ],
  invalid: [
    {
      name: 'an event nothing waits for, alone and in a list',
      household: household((d) => {
        d.steps.controles!.emits = 'ECHO_GEDAAN';
        d.steps.bevalling!.emits = ['BIRTH', 'KRAAMZORG'];
      }),
      findings: [
        { pointer: '/steps/bevalling/emits/1', params: { step: 'bevalling', event: 'KRAAMZORG' } },
        { pointer: '/steps/controles/emits', params: { step: 'controles', event: 'ECHO_GEDAAN' } },
      ],
    },
  ],
});
