import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { householdToMermaid, simulateHousehold, validateHouseholdPath, type HouseholdPath, type HouseholdSimulationResult } from '../../src/household.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { defaultPopulation, generateClients } from '../../src/simulate/index.js';
import { checkFiles } from '../../src/cli/commands/check.js';
import { filesOfKind, loadContentMenukaart, PATHS_DIR } from './content-files.js';

// The shipped household path in format version 2: it loads, validates clean, and its simulated
// figures stay within the bands the sources give. paths/README.md describes the file.
const FILE = 'households/huishouden-1000-dagen.json';
const COHORT = 20_000;
const SEED = 1;

// The target group, counted here independently of the conditions in the file (paths/README.md).
const PSYCHOSOCIAL = ['stress', 'low-ses', 'debts', 'housing-problem', 'mental-health-or-lvb', 'domestic-violence', 'addiction', 'low-literacy', 'relationship-problems', 'single-or-blended-family', 'parental-childhood-adversity'];
const BUFFERS = ['social-networks', 'positive-family-relations', 'can-ask-accept-help', 'stable-income'];
const inTargetGroup = (c: { risks: readonly string[]; protections: readonly string[] }) =>
  (c.risks.includes('complex-problems') || PSYCHOSOCIAL.filter((r) => c.risks.includes(r)).length >= 2) && BUFFERS.filter((p) => c.protections.includes(p)).length <= 2;

let path: HouseholdPath;
let result: HouseholdSimulationResult;

beforeAll(async () => {
  path = await loadHouseholdPath(join(PATHS_DIR, FILE));
  result = simulateHousehold(path, { cohort: COHORT, seed: SEED, menukaart: await loadContentMenukaart() });
});

const stepsOf = (track: string) => Object.entries(path.steps).filter(([, s]) => s.track === track);
const householdsIn = (track: string) => result.tracks[track]?.households ?? 0;

