import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PopulationSchema, type Population } from '../../src/model/index.js';
import { simulateHousehold, simulateHouseholdSubgroups, type HouseholdSubgroupFigures, type HouseholdSubgroupResult, type RiskResult } from '../../src/household.js';
import { wilsonInterval } from '../../src/simulate/calibrate/interval.js';
import { runHouseholdSubgroups } from '../../src/simulate/household-subgroups.js';
import { GEZIN_FILE, gezinInput, parseHousehold } from './fixtures.js';
import { join, relative } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { risksOfHousehold } from '../../src/simulate/household-risks.js';

type Data = Record<string, unknown>;

/** Households with debts (and a second risk `r2`), a first pregnancy or not, an age, and a share of twins. */
const population = (debts: number, twins: number): Population =>
  PopulationSchema.parse({
    schemaVersion: 1, kind: 'population', id: 'test/groepen', version: '1.0.0', title: { nl: 'Groepen' },
    attributes: {
      age: { type: 'number', bins: [{ min: 16, max: 19, weight: 1 }, { min: 20, max: 34, weight: 4 }, { min: 35, max: 44, weight: 2 }] },
      firstPregnancy: { type: 'boolean', p: 0.45 },
    },
    risks: {
      schulden: { label: { nl: 'Schulden' }, prevalence: debts, given: [{ when: { attr: 'age', lt: 20 }, prevalence: Math.min(1, debts * 2) }] },
      r2: { label: { nl: 'R2' }, prevalence: 0.2 },
    },
    ...(twins > 0 ? { multipleBirths: { share: twins, assumption: 'test' } } : {}),
  });

const BY_BIRTH = { single: { birth: 'single' as const }, multiple: { birth: 'multiple' as const }, none: { birth: 'none' as const } };
const BY_AGE = { adult: { attr: 'age', gte: 20 }, teen: { attr: 'age', lt: 20 } };

const reported = (g: HouseholdSubgroupFigures | undefined) => {
  if (!g || g.refused) throw new Error('group refused');
  return g;
};

/** The counts of every risk summed over groups that split the cohort, as the whole-cohort result has them. */
function summed(r: HouseholdSubgroupResult, groups: readonly string[]): Record<string, Omit<RiskResult, 'timeToSupport'> & { waited: number }> {
  const out: Record<string, Omit<RiskResult, 'timeToSupport'> & { waited: number }> = {};
  for (const risk of r.risks) {
    const sum = { present: 0, signalled: 0, addressed: 0, neverSignalled: 0, signalledNotAddressed: 0, addressedUnsignalled: 0, waited: 0 };
    for (const name of groups) {
      const { timeToSupport, ...counts } = reported(r.groups[name]).risks[risk]!.counts;
      for (const key of Object.keys(counts) as (keyof typeof counts)[]) sum[key] += counts[key];
      sum.waited += timeToSupport.n;
    }
    out[risk] = sum;
  }
  return out;
}

function whole(result: Record<string, RiskResult>, risks: readonly string[]) {
  return Object.fromEntries(risks.map((risk) => {
    const { timeToSupport, ...counts } = result[risk]!;
    return [risk, { ...counts, waited: timeToSupport.n }];
  }));
}

