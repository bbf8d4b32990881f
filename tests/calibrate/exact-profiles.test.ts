import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPath, loadPopulation, safeLoadTargets } from '../../src/node/index.js';
import { PopulationSchema, TargetsSchema, type CarePath, type Population } from '../../src/model/index.js';
import { safeTargetModel } from '../../src/simulate/calibrate/index.js';
import { profileChain, reachWhere, outcomeWhere, shareWhere, type ProfileChain } from '../../src/simulate/markov-profiles.js';
import { exactOutcomes, simulateSync } from '../../src/simulate/index.js';
import { buildPath, pathSpec } from '../simulate/random-paths.js';

const label = { nl: 'x', en: 'x' };
const root = new URL('../../paths/', import.meta.url).pathname;

interface Chances {
  r0: number;
  /** P(r1 | r0) and P(r1 | not r0). */
  r1: [number, number];
  /** Share of clients under 20; P(r2 | under 20) and P(r2 | 20 or older). */
  young: number;
  r2: [number, number];
}

/** r1 depends on r0, r2 on age: the features form a small directed model, as a population's `given`s do. */
function population(c: Chances): Population {
  return PopulationSchema.parse({
    schemaVersion: 1,
    kind: 'population',
    id: 'test/profiles',
    version: '1.0.0',
    title: label,
    attributes: { age: { type: 'number', bins: [{ min: 15, max: 19, weight: c.young }, { min: 20, max: 44, weight: 1 - c.young }] } },
    risks: {
      r0: { label, prevalence: c.r0 },
      r1: { label, prevalence: c.r1[1], given: [{ when: { hasRisk: 'r0' }, prevalence: c.r1[0] }] },
      r2: { label, prevalence: c.r2[1], given: [{ when: { attr: 'age', lt: 20 }, prevalence: c.r2[0] }] },
    },
  });
}

/** Every profile with its chance, listed by hand: the independent side of the comparison. */
function profiles(c: Chances): { risks: string[]; p: number }[] {
  const out: { risks: string[]; p: number }[] = [];
  for (const r0 of [true, false])
    for (const r1 of [true, false])
      for (const young of [true, false])
        for (const r2 of [true, false]) {
          const pr1 = r0 ? c.r1[0] : c.r1[1];
          const pr2 = young ? c.r2[0] : c.r2[1];
          const p = (r0 ? c.r0 : 1 - c.r0) * (r1 ? pr1 : 1 - pr1) * (young ? c.young : 1 - c.young) * (r2 ? pr2 : 1 - pr2);
          if (p > 0) out.push({ risks: [...(r0 ? ['r0'] : []), ...(r1 ? ['r1'] : []), ...(r2 ? ['r2'] : [])], p });
        }
  return out;
}

const chance = fc.double({ min: 0.05, max: 0.95, noNaN: true });
const chances: fc.Arbitrary<Chances> = fc.record({ r0: chance, r1: fc.tuple(chance, chance), young: chance, r2: fc.tuple(chance, chance) });

const stepIndex = (chain: ProfileChain, id: string) => chain.table.stepIds.indexOf(id);

