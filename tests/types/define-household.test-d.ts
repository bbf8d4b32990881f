import { describe, expectTypeOf, it } from 'vitest';
import { defineHouseholdPath, type HouseholdEventOf, type HouseholdPath, type HouseholdStepIdOf, type TrackIdOf } from '../../src/model/index.js';

const l = { nl: 'x' };
const path = defineHouseholdPath({
  schemaVersion: 2,
  id: 'demo',
  version: '1.0.0',
  title: l,
  members: { ouder: { role: 'parent', label: l }, kind: { role: 'child', label: l } },
  tracks: {
    zorg: { label: l, member: 'ouder', initial: 'intake' },
    sociaal: { label: l, member: 'household' },
    jgz: { label: l, member: 'kind', initial: 'hielprik', startsOn: 'BIRTH' },
  },
  steps: {
    intake: { kind: 'contact', phase: 'pregnancy', track: 'zorg', label: l, detects: { schulden: 0.5 }, refers: [{ to: 'wijkteam', when: { signalled: 'schulden' } }], transitions: [{ to: 'bevalling' }] },
    bevalling: { kind: 'contact', phase: 'postpartum', track: 'zorg', label: l, emits: 'BIRTH', transitions: [{ to: 'klaar' }] },
    klaar: { kind: 'outcome', phase: 'postpartum', track: 'zorg', label: l },
    wijkteam: { kind: 'intervention', phase: 'pregnancy', track: 'sociaal', label: l, addresses: ['schulden'], transitions: [{ to: 'sociaal-klaar' }] },
    'sociaal-klaar': { kind: 'outcome', phase: 'pregnancy', track: 'sociaal', label: l },
    hielprik: { kind: 'contact', phase: 'postpartum', track: 'jgz', label: l, transitions: [{ to: 'jgz-klaar' }] },
    'jgz-klaar': { kind: 'outcome', phase: 'postpartum', track: 'jgz', label: l },
  },
});

describe('defineHouseholdPath', () => {
  it('infers step ids, track ids and event names as literal unions', () => {
    expectTypeOf<HouseholdStepIdOf<typeof path>>().toEqualTypeOf<'intake' | 'bevalling' | 'klaar' | 'wijkteam' | 'sociaal-klaar' | 'hielprik' | 'jgz-klaar'>();
    expectTypeOf<TrackIdOf<typeof path>>().toEqualTypeOf<'zorg' | 'sociaal' | 'jgz'>();
    expectTypeOf<HouseholdEventOf<typeof path>>().toEqualTypeOf<'BIRTH'>();
  });

  it('gives a path that every function taking a HouseholdPath accepts', () => {
    expectTypeOf(path).toExtend<HouseholdPath>();
  });

  it('rejects a step in an unknown track and a referral to an unknown step', () => {
    defineHouseholdPath({
      schemaVersion: 2,
      id: 'x',
      version: '1.0.0',
      title: l,
      members: { ouder: { role: 'parent', label: l } },
      tracks: { zorg: { label: l, member: 'ouder', initial: 'a' } },
      steps: {
        // @ts-expect-error: "zrog" is not a track of this path
        a: { kind: 'contact', phase: 'pregnancy', track: 'zrog', label: l, refers: [{ to: 'b' }], transitions: [{ to: 'b' }] },
        b: { kind: 'outcome', phase: 'pregnancy', track: 'zorg', label: l, refers: [
          // @ts-expect-error: "c" is not a step of this path
          { to: 'c' },
        ] },
      },
    });
  });
});
