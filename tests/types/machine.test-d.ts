import { createActor } from 'xstate';
import { describe, expectTypeOf, it } from 'vitest';
import { createJourney, toMachine, type JourneyEvent } from '../../src/machine/index.js';
import { definePath, type CarePath } from '../../src/model/index.js';

const path = definePath({
  schemaVersion: 1,
  id: 'typed',
  version: '1.0.0',
  title: { nl: 'Getypt' },
  actors: { jgz: { label: { nl: 'JGZ' }, domain: 'medical' } },
  initial: 'intake',
  steps: {
    intake: { kind: 'contact', phase: 'pregnancy', actor: 'jgz', label: { nl: 'Intake' }, transitions: [{ to: 'steun', on: 'RISK_SIGNALLED' }, { to: 'klaar' }] },
    steun: { kind: 'intervention', phase: 'pregnancy', actor: 'jgz', label: { nl: 'Steun' }, transitions: [{ to: 'klaar', after: 7 }] },
    klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
  },
});

describe('typed journeys', () => {
  it('take the event names and step ids of a definePath path', () => {
    expectTypeOf<JourneyEvent<typeof path>['type']>().toEqualTypeOf<'RISK_SIGNALLED' | 'NEXT'>();
    expectTypeOf<NonNullable<JourneyEvent<typeof path>['to']>>().toEqualTypeOf<'intake' | 'steun' | 'klaar'>();
    const journey = createJourney(path, {});
    journey.send({ type: 'RISK_SIGNALLED' });
    journey.send({ type: 'NEXT', to: 'klaar', day: 3 });
    expectTypeOf(journey.step).toEqualTypeOf<'intake' | 'steun' | 'klaar'>();
    // @ts-expect-error an event the path does not name
    journey.send({ type: 'RISK_SIGNALED' });
    // @ts-expect-error a target the path does not have
    journey.send({ type: 'NEXT', to: 'klar' });
  });

  it('type the XState actor made from the machine', () => {
    const actor = createActor(toMachine(path), { input: { client: { risks: ['debts'] } } });
    actor.send({ type: 'NEXT' });
    // @ts-expect-error an event the path does not name
    actor.send({ type: 'BOGUS' });
    expectTypeOf(actor.getSnapshot().context.day).toEqualTypeOf<number>();
  });

  it('type the documented app loop: available() gives events send() takes, and can() takes the same events', () => {
    const journey = createJourney(path, {});
    const next = journey.available()[0];
    if (next) {
      expectTypeOf(next.event).toEqualTypeOf<'RISK_SIGNALLED' | 'NEXT'>();
      expectTypeOf(next.to).toEqualTypeOf<'intake' | 'steun' | 'klaar'>();
      if (journey.can({ type: next.event, to: next.to })) journey.send({ type: next.event, to: next.to });
    }
    // @ts-expect-error can() checks an event the path does not name at compile time too
    journey.can({ type: 'BOGUS' });
  });

  it('type history entries and matches() with the step ids and events of the path', () => {
    const journey = createJourney(path, {});
    const entry = journey.history[0]!;
    expectTypeOf(entry.step).toEqualTypeOf<'intake' | 'steun' | 'klaar'>();
    expectTypeOf(entry.from).toEqualTypeOf<'intake' | 'steun' | 'klaar' | undefined>();
    expectTypeOf(entry.event).toEqualTypeOf<'RISK_SIGNALLED' | 'NEXT' | undefined>();
    const sent = journey.send({ type: 'NEXT' });
    if (sent.accepted) expectTypeOf(sent.entry.step).toEqualTypeOf<'intake' | 'steun' | 'klaar'>();
    journey.subscribe((context) => expectTypeOf(context.step).toEqualTypeOf<'intake' | 'steun' | 'klaar'>());
    expectTypeOf(journey.matches('steun')).toEqualTypeOf<boolean>();
    // @ts-expect-error a step the path does not have
    journey.matches('stuen');
  });

  it('accept any event name for an untyped path', () => {
    expectTypeOf<JourneyEvent<CarePath>['type']>().toEqualTypeOf<string>();
  });
});