describe('simulateHouseholdSubgroups', () => {
  const path = parseHousehold(gezinInput());
  const pop = population(0.3, 0.25);
  const options = { population: pop, cohort: 6000, seed: 7 };
  const cohort = simulateHousehold(path, options);

  it('splits the cohort by birth: group sizes and every risk count add up exactly to simulateHousehold', () => {
    const r = simulateHouseholdSubgroups(path, { ...options, groups: BY_BIRTH, minimumSize: 1 });
    const single = reported(r.groups.single);
    const multiple = reported(r.groups.multiple);
    // every household of the fixture gives birth: the group without a birth is empty, and so refused
    expect(r.groups.none).toEqual({ size: 0, refused: true, minimum: 1 });
    expect(multiple.size).toBe(cohort.births.multiple);
    expect(single.size + multiple.size).toBe(cohort.births.households);
    expect(single.size + 2 * multiple.size).toBe(cohort.births.children);
    expect(summed(r, ['single', 'multiple'])).toEqual(whole(cohort.risks, r.risks));
    expect(r.risks).toEqual(['schulden']);
  });

  it('is about the risks the path is about unless told otherwise, as simulate --by reports them', async () => {
    const r = simulateHouseholdSubgroups(path, { ...options, groups: BY_AGE, minimumSize: 1 });
    // the population also draws r2, which no step of the path detects, addresses or reads
    expect(r.risks).toEqual(risksOfHousehold(path));
    expect(r.risks).toEqual(['schulden']);
    expect(Object.keys(reported(r.groups.adult).risks)).toEqual(['schulden']);
    // told: the risks given, in their order
    expect(simulateHouseholdSubgroups(path, { ...options, groups: BY_AGE, minimumSize: 1, risks: ['r2', 'schulden'] }).risks).toEqual(['r2', 'schulden']);
    // the CLI on the same file, with the shipped population and its own seed
    let out = '';
    const context: CliContext = { stdout: (t) => void (out += t), stderr: () => undefined, interactive: false, cwd: join(__dirname, '..', '..') };
    expect(await runCli(['simulate', relative(context.cwd, GEZIN_FILE), '--by', 'age', '--cohort', '300', '--min-group', '1', '--json'], context)).toBe(0);
    const printed = (JSON.parse(out) as { subgroups: HouseholdSubgroupResult }).subgroups;
    const library = simulateHouseholdSubgroups(path, { cohort: 300, seed: 1, minimumSize: 1, groups: BY_AGE });
    expect(library.risks).toEqual(printed.risks);
    expect(printed.risks).toEqual(['schulden']);
  });

  it('is about every risk a household can have when the path names none', () => {
    const input = gezinInput() as Data & { steps: Record<string, Data & { refers?: Data[] }> };
    delete input.risks;
    for (const step of Object.values(input.steps)) {
      delete step.detects;
      delete step.addresses;
      if (step.refers) step.refers = step.refers.map(({ when: _when, ...referral }) => referral);
    }
    const bare = parseHousehold(input);
    expect(risksOfHousehold(bare)).toEqual([]);
    expect(simulateHouseholdSubgroups(bare, { ...options, groups: BY_AGE, minimumSize: 1 }).risks.sort()).toEqual(['r2', 'schulden']);
  });

  it('splits the cohort by a condition the same way, and gives the whole result of simulateHousehold from the same walk', () => {
    const { result, subgroups } = runHouseholdSubgroups(path, { ...options, groups: BY_AGE, minimumSize: 1 });
    expect(result).toEqual(cohort);
    expect(reported(subgroups.groups.adult).size + reported(subgroups.groups.teen).size).toBe(6000);
    expect(summed(subgroups, ['adult', 'teen'])).toEqual(whole(cohort.risks, subgroups.risks));
  });

  it('counts "one of the risks" over households: with one risk it is that risk’s counts', () => {
    const r = simulateHouseholdSubgroups(path, { ...options, groups: BY_AGE, risks: ['schulden'], minimumSize: 1 });
    for (const name of ['adult', 'teen']) {
      const g = reported(r.groups[name]);
      const c = g.risks.schulden!.counts;
      expect(g.reach).toMatchObject({ n: c.present, count: c.addressed });
      expect(g.unmetNeed).toMatchObject({ n: c.present, count: c.present - c.addressed });
      expect(g.missedSignals).toMatchObject({ n: c.present, count: c.neverSignalled });
      expect(g.noFollowUp).toMatchObject({ n: c.signalled, count: c.signalledNotAddressed });
      expect(g.timeToSupport).toEqual(c.timeToSupport);
    }
    // teenagers have debts twice as often: more of them need support
    expect(reported(r.groups.teen).reach.n / reported(r.groups.teen).size).toBeGreaterThan(reported(r.groups.adult).reach.n / reported(r.groups.adult).size);
  });

  it('gives differences and ratios with intervals against the reference, none for the reference itself', () => {
    const r = simulateHouseholdSubgroups(path, { ...options, groups: BY_AGE, minimumSize: 1 });
    const adult = reported(r.groups.adult);
    const teen = reported(r.groups.teen);
    expect(r.reference).toBe('adult');
    expect(adult.reach.difference).toBeUndefined();
    expect(adult.risks.schulden!.reach.difference).toBeUndefined();
    for (const [share, ref] of [[teen.missedSignals, adult.missedSignals], [teen.risks.schulden!.reach, adult.risks.schulden!.reach]] as const) {
      const d = share.difference!;
      expect(d.value).toBeCloseTo(share.share! - ref.share!, 12);
      expect(d.interval[0]).toBeLessThan(d.value);
      expect(d.interval[1]).toBeGreaterThan(d.value);
      expect(share.ratio!.value).toBeCloseTo(share.share! / ref.share!, 12);
      // the share on its own: the Wilson score interval of its count
      expect(share.interval).toEqual(wilsonInterval(share.count, share.n));
      expect(share.interval![0]).toBeLessThan(share.share!);
    }
  });

  it('refuses a group below the minimum, and compares with nothing when the reference is refused', () => {
    const r = simulateHouseholdSubgroups(path, { ...options, groups: { multiple: { birth: 'multiple' }, single: { birth: 'single' } }, minimumSize: cohort.births.multiple + 1 });
    expect(r.groups.multiple).toEqual({ size: cohort.births.multiple, refused: true, minimum: cohort.births.multiple + 1 });
    expect(reported(r.groups.single).reach.difference).toBeUndefined();
  });

  it('refuses misuse with a ZorgpadenError', () => {
    const base = { population: pop, cohort: 10, seed: 1 };
    expect(() => simulateHouseholdSubgroups(path, { ...base, groups: {} })).toThrow(/groups/);
    expect(() => simulateHouseholdSubgroups(path, { ...base, groups: { a: { birth: 'twins' as 'multiple' } } })).toThrow(/groups\.a/);
    expect(() => simulateHouseholdSubgroups(path, { ...base, groups: BY_AGE, reference: 'b' })).toThrow(/reference/);
    expect(() => simulateHouseholdSubgroups(path, { ...base, groups: BY_AGE, minimumSize: 0 })).toThrow(/minimumSize/);
    expect(() => simulateHouseholdSubgroups(path, { ...base, cohort: 0, groups: BY_AGE })).toThrow(/cohort/);
    expect(() => simulateHouseholdSubgroups(path, { ...base, groups: BY_AGE, risks: 'schulden' as unknown as string[] })).toThrow(/risks/);
  });
});

