import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PopulationSchema, type Population } from '../../src/model/index.js';
import { exactHouseholdOutcomes, simulateHousehold } from '../../src/household.js';
import { gezinInput, parseHousehold } from './fixtures.js';

type Data = Record<string, unknown>;

/** A population in which every household has risk `r1` (or none has it), with a share of twins. */
const population = (withRisk: boolean, twins: number): Population =>
  PopulationSchema.parse({
    schemaVersion: 1, kind: 'population', id: 'test/vast', version: '1.0.0', title: { nl: 'Vast profiel' },
    risks: { r1: { label: { nl: 'R1' }, prevalence: withRisk ? 1 : 0 }, schulden: { label: { nl: 'Schulden' }, prevalence: withRisk ? 1 : 0 } },
    ...(twins > 0 ? { multipleBirths: { share: twins, assumption: 'test' } } : {}),
  });

/** The shape of a small random household path: a parent track, a social track started by referral, maybe a child track. */
interface Spec {
  parentSteps: number;
  socialSteps: number;
  parentEdges: { to: number; weight: number; after: number; when: 'none' | 'hasRisk' | 'signalled' }[][];
  socialEdges: { to: number; weight: number; after: number }[][];
  detectAt: number;
  detect: number;
  referAt: number;
  referWhen: boolean;
  accepted: number;
  addressAt: number;
  birthAt: number | null;
  socialWaitsForBirth: boolean;
  withRisk: boolean;
  twins: number;
}

const edges = <T>(count: number, edge: (i: number) => fc.Arbitrary<T>) =>
  fc.tuple(...Array.from({ length: count - 1 }, (_, i) => fc.array(edge(i), { minLength: 1, maxLength: 2 })));

const spec: fc.Arbitrary<Spec> = fc
  .record({ parentSteps: fc.integer({ min: 2, max: 4 }), socialSteps: fc.integer({ min: 2, max: 3 }) })
  .chain(({ parentSteps, socialSteps }) =>
    fc.record({
      parentSteps: fc.constant(parentSteps),
      socialSteps: fc.constant(socialSteps),
      parentEdges: edges(parentSteps, (i) =>
        fc.record({ to: fc.integer({ min: i + 1, max: parentSteps - 1 }), weight: fc.integer({ min: 1, max: 3 }), after: fc.integer({ min: 0, max: 20 }), when: fc.constantFrom('none' as const, 'hasRisk' as const, 'signalled' as const) }),
      ),
      socialEdges: edges(socialSteps, (i) => fc.record({ to: fc.integer({ min: i + 1, max: socialSteps - 1 }), weight: fc.integer({ min: 1, max: 3 }), after: fc.integer({ min: 0, max: 30 }) })),
      detectAt: fc.integer({ min: 0, max: parentSteps - 2 }),
      detect: fc.constantFrom(0, 0.3, 0.5, 1),
      referAt: fc.integer({ min: 0, max: parentSteps - 2 }),
      referWhen: fc.boolean(),
      accepted: fc.constantFrom(1, 0.6),
      addressAt: fc.integer({ min: 0, max: socialSteps - 2 }),
      birthAt: fc.option(fc.integer({ min: 0, max: parentSteps - 2 }), { nil: null }),
      socialWaitsForBirth: fc.boolean(),
      withRisk: fc.boolean(),
      twins: fc.constantFrom(0, 0.3),
    }),
  );

function buildHousehold(s: Spec): Data {
  const steps: Record<string, Data> = {};
  const label = (id: string) => ({ nl: id });
  for (let i = 0; i < s.parentSteps; i++) {
    const id = `a${i}`;
    if (i === s.parentSteps - 1) {
      steps[id] = { kind: 'outcome', phase: 'pregnancy', track: 'ouder', label: label(id), result: 'good', transitions: [] };
      continue;
    }
    const when = (w: string) => (w === 'hasRisk' ? { when: { hasRisk: 'r1' } } : w === 'signalled' ? { when: { signalled: 'r1' } } : {});
    steps[id] = {
      kind: 'contact', phase: 'pregnancy', track: 'ouder', actor: 'x', label: label(id),
      transitions: s.parentEdges[i]!.map((e) => ({ to: `a${e.to}`, weight: e.weight, after: e.after, ...when(e.when) })),
      ...(i === s.detectAt ? { detects: { r1: s.detect } } : {}),
      ...(i === s.referAt ? { refers: [{ to: 'b0', accepted: s.accepted, ...(s.referWhen ? { when: { signalled: 'r1' } } : {}) }] } : {}),
      ...(i === s.birthAt ? { emits: 'BIRTH' } : {}),
    };
  }
  for (let i = 0; i < s.socialSteps; i++) {
    const id = `b${i}`;
    if (i === s.socialSteps - 1) {
      steps[id] = { kind: 'outcome', phase: 'pregnancy', track: 'sociaal', label: label(id), result: 'good', transitions: [] };
      continue;
    }
    const wait = i === 0 && s.birthAt !== null && s.socialWaitsForBirth;
    steps[id] = {
      kind: i === s.addressAt ? 'intervention' : 'contact', phase: 'pregnancy', track: 'sociaal', actor: 'x', label: label(id),
      ...(i === s.addressAt ? { addresses: ['r1'] } : {}),
      transitions: s.socialEdges[i]!.map((e, j) => ({ to: `b${e.to}`, weight: e.weight, after: e.after, ...(wait && j === 0 ? { on: 'BIRTH' } : {}) })),
    };
  }
  const tracks: Record<string, Data> = {
    ouder: { label: label('ouder'), member: 'ouder', initial: 'a0' },
    sociaal: { label: label('sociaal'), member: 'household' },
  };
  const members: Record<string, Data> = { ouder: { role: 'parent', label: label('ouder') } };
  if (s.birthAt !== null) {
    members.kind = { role: 'child', label: label('kind') };
    tracks.jgz = { label: label('jgz'), member: 'kind', initial: 'k0', startsOn: 'BIRTH' };
    steps.k0 = { kind: 'contact', phase: 'postpartum', track: 'jgz', actor: 'x', label: label('k0'), transitions: [{ to: 'k1', weight: 1, after: 7 }, { to: 'k1', weight: 1, after: 14 }] };
    steps.k1 = { kind: 'outcome', phase: 'postpartum', track: 'jgz', label: label('k1'), result: 'good', transitions: [] };
  }
  return {
    schemaVersion: 2, id: 'test/klein', version: '1.0.0', title: { nl: 'Klein huishouden' },
    actors: { x: { label: { nl: 'X' }, domain: 'medical' } },
    members, tracks, risks: { r1: { label: { nl: 'R1' } } }, steps,
  };
}

