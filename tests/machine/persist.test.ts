import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isZorgpadenError } from '../../src/diagnostics/index.js';
import { createJourney, pathHash, toMachine, type JourneyEvent, type PersistedJourney } from '../../src/machine/index.js';
import type { CarePath, ClientInput } from '../../src/model/index.js';
import { FIXTURES, fixturePath } from './fixtures.js';

const clientArb: fc.Arbitrary<ClientInput> = fc.record({
  risks: fc.subarray(['financial-stress', 'debts', 'smoking']),
  protections: fc.subarray(['steunend-netwerk', 'network']),
  attributes: fc.record({ age: fc.integer({ min: 15, max: 45 }), firstPregnancy: fc.boolean() }),
});

/** Plays a journey to the end, choosing with `choices`; some choices send an event the step does not take. */
function play(path: CarePath, client: ClientInput, choices: number[]): JourneyEvent[] {
  const journey = createJourney(path, client);
  const events: JourneyEvent[] = [];
  for (const choice of choices) {
    if (journey.done) break;
    const options = journey.available();
    const pick = options[choice % (options.length + 1)];
    const event: JourneyEvent = pick ? { type: pick.event, index: pick.index } : { type: 'UNKNOWN_EVENT' };
    events.push(event);
    journey.send(event);
  }
  return events;
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isZorgpadenError(error) ? error.diagnostics[0]?.code : `not a ZorgpadenError: ${String(error)}`;
  }
  return undefined;
}

describe('persist and restore', () => {
  for (const name of FIXTURES) {
    const path = fixturePath(name);
    const machine = toMachine(path);
    it(`continues exactly where it stopped (${name})`, () => {
      fc.assert(
        fc.property(clientArb, fc.array(fc.nat(), { maxLength: 30 }), fc.nat(), (client, choices, cut) => {
          const events = play(path, client, choices);
          const whole = createJourney(path, client, { machine });
          for (const event of events) whole.send(event);

          const at = events.length === 0 ? 0 : cut % (events.length + 1);
          const first = createJourney(path, client, { machine });
          for (const event of events.slice(0, at)) first.send(event);
          const saved = JSON.parse(JSON.stringify(first.persist())) as unknown;
          first.stop();
          const second = createJourney(path, undefined, { snapshot: saved, machine });
          for (const event of events.slice(at)) second.send(event);

          expect(second.actor.getSnapshot().context).toEqual(whole.actor.getSnapshot().context);
          expect(second.actor.getSnapshot().value).toEqual(whole.actor.getSnapshot().value);
          expect(second.done).toBe(whole.done);
        }),
        { numRuns: 150 },
      );
    });
  }

  const path = fixturePath('basic');
  const saved = () => {
    const journey = createJourney(path, { risks: ['financial-stress'] });
    journey.send({ type: 'NEXT' });
    journey.send({ type: 'BOGUS' as 'NEXT' });
    return JSON.parse(JSON.stringify(journey.persist())) as PersistedJourney;
  };

  it('saves JSON-safe data naming the path, its version and its content hash', () => {
    const data = saved();
    expect(data).toMatchObject({ format: 'zorgpaden/journey', pathId: 'test/basic', pathVersion: '1.0.0', pathHash: pathHash(path) });
    expect(data.snapshot.context.rejected).toHaveLength(1);
    expect(pathHash(structuredClone(path))).toBe(pathHash(path));
  });

  it('refuses a snapshot of another path, another version or changed content', () => {
    const loop = fixturePath('loop');
    expect(code(() => createJourney(loop, undefined, { snapshot: saved() }))).toBe('snapshot-path-mismatch');
    expect(code(() => createJourney({ ...path, version: '1.1.0' }, undefined, { snapshot: saved() }))).toBe('snapshot-path-mismatch');
    const edited = structuredClone(path);
    edited.steps['intake']!.label = { nl: 'Andere intake' };
    expect(code(() => createJourney(edited, undefined, { snapshot: saved() }))).toBe('snapshot-path-mismatch');
  });

  it('refuses a corrupted snapshot with a clear error', () => {
    const cases: [string, (d: PersistedJourney) => unknown][] = [
      ['not an object', () => 'hello'],
      ['no snapshot', (d) => ({ ...d, snapshot: undefined })],
      ['wrong format', (d) => ({ ...d, format: 'other' })],
      ['unknown current step', (d) => ({ ...d, snapshot: { ...d.snapshot, context: { ...d.snapshot.context, step: 'verdwenen' } } })],
      ['value does not match the step', (d) => ({ ...d, snapshot: { ...d.snapshot, value: { pregnancy: 'intake' } } })],
      ['history ends elsewhere', (d) => ({ ...d, snapshot: { ...d.snapshot, context: { ...d.snapshot.context, history: d.snapshot.context.history.slice(0, 1) } } })],
      ['history names an unknown step', (d) => ({ ...d, snapshot: { ...d.snapshot, context: { ...d.snapshot.context, history: [{ step: 'x', phase: 'pregnancy', day: 0 }, ...d.snapshot.context.history] } } })],
      ['day is text', (d) => ({ ...d, snapshot: { ...d.snapshot, context: { ...d.snapshot.context, day: 'maandag' } } })],
      ['done in a step that is not an outcome', (d) => ({ ...d, snapshot: { ...d.snapshot, status: 'done' } })],
    ];
    for (const [label, corrupt] of cases) {
      const error = code(() => createJourney(path, undefined, { snapshot: corrupt(saved()) }));
      expect(error, label).toBe('snapshot-invalid');
    }
  });
});