/** A small random household path: a parent track that may signal `schulden`, refer to a social track that addresses it, and give birth to children with a track of their own. */
const spec = fc.record({
  steps: fc.integer({ min: 3, max: 5 }),
  weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
  after: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
  detect: fc.constantFrom(0.3, 0.7, 1),
  accepted: fc.constantFrom(0.5, 1),
  birthAt: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  twins: fc.constantFrom(0, 0.2, 0.5),
  debts: fc.constantFrom(0.2, 0.6),
  seed: fc.integer({ min: 0, max: 1000 }),
});

function buildPath(s: { steps: number; weights: number[]; after: number[]; detect: number; accepted: number; birthAt: number | null }): Data {
  const label = (id: string) => ({ nl: id });
  const steps: Record<string, Data> = {};
  const last = s.steps - 1;
  const birthAt = s.birthAt === null ? null : Math.min(s.birthAt, last - 1);
  for (let i = 0; i < last; i++) {
    // a fork at every step: on to the next step, or (by weight) straight to the end
    const transitions = [{ to: `a${i + 1}`, weight: s.weights[i]!, after: s.after[i]! }, ...(i + 2 <= last ? [{ to: `a${last}`, weight: 1, after: 5 }] : [])];
    steps[`a${i}`] = {
      kind: i === 0 ? 'screening' : 'contact', phase: 'pregnancy', track: 'ouder', actor: 'x', label: label(`a${i}`), transitions,
      ...(i === 0 ? { detects: { schulden: s.detect }, refers: [{ to: 'b0', accepted: s.accepted, when: { signalled: 'schulden' } }] } : {}),
      ...(i === birthAt ? { emits: 'BIRTH' } : {}),
    };
  }
  steps[`a${last}`] = { kind: 'outcome', phase: 'pregnancy', track: 'ouder', label: label('einde'), result: 'good', transitions: [] };
  steps.b0 = { kind: 'contact', phase: 'pregnancy', track: 'sociaal', actor: 'x', label: label('b0'), transitions: [{ to: 'b1', weight: 2, after: s.after[4]! }, { to: 'b2', weight: 1 }] };
  steps.b1 = { kind: 'intervention', phase: 'pregnancy', track: 'sociaal', actor: 'x', label: label('b1'), addresses: ['schulden'], transitions: [{ to: 'b2', after: 10 }] };
  steps.b2 = { kind: 'outcome', phase: 'pregnancy', track: 'sociaal', label: label('b2'), result: 'good', transitions: [] };
  const members: Record<string, Data> = { ouder: { role: 'parent', label: label('ouder') } };
  const tracks: Record<string, Data> = { ouder: { label: label('ouder'), member: 'ouder', initial: 'a0' }, sociaal: { label: label('sociaal'), member: 'household' } };
  if (birthAt !== null) {
    members.kind = { role: 'child', label: label('kind') };
    tracks.jgz = { label: label('jgz'), member: 'kind', initial: 'k0', startsOn: 'BIRTH' };
    steps.k0 = { kind: 'intervention', phase: 'postpartum', track: 'jgz', actor: 'x', label: label('k0'), addresses: ['r2'], transitions: [{ to: 'k1', after: 7 }] };
    steps.k1 = { kind: 'outcome', phase: 'postpartum', track: 'jgz', label: label('k1'), result: 'good', transitions: [] };
  }
  return {
    schemaVersion: 2, id: 'test/willekeurig', version: '1.0.0', title: { nl: 'Willekeurig huishouden' },
    actors: { x: { label: { nl: 'X' }, domain: 'medical' } },
    members, tracks, risks: { schulden: { label: { nl: 'Schulden' } }, r2: { label: { nl: 'R2' } } }, steps,
  };
}

describe('household subgroups on random household paths', () => {
  it('add up over a partition to the whole-cohort counts, by birth and by a condition', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const path = parseHousehold(buildPath(s));
        const options = { population: population(s.debts, s.twins), cohort: 400, seed: s.seed, minimumSize: 1 };
        const cohort = simulateHousehold(path, options);
        const byBirth = simulateHouseholdSubgroups(path, { ...options, groups: BY_BIRTH });
        const sizes = Object.values(byBirth.groups).map((g) => g.size);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(400);
        expect(byBirth.groups.none!.size).toBe(400 - cohort.births.households);
        expect(byBirth.groups.multiple!.size).toBe(cohort.births.multiple);
        const nonEmpty = Object.keys(byBirth.groups).filter((name) => byBirth.groups[name]!.size > 0);
        expect(summed(byBirth, nonEmpty)).toEqual(whole(cohort.risks, byBirth.risks));
        const byAge = simulateHouseholdSubgroups(path, { ...options, groups: BY_AGE });
        const ages = Object.keys(byAge.groups).filter((name) => byAge.groups[name]!.size > 0);
        expect(summed(byAge, ages)).toEqual(whole(cohort.risks, byAge.risks));
      }),
      { numRuns: 25 },
    );
  });
});
