import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { safeParseHouseholdPath, validateHouseholdPath } from '../../src/household.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { LIMITS, safeParseCarePathData, safeParseData, HouseholdPathSchema } from '../../src/model/index.js';
import { gezinInput } from '../household/fixtures.js';

/** A condition `depth` levels deep: nots around one signalled risk (a leaf is depth 1). */
function nested(depth: number): unknown {
  let condition: unknown = { signalled: 'schulden' };
  for (let i = 1; i < depth; i++) condition = { not: condition };
  return condition;
}

const PLACES = {
  referral: { pointer: '/steps/intake/refers/0/when', put: (p: Record<string, any>, c: unknown) => (p.steps.intake.refers[0].when = c) },
  transition: { pointer: '/steps/controles/transitions/0/when', put: (p: Record<string, any>, c: unknown) => (p.steps.controles.transitions[0].when = c) },
  targetGroup: {
    pointer: '/interventions/budgetcoach/targetGroup',
    put: (p: Record<string, any>, c: unknown) => {
      p.interventions = { budgetcoach: { label: { nl: 'Budgetcoach' }, phases: ['pregnancy'], actor: 'verloskundige', recognition: 'not-assessed', targetGroup: c } };
    },
  },
} as const;
type Place = keyof typeof PLACES;

function householdWith(place: Place, depth: number): Record<string, unknown> {
  const path = gezinInput() as Record<string, any>;
  PLACES[place].put(path, nested(depth));
  return path;
}

const tooDeep = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'condition-too-deep');

describe('a household path with a deeply nested condition', () => {
  it('gets condition-too-deep above the limit and nothing below it, in JSON and YAML, at every condition field (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 * LIMITS.maxConditionDepth }), fc.constantFrom<Place>('referral', 'transition', 'targetGroup'), fc.constantFrom('json', 'yaml'), (depth, place, format) => {
        const data = householdWith(place, depth);
        const text = format === 'json' ? JSON.stringify(data, null, 2) : stringify(data);
        const result = safeParseHouseholdPath(text, { filename: `gezin.${format}` });
        const found = tooDeep(result.diagnostics);
        if (depth <= LIMITS.maxConditionDepth) {
          expect(found).toEqual([]);
          return;
        }
        expect(result.ok).toBe(false);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ pointer: PLACES[place].pointer, params: { depth, limit: LIMITS.maxConditionDepth } });
        expect(found[0]!.line).toBeGreaterThan(1);
        // the data API says the same
        expect(tooDeep(validateHouseholdPath(data as never).diagnostics)).toMatchObject([{ pointer: PLACES[place].pointer, params: { depth } }]);
      }),
      { numRuns: 60 },
    );
  });

  it('gets condition-too-deep at 33 levels and at 100,000, and never throws', () => {
    for (const depth of [LIMITS.maxConditionDepth + 1, 1000, 100_000]) {
      // built as text: JSON.stringify itself overflows on 100,000 levels
      const deep = '{"not":'.repeat(depth - 1) + '{"signalled":"schulden"}' + '}'.repeat(depth - 1);
      const data = householdWith('referral', 1) as Record<string, any>;
      data.steps.intake.refers[0].when = 'DEEP';
      const text = JSON.stringify(data, null, 2).replace('"DEEP"', deep);
      const result = safeParseHouseholdPath(text, { filename: 'gezin.json' });
      expect(tooDeep(result.diagnostics), `depth ${depth}`).toMatchObject([{ pointer: '/steps/intake/refers/0/when', params: { depth } }]);
    }
  });

  it('follows a raised limit given to the loader', () => {
    const text = JSON.stringify(householdWith('referral', 40));
    expect(tooDeep(safeParseHouseholdPath(text, { limits: { maxConditionDepth: 40 } }).diagnostics)).toEqual([]);
    expect(tooDeep(safeParseHouseholdPath(text, { limits: { maxConditionDepth: 39 } }).diagnostics)).toMatchObject([{ params: { depth: 40, limit: 39 } }]);
  });

  it('checks a shared or cyclic condition object without looping', () => {
    const data = householdWith('referral', 1) as Record<string, any>;
    const cyclic: Record<string, unknown> = { signalled: 'schulden' };
    cyclic.not = { all: [cyclic] };
    data.steps.intake.refers[0].when = cyclic;
    const result = safeParseData(HouseholdPathSchema, data);
    expect(result.ok).toBe(false);
  });
});

describe('a version 1 path', () => {
  it('gets condition-too-deep for a deep targetGroup of an intervention it defines', () => {
    const path = {
      schemaVersion: 1, id: 'test/diep', version: '1.0.0', title: { nl: 'Diep' }, initial: 'a',
      actors: { vk: { label: { nl: 'Verloskundige' }, domain: 'medical' } },
      interventions: { x: { label: { nl: 'X' }, phases: ['pregnancy'], actor: 'vk', recognition: 'not-assessed', targetGroup: nested(LIMITS.maxConditionDepth + 1) } },
      steps: { a: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'A' } } },
    };
    expect(tooDeep(safeParseCarePathData(path).diagnostics)).toMatchObject([{ pointer: '/interventions/x/targetGroup', params: { depth: 33 } }]);
  });
});
