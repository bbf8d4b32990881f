import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

ruleTester('start-event-never-emitted', {
  valid: [{ name: 'the child track starts on BIRTH, which the birth step emits', household: household() }],
  invalid: [
    {
      name: 'a track that starts on an event nobody raises, with the closest emitted event suggested',
      household: household((d) => (d.tracks.jgz!.startsOn = 'BIRHT')),
      findings: [{ pointer: '/tracks/jgz/startsOn', params: { track: 'jgz', event: 'BIRHT', suggestion: ', or did you mean BIRTH?' } }],
    },
  ],
});
