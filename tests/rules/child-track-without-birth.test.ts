import { household } from './household-cases.js';
import { ruleTester } from './rule-tester.js';

ruleTester('child-track-without-birth', {
  valid: [
    { name: 'a child track on a path whose birth step emits BIRTH', household: household() },
    {
      name: 'no child track, and no birth',
      household: household((d) => {
        delete d.steps.bevalling!.emits;
        d.tracks.jgz!.member = 'ouder';
        delete d.tracks.jgz!.startsOn;
      }),
    },
  ],
  invalid: [
    {
      name: 'a child track on a path where no step emits BIRTH',
      household: household((d) => {
        d.steps.bevalling!.emits = 'BEVALLING';
        d.tracks.jgz!.startsOn = 'BEVALLING';
      }),
      findings: [{ pointer: '/tracks/jgz/member', params: { track: 'jgz', member: 'kind' } }],
    },
  ],
});
