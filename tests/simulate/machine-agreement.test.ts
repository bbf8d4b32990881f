import fc from 'fast-check';
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { toMachine } from '../../src/machine/index.js';
import { eventOf, type CarePath, type ClientInput } from '../../src/model/index.js';
import { traceJourney } from '../../src/simulate/index.js';
import { path as fixturePath } from './fixtures.js';
import { buildPath, clientRisks, pathSpec } from './random-paths.js';

/** Replays the simulator's choices on the XState machine with the pure transition functions. */
function replay(path: CarePath, client: ClientInput, seed: number, index: number) {
  const trace = traceJourney(path, client, { seed, index });
  const machine = toMachine(path);
  let [snapshot] = initialTransition(machine, { client });
  const steps = [snapshot.context.step];
  const days = [snapshot.context.day];
  trace.transitions.forEach((i, k) => {
    const from = path.steps[trace.steps[k]!]!;
    [snapshot] = transition(machine, snapshot, { type: eventOf(from.transitions[i]!), index: i });
    steps.push(snapshot.context.step);
    days.push(snapshot.context.day);
  });
  return { trace, steps, days, snapshot };
}

describe('the simulator takes the same steps as the XState machine', () => {
  it('on random paths (conditions, windows, delays, cycles) and random clients', () => {
    fc.assert(
      fc.property(pathSpec({ conditions: true, windows: true }), clientRisks, fc.nat(1_000_000), fc.nat(1_000), (spec, risks, seed, index) => {
        const path = buildPath(spec);
        const client = { risks };
        const { trace, steps, days, snapshot } = replay(path, client, seed, index);
        expect(steps).toEqual(trace.steps);
        expect(days).toEqual(trace.days);
        // no choice of the simulator was rejected by the machine's guards
        expect(snapshot.context.rejected).toEqual([]);
        // a journey the simulator ends in an outcome is done in XState; a stuck one is not
        if (trace.end === 'outcome') expect(snapshot.status).toBe('done');
        if (trace.end === 'stuck') expect(snapshot.status).toBe('active');
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('on the fixture path with attribute conditions', () => {
    fc.assert(
      fc.property(fc.subarray(['financial-stress', 'smoking', 'domestic-violence']), fc.integer({ min: 16, max: 45 }), fc.nat(1000), (risks, age, index) => {
        const client = { risks, attributes: { age } };
        const { trace, steps, days } = replay(fixturePath, client, 3, index);
        expect(steps).toEqual(trace.steps);
        expect(days).toEqual(trace.days);
      }),
      { numRuns: 200, seed: 9 },
    );
  });

  it('and a stuck journey has no transition the machine would take', () => {
    const client = { risks: [], attributes: { age: 44 } };
    for (let index = 0; index < 200; index++) {
      const { trace, snapshot } = replay(fixturePath, client, 1, index);
      if (trace.end !== 'stuck') continue;
      const machine = toMachine(fixturePath);
      const [after] = transition(machine, snapshot, { type: 'NEXT' });
      expect(after.context.step).toBe(snapshot.context.step);
      return;
    }
    throw new Error('no stuck journey among 200 clients aged 44');
  });
});
