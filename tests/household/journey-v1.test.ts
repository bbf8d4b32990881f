import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { migratePathV1 } from '../../src/load/index.js';
import { createHouseholdJourney, createJourney } from '../../src/machine/index.js';
import { eventOf, type CarePath } from '../../src/model/index.js';
import { loadPath } from '../../src/node/index.js';
import { defaultPopulation, generateClients, traceJourney } from '../../src/simulate/index.js';
import { gezinInput, parseHousehold } from './fixtures.js';

const SHIPPED = ['zwangerschap', 'preconceptie', 'na-de-geboorte', 'eerste-1000-dagen'];

/** The events a simulated journey of client `i` takes, as an app would send them to a version 1 journey. */
function eventsOf(path: CarePath, client: ReturnType<typeof generateClients>[number], i: number) {
  const trace = traceJourney(path, client, { seed: 5, index: i });
  return trace.transitions.map((index, k) => {
    const from = trace.steps[k]!;
    const t = path.steps[from]!.transitions[index]!;
    return { type: eventOf(t), index, to: t.to, day: trace.days[k + 1]! - (t.after ?? 0) };
  });
}

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ZorgpadenError ? error.diagnostics[0]?.code : 'not a ZorgpadenError';
  }
  return undefined;
}

describe('version 1 journeys continue as household journeys', async () => {
  const paths = Object.fromEntries(await Promise.all(SHIPPED.map(async (name) => [name, await loadPath(`paths/national/${name}.json`)] as const)));
  const clients = generateClients(defaultPopulation(), { n: 60, seed: 9 });

  it('restore a saved version 1 journey of a shipped path on the migrated path, and go on exactly as the version 1 journey does', () => {
    fc.assert(
      // `late`: the app reports every move some days after the day it could first be made
      fc.property(fc.constantFrom(...SHIPPED), fc.integer({ min: 0, max: clients.length - 1 }), fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 3), (name, i, cut, late) => {
        const path = paths[name]!;
        const household = migratePathV1(path).path;
        let shift = 0;
        const events = eventsOf(path, clients[i]!, i).map((event) => ({ ...event, day: event.day + (shift += late) }));
        const split = Math.min(cut, events.length);
        const v1 = createJourney(path, clients[i]!);
        // a late move may fall outside its window: the version 1 journey then rejects it, and the walk stops there
        const moved = (event: (typeof events)[number]) => v1.send({ type: event.type, index: event.index, day: event.day } as never).accepted;
        let going = true;
        for (const event of events.slice(0, split)) going &&= moved(event);
        // saved as an app saves it: through JSON
        const saved: unknown = JSON.parse(JSON.stringify(v1.persist()));
        const restored = createHouseholdJourney(household, undefined, { snapshot: saved });
        expect(restored.tracks).toEqual({ zorg: v1.step });
        expect(restored.context.tracks.zorg!.day).toBe(v1.day);
        expect(restored.context.client).toEqual(v1.actor.getSnapshot().context.client);
        expect(restored.history.map((e) => e.step)).toEqual(v1.history.map((e) => e.step));
        // both go on with the rest of the events, step by step alike
        for (const event of events.slice(split)) {
          if (!going || !(going = moved(event))) break;
          expect(restored.send({ type: event.type, track: 'zorg', to: event.to, day: event.day }).accepted).toBe(true);
          expect(restored.context.tracks.zorg).toMatchObject({ step: v1.step, day: v1.day });
        }
        // and the household journey persists and restores as one of its own
        const again = createHouseholdJourney(household, undefined, { snapshot: JSON.parse(JSON.stringify(restored.persist())) });
        expect(again.tracks).toEqual(restored.tracks);
        v1.stop();
        restored.stop();
        again.stop();
      }),
      { numRuns: 40, seed: 14 },
    );
  });

  it('refuse a saved version 1 journey of another path, or of a changed one', () => {
    const path = paths.zwangerschap!;
    const v1 = createJourney(path, {});
    const saved = v1.persist();
    expect(errorCode(() => createHouseholdJourney(parseHousehold(gezinInput()), undefined, { snapshot: saved }))).toBe('snapshot-path-mismatch');
    const changed = migratePathV1(path).path;
    const [first] = Object.values(changed.steps);
    first!.label = { nl: 'Anders' };
    expect(errorCode(() => createHouseholdJourney(changed, undefined, { snapshot: saved }))).toBe('snapshot-path-mismatch');
    // the same id and version, but not the shape of a migrated path (a second track)
    const grown = migratePathV1(path).path;
    grown.tracks.extra = { label: { nl: 'Extra' }, member: 'ouder' };
    expect(errorCode(() => createHouseholdJourney(grown, undefined, { snapshot: saved }))).toBe('snapshot-path-mismatch');
  });

  it('refuse a damaged version 1 journey with snapshot-invalid, never a stack trace from inside', () => {
    const path = paths.zwangerschap!;
    const household = migratePathV1(path).path;
    const client = clients[0]!;
    const v1 = createJourney(path, client);
    for (const event of eventsOf(path, client, 0).slice(0, 3)) v1.send({ type: event.type, index: event.index, day: event.day } as never);
    const saved = JSON.parse(JSON.stringify(v1.persist())) as { snapshot: { context: { step: string; history: { step: string; day: number }[] } } };
    const wrongEnd = structuredClone(saved);
    wrongEnd.snapshot.context.step = Object.keys(path.steps).find((id) => id !== saved.snapshot.context.step)!;
    expect(errorCode(() => createHouseholdJourney(household, undefined, { snapshot: wrongEnd }))).toBe('snapshot-invalid');
    const noHistory = structuredClone(saved);
    noHistory.snapshot.context.history = [];
    expect(errorCode(() => createHouseholdJourney(household, undefined, { snapshot: noHistory }))).toBe('snapshot-invalid');
    const impossible = structuredClone(saved);
    impossible.snapshot.context.history[1]!.day = -500;
    expect(errorCode(() => createHouseholdJourney(household, undefined, { snapshot: impossible }))).toBe('snapshot-invalid');
  });
});
