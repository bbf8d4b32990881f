import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, viewClient, type Condition } from '../../src/index.js';
import { buildSpace, type ClientSpace } from '../../src/simulate/client.js';
import { holdsMask, MASK_RISKS, MASK_TEST, maskTest } from '../../src/simulate/conditions.js';

// The household walk tests a condition over risks alone as one test of the household's risk mask.
// Whenever a condition gets such a test, it must mean what the model means, for every client.
const RISKS = Array.from({ length: 34 }, (_, i) => `r${i}`);
const factor = (k: string) => [k, { label: { nl: k }, prevalence: 0.5 }];
const space: ClientSpace = buildSpace({ population: { risks: Object.fromEntries(RISKS.map(factor)), protections: { p0: factor('p0')[1] }, attributes: { age: { type: 'number' } } } as never });
// mostly the first risks, so that conditions share them; r31 and above do not fit in a mask
const risk = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...RISKS.slice(0, 6)) }, { weight: 1, arbitrary: fc.constantFrom(...RISKS) });
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  { weight: 8, arbitrary: risk.map((hasRisk) => ({ hasRisk })) },
  { weight: 1, arbitrary: fc.constant({ hasRisk: 'unknown' }) },
  { weight: 1, arbitrary: fc.constant({ hasProtection: 'p0' }) },
  { weight: 1, arbitrary: risk.map((signalled) => ({ signalled })) },
  { weight: 1, arbitrary: fc.constant({ attr: 'age', lte: 25 }) },
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('c'), { minLength: 0, maxLength: 4 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 0, maxLength: 4 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;
const client = fc.record({ risks: fc.subarray(RISKS), protections: fc.subarray(['p0']), age: fc.integer({ min: 15, max: 45 }) });

function maskOf(risks: string[]): number {
  let mask = 0;
  for (const key of risks) {
    const r = space.riskIndex.get(key)!;
    if (r < MASK_RISKS) mask |= 1 << r;
  }
  return mask;
}

describe('conditions as risk-mask tests', () => {
  it('agree with evaluateCondition on random conditions and clients whenever a condition has one', () => {
    let tested = 0;
    fc.assert(
      fc.property(condition, fc.array(client, { minLength: 1, maxLength: 8 }), (c, clients) => {
        const form = maskTest(c, space);
        if (form === undefined) return;
        tested++;
        expect(form.test).not.toBe(MASK_TEST.closure);
        for (const { risks, protections, age } of clients) {
          const expected = evaluateCondition(c, viewClient({ risks, protections, attributes: { age } }));
          expect(holdsMask(form.test, form.mask, maskOf(risks)), JSON.stringify({ c, risks })).toBe(expected);
        }
      }),
      { numRuns: 3000 },
    );
    // most random conditions mix in other leaves; enough must still come down to a mask
    expect(tested).toBeGreaterThan(300);
  });

  it('cover the shapes of the shipped paths and leave everything else to the closure', () => {
    const test = (c: Condition) => maskTest(c, space);
    expect(test({ hasRisk: 'r1' })).toEqual({ test: MASK_TEST.any, mask: 0b10 });
    expect(test({ not: { hasRisk: 'r1' } })).toEqual({ test: MASK_TEST.none, mask: 0b10 });
    expect(test({ any: [{ hasRisk: 'r0' }, { any: [{ hasRisk: 'r2' }, { hasRisk: 'r3' }] }] })).toEqual({ test: MASK_TEST.any, mask: 0b1101 });
    expect(test({ not: { any: [{ hasRisk: 'r0' }, { hasRisk: 'r2' }] } })).toEqual({ test: MASK_TEST.none, mask: 0b101 });
    expect(test({ all: [{ hasRisk: 'r0' }, { hasRisk: 'r1' }] })).toEqual({ test: MASK_TEST.all, mask: 0b11 });
    expect(test({ all: [{ not: { hasRisk: 'r0' } }, { not: { hasRisk: 'r1' } }] })).toEqual({ test: MASK_TEST.none, mask: 0b11 });
    // "any of two pairs" is not one mask test; nor is a protection, an attribute, a signal, a risk past bit 30
    expect(test({ any: [{ all: [{ hasRisk: 'r0' }, { hasRisk: 'r1' }] }, { all: [{ hasRisk: 'r2' }, { hasRisk: 'r3' }] }] })).toBeUndefined();
    expect(test({ any: [{ hasRisk: 'r0' }, { hasProtection: 'p0' }] })).toBeUndefined();
    expect(test({ all: [{ hasRisk: 'r0' }, { attr: 'age', lte: 25 }] })).toBeUndefined();
    expect(test({ signalled: 'r0' })).toBeUndefined();
    expect(test({ hasRisk: 'r31' })).toBeUndefined();
  });
});
