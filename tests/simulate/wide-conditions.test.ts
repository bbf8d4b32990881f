import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, viewClient, type Condition } from '../../src/index.js';
import { buildSpace, encodeClient } from '../../src/simulate/client.js';
import { compileCondition } from '../../src/simulate/conditions.js';

// compound conditions over up to a dozen distinct leaves are compiled to a truth table; wider ones
// stay a tree. Both must mean what the model means, on either side of that bound, for repeated
// leaves, signalled risks, a risk the space does not know and comparisons with two operators.
const RISKS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
const PROTECTIONS = ['p0', 'p1', 'p2', 'p3'];
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...RISKS, 'unknown').map((hasRisk) => ({ hasRisk })),
  fc.constantFrom(...PROTECTIONS).map((hasProtection) => ({ hasProtection })),
  fc.constantFrom(...RISKS).map((signalled) => ({ signalled })),
  fc.integer({ min: 18, max: 40 }).map((lte): Condition => ({ attr: 'age', lte })),
  fc.tuple(fc.integer({ min: 18, max: 30 }), fc.integer({ min: 25, max: 40 })).map(([gte, lt]): Condition => ({ attr: 'age', gte, lt })),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('c'), { minLength: 0, maxLength: 7 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 0, maxLength: 7 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;

describe('wide compound conditions, compiled', () => {
  it('agree with evaluateCondition on random conditions and clients', () => {
    const factor = (k: string) => [k, { label: { nl: k }, prevalence: 0.5 }];
    const space = buildSpace({ population: { risks: Object.fromEntries(RISKS.map(factor)), protections: Object.fromEntries(PROTECTIONS.map(factor)), attributes: { age: { type: 'number' } } } as never });
    const client = fc.record({ risks: fc.subarray(RISKS), protections: fc.subarray(PROTECTIONS), signalled: fc.subarray(RISKS), age: fc.option(fc.integer({ min: 15, max: 45 }), { nil: undefined }) });
    fc.assert(
      fc.property(condition, client, (c, { risks, protections, signalled, age }) => {
        const attributes: Record<string, number> = age === undefined ? {} : { age };
        const input = { risks, protections, attributes };
        const compiled = encodeClient(space, input);
        compiled.signalled = Uint8Array.from(space.risks, (r) => (signalled.includes(r) ? 1 : 0));
        const expected = evaluateCondition(c, { ...viewClient(input), signalled: new Set(signalled) });
        expect(compileCondition(c, space)(compiled)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
