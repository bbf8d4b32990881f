import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, viewClient, type Condition } from '../../src/model/index.js';
import { areCompatible, isSatisfiable } from '../../src/validate/index.js';

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom<Condition>({ hasRisk: 'debts' }, { hasRisk: 'violence' }, { hasProtection: 'network' }),
  fc.record({ attr: fc.constant('age'), op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'), value: fc.integer({ min: 0, max: 10 }) }).map(({ attr, op, value }) => ({ attr, [op]: value }) as Condition),
  fc.record({ attr: fc.constant('age'), values: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 3 }) }).map(({ attr, values }) => ({ attr, in: values })),
  fc.record({ attr: fc.constant('first'), value: fc.boolean() }).map(({ attr, value }) => ({ attr, eq: value })),
  fc.constantFrom<Condition>({ attr: 'age', exists: true }, { attr: 'age', exists: false }, { attr: 'first', exists: false }),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.record({ not: tie('c') }), fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }), fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) })),
})).c;

// brute force over every client the constants can tell apart: risks, protections, age on a half-step grid,
// and `first` absent, either boolean, or another value (an attribute may hold any value)
function bruteForce(c: Condition): boolean {
  const ages: (number | string | undefined)[] = [undefined, 'x'];
  for (let a = -2; a <= 12; a += 0.5) ages.push(a);
  for (const debts of [false, true])
    for (const violence of [false, true])
      for (const network of [false, true])
        for (const age of ages)
          for (const first of [undefined, true, false, 'x']) {
            const attributes: Record<string, number | string | boolean> = {};
            if (age !== undefined) attributes.age = age;
            if (first !== undefined) attributes.first = first;
            const client = viewClient({ risks: [...(debts ? ['debts'] : []), ...(violence ? ['violence'] : [])], protections: network ? ['network'] : [], attributes });
            if (evaluateCondition(c, client)) return true;
          }
  return false;
}

describe('condition satisfiability', () => {
  it('agrees with a brute-force search over clients', () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(isSatisfiable(structuredClone(c))).toBe(bruteForce(c));
      }),
      { numRuns: 1000 },
    );
  });

  it('decides the documented examples', () => {
    expect(isSatisfiable({ all: [{ hasRisk: 'x' }, { not: { hasRisk: 'x' } }] })).toBe(false);
    expect(isSatisfiable({ any: [] })).toBe(false);
    expect(isSatisfiable({ all: [] })).toBe(true);
    expect(areCompatible({ attr: 'age', gte: 26 }, { all: [{ attr: 'firstPregnancy', eq: true }, { attr: 'age', lt: 26 }] })).toBe(false);
    expect(areCompatible({ attr: 'age', lt: 30 }, { attr: 'age', lt: 26 })).toBe(true);
    expect(areCompatible(undefined, { hasRisk: 'debts' })).toBe(true);
  });

  it('answers "satisfiable" when a condition is too large to expand, never a false contradiction', () => {
    const big: Condition = { all: Array.from({ length: 12 }, (_, i) => ({ any: [{ attr: `a${i}`, eq: 1 }, { attr: `a${i}`, eq: 2 }] })) };
    expect(isSatisfiable(big)).toBe(true);
    let deep: Condition = { hasRisk: 'x' };
    for (let i = 0; i < 200; i++) deep = { not: deep };
    expect(isSatisfiable(deep)).toBe(true);
  });
});
