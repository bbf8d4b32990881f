import { describe, expect, it } from 'vitest';
import { migratePathV1 } from '../../src/load/index.js';
import { PopulationSchema, type Population } from '../../src/model/index.js';
import { simulateHousehold } from '../../src/simulate/index.js';
import { GOLDEN_COHORT, GOLDEN_SEED, goldenCases } from '../golden/cases.js';
import { readFileSync } from 'node:fs';
import { GOLDEN_FILE } from '../golden/cases.js';
import { gezinInput, parseHousehold } from './fixtures.js';

const population = (prevalence: number, twins = 0): Population =>
  PopulationSchema.parse({
    schemaVersion: 1, kind: 'population', id: 'test/huishoudens', version: '1.0.0', title: { nl: 'Huishoudens' },
    risks: { schulden: { label: { nl: 'Schulden' }, prevalence } },
    ...(twins > 0 ? { multipleBirths: { share: twins, assumption: 'test' } } : {}),
  });

/** |observed share − p| within `k` standard errors of a binomial share over n. */
function near(count: number, n: number, p: number, k = 4): void {
  const se = Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(count / n - p), `${count}/${n} against ${p}`).toBeLessThanOrEqual(k * se);
}

describe('simulating households', () => {
  it('walks every migrated version 1 path exactly as version 1 did (the golden results)', async () => {
    const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as { results: Record<string, { visits: object; clients: object; transitionCounts: object; outcomes: object; stuck: object; limit: object }> };
    for (const c of await goldenCases()) {
      const result = simulateHousehold(migratePathV1(c.path).path, {
        cohort: GOLDEN_COHORT,
        seed: GOLDEN_SEED,
        ...(c.menukaart ? { menukaart: c.menukaart } : {}),
        ...(c.population ? { population: c.population } : {}),
      });
      const expected = golden.results[c.name]!;
      expect({ visits: result.visits, clients: result.households, transitionCounts: result.transitionCounts, outcomes: result.outcomes, stuck: result.stuck, limit: result.limit }, c.name).toEqual(expected);
      expect(result.waiting, c.name).toEqual({});
    }
  });

  it('accepts a version 1 path as it is, migrating it', async () => {
    const [c] = await goldenCases();
    const options = { cohort: 500, seed: 3, ...(c!.menukaart ? { menukaart: c!.menukaart } : {}) };
    expect(simulateHousehold(c!.path, options)).toEqual(simulateHousehold(migratePathV1(c!.path).path, options));
  });

  it('signals a present risk with the detection probability, and addresses it when the referral is accepted', () => {
    // prevalence 0.4, detection 0.5, acceptance 0.75: present 0.40, signalled 0.20, addressed 0.15
    const n = 20_000;
    const result = simulateHousehold(parseHousehold(gezinInput()), { cohort: n, seed: 7, population: population(0.4) });
    const debts = result.risks.schulden!;
    near(debts.present, n, 0.4);
    near(debts.signalled, n, 0.2);
    near(debts.addressed, n, 0.15);
    // the two ways through the cracks add up with the rest
    expect(debts.neverSignalled).toBe(debts.present - debts.signalled);
    expect(debts.signalledNotAddressed).toBe(debts.signalled - debts.addressed);
    expect(debts.addressedUnsignalled).toBe(0);
    // every signal is one warm referral made; the accepted ones start the social track
    expect(result.handoffs.referrals).toMatchObject({ made: debts.signalled, warm: debts.signalled, cold: 0, unmarked: 0, accepted: debts.addressed, started: debts.addressed });
    expect(result.tracks.sociaal!.instances).toBe(debts.addressed);
    // support follows the intake by the 14 days of the social team's intake
    expect(result.risks.schulden!.timeToSupport).toEqual({ n: debts.addressed, median: 14, p90: 14 });
  });

  it('does not delay the medical track by a long detour in the social domain', () => {
    const withReferral = gezinInput();
    const steps = withReferral.steps as Record<string, { transitions: { to: string; after?: number; weight?: number }[] }>;
    // a long detour that loops: months of social support, with its own choices
    steps.schuldhulp!.transitions = [{ to: 'sociaal-klaar', after: 120 }, { to: 'schuldhulp', after: 90 }];
    const without = structuredClone(withReferral);
    delete (without.steps as Record<string, { refers?: unknown }>).intake!.refers;
    const options = { cohort: 5_000, seed: 11, population: population(0.6) };
    const a = simulateHousehold(parseHousehold(withReferral), options);
    const b = simulateHousehold(parseHousehold(without), options);
    expect(a.tracks.sociaal!.instances).toBeGreaterThan(1_000);
    expect(a.tracks.sociaal!.days.mean).toBeGreaterThan(200);
    expect(b.tracks.sociaal!.instances).toBe(0);
    expect(a.tracks.zorg).toEqual(b.tracks.zorg);
    expect(a.tracks.jgz).toEqual(b.tracks.jgz);
    for (const step of ['intake', 'controles', 'bevalling', 'zorg-klaar', 'hielprik', 'consultatie', 'jgz-klaar']) {
      expect(a.visits[step], step).toBe(b.visits[step]);
      expect(a.transitionCounts[step], step).toEqual(b.transitionCounts[step]);
    }
  });

  it('starts a child track per child at birth, with twins in the share the population gives', () => {
    const n = 20_000;
    const result = simulateHousehold(parseHousehold(gezinInput()), { cohort: n, seed: 5, population: population(0.1, 0.3) });
    near(result.births.multiple, n, 0.3);
    expect(result.births).toMatchObject({ households: n, children: n + result.births.multiple });
    expect(result.tracks.jgz).toMatchObject({ instances: result.births.children, households: n });
    expect(result.visits.hielprik).toBe(result.births.children);
    expect(result.households.hielprik).toBe(n);
    expect(result.outcomes['jgz-klaar']).toBe(result.births.children);
  });

  it('starts the child track from the birth: a heel prick between 3 and 7 days of age', () => {
    const result = simulateHousehold(parseHousehold(gezinInput()), { cohort: 2_000, seed: 2, population: population(0.1) });
    // hielprik opens at day 3, and the child's track runs 3 → 17 (after 14) → consultatie → done
    expect(result.tracks.jgz!.days.mean).toBe(14);
  });

  it('lets a track wait for a household event, and reports a track that waits in vain', () => {
    const data = gezinInput();
    const steps = data.steps as Record<string, Record<string, unknown>>;
    // the social team waits for the birth before closing; the birth happens after the intake
    steps.schuldhulp!.transitions = [{ to: 'sociaal-klaar', on: 'BIRTH' }];
    const waits = simulateHousehold(parseHousehold(data), { cohort: 1_000, seed: 4, population: population(1) });
    expect(waits.waiting).toEqual({});
    expect(waits.outcomes['sociaal-klaar']).toBe(waits.tracks.sociaal!.instances);
    // from the intake on day −224 (8 weeks) to the birth on day 0, when the social track closes
    expect(waits.tracks.sociaal!.days.mean).toBe(224);

    const never = gezinInput();
    const neverSteps = never.steps as Record<string, Record<string, unknown>>;
    neverSteps.schuldhulp!.transitions = [{ to: 'sociaal-klaar', on: 'AFGEROND' }];
    // the only step that raises the event is one no household reaches
    neverSteps.nooit = { kind: 'contact', phase: 'pregnancy', track: 'zorg', label: { nl: 'Nooit' }, emits: 'AFGEROND', transitions: [{ to: 'zorg-klaar' }] };
    const vain = simulateHousehold(parseHousehold(never), { cohort: 1_000, seed: 4, population: population(1) });
    expect(vain.waiting).toEqual({ schuldhulp: vain.tracks.sociaal!.instances });
    expect(vain.stuck).toEqual({});
    expect(vain.outcomes['sociaal-klaar']).toBe(0);
  });

  it('gives the same result however the cohort is sliced', () => {
    const path = parseHousehold(gezinInput());
    const options = { cohort: 3_001, seed: 9, population: population(0.3, 0.05) };
    const whole = simulateHousehold(path, options);
    expect(simulateHousehold(path, { ...options, slices: 3 })).toEqual(whole);
    expect(simulateHousehold(path, { ...options, slices: 7 })).toEqual(whole);
  });

  it('refuses bad options and paths with clear errors', () => {
    const path = parseHousehold(gezinInput());
    expect(() => simulateHousehold(path, { cohort: 0, seed: 1 })).toThrow(/cohort/);
    expect(() => simulateHousehold(path, { cohort: 10, seed: 1.5 })).toThrow(/seed/);
    const broken = { ...path, tracks: {} };
    expect(() => simulateHousehold(broken, { cohort: 10, seed: 1 })).toThrow(/not a valid household path/);
  });
});
