import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, viewClient, type Condition } from '../../src/index.js';
import { buildSpace, encodeClient } from '../../src/simulate/client.js';
import { compileCondition } from '../../src/simulate/conditions.js';

// "two of these risks", written out as an `any` of pairs (as the default population's
// accumulated-risks is): the compiled form tests such a condition in one loop, and must mean what
// the model means, also for a risk the space does not know (no client has it) and for empty groups
const KNOWN = ['stress', 'debts', 'low-ses', 'housing-problem'];
const risk = fc.constantFrom(...KNOWN, 'unknown-risk').map((hasRisk): Condition => ({ hasRisk }));
const group = fc.oneof(
  risk,
  fc.array(risk, { minLength: 0, maxLength: 3 }).map((all): Condition => ({ all })),
);
const condition = fc.oneof(
  fc.array(group, { minLength: 0, maxLength: 6 }).map((any): Condition => ({ any })),
  fc.array(group, { minLength: 0, maxLength: 6 }).map((any): Condition => ({ not: { any } })),
);

describe('an any of groups of risks, compiled for the walk', () => {
  it('agrees with evaluateCondition on random groups and clients', () => {
    const space = buildSpace({ population: { risks: Object.fromEntries(KNOWN.map((k) => [k, { label: { nl: k }, prevalence: 0.5 }])), protections: {}, attributes: {} } as never });
    fc.assert(
      fc.property(condition, fc.subarray(KNOWN), (c, risks) => {
        const client = { risks, protections: [], attributes: {} };
        expect(compileCondition(c, space)(encodeClient(space, client))).toBe(evaluateCondition(c, viewClient(client)));
      }),
      { numRuns: 2000 },
    );
  });
});
