import { describe, expect, it } from 'vitest';
import { PopulationSchema } from '../../src/model/index.js';
import { profileChain, reachWhere } from '../../src/simulate/markov-profiles.js';
import { simulateSync } from '../../src/simulate/index.js';
import { parsePath } from '../simulate/fixtures.js';

const label = { nl: 'x', en: 'x' };
const PARENTS = 10;
const P = 0.12;
const names = Array.from({ length: PARENTS }, (_, i) => `r${i}`);
const pairs = names.flatMap((a, i) => names.slice(i + 1).map((b) => ({ all: [{ hasRisk: a }, { hasRisk: b }] })));

/** Ten independent risks, and "accumulated" exactly when at least two of them are present, as the shipped population derives it. */
const population = PopulationSchema.parse({
  schemaVersion: 1,
  kind: 'population',
  id: 'test/derived',
  version: '1.0.0',
  title: label,
  risks: {
    ...Object.fromEntries(names.map((n) => [n, { label, prevalence: P }])),
    accumulated: { label, prevalence: 0, given: [{ when: { any: pairs }, prevalence: 1 }] },
  },
});

/** Screening reads only the derived risk; a later step reads r0 by name. */
const path = parsePath({
  schemaVersion: 1,
  id: 'test/derived-path',
  version: '1.0.0',
  title: label,
  actors: { a: { label, domain: 'medical' } },
  initial: 'screen',
  steps: {
    screen: { kind: 'screening', phase: 'pregnancy', actor: 'a', label, transitions: [{ to: 'support', when: { hasRisk: 'accumulated' } }, { to: 'usual', weight: 1, when: { not: { hasRisk: 'accumulated' } } }] },
    support: { kind: 'intervention', phase: 'pregnancy', actor: 'a', label, transitions: [{ to: 'extra', when: { hasRisk: 'r0' } }, { to: 'end', when: { not: { hasRisk: 'r0' } } }] },
    usual: { kind: 'contact', phase: 'pregnancy', actor: 'a', label, transitions: [{ to: 'end' }] },
    extra: { kind: 'intervention', phase: 'pregnancy', actor: 'a', label, transitions: [{ to: 'end' }] },
    end: { kind: 'outcome', phase: 'postpartum', label, result: 'good' },
  },
});

const binomial = (k: number) => {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (PARENTS - i)) / (i + 1);
  return c * P ** k * (1 - P) ** (PARENTS - k);
};

describe('the exact chain with a risk derived from many others', () => {
  it('sums out the risks behind a derived one that no later step reads, and keeps the one a later step reads', () => {
    // 2^10 profiles of the parents would not fit; what the conditions tell apart does
    const chain = profileChain(path, population, { maxStates: 200 });
    if (typeof chain === 'string') throw new Error(`no chain: ${chain}`);
    expect(chain.graph.step.length).toBeLessThan(40);
    const at = (id: string) => chain.table.stepIds.indexOf(id);
    // at least two of ten: independent of the chain's arithmetic
    const accumulated = 1 - binomial(0) - binomial(1);
    expect(reachWhere(chain, at('support'), () => true)).toBeCloseTo(accumulated, 12);
    // r0 stays correlated with the derived risk: P(r0 and at least one other)
    const withR0 = P * (1 - (1 - P) ** (PARENTS - 1));
    expect(reachWhere(chain, at('extra'), () => true)).toBeCloseTo(withR0, 12);
    // and the simulation agrees within its Monte-Carlo error
    const n = 100_000;
    const simulated = simulateSync(path, { population, cohort: n, seed: 3 });
    for (const [step, exact] of [['support', accumulated], ['extra', withR0]] as const) {
      const share = simulated.visits[step]! / n;
      expect(Math.abs(share - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / n));
    }
  });
});
