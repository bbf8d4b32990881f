import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { toMachine, type JourneyEvent } from '../../src/machine/index.js';
import { eventOf, type ClientInput } from '../../src/model/index.js';
import { testPaths } from '../../src/simulate/coverage/index.js';
import { FIXTURES, fixturePath } from '../machine/fixtures.js';

const clients: ClientInput[] = [];
for (const risks of [[], ['financial-stress', 'smoking', 'debts']])
  for (const protections of [[], ['steunend-netwerk']])
    for (const attributes of [{}, { age: 18, firstPregnancy: true }, { age: 40, firstPregnancy: true }] as ClientInput['attributes'][]) clients.push({ risks, protections, attributes });

describe('test paths agree with XState’s own graph search', () => {
  for (const name of FIXTURES) {
    const path = fixturePath(name);
    const machine = toMachine(path);
    // every transition of the current step, by index; the machine's guards decide which are taken
    const events = (snapshot: { context: { step: string } }): JourneyEvent[] =>
      (path.steps[snapshot.context.step]?.transitions ?? []).map((t, index) => ({ type: eventOf(t), index }));

    it(`reaches the same steps in the same number of events (${name})`, () => {
      for (const client of clients) {
        const graph = getShortestPaths(machine, {
          input: { client },
          events,
          serializeState: (s) => JSON.stringify([s.context.step, s.context.day]),
          limit: 10_000,
        });
        const fewest = new Map<string, number>();
        for (const p of graph) {
          const step = p.state.context.step;
          const count = p.steps.filter((s) => s.event.type !== 'xstate.init').length;
          if (!fewest.has(step) || fewest.get(step)! > count) fewest.set(step, count);
        }
        const ours = new Map(testPaths(path, { strategy: 'shortest', clients: [client] }).map((p) => [p.steps.at(-1)!, p.events.length]));
        expect(ours, JSON.stringify(client)).toEqual(fewest);
      }
    });
  }
});
