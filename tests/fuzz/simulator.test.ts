import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeValue, LIMITS, PopulationSchema, simulateSync, ZorgpadenError, type CarePath, type Population, type SimulationResult, type SimulationTraces } from '../support/everything.js';
import { randomPathArb } from '../coverage/random-path.js';
import { buildPath, pathSpec } from '../simulate/random-paths.js';
import { population as fixturePopulation } from '../simulate/fixtures.js';
import { validPathArbitrary } from '../validate/generate.js';
import { fuzz } from './budget.js';

const label = { nl: 'x' };
const probability = fc.double({ min: 0, max: 1, noNaN: true });

/** Populations over the risks, protections and attributes the generated paths test (r0–r2, debts, violence, p1, age, flag). */
const populationArb: fc.Arbitrary<Population> = fc
  .record({
    risks: fc.dictionary(fc.constantFrom('r0', 'r1', 'r2', 'debts', 'violence'), probability, { maxKeys: 5 }),
    protection: fc.option(probability, { nil: undefined }),
    ageBins: fc.array(fc.record({ min: fc.integer({ min: 10, max: 30 }), span: fc.nat(20), weight: fc.double({ min: 0, max: 5, noNaN: true }) }), { minLength: 1, maxLength: 3 }),
    flag: fc.option(probability, { nil: undefined }),
    conditional: fc.option(probability, { nil: undefined }),
  })
  .map(({ risks, protection, ageBins, flag, conditional }) =>
    PopulationSchema.parse({
      schemaVersion: 1,
      kind: 'population',
      id: 'fuzz/population',
      version: '1.0.0',
      title: label,
      attributes: {
        // the first bin always has weight: bins whose weights are all 0 are refused (tests/hardening)
        age: { type: 'number', bins: ageBins.map((b, i) => ({ min: b.min, max: b.min + b.span, weight: i === 0 ? Math.max(b.weight, 0.1) : b.weight })) },
        ...(flag !== undefined ? { flag: { type: 'boolean', p: flag } } : {}),
      },
      risks: Object.fromEntries(
        Object.entries(risks).map(([id, prevalence]) => [id, { label, prevalence, ...(conditional !== undefined ? { given: [{ when: { attr: 'age', lt: 20 }, prevalence: conditional }] } : {}) }]),
      ),
      ...(protection !== undefined ? { protections: { p1: { label, prevalence: protection } } } : {}),
    }),
  );

const pathArb: fc.Arbitrary<CarePath> = fc.oneof(pathSpec({ conditions: true, windows: true }).map(buildPath), randomPathArb, validPathArbitrary.map((g) => g.path));

const options = fc.record({
  population: fc.oneof(populationArb, fc.constant(fixturePopulation), fc.constant(undefined)),
  cohort: fc.integer({ min: 1, max: 2000 }),
  seed: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.maxSafeNat().map((n) => -n)),
  maxVisits: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  traces: fc.boolean(),
});

const counts = (r: SimulationResult): number[] => [
  ...Object.values(r.visits),
  ...Object.values(r.clients),
  ...Object.values(r.transitionCounts).flat(),
  ...Object.values(r.outcomes),
  ...Object.values(r.stuck),
  ...Object.values(r.limit),
  ...Object.values(r.interventions).flatMap((i) => [i.reached, i.eligible, i.reachedEligible]),
  ...Object.values(r.unmetNeed).flatMap((u) => [u.withRisk, u.unmet]),
  r.handoffs.warm,
  r.handoffs.cold,
  r.handoffs.unmarked,
  r.timeToSupport.n,
];

const bytes = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
const sameTraces = (a: SimulationTraces, b: SimulationTraces) =>
  a.stepIds.join('\u0000') === b.stepIds.join('\u0000') && bytes(a.offsets).equals(bytes(b.offsets)) && bytes(a.steps).equals(bytes(b.steps)) && bytes(a.days).equals(bytes(b.days));

const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);

describe('the simulator', () => {
  it('for any valid path, population, cohort and seed: every journey ends once, counts are whole and never negative, and the seed fixes the result', () => {
    fuzz(
      'simulator: simulateSync on generated paths',
      fc.property(pathArb, options, (path, o) => {
        const run = () => simulateSync(path, { cohort: o.cohort, seed: o.seed, traces: o.traces, ...(o.population ? { population: o.population } : {}), ...(o.maxVisits !== undefined ? { maxVisits: o.maxVisits } : {}) });
        const result = run();
        expect(result.cohort).toBe(o.cohort);
        expect(sum(result.outcomes) + sum(result.stuck) + sum(result.limit)).toBe(o.cohort);
        for (const n of counts(result)) expect(Number.isInteger(n) && n >= 0, `count ${n}`).toBe(true);
        for (const id of Object.keys(path.steps)) {
          expect(result.clients[id]!).toBeLessThanOrEqual(Math.min(o.cohort, result.visits[id]!));
        }
        expect(result.clients[path.initial]).toBe(o.cohort);
        for (const share of [...Object.values(result.interventions).map((i) => i.share), ...Object.values(result.unmetNeed).map((u) => u.share)]) expect(share >= 0 && share <= 1).toBe(true);
        if (o.traces) expect(result.traces?.offsets.length).toBe(o.cohort + 1);
        // traces can hold millions of visits: compare them as bytes, not element by element
        const { traces, ...rest } = result;
        const { traces: again, ...restAgain } = run();
        expect(restAgain).toEqual(rest);
        if (traces) expect(sameTraces(traces, again!)).toBe(true);
      }),
      0.2,
    );
  });

  it('invalid cohorts, seeds and visit limits give the documented ZorgpadenError, naming the option', () => {
    const bad = fc.oneof(
      fc.record({ field: fc.constant('cohort' as const), value: fc.oneof(fc.integer({ max: 0 }), fc.constantFrom(NaN, Infinity, -Infinity, 1.5, LIMITS.maxCohort + 1, Number.MAX_SAFE_INTEGER + 2), fc.double({ noInteger: true }), fc.string() as fc.Arbitrary<unknown>) }),
      fc.record({ field: fc.constant('seed' as const), value: fc.oneof(fc.constantFrom(NaN, Infinity, 0.5, 2 ** 53, -(2 ** 53)), fc.double({ noInteger: true }), fc.string() as fc.Arbitrary<unknown>, fc.constant(null)) }),
      fc.record({ field: fc.constant('maxVisits' as const), value: fc.oneof(fc.integer({ max: 0 }), fc.constantFrom(NaN, Infinity, 1.5, '3'), fc.double({ noInteger: true })) }),
    );
    fuzz(
      'simulator: invalid options',
      fc.property(pathArb, bad, ({ ...path }, { field, value }) => {
        const o = { cohort: 10, seed: 1, [field]: value } as { cohort: number; seed: number };
        let error: unknown;
        try {
          simulateSync(path, o);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ZorgpadenError);
        const message = (error as ZorgpadenError).diagnostics[0]!.message;
        expect(message.startsWith(`simulate: ${field} must be a whole number`), message).toBe(true);
        expect(message.endsWith(`, but it is ${describeValue(value).en}.`), message).toBe(true);
      }),
    );
  });
});
