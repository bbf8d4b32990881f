import fc from 'fast-check';
import type { InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createJourney, toMachine } from '../../src/machine/index.js';
import { fixturePath, FIXTURES } from './fixtures.js';

describe('journeys as XState citizens', () => {
  it('compile a path once: the same path object gives the same machine, another id another one', () => {
    const path = fixturePath('basic');
    const machine = toMachine(path);
    expect(toMachine(path)).toBe(machine);
    expect(toMachine(path, { id: 'other' })).not.toBe(machine);
    expect(toMachine(path, { id: 'other' }).id).toBe('other');
    expect(createJourney(path, {}).actor.logic).toBe(machine);
    // an equal copy is another value: it is compiled for itself
    expect(toMachine(structuredClone(path))).not.toBe(machine);
  });

  it('pass the inspect option to the actor', () => {
    const path = fixturePath('basic');
    const seen: InspectionEvent[] = [];
    const journey = createJourney(path, {}, { inspect: (event) => seen.push(event) });
    journey.send({ type: 'NEXT' });
    expect(seen.some((e) => e.type === '@xstate.actor')).toBe(true);
    expect(seen.some((e) => e.type === '@xstate.event' && (e.event as { type: string }).type === 'NEXT')).toBe(true);
    expect(() => createJourney(path, {}, { inspect: 'yes' as never })).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });

  it('can(event) is true exactly when send(event) is accepted, for any event on any journey', () => {
    for (const name of FIXTURES) {
      const path = fixturePath(name);
      const steps = Object.keys(path.steps);
      const events = [...new Set(Object.values(path.steps).flatMap((s) => s.transitions.map((t) => t.on ?? 'NEXT'))), 'NOT_IN_PATH'];
      const event = fc.record(
        { type: fc.constantFrom(...events), to: fc.constantFrom(...steps), index: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: -400, max: 800 }) },
        { requiredKeys: ['type'] },
      );
      const risks = fc.subarray(['debts', 'financial-stress', 'smoking', 'isolation']);
      fc.assert(
        fc.property(risks, fc.array(event, { maxLength: 12 }), (clientRisks, sent) => {
          const journey = createJourney(path, { risks: clientRisks });
          for (const e of sent) {
            if (journey.done) {
              expect(journey.can(e)).toBe(false);
              break;
            }
            const predicted = journey.can(e);
            expect(journey.send(e).accepted).toBe(predicted);
          }
        }),
        { numRuns: 150 },
      );
    }
  });
});

describe('non-throwing forms of the machine functions', () => {
  it('return the diagnostics the throwing forms throw, and the same value when all is well', async () => {
    const { safeToMachine, safeCreateJourney, safeMigrateJourney, migrateJourney } = await import('../../src/machine/index.js');
    const path = fixturePath('basic');
    const broken = structuredClone(path);
    const [first] = Object.values(broken.steps);
    first!.transitions[0]!.to = 'nowhere';
    let thrown: unknown;
    try {
      toMachine(broken);
    } catch (error) {
      thrown = error;
    }
    const compiled = safeToMachine(broken);
    expect(compiled.ok).toBe(false);
    expect(compiled.diagnostics).toEqual((thrown as { diagnostics: unknown }).diagnostics);
    expect(safeToMachine(path)).toEqual({ ok: true, value: toMachine(path), diagnostics: [] });

    const saved = createJourney(path, {}).persist();
    const other = { ...structuredClone(path), version: '9.9.9' };
    const restored = safeCreateJourney(other, undefined, { snapshot: saved });
    expect(restored.ok).toBe(false);
    expect(restored.diagnostics.map((d) => d.code)).toEqual(['snapshot-path-mismatch']);
    expect(safeCreateJourney(path, { risks: 'debts' } as never).diagnostics.map((d) => d.code)).toEqual(['client-invalid']);
    expect(safeCreateJourney(path, undefined, { snapshot: saved }).ok).toBe(true);
    expect(safeMigrateJourney({ broken: true }, path, other).ok).toBe(false);
    expect(safeMigrateJourney(saved, path, other)).toEqual({ ok: true, value: migrateJourney(saved, path, other), diagnostics: [] });
    // misuse still throws
    expect(() => safeToMachine(42 as never)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});
