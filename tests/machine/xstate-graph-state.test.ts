import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { journeyGraphOptions, testPaths, toMachine } from '../../src/index.js';
import { loadPath } from '../../src/node/index.js';

// a shipped path, as an app loads it
const path = await loadPath('paths/national/zwangerschap.json');
const clients = [{}, { risks: ['financial-stress', 'debts', 'smoking'], attributes: { age: 19, firstPregnancy: true } }];

describe('journeyGraphOptions', () => {
  it('lets getShortestPaths finish on the journey machine of a shipped path, reaching the steps test paths reach, in as few events', () => {
    for (const client of clients) {
      const graph = getShortestPaths(toMachine(path), { input: { client }, ...journeyGraphOptions(path), limit: 100_000 });
      const fewest = new Map<string, number>();
      for (const p of graph) {
        const count = p.steps.filter((s) => s.event.type !== 'xstate.init').length;
        const step = p.state.context.step;
        if (!fewest.has(step) || fewest.get(step)! > count) fewest.set(step, count);
      }
      // an independent walk over the same semantics (coverage's test paths)
      const ours = new Map(testPaths(path, { strategy: 'shortest', clients: [client] }).map((p) => [p.steps.at(-1)!, p.events.length]));
      expect(fewest.size).toBeGreaterThan(3);
      expect(fewest, JSON.stringify(client)).toEqual(ours);
    }
  });

  it('compares snapshots by status, step and day only: every state found is distinct by those', () => {
    const { serializeState } = journeyGraphOptions(path);
    const graph = getShortestPaths(toMachine(path), { input: { client: {} }, ...journeyGraphOptions(path) });
    const keys = graph.map((p) => serializeState(p.state));
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of graph) expect(JSON.parse(serializeState(p.state))).toEqual([p.state.status, p.state.context.step, p.state.context.day]);
  });

  it('refuses something that is not a path with a clear error', () => {
    expect(() => journeyGraphOptions({} as never)).toThrow(/journeyGraphOptions/);
  });
});