describe('the exact engine over client profiles', () => {
  it('equals the mixture of the per-profile Markov chains on random conditional paths (property)', () => {
    let compared = 0;
    fc.assert(
      fc.property(pathSpec({ conditions: true, windows: true }), chances, (spec, c) => {
        const path = buildPath(spec);
        const listed = profiles(c).map((profile) => ({ ...profile, exact: exactOutcomes(path, { risks: profile.risks }) }));
        const chain = profileChain(path, population(c), { pinned: { risks: ['r0'] } });
        if (listed.some((l) => !l.exact.ok)) return;
        const endless = listed.some((l) => l.exact.ok && l.exact.value.neverEnds > 0);
        if (endless) return void expect(chain).toBe('never-ends');
        if (typeof chain === 'string') throw new Error(`no chain: ${chain}`);
        const mix = (value: (e: (typeof listed)[number]) => number) => listed.reduce((sum, l) => sum + l.p * value(l), 0);
        for (const id of Object.keys(path.steps)) {
          const s = stepIndex(chain, id);
          expect(reachWhere(chain, s, () => true)).toBeCloseTo(mix((l) => (l.exact.ok ? l.exact.value.reach[id]! : NaN)), 9);
          // among clients with r0 (a pinned feature): the mixture over their profiles only
          const withR0 = (client: { risks: Uint8Array }) => client.risks[chain.space.riskIndex.get('r0')!] === 1;
          expect(reachWhere(chain, s, withR0)).toBeCloseTo(mix((l) => (l.exact.ok && l.risks.includes('r0') ? l.exact.value.reach[id]! : 0)), 9);
          const ends = mix((l) => (l.exact.ok ? (l.exact.value.outcomes[id] ?? 0) + (l.exact.value.stuck[id] ?? 0) : NaN));
          expect(outcomeWhere(chain, s, () => true)).toBeCloseTo(ends, 9);
        }
        expect(shareWhere(chain, (client) => client.risks[chain.space.riskIndex.get('r0')!] === 1)).toBeCloseTo(c.r0, 12);
        compared++;
      }),
      { numRuns: 60 },
    );
    // most random paths end for every profile: the comparison is not skipped
    expect(compared).toBeGreaterThan(30);
  });

  it('gives the shares calibration counts, within Monte-Carlo error, for targets of every form it takes (property)', () => {
    let compared = 0;
    fc.assert(
      fc.property(pathSpec({ conditions: true }), chances, fc.integer({ min: 1, max: 1_000 }), (spec, c, seed) => {
        const path = buildPath(spec);
        const ids = Object.keys(path.steps);
        const outcome = ids.find((id) => id.startsWith('o'))!;
        const targets = TargetsSchema.parse({
          schemaVersion: 1,
          kind: 'targets',
          id: 'test/forms',
          version: '1.0.0',
          title: label,
          targets: {
            reach: { label, measure: { numerator: { reached: 's0' } }, tolerance: 0.1, status: 'assumption' },
            'reach-among-r0': { label, measure: { numerator: { reached: ids[1]! }, denominator: { hasRisk: 'r0' } }, tolerance: 0.1, status: 'assumption' },
            'ends-with-r1': { label, measure: { numerator: { all: [{ outcome }, { hasRisk: 'r1' }] }, denominator: { any: [{ hasRisk: 'r1' }, { hasRisk: 'r2' }] } }, tolerance: 0.1, status: 'assumption' },
            'never-reached': { label, measure: { numerator: { not: { reached: ids[1]! } } }, tolerance: 0.1, status: 'assumption' },
            'r2-among-reached': { label, measure: { numerator: { hasRisk: 'r2' }, denominator: { reached: ids[1]! } }, tolerance: 0.1, status: 'assumption' },
          },
        });
        const pop = population(c);
        const exact = safeTargetModel(path, targets, { population: pop, cohort: 20_000, seed });
        const counted = safeTargetModel(path, targets, { population: pop, cohort: 20_000, seed, maxExactStates: 0 });
        if (!exact.ok || !counted.ok) throw new Error('targets do not compile');
        const e = exact.value.run([]).measured!;
        if (exact.value.exact().fallback !== undefined) return;
        const m = counted.value.run([]).measured!;
        for (const key of Object.keys(targets.targets)) {
          const got = e.get(key)!;
          const count = m.get(key)!;
          expect(count.exact).toBeUndefined();
          if (count.denominator < 200) continue;
          expect(got.exact).toBe(true);
          const se = Math.sqrt((got.share! * (1 - got.share!)) / count.denominator);
          if (se < 1e-9) expect(count.share).toBeCloseTo(got.share!, 6);
          else expect(Math.abs(count.share! - got.share!)).toBeLessThanOrEqual(4.5 * se);
          compared++;
        }
      }),
      { numRuns: 25 },
    );
    expect(compared).toBeGreaterThan(40);
  });

  it('agrees with the simulation of the shipped 1000-day path, where the clients differ in age, education and six risks', async () => {
    const path: CarePath = await loadPath(`${root}national/eerste-1000-dagen.json`);
    const full = await loadPopulation(`${root}populations/default.json`);
    const keep = ['stress', 'debts', 'smoking', 'low-literacy', 'addiction', 'domestic-violence', 'low-ses'];
    const pop = PopulationSchema.parse({ ...full, risks: Object.fromEntries(keep.map((k) => [k, full.risks[k]!])), protections: {} });
    const chain = profileChain(path, pop, { maxStates: 100_000 });
    if (typeof chain === 'string') throw new Error(`no chain: ${chain}`);
    const N = 100_000;
    const sim = simulateSync(path, { population: pop, cohort: N, seed: 17 });
    const misfits = Object.keys(path.steps).flatMap((id) => {
      const p = reachWhere(chain, stepIndex(chain, id), () => true);
      const se = Math.sqrt((p * (1 - p)) / N);
      const observed = (sim.clients[id] ?? 0) / N;
      const ok = se < 1e-9 ? Math.abs(observed - p) < 1e-6 : Math.abs(observed - p) <= 4.5 * se;
      return ok ? [] : [`${id}: exact ${p}, simulated ${observed}`];
    });
    expect(misfits).toEqual([]);
    // some step's reach depends on who the client is: the chain is not that of one profile
    const alone = exactOutcomes(path, {});
    if (!alone.ok) throw new Error('no chain for one profile');
    expect(Object.keys(path.steps).some((id) => Math.abs(alone.value.reach[id]! - reachWhere(chain, stepIndex(chain, id), () => true)) > 0.01)).toBe(true);
  });

  it('falls back to counting, and says why, when the chain outgrows its bound (the shipped population)', async () => {
    const path = await loadPath(`${root}national/eerste-1000-dagen.json`);
    const full = await loadPopulation(`${root}populations/default.json`);
    const targets = await safeLoadTargets(`${root}targets/monitor.json`);
    if (!targets.ok) throw new Error('targets do not load');
    const model = safeTargetModel(path, { ...targets.value, parameters: {} }, { population: full, cohort: 500, maxExactStates: 5_000 });
    if (!model.ok) throw new Error('model');
    const measured = model.value.run([]).measured!;
    expect(model.value.exact()).toEqual({ targets: [], fallback: 'states' });
    expect([...measured.values()].some((m) => m.exact)).toBe(false);
    expect(profileChain(path, full, { maxStates: 5_000 })).toBe('states');
  });
});
