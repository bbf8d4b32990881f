import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, PopulationSchema, viewClient, type Client, type Condition, type Population } from '../../src/model/index.js';
import { generateClients } from '../../src/simulate/index.js';
import { filesOfKind, walkObjects } from './content-files.js';

// The target group "in a vulnerable situation", written out here by counting, independently of the
// conditions in the content: an accumulation of risk factors (complex problems, or at least two of
// the programme figure's psychosocial risk factors) with few protective factors (at most two of four
// buffers). paths/README.md states the definition and its sources.
const PSYCHOSOCIAL = [
  'stress',
  'low-ses',
  'debts',
  'housing-problem',
  'mental-health-or-lvb',
  'domestic-violence',
  'addiction',
  'low-literacy',
  'relationship-problems',
  'single-or-blended-family',
  'parental-childhood-adversity',
];
const BUFFERS = ['social-networks', 'positive-family-relations', 'can-ask-accept-help', 'stable-income'];
const OTHER_RISKS = ['smoking', 'alcohol', 'unhealthy-lifestyle', 'physical-medical-problems', 'child-specific-factors', 'unintended-pregnancy'];
const OTHER_PROTECTIONS = ['resilience', 'secure-attachment', 'parenting-skills', 'social-competences', 'community-connected', 'trusted-professional', 'good-partner-relationship'];

const accumulates = (risks: readonly string[]) => risks.includes('complex-problems') || PSYCHOSOCIAL.filter((r) => risks.includes(r)).length >= 2;
const fewProtections = (protections: readonly string[]) => BUFFERS.filter((p) => protections.includes(p)).length <= 2;
const inTargetGroup = (client: Pick<Client, 'risks' | 'protections'>) => accumulates(client.risks) && fewProtections(client.protections);

const population: Population = PopulationSchema.parse(filesOfKind('population').find((f) => f.file === 'populations/default.json')!.data);

/** Every condition in the shipped content that uses the derived risk `accumulated-risks`, with where it is. */
function targetGroupConditions(): { at: string; condition: Condition }[] {
  const found: { at: string; condition: Condition }[] = [];
  for (const f of [...filesOfKind('carepath'), ...filesOfKind('menukaart'), ...filesOfKind('coalition')]) {
    walkObjects(f.data, (node, pointer) => {
      if (!Array.isArray(node.all)) return;
      if ((node.all as Condition[]).some((c) => c.hasRisk === 'accumulated-risks')) found.push({ at: `${f.file}${pointer}`, condition: node as Condition });
    });
  }
  return found;
}

describe('the target group "in a vulnerable situation"', () => {
  const conditions = targetGroupConditions();

  it('is used by the prenatal home visit, kraamzorg op maat and the warm handover, always as one and the same condition', () => {
    const places = conditions.map((c) => c.at).join('\n');
    for (const where of ['zwangerschap.json/steps/phb-aanbod', 'na-de-geboorte.json/steps/geboorteaangifte', 'na-de-geboorte.json/steps/signalering-kraamweek', 'menukaart.json/interventions/phb-jgz', 'menukaart.json/interventions/kraamzorg-op-maat']) {
      expect(places).toContain(where);
    }
    for (const { condition } of conditions) expect(condition).toEqual(conditions[0]!.condition);
  });

  it('holds in the content exactly when the counting definition holds', () => {
    const condition = conditions[0]!.condition;
    fc.assert(
      fc.property(
        fc.subarray([...PSYCHOSOCIAL, 'complex-problems', ...OTHER_RISKS]),
        fc.subarray([...BUFFERS, ...OTHER_PROTECTIONS]),
        (drawn, protections) => {
          // the population derives accumulated-risks from the other risks; a client carries it the same way
          const risks = accumulates(drawn) ? [...drawn, 'accumulated-risks'] : drawn;
          expect(evaluateCondition(condition, viewClient({ risks, protections }))).toBe(inTargetGroup({ risks, protections }));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('no longer counts a single risk factor as a vulnerable situation', () => {
    const broad: string[] = [];
    for (const f of [...filesOfKind('carepath'), ...filesOfKind('menukaart')]) {
      walkObjects(f.data, (node, pointer) => {
        const any = node.any as Condition[] | undefined;
        if (!Array.isArray(any)) return;
        const psychosocial = any.filter((c) => typeof c.hasRisk === 'string' && PSYCHOSOCIAL.includes(c.hasRisk)).length;
        if (psychosocial >= 8) broad.push(`${f.file}${pointer}`);
      });
    }
    expect(broad).toEqual([]);
  });

  describe('in the default population', () => {
    const n = 100_000;
    const clients = generateClients(population, { n, seed: 11 });

    it('derives accumulated-risks from the other risks for every household, as the population says', () => {
      const wrong = clients.filter((c) => c.risks.includes('accumulated-risks') !== accumulates(c.risks));
      expect(wrong.length).toBe(0);
    });

    it('puts 12 to 22% of households in the target group, about 1 in 6', () => {
      const share = clients.filter(inTargetGroup).length / n;
      expect(share).toBeGreaterThanOrEqual(0.12);
      expect(share).toBeLessThanOrEqual(0.22);
      expect(Math.abs(share - 1 / 6)).toBeLessThan(0.02);
    });

    it('makes protective factors scarcer where risks accumulate, and keeps their stated overall shares', () => {
      const withAccumulation = clients.filter((c) => accumulates(c.risks));
      const without = clients.filter((c) => !accumulates(c.risks));
      for (const buffer of BUFFERS) {
        const share = (group: Client[]) => group.filter((c) => c.protections.includes(buffer)).length / group.length;
        expect(share(withAccumulation)).toBeLessThan(share(without));
        expect(Math.abs(share(clients) - population.protections[buffer]!.prevalence)).toBeLessThan(0.01);
      }
    });
  });
});