describe(`the household path ${FILE}`, () => {
  it('is the one version 2 path shipped, and lies outside national/ so that the version 1 tools keep their files', () => {
    expect(filesOfKind('household').map((f) => f.file)).toEqual([FILE]);
  });

  it('validates with no error and no warning against the shipped menukaart', async () => {
    const validation = validateHouseholdPath(path, { menukaart: await loadContentMenukaart() });
    expect(validation.diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer ?? ''} ${d.message}`)).toEqual([]);
    expect(validation.ok).toBe(true);
  });

  it('passes `zorgpaden check`, which reads format version 2 with its own loader and validation', async () => {
    const [checked] = await checkFiles([join(PATHS_DIR, FILE)]);
    expect(checked!.diagnostics).toEqual([]);
    expect(checked!.ok).toBe(true);
  });

  it('has a parent, a partner with risks of their own, and children from the birth', () => {
    const roles = Object.values(path.members).map((m) => m.role).sort();
    expect(roles).toEqual(['child', 'parent', 'partner']);
    const partner = Object.keys(path.members).find((id) => path.members[id]!.role === 'partner')!;
    expect(Object.values(path.risks ?? {}).filter((r) => r.member === partner).length).toBeGreaterThan(0);
  });

  it('runs birth care from the start, JGZ per child from BIRTH, and social and informal tracks only by referral', () => {
    const role = (member: string) => path.members[member]?.role ?? member;
    expect(path.tracks.geboortezorg).toMatchObject({ initial: 'aanmelding' });
    expect(path.tracks.geboortezorg!.startsOn).toBeUndefined();
    expect(role(path.tracks.geboortezorg!.member)).toBe('parent');
    expect(path.tracks.jgz).toMatchObject({ startsOn: 'BIRTH' });
    expect(role(path.tracks.jgz!.member)).toBe('child');
    for (const track of ['sociaal', 'informeel']) expect(path.tracks[track]!.initial, track).toBeUndefined();
    const informalActors = Object.entries(path.actors).filter(([, a]) => a.domain === 'informal').map(([id]) => id);
    expect(stepsOf('informeel').filter(([, s]) => s.actor !== undefined && informalActors.includes(s.actor)).length).toBeGreaterThanOrEqual(2);
    const referredTo = new Set(Object.values(path.steps).flatMap((s) => (s.refers ?? []).map((r) => path.steps[r.to]!.track)));
    for (const track of Object.keys(path.tracks).filter((t) => path.tracks[t]!.initial === undefined)) expect(referredTo, `a referral starts ${track}`).toContain(track);
  });

  it('gives every detection probability, referral and transfer of responsibility a source or an assumption', () => {
    const problems: string[] = [];
    for (const [id, step] of Object.entries(path.steps)) {
      if (step.detects && !step.source && !step.assumption) problems.push(`${id}: detects without source or assumption`);
      for (const [i, r] of (step.refers ?? []).entries()) if (!r.source && !r.assumption && !r.note) problems.push(`${id}/refers/${i}`);
      for (const [i, t] of step.transitions.entries()) if (t.handoff && !t.source && !t.assumption && !t.note) problems.push(`${id}/transitions/${i}`);
    }
    expect(problems).toEqual([]);
  });

  it('refers to the prenatal home visit with the same protective factors as the version 1 target group', () => {
    const referral = path.steps.signalering!.refers!.find((r) => r.to === 'prenataal-huisbezoek')!;
    const v1 = filesOfKind('carepath').find((f) => f.file === 'national/zwangerschap.json')!.data as { steps: Record<string, { transitions: { to: string; when: { all: unknown[] } }[] }> };
    const v1Condition = v1.steps['phb-aanbod']!.transitions.find((t) => t.to === 'melding-jgz')!.when;
    expect(referral.when).toEqual({ all: [{ signalled: 'accumulated-risks' }, v1Condition.all[1]] });
  });

  describe(`simulated for ${COHORT.toLocaleString('en')} households, seed ${SEED}`, () => {
    it('puts 12 to 22% of the same number of drawn households in the target group', () => {
      const clients = generateClients(defaultPopulation(), { n: COHORT, seed: SEED });
      const share = clients.filter(inTargetGroup).length / COHORT;
      expect(share).toBeGreaterThanOrEqual(0.12);
      expect(share).toBeLessThanOrEqual(0.22);
    });

    it('brings every track instance to an outcome: none stuck, waiting or cut off', () => {
      expect([result.stuck, result.waiting, result.limit]).toEqual([{}, {}, {}]);
      const ended = Object.values(result.outcomes).reduce((a, b) => a + b, 0);
      const started = Object.values(result.tracks).reduce((a, t) => a + t.instances, 0);
      expect(ended).toBe(started);
    });

    it('has a birth in every household, about 1.7% with twins, and 7.2% preterm (pharos-ks)', () => {
      expect(result.births.households).toBe(COHORT);
      // binomial standard deviation at 20,000 is about 0.1 point; the band is three of them
      expect(result.births.multiple / COHORT).toBeGreaterThan(0.014);
      expect(result.births.multiple / COHORT).toBeLessThan(0.02);
      expect(result.births.children).toBe(COHORT + result.births.multiple);
      expect(Math.abs(result.visits.vroeggeboorte! / COHORT - 0.072)).toBeLessThan(0.006);
    });

    it('runs the child track once per child: twins visit every JGZ step twice', () => {
      expect(result.tracks.jgz!.instances).toBe(result.births.children);
      expect(result.tracks.jgz!.households).toBe(result.births.households);
      for (const [id] of stepsOf('jgz').filter(([, s]) => s.kind !== 'outcome' && s.transitions.every((t) => !t.when))) {
        if (Object.values(path.steps).some((s) => s.track === 'jgz' && s.transitions.some((t) => t.to === id && t.when))) continue;
        expect(result.visits[id], id).toBe(result.births.children);
      }
    });

    it('never signals a risk that no step detects, and signals no absent risk', () => {
      const detected = new Set(Object.values(path.steps).flatMap((s) => Object.keys(s.detects ?? {})));
      const undetected = Object.keys(result.risks).filter((r) => !detected.has(r));
      expect(undetected.filter((r) => result.risks[r]!.present > 0).length).toBeGreaterThan(0);
      for (const r of undetected) {
        expect(result.risks[r]!.signalled, r).toBe(0);
        expect(result.risks[r]!.neverSignalled, r).toBe(result.risks[r]!.present);
      }
      for (const [r, x] of Object.entries(result.risks)) expect(x.signalled, r).toBeLessThanOrEqual(x.present);
    });

    it('reaches the informal network for part of the households, fewer than the target group', () => {
      expect(householdsIn('informeel') / COHORT).toBeGreaterThan(0.02);
      expect(householdsIn('informeel') / COHORT).toBeLessThan(0.22);
      expect(result.visits['moeders-informeren-moeders']).toBeGreaterThan(0);
    });

    it('reaches the prenatal home visit only within the target group, and the partner through a referral of their own', () => {
      expect(result.households['prenataal-huisbezoek']! / COHORT).toBeGreaterThan(0.02);
      expect(result.households['prenataal-huisbezoek']! / COHORT).toBeLessThan(0.22);
      expect(householdsIn('partner')).toBeGreaterThan(0);
      expect(householdsIn('partner')).toBeLessThanOrEqual(result.risks.addiction!.signalled);
    });

    it('counts transfers of responsibility and referrals apart', () => {
      expect(result.handoffs.transfers.warm + result.handoffs.transfers.cold).toBeGreaterThanOrEqual(result.births.children);
      expect(result.handoffs.referrals.accepted).toBeLessThanOrEqual(result.handoffs.referrals.made);
      expect(result.handoffs.referrals.started).toBeLessThanOrEqual(result.handoffs.referrals.accepted);
    });
  });

  it('draws as a Mermaid flowchart with one lane per track and every step', () => {
    const text = householdToMermaid(path, { lang: 'nl', legend: false });
    expect(text.match(/^\s*subgraph /gm)?.length).toBe(Object.keys(path.tracks).length);
    expect(new Set(text.match(/\bs\d+(?=\[|\(\[)/g)).size).toBe(Object.keys(path.steps).length);
  });
});
