import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientSchema, ConditionSchema } from '../../src/model/condition.js';
import { issuesToDiagnostics } from '../../src/model/schema-issues.js';
import { checkShape, type Shape } from '../../src/model/shape-check.js';
import { ClientShape, ConditionShape } from '../../src/model/shapes.js';
import { params } from '../fuzz/budget.js';

/**
 * The hand-written shapes the journeys check clients and conditions with (no zod in a journey's
 * bundle) against the zod schemas the loader uses, as the independent computation: on random,
 * mostly wrong values both accept the same values, give the same parsed value, and word their
 * problems as the same diagnostics.
 */
function agree(schema: typeof ClientSchema | typeof ConditionSchema, shape: Shape, value: unknown): void {
  const zod = (schema as typeof ClientSchema).safeParse(value);
  const ours = checkShape(shape, value);
  expect(ours.success, JSON.stringify(value)).toBe(zod.success);
  if (zod.success && ours.success) {
    expect(ours.data).toEqual(zod.data);
    return;
  }
  if (zod.success || ours.success) return;
  const words = (issues: Parameters<typeof issuesToDiagnostics>[0], s: Parameters<typeof issuesToDiagnostics>[2]) =>
    issuesToDiagnostics(issues, value, s).map((d) => ({ code: d.code, pointer: d.pointer, message: d.message, nl: d.nl.message }));
  expect(words(ours.issues, shape), JSON.stringify(value)).toEqual(words(zod.error.issues, schema));
}

const key = fc.constantFrom('debts', 'Debts!', '', 'constructor', '__proto__', 'a'.repeat(201), 'x-1');
const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: false }), fc.constantFrom('a', 'b', 'x'.repeat(501)), fc.boolean(), fc.constant(null), fc.constant(undefined));
const attributeName = fc.constantFrom('age', 'toString', 'a'.repeat(101), '', 'firstPregnancy');
const keys = fc.oneof(fc.array(key, { maxLength: 3 }), scalar);

describe('hand-written shapes agree with the zod schemas', () => {
  it('clients', () => {
    const client = fc.oneof(
      fc.record(
        {
          id: fc.oneof(fc.constantFrom('c1', 'y'.repeat(201)), scalar),
          risks: keys,
          protections: keys,
          attributes: fc.oneof(fc.dictionary(attributeName, fc.oneof(scalar, fc.array(scalar, { maxLength: 1 })), { maxKeys: 3 }), scalar),
          rsks: keys,
        },
        { requiredKeys: [] },
      ),
      scalar,
      fc.array(scalar, { maxLength: 2 }),
    );
    fc.assert(fc.property(client, (value) => agree(ClientSchema, ClientShape, value)), params('shape-check', 10));
  });

  it('conditions', () => {
    const { condition } = fc.letrec((tie) => ({
      condition: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record(
          {
            hasRisk: key,
            signalled: key,
            attr: attributeName,
            eq: scalar,
            lt: scalar,
            in: fc.oneof(fc.array(scalar, { maxLength: 2 }), scalar),
            exists: fc.oneof(fc.boolean(), scalar),
            hasRsk: key,
          },
          { requiredKeys: [] },
        ),
        fc.record({ all: fc.oneof(fc.array(tie('condition'), { maxLength: 2 }), scalar) }),
        fc.record({ any: fc.array(tie('condition'), { maxLength: 2 }) }),
        fc.record({ not: fc.oneof(tie('condition'), scalar) }),
        fc.record({ attr: fc.constant('age'), gte: fc.integer({ min: 0, max: 40 }) }),
        scalar,
      ),
    }));
    fc.assert(fc.property(condition, (value) => agree(ConditionSchema, ConditionShape, value)), params('shape-check', 10));
  });
});