/** |observed share − p| within 5 standard errors of a share over n (exactly equal when p is 0 or 1). */
function near(count: number, n: number, exact: number, what: string): void {
  // sums of products of probabilities may come out a rounding error above 1
  const p = Math.min(1, Math.max(0, exact));
  const se = Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(count / n - p), `${what}: ${count}/${n} against ${p}`).toBeLessThanOrEqual(5 * se + 1e-9);
}

describe('exact household results', () => {
  it('give the signalling example exactly: detection 0.5, acceptance 0.75', () => {
    const exact = exactHouseholdOutcomes(parseHousehold(gezinInput()), { risks: ['schulden'] }, { population: population(true, 0) });
    expect(exact.ok).toBe(true);
    if (!exact.ok) return;
    expect(exact.value.risks.schulden).toEqual({ present: 1, signalled: 0.5, addressed: 0.5 * 0.75, neverSignalled: 0.5, signalledNotAddressed: 0.5 * 0.25, addressedUnsignalled: 0 });
    expect(exact.value.reach.schuldhulp).toBeCloseTo(0.375, 12);
    expect(exact.value.handoffs.referrals).toMatchObject({ made: 0.5, warm: 0.5, accepted: 0.375, started: 0.375 });
    // without the risk nothing is signalled and nobody is referred
    const none = exactHouseholdOutcomes(parseHousehold(gezinInput()), {}, { population: population(false, 0) });
    expect(none.ok && none.value.risks.schulden).toMatchObject({ present: 0, signalled: 0, addressed: 0 });
    expect(none.ok && none.value.reach['wijkteam-intake']).toBe(0);
  });

  it('count children per birth: a twin share gives more child visits than households', () => {
    const exact = exactHouseholdOutcomes(parseHousehold(gezinInput()), {}, { population: population(false, 0.25) });
    expect(exact.ok && exact.value.children).toBeCloseTo(1.25, 12);
    expect(exact.ok && exact.value.visits.hielprik).toBeCloseTo(1.25, 12);
    expect(exact.ok && exact.value.reach.hielprik).toBeCloseTo(1, 12);
  });

  it('agree with the Monte-Carlo simulation on random small household paths', () => {
    const n = 4000;
    fc.assert(
      fc.property(spec, (s) => {
        const path = parseHousehold(buildHousehold(s));
        const pop = population(s.withRisk, s.twins);
        const exact = exactHouseholdOutcomes(path, s.withRisk ? { risks: ['r1'] } : {}, { population: pop });
        expect(exact.ok).toBe(true);
        if (!exact.ok) return;
        const sim = simulateHousehold(path, { cohort: n, seed: 11, population: pop });
        for (const [step, p] of Object.entries(exact.value.reach)) near(sim.households[step]!, n, p, `reach of ${step}`);
        const r1 = exact.value.risks.r1!;
        const simulated = sim.risks.r1!;
        for (const key of ['signalled', 'addressed', 'neverSignalled', 'signalledNotAddressed', 'addressedUnsignalled'] as const) near(simulated[key], n, r1[key], `r1 ${key}`);
        // every track that is not a child's ends at most once per household here: its outcomes are shares too
        for (const step of ['a', 'b'].map((t) => `${t}${t === 'a' ? s.parentSteps - 1 : s.socialSteps - 1}`)) near(sim.outcomes[step]!, n, exact.value.outcomes[step]!, `outcome ${step}`);
        // multiple births are a share of the households with a birth
        if (s.birthAt !== null) near(sim.births.multiple, n, s.twins * exact.value.reach[`a${s.birthAt}`]!, 'multiple births');
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });

  it('refuse a household whose states are too many, with the bound, instead of running without end', () => {
    const data = gezinInput() as Data & { steps: Record<string, Data> };
    // the social team sees the household again and again, every 14 days, with no way out
    data.steps.schuldhulp!.transitions = [{ to: 'wijkteam-intake', after: 14 }];
    const exact = exactHouseholdOutcomes(parseHousehold(data), { risks: ['schulden'] }, { population: population(true, 0), maxStates: 500 });
    expect(exact.ok).toBe(false);
    expect(exact.diagnostics).toHaveLength(1);
    expect(exact.diagnostics[0]).toMatchObject({ code: 'exact-household-too-large', severity: 'error', params: { limit: 500 } });
    expect(exact.diagnostics[0]!.nl.message).toContain('500');
    expect(() => exactHouseholdOutcomes(parseHousehold(gezinInput()), {}, { maxStates: 0 })).toThrow(/maxStates/);
    expect(() => exactHouseholdOutcomes(parseHousehold(gezinInput()), 'debts' as never)).toThrow(/client/);
  });
});
