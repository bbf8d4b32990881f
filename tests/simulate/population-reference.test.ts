import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, PopulationSchema, viewClient, type Client, type Condition, type Population } from '../../src/model/index.js';
import { generateClients } from '../../src/simulate/index.js';
import { clientStream, STREAM, uniform } from '../../src/simulate/random.js';

/**
 * The draw order written out plainly, as a reference: attributes in declared order, then risks,
 * then protections; a factor draws one uniform before its `given` is looked at, and takes the
 * prevalence of its first `given` that holds for what was drawn before it.
 */
function referenceClient(population: Population, seed: number, index: number): Client {
  const rng = clientStream(seed, index, STREAM.client);
  const client: Client = { risks: [], protections: [], attributes: {} };
  const holds = (when: Condition) => evaluateCondition(when, viewClient(client));
  for (const [name, model] of Object.entries(population.attributes)) {
    const given = model.given?.find((g) => holds(g.when));
    client.attributes[name] = uniform(rng) < (given?.p ?? model.p!);
  }
  for (const kind of ['risks', 'protections'] as const) {
    for (const [key, model] of Object.entries(population[kind])) {
      const u = uniform(rng);
      const given = model.given?.find((g) => holds(g.when));
      if (u < (given?.prevalence ?? model.prevalence)) client[kind].push(key);
    }
  }
  return client;
}

const chance = fc.constantFrom(0, 0.05, 0.2, 0.5, 0.8, 1);

/** A population of boolean attributes and factors whose `given` refers to attributes and to factors drawn before. */
const populations = fc
  .record({ attributes: fc.integer({ min: 0, max: 3 }), risks: fc.integer({ min: 1, max: 5 }), protections: fc.integer({ min: 0, max: 3 }) })
  .chain(({ attributes, risks, protections }) => {
    const earlier = (names: string[]) =>
      names.length === 0
        ? fc.constant<Condition[]>([])
        : fc.array(
            fc.oneof(
              fc.constantFrom(...names).map((n): Condition => (n.startsWith('a') ? { attr: n, eq: true } : n.startsWith('r') ? { hasRisk: n } : { hasProtection: n })),
              fc.constantFrom(...names).map((n): Condition => ({ not: n.startsWith('a') ? { attr: n, eq: true } : n.startsWith('r') ? { hasRisk: n } : { hasProtection: n } })),
            ),
            { maxLength: 3 },
          );
    const attributeNames = Array.from({ length: attributes }, (_, i) => `a${i}`);
    const riskNames = Array.from({ length: risks }, (_, i) => `r${i}`);
    const protectionNames = Array.from({ length: protections }, (_, i) => `p${i}`);
    const factor = (before: string[]) => fc.record({ prevalence: chance, given: earlier(before).chain((whens) => fc.tuple(...whens.map((when) => chance.map((prevalence) => ({ when, prevalence }))))) });
    return fc.record({
      attributes: fc.tuple(...attributeNames.map((_, i) => fc.record({ p: chance, given: earlier(attributeNames.slice(0, i)).chain((whens) => fc.tuple(...whens.map((when) => chance.map((p) => ({ when, p }))))) }))),
      risks: fc.tuple(...riskNames.map((_, i) => factor([...attributeNames, ...riskNames.slice(0, i)]))),
      protections: fc.tuple(...protectionNames.map((_, i) => factor([...attributeNames, ...riskNames, ...protectionNames.slice(0, i)]))),
    }).map((drawn) =>
      PopulationSchema.parse({
        schemaVersion: 1,
        kind: 'population',
        id: 'test/reference',
        version: '1.0.0',
        title: { nl: 'Referentie' },
        attributes: Object.fromEntries(drawn.attributes.map((a, i) => [attributeNames[i], { type: 'boolean', p: a.p, ...(a.given.length > 0 ? { given: a.given } : {}) }])),
        risks: Object.fromEntries(drawn.risks.map((r, i) => [riskNames[i], { label: { nl: riskNames[i] }, prevalence: r.prevalence, ...(r.given.length > 0 ? { given: r.given } : {}) }])),
        protections: Object.fromEntries(drawn.protections.map((p, i) => [protectionNames[i], { label: { nl: protectionNames[i] }, prevalence: p.prevalence, ...(p.given.length > 0 ? { given: p.given } : {}) }])),
      }),
    );
  });

describe('generateClients against the draw order written out plainly', () => {
  it('draws every client exactly as the reference does, for populations with given rules', () => {
    fc.assert(
      fc.property(populations, fc.integer({ min: 0, max: 1000 }), (population, seed) => {
        const drawn = generateClients(population, { n: 40, seed });
        drawn.forEach((client, i) => expect(client).toEqual(referenceClient(population, seed, i)));
      }),
      { numRuns: 200 },
    );
  });
});
