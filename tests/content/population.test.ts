import { describe, expect, it } from 'vitest';
import { PopulationSchema, type Condition, type Population } from '../../src/model/index.js';
import { generateClients } from '../../src/simulate/index.js';
import { filesOfKind, walkObjects } from './content-files.js';

const population: Population = PopulationSchema.parse(filesOfKind('population').find((f) => f.file === 'populations/default.json')!.data);

/** Every risk key, attribute name and attribute value the shipped paths and menukaart refer to. */
function referenced(): { risks: Set<string>; attributes: Map<string, Set<unknown>> } {
  const risks = new Set<string>();
  const attributes = new Map<string, Set<unknown>>();
  const visitCondition = (c: Condition) => {
    if (c.hasRisk) risks.add(c.hasRisk);
    if (c.attr) {
      const values = attributes.get(c.attr) ?? new Set<unknown>();
      for (const v of [c.eq, c.ne, ...(c.in ?? [])]) if (typeof v === 'string') values.add(v);
      attributes.set(c.attr, values);
    }
  };
  for (const f of [...filesOfKind('carepath'), ...filesOfKind('menukaart')]) {
    walkObjects(f.data, (node) => {
      if (typeof node.hasRisk === 'string' || typeof node.attr === 'string') visitCondition(node as Condition);
      for (const field of ['addresses', 'signals']) if (Array.isArray(node[field])) for (const r of node[field] as string[]) risks.add(r);
    });
  }
  return { risks, attributes };
}

describe('the default population', () => {
  it('is a cohort of 170,000 births, the programme figure', () => {
    expect(population.cohort).toBe(170_000);
  });

  it('states each risk prevalence as the share its conditional prevalences produce', () => {
    const n = 100_000;
    const clients = generateClients(population, { n, seed: 3 });
    const problems: string[] = [];
    for (const [key, factor] of Object.entries(population.risks)) {
      const share = clients.filter((c) => c.risks.includes(key)).length / n;
      if (Math.abs(share - factor.prevalence) > 0.01) problems.push(`${key}: stated ${factor.prevalence}, drawn ${share.toFixed(3)}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('covers every risk and attribute the paths use, with every attribute value they test', () => {
    const { risks, attributes } = referenced();
    expect([...risks].filter((r) => !Object.hasOwn(population.risks, r)).sort()).toEqual([]);
    expect(Object.keys(population.risks).filter((r) => !risks.has(r)).sort()).toEqual([]);
    const problems: string[] = [];
    for (const [name, values] of attributes) {
      const model = population.attributes[name];
      if (!model) {
        problems.push(`attribute "${name}" is not in the population`);
        continue;
      }
      for (const v of values) if (model.type === 'categorical' && !Object.hasOwn(model.values ?? {}, String(v))) problems.push(`${name} = "${String(v)}" is never drawn`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('draws clients that meet the VoorZorg first selection, so that the intervention is reachable', () => {
    const clients = generateClients(population, { n: 20_000, seed: 9 });
    const eligible = clients.filter((c) => {
      const a = c.attributes;
      return a.firstPregnancy === true && typeof a.age === 'number' && a.age <= 25 && (a.education === 'none' || a.education === 'vmbo') && a.speaksDutch === true;
    });
    expect(eligible.length).toBeGreaterThan(0);
  });
});
