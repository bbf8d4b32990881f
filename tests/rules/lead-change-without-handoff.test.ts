import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

type Transition = { to: string; receiver?: string; handoff?: string };
const transitions = (d: { steps: Record<string, Record<string, unknown>> }, step: string) => d.steps[step]!.transitions as Transition[];

ruleTester('lead-change-without-handoff', {
  valid: [
    { name: 'the household fixture', household: household() },
    {
      name: 'a receiver of another organisation, with the transfer marked',
      household: household((d) => Object.assign(transitions(d, 'controles')[0]!, { receiver: 'jgz', handoff: 'warm' })),
    },
    {
      name: 'a receiver of the lead’s own organisation',
      household: household((d) => {
        const actors = d.actors as Record<string, Record<string, unknown>>;
        actors.verloskundige!.organisation = 'geboortezorg';
        actors.jgz!.organisation = 'geboortezorg';
        transitions(d, 'controles')[0]!.receiver = 'jgz';
      }),
    },
    {
      name: 'the lead passed by an earlier transfer to the organisation that now receives',
      household: household((d) => {
        Object.assign(transitions(d, 'intake')[0]!, { receiver: 'jgz', handoff: 'cold' });
        transitions(d, 'controles')[0]!.receiver = 'jgz';
      }),
    },
  ],
  invalid: [
    {
      name: 'the midwife leads, and the family is passed to youth health care without "handoff"',
      household: household((d) => (transitions(d, 'controles')[0]!.receiver = 'jgz')),
      findings: [{ pointer: '/steps/controles/transitions/0', params: { track: 'zorg', from: 'controles', to: 'bevalling', receiver: 'jgz', lead: 'verloskundige', leadOrganisation: 'verloskundige' } }],
    },
    {
      name: 'a step of kind handoff names the receiver',
      household: household((d) => Object.assign(d.steps.controles!, { kind: 'handoff', receiver: 'wijkteam' }) && (transitions(d, 'intake')[0]!.to = 'controles')),
      findings: [{ pointer: '/steps/intake/transitions/0', params: { receiver: 'wijkteam', lead: 'verloskundige' } }],
    },
  ],
});
