import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRoute,
  coverage,
  createJourney,
  evaluateCondition,
  parsePath,
  testPaths,
  traceJourney,
  viewClient,
  type AttributeValue,
  type CarePath,
  type Client,
  type Condition,
} from '../../src/index.js';
import { isSatisfiable } from '../../src/graph.js';
import { buildSpace, encodeClient } from '../../src/simulate/client.js';
import { compileCondition } from '../../src/simulate/conditions.js';
import { params } from '../fuzz/budget.js';

/**
 * One meaning of a condition in every layer that evaluates conditions: the model, the simulator's
 * compiled tables and its walk, journeys (machine guards), routes, test paths (coverage) and the
 * satisfiability check of validation. Names on Object.prototype are the bait: a lookup that reads
 * through the prototype finds "toString" on every client.
 */
const ATTRIBUTES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'length', 'age'];
// keys are lower-case; these are the Object.prototype names a key can spell
const FACTORS = ['tostring', 'valueof', 'hasownproperty', 'isprototypeof', 'debts', 'length'];

const value = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom('a', 'b', 'function'), fc.boolean());
const comparison = fc.oneof(
  fc.record({ exists: fc.boolean() }),
  fc.record({ eq: value }),
  fc.record({ ne: value }),
  fc.record({ in: fc.array(value, { minLength: 1, maxLength: 3 }) }),
  fc.record({ lt: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ gte: fc.integer({ min: -2, max: 2 }) }),
);
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...FACTORS).map((hasRisk) => ({ hasRisk })),
  fc.constantFrom(...FACTORS).map((hasProtection) => ({ hasProtection })),
  fc.tuple(fc.constantFrom(...ATTRIBUTES.filter((a) => a !== '__proto__')), comparison).map(([attr, op]) => ({ attr, ...op }) as Condition),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;

// attributes as JSON gives them: "__proto__" is an own property, not the prototype
const client: fc.Arbitrary<Client> = fc.record({
  risks: fc.subarray(FACTORS),
  protections: fc.subarray(FACTORS),
  attributes: fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), value), { maxLength: 4 }).map((pairs) => Object.fromEntries(pairs) as Record<string, AttributeValue>),
});

/** A path that goes to "ja" when the condition holds and to "nee" when it does not. */
function fork(when: Condition): CarePath {
  const outcome = (nl: string) => ({ kind: 'outcome', phase: 'pregnancy', label: { nl } });
  const text = JSON.stringify({
    schemaVersion: 1,
    id: 'test/vork',
    version: '1.0.0',
    title: { nl: 'Vork' },
    initial: 'a',
    steps: { a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'A' }, transitions: [{ to: 'ja', when }, { to: 'nee', when: { not: when } }] }, ja: outcome('Ja'), nee: outcome('Nee') },
  });
  return parsePath(text, { filename: 'vork.json' });
}

describe('every layer gives a condition the same meaning', () => {
  it('for prototype names the model reads own properties only', () => {
    const empty = viewClient({});
    for (const attr of ATTRIBUTES.filter((a) => a !== '__proto__')) expect(evaluateCondition({ attr, exists: true }, empty), attr).toBe(false);
    expect(evaluateCondition({ attr: 'constructor', eq: 5 }, viewClient(JSON.parse('{"attributes":{"constructor":5}}') as Client))).toBe(true);
  });

  it('"__proto__" is no attribute name: a condition on it is refused where it is read, a client with it by every layer', () => {
    expect(() => fork({ attr: '__proto__', exists: false })).toThrow(/"__proto__" cannot be the name of an attribute/);
    expect(() => evaluateCondition({ attr: '__proto__', exists: false }, viewClient({}))).toThrow(/__proto__/);
  });

  it('model, simulator, journeys, routes, test paths and validation agree on random conditions and clients', () => {
    fc.assert(
      fc.property(condition, client, (when, who) => {
        const path = fork(when);
        if (Object.hasOwn(who.attributes, '__proto__')) {
          // no plain object keeps such an attribute through a copy: every layer refuses it alike
          for (const [layer, call] of [
            ['model', () => viewClient(who)],
            ['simulator', () => traceJourney(path, who, { seed: 1, index: 0 })],
            ['machine', () => createJourney(path, who)],
            ['routes', () => checkRoute(path, { client: who, steps: [{ step: 'a' }] } as never)],
          ] as const) {
            expect(call, layer).toThrow(/__proto__/);
          }
          return;
        }
        const model = evaluateCondition(when, viewClient(who));
        const expected = model ? 'ja' : 'nee';

        const space = buildSpace({ path });
        expect(compileCondition(when, space)(encodeClient(space, who)), 'simulator: compiled condition').toBe(model);
        expect(traceJourney(path, who, { seed: 1, index: 0 }).steps, 'simulator: walk').toEqual(['a', expected]);

        const journey = createJourney(path, who);
        expect(journey.available().map((t) => t.to), 'machine: guards').toEqual([expected]);
        journey.send({ type: 'NEXT' });
        expect(journey.step, 'machine: step after NEXT').toBe(expected);
        expect(coverage(path, [journey.persist()]).steps.missed, 'coverage').toEqual([model ? 'nee' : 'ja']);

        const route = (to: string) => checkRoute(path, { client: who, steps: [{ step: 'a' }, { step: to }] } as never).fits;
        expect(route(expected), 'routes: the branch taken fits').toBe(true);
        expect(route(model ? 'nee' : 'ja'), 'routes: the other branch does not').toBe(false);

        expect(isSatisfiable(model ? when : { not: when }), 'validation: what a client meets is satisfiable').toBe(true);
        for (const test of testPaths(path, { strategy: 'transitions' })) {
          expect(evaluateCondition(when, viewClient(test.client)), `test paths: client ${JSON.stringify(test.client)} for ${test.steps.join(' → ')}`).toBe(test.steps[1] === 'ja');
        }
      }),
      params('conditions: every layer agrees', 2),
    );
  });
});
