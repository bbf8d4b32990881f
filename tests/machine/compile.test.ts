import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createJourney, fromStateKey, toMachine, toStateKey } from '../../src/machine/index.js';
import { isZorgpadenError } from '../../src/diagnostics/index.js';
import { definePath, startDay, type CarePath } from '../../src/model/index.js';
import { fixturePath } from './fixtures.js';

const basic = fixturePath('basic');
const loop = fixturePath('loop');

describe('state keys', () => {
  it('round-trip every step id and never collide', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,6}$/);
    const stepId = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(stepId, stepId, (a, b) => {
        expect(fromStateKey(toStateKey(a))).toBe(a);
        expect(toStateKey(a)).not.toMatch(/[./#]/);
        if (a !== b) expect(toStateKey(a)).not.toBe(toStateKey(b));
      }),
    );
  });
});

describe('toMachine', () => {
  it('nests steps in phase states and makes outcomes final root states', () => {
    const machine = toMachine(basic);
    expect(Object.keys(machine.states).sort()).toEqual(['postpartum', 'pregnancy', toStateKey('uitkomst/goed'), toStateKey('uitkomst/zorgen')].sort());
    expect(machine.states[toStateKey('uitkomst/goed')]!.type).toBe('final');
    expect(machine.states.pregnancy!.type).toBe('compound');
    expect(Object.keys(machine.states.pregnancy!.states)).toEqual(['intake', 'signalering', toStateKey('overdracht/wijkteam'), toStateKey('wijkteam.steun')]);
  });

  it('starts at the initial step on startDay(path) and runs as a plain XState actor', () => {
    const actor = createActor(toMachine(basic), { input: { client: { risks: ['financial-stress'] } } }).start();
    expect(actor.getSnapshot().context.step).toBe('intake');
    expect(actor.getSnapshot().context.day).toBe(startDay(basic));
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'RISK_SIGNALLED' });
    expect(actor.getSnapshot().context.step).toBe('overdracht/wijkteam');
    expect(actor.getSnapshot().value).toEqual({ pregnancy: toStateKey('overdracht/wijkteam') });
    expect(actor.getSnapshot().context.history.at(-1)).toMatchObject({ from: 'signalering', index: 0, event: 'RISK_SIGNALLED', handoff: 'warm' });
  });

  it('finishes the actor in an outcome, with the journey as output', () => {
    const journey = createJourney(basic, { protections: ['steunend-netwerk'] });
    for (let i = 0; i < 3; i++) expect(journey.send({ type: 'NEXT' }).accepted).toBe(true);
    expect(journey.send({ type: 'NEXT' })).toMatchObject({ accepted: true, entry: { step: 'uitkomst/goed', index: 1 } });
    expect(journey.done).toBe(true);
    expect(journey.actor.getSnapshot().status).toBe('done');
    expect(journey.actor.getSnapshot().output).toMatchObject({ step: 'uitkomst/goed', history: journey.history });
    expect(() => journey.send({ type: 'NEXT' })).toThrow(/journey-finished/);
  });

  it('advances the simulated clock by delays and to the start of the target window', () => {
    const journey = createJourney(basic, { risks: ['financial-stress'], attributes: { age: 18 } });
    journey.send({ type: 'NEXT' });
    journey.send({ type: 'RISK_SIGNALLED' });
    journey.send({ type: 'NEXT' });
    const before = journey.day;
    journey.send({ type: 'NEXT' }); // after 14 days, but geboorte opens at day 0
    expect(journey.day).toBe(Math.max(before + 14, 0));
    journey.send({ type: 'NEXT' }); // age < 20: extra home visit at day 0
    journey.send({ type: 'NEXT' }); // after 30 days
    expect(journey.step).toBe('jgz/consultatie');
    expect(journey.day).toBe(30);
  });

  it('selects a transition by index or by target, else the first enabled one', () => {
    const young = { attributes: { age: 18 } };
    const toGeboorte = (j: ReturnType<typeof createJourney>) => {
      j.send({ type: 'NEXT' });
      j.send({ type: 'NEXT' });
      return j;
    };
    expect(toGeboorte(createJourney(basic, young)).send({ type: 'NEXT' })).toMatchObject({ entry: { step: 'jgz/extra-huisbezoek' } });
    expect(toGeboorte(createJourney(basic, young)).send({ type: 'NEXT', index: 1 })).toMatchObject({ entry: { step: 'jgz/consultatie' } });
    expect(toGeboorte(createJourney(basic, young)).send({ type: 'NEXT', to: 'jgz/consultatie' })).toMatchObject({ entry: { step: 'jgz/consultatie', index: 1 } });
    expect(toGeboorte(createJourney(basic, {})).send({ type: 'NEXT' })).toMatchObject({ entry: { step: 'jgz/consultatie' } });
  });

  it('records every event it does not take, with a reason in English and Dutch', () => {
    const journey = createJourney(basic, {});
    const reasons: string[] = [];
    const reject = (event: Parameters<typeof journey.send>[0]) => {
      const result = journey.send(event);
      expect(result.accepted).toBe(false);
      if (!result.accepted) {
        expect(result.rejected.message.length).toBeGreaterThan(10);
        expect(result.rejected.nl).not.toBe(result.rejected.message);
        reasons.push(result.rejected.reason);
      }
    };
    reject({ type: 'RISK_SIGNALLED' });
    reject({ type: 'NEXT', index: 3 });
    reject({ type: 'NEXT', to: 'geboorte' });
    reject({ type: 'NEXT', day: journey.day - 1 });
    reject({ type: 'NEXT', index: 0.5 });
    journey.send({ type: 'NEXT' });
    reject({ type: 'RISK_SIGNALLED' }); // no financial stress
    expect(reasons).toEqual(['not-accepted', 'no-such-transition', 'no-such-transition', 'day-in-past', 'invalid-event', 'guard-blocks']);
    expect(journey.rejected.map((r) => r.reason)).toEqual(reasons);
    expect(journey.step).toBe('signalering');
  });

  it('rejects a transition that would arrive after its target window', () => {
    const journey = createJourney(basic, {});
    journey.send({ type: 'NEXT' });
    const result = journey.send({ type: 'NEXT', day: 15 }); // geboorte closes at day 14
    expect(result).toMatchObject({ accepted: false, rejected: { reason: 'outside-window', eventDay: 15 } });
    expect(journey.send({ type: 'NEXT', day: 14 })).toMatchObject({ accepted: true, entry: { step: 'geboorte', day: 14 } });
  });

  it('lets the app report the real day, moving the clock forward', () => {
    const journey = createJourney(loop, {});
    journey.send({ type: 'START', day: -300 });
    expect(journey.day).toBe(-238); // the intake window opens at 6 weeks
    journey.send({ type: 'CHECK', day: -200 });
    expect(journey.day).toBe(-186);
  });

  it('refuses a path with broken references and a client that is not valid', () => {
    const broken = { ...basic, steps: { ...basic.steps, intake: { ...basic.steps.intake!, transitions: [{ to: 'nergens' }] } } } as CarePath;
    expect(() => toMachine(broken)).toThrow(/machine-path-invalid/);
    try {
      createJourney(basic, { risks: ['Not A Key'] });
      expect.unreachable();
    } catch (error) {
      expect(isZorgpadenError(error) && error.diagnostics[0]!.code).toBe('client-invalid');
    }
  });

  it('takes typed paths from definePath', () => {
    const path = definePath({
      schemaVersion: 1,
      id: 'typed',
      version: '1.0.0',
      title: { nl: 'Getypt' },
      actors: { jgz: { label: { nl: 'JGZ' }, domain: 'medical' } },
      initial: 'start',
      steps: {
        start: { kind: 'contact', phase: 'pregnancy', label: { nl: 'Start' }, transitions: [{ to: 'klaar', on: 'GO' }] },
        klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
      },
    });
    const journey = createJourney(path, {});
    expect(journey.send({ type: 'GO', to: 'klaar' }).accepted).toBe(true);
    expect(journey.step).toBe('klaar');
  });

  it('lists the transitions available now and tells subscribers about every change', () => {
    const journey = createJourney(basic, { risks: ['financial-stress'] });
    const seen: string[] = [];
    const subscription = journey.subscribe((context) => seen.push(`${context.step}:${context.rejected.length}`));
    journey.send({ type: 'NEXT' });
    expect(journey.available()).toEqual([
      { index: 0, to: 'overdracht/wijkteam', event: 'RISK_SIGNALLED' },
      { index: 1, to: 'geboorte', event: 'NEXT' },
    ]);
    journey.send({ type: 'BIRTH' as 'NEXT' });
    subscription.unsubscribe();
    journey.send({ type: 'NEXT' });
    expect(seen).toEqual(['signalering:0', 'signalering:1']);
    expect(journey.available().map((a) => a.to)).toEqual(['jgz/consultatie']); // without an age the extra visit's condition is false
  });
});
