import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

type Transition = { to: string; on?: string };
const transitions = (d: { steps: Record<string, Record<string, unknown>> }, step: string) => d.steps[step]!.transitions as Transition[];

ruleTester('awaited-event-never-emitted', {
  valid: [
    { name: 'the household fixture: the child track starts on BIRTH, which a reachable step emits', household: household() },
    {
      name: 'the social track waits for BIRTH, which the maternity track emits',
      household: household((d) => (transitions(d, 'wijkteam-intake')[0]!.on = 'BIRTH')),
    },
    {
      name: 'an event from outside the household that no step emits and that looks like no household event (version 1 meaning)',
      household: household((d) => (transitions(d, 'controles')[0]!.on = 'PREGNANCY_CONFIRMED')),
    },
  ],
  invalid: [
    {
      name: 'the maternity track waits for the birth that only its own later step emits; the child track then never starts either',
      household: household((d) => (transitions(d, 'controles')[0]!.on = 'BIRTH')),
      findings: [
        { pointer: '/steps/controles/transitions/0/on', params: { step: 'controles', to: 'bevalling', event: 'BIRTH', track: 'zorg' } },
        { pointer: '/tracks/jgz/startsOn', params: { track: 'jgz', event: 'BIRTH' } },
      ],
    },
    {
      name: 'a misspelt household event is taken without waiting, with the emitted event suggested',
      household: household((d) => (transitions(d, 'wijkteam-intake')[0]!.on = 'BIRHT')),
      findings: [{ pointer: '/steps/wijkteam-intake/transitions/0/on', params: { event: 'BIRHT', suggestion: ', or did you mean BIRTH?', track: 'sociaal' } }],
    },
    {
      name: 'a wait for BIRTH on a path where no step emits it',
      household: household((d) => {
        delete d.steps.bevalling!.emits;
        delete d.tracks.jgz!.startsOn;
        transitions(d, 'wijkteam-intake')[0]!.on = 'BIRTH';
      }),
      findings: [{ pointer: '/steps/wijkteam-intake/transitions/0/on', params: { event: 'BIRTH', suggestion: '' } }],
    },
  ],
});
