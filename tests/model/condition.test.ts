import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionDepth,
  ConditionSchema,
  evaluateCondition,
  risksIn,
  safeParseData,
  viewClient,
  type AttributeValue,
  type Condition,
} from '../../src/model/index.js';

const RISKS = ['debts', 'housing', 'smoking'];
const PROTECTIONS = ['network', 'income'];
const ATTRS = ['age', 'firstPregnancy', 'language'];

interface PlainClient {
  risks: string[];
  protections: string[];
  attributes: Record<string, AttributeValue>;
}

/** A second, independent reading of the condition language, written from its documentation. */
function holds(c: Condition, client: PlainClient): boolean {
  if (c.all) return c.all.filter((x) => holds(x, client)).length === c.all.length;
  if (c.any) return c.any.filter((x) => holds(x, client)).length > 0;
  if (c.not) return !holds(c.not, client);
  if (c.hasRisk) return client.risks.includes(c.hasRisk);
  if (c.hasProtection) return client.protections.includes(c.hasProtection);
  const present = Object.hasOwn(client.attributes, c.attr!);
  const v = client.attributes[c.attr!];
  const checks: boolean[] = [];
  if ('exists' in c && c.exists !== undefined) checks.push(present === c.exists);
  if (c.eq !== undefined) checks.push(present && v === c.eq);
  if (c.ne !== undefined) checks.push(!present || v !== c.ne);
  if (c.in !== undefined) checks.push(present && c.in.some((x) => x === v));
  const num = typeof v === 'number' ? v : undefined;
  if (c.lt !== undefined) checks.push(num !== undefined && num < c.lt);
  if (c.lte !== undefined) checks.push(num !== undefined && num <= c.lte);
  if (c.gt !== undefined) checks.push(num !== undefined && num > c.gt);
  if (c.gte !== undefined) checks.push(num !== undefined && num >= c.gte);
  return checks.every(Boolean);
}

function depth(c: Condition): number {
  const kids = [...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : [])];
  return kids.length === 0 ? 1 : 1 + Math.max(...kids.map(depth));
}

const valueArb = fc.oneof(fc.integer({ min: 15, max: 45 }), fc.constantFrom('nl', 'en', 'ar'), fc.boolean());
const numberArb = fc.integer({ min: 15, max: 45 });
const operatorsArb = fc
  .record(
    { eq: valueArb, ne: valueArb, lt: numberArb, lte: numberArb, gt: numberArb, gte: numberArb, in: fc.array(valueArb, { maxLength: 3 }), exists: fc.boolean() },
    { requiredKeys: [] },
  )
  .filter((ops) => Object.keys(ops).length > 0 && Object.keys(ops).length <= 2);

const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ hasRisk: fc.constantFrom(...RISKS) }),
    fc.record({ hasProtection: fc.constantFrom(...PROTECTIONS) }),
    fc.tuple(fc.constantFrom(...ATTRS), operatorsArb).map(([attr, ops]) => ({ attr, ...ops })),
    fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;

const clientArb: fc.Arbitrary<PlainClient> = fc.record({
  risks: fc.subarray(RISKS),
  protections: fc.subarray(PROTECTIONS),
  attributes: fc.record({ age: valueArb, firstPregnancy: fc.boolean(), language: valueArb }, { requiredKeys: [] }),
});

describe('evaluateCondition', () => {
  it('property: agrees with an independent evaluator on random conditions and clients', () => {
    fc.assert(
      fc.property(conditionArb, clientArb, (condition, client) => {
        expect(ConditionSchema.safeParse(condition).success).toBe(true);
        expect(evaluateCondition(condition, viewClient(client))).toBe(holds(condition, client));
      }),
      { numRuns: 2000 },
    );
  });

  it('examples from the file format', () => {
    const young = viewClient({ risks: ['debts'], attributes: { age: 19 } });
    expect(evaluateCondition({ hasRisk: 'debts' }, young)).toBe(true);
    expect(evaluateCondition({ attr: 'age', lt: 20 }, young)).toBe(true);
    expect(evaluateCondition({ attr: 'age', gte: 18, lt: 19 }, young)).toBe(false);
    expect(evaluateCondition({ all: [{ hasRisk: 'debts' }, { not: { attr: 'age', gte: 23 } }] }, young)).toBe(true);
    expect(evaluateCondition({ any: [] }, young)).toBe(false);
    expect(evaluateCondition({ all: [] }, young)).toBe(true);
    expect(evaluateCondition(undefined, young)).toBe(true);
  });

  it('a missing attribute fails every comparison except ne and exists: false', () => {
    const none = viewClient({});
    expect(evaluateCondition({ attr: 'age', ne: 3 }, none)).toBe(true);
    expect(evaluateCondition({ attr: 'age', exists: false }, none)).toBe(true);
    for (const op of [{ eq: 3 }, { lt: 3 }, { lte: 3 }, { gt: 3 }, { gte: 3 }, { in: [3] }, { exists: true }]) {
      expect(evaluateCondition({ attr: 'age', ...op }, none)).toBe(false);
    }
  });
});

describe('conditionDepth and risksIn', () => {
  it('counts a leaf as 1 and each all/any/not level as one more', () => {
    expect(conditionDepth({ hasRisk: 'debts' })).toBe(1);
    expect(conditionDepth({ not: { hasRisk: 'debts' } })).toBe(2);
    expect(conditionDepth({ all: [] })).toBe(1);
    expect(conditionDepth({ all: [{ hasRisk: 'a' }, { any: [{ not: { hasRisk: 'b' } }] }] })).toBe(4);
  });

  it('property: agrees with an independent depth count', () => {
    fc.assert(fc.property(conditionArb, (c) => {
      expect(conditionDepth(c)).toBe(depth(c));
    }));
  });

  it('lists the risks a condition mentions', () => {
    expect([...risksIn({ all: [{ hasRisk: 'a' }, { not: { hasRisk: 'b' } }, { hasProtection: 'c' }] })]).toEqual(['a', 'b']);
    expect([...risksIn(undefined)]).toEqual([]);
  });
});

describe('ConditionSchema', () => {
  const rejected: [string, unknown][] = [
    ['two forms', { hasRisk: 'debts', hasProtection: 'network' }],
    ['no form', {}],
    ['an operator without attr', { hasRisk: 'debts', lt: 3 }],
    ['attr without an operator', { attr: 'age' }],
    ['a nested mixed form', { all: [{ any: [], not: { hasRisk: 'a' } }] }],
  ];
  for (const [name, condition] of rejected) {
    it(`rejects ${name} with invalid-condition`, () => {
      const result = safeParseData(ConditionSchema, condition);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).toContain('invalid-condition');
    });
  }

  it('points into nested conditions', () => {
    const result = safeParseData(ConditionSchema, { all: [{ hasRisk: 'a' }, { any: [{ attr: 'age' }] }] });
    expect(result.diagnostics[0]).toMatchObject({ code: 'invalid-condition', pointer: '/all/1/any/0' });
  });

  it('rejects unknown operators as unknown fields', () => {
    const result = safeParseData(ConditionSchema, { attr: 'age', lessThan: 20 });
    expect(result.diagnostics.map((d) => d.code)).toContain('unknown-field');
  });
});
