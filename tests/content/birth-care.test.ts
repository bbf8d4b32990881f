import { beforeAll, describe, expect, it } from 'vitest';
import type { CarePath, Menukaart } from '../../src/model/index.js';
import { defaultPopulation, journeyOf, simulateSync, type SimulationResult } from '../../src/simulate/index.js';
import { filesOfKind, loadContentMenukaart, loadContentPath } from './content-files.js';

// Traces of the composed 1000-day path: what happens around the birth, step by step.
let path: CarePath;
let menukaart: Menukaart;
let result: SimulationResult;
const COHORT = 20_000;

beforeAll(async () => {
  path = await loadContentPath('national/eerste-1000-dagen.json');
  menukaart = await loadContentMenukaart();
  result = simulateSync(path, { population: defaultPopulation(), cohort: COHORT, seed: 7, menukaart, traces: true });
});

const journeys = (): { steps: string[]; days: number[] }[] => Array.from({ length: result.traces!.offsets.length - 1 }, (_, i) => journeyOf(result.traces!, i));

const KRAAMZORG = ['kraamzorg-basis', 'kraamzorg-op-maat', 'geen-kraamzorg', 'kraamzorg-uitgesteld'].map((id) => `na-de-geboorte/${id}`);
const isJgz = (id: string) => ['jgz', 'jgz-screener'].includes(path.steps[id]?.actor ?? '') && path.steps[id]!.phase === 'postpartum';

describe('a preterm birth in the 1000-day path', () => {
  it('goes from the preterm birth straight to neonatology, before any maternity care or JGZ contact', () => {
    const preterm = journeys().filter((j) => j.steps.includes('zwangerschap/vroeggeboorte'));
    // about 7.2% of births (pharos-ks); the test would pass vacuously without any
    expect(preterm.length).toBeGreaterThan(COHORT * 0.05);
    const problems: string[] = [];
    for (const { steps, days } of preterm) {
      const birth = steps.indexOf('zwangerschap/vroeggeboorte');
      if (steps[birth + 1] !== 'na-de-geboorte/neonatologie') problems.push(`after the preterm birth: ${steps[birth + 1]}`);
      const ward = steps.indexOf('na-de-geboorte/neonatologie');
      const firstCare = steps.findIndex((id) => KRAAMZORG.includes(id) || isJgz(id));
      if (firstCare >= 0 && firstCare < ward) problems.push(`${steps[firstCare]} before neonatology`);
      const kraamzorg = steps.indexOf('na-de-geboorte/kraamzorg-uitgesteld');
      if (kraamzorg < 0) problems.push('no postponed maternity care');
      else if (days[kraamzorg]! - days[ward]! < 14) problems.push(`maternity care ${days[kraamzorg]! - days[ward]!} days after admission`);
      // the term route's first days do not apply: the heel prick is done in hospital
      for (const term of ['na-de-geboorte/kraamzorg-basis', 'na-de-geboorte/kraamzorg-op-maat', 'na-de-geboorte/geen-kraamzorg', 'na-de-geboorte/hielprik']) {
        if (steps.includes(term)) problems.push(`passes ${term}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('never sends a term birth to neonatology', () => {
    const term = journeys().filter((j) => j.steps.includes('zwangerschap/bevalling'));
    expect(term.length).toBeGreaterThan(0);
    expect(term.filter((j) => j.steps.includes('na-de-geboorte/neonatologie')).length).toBe(0);
  });
});

describe('registration with a maternity care organisation', () => {
  it('comes early in pregnancy, before the maternity care intake, for every birth', () => {
    const births = journeys().filter((j) => j.steps.includes('zwangerschap/kraamzorg-intake'));
    expect(births.length).toBeGreaterThan(0);
    const late = births.filter(({ steps }) => {
      const registered = steps.indexOf('zwangerschap/kraamzorg-inschrijving');
      return registered < 0 || registered > steps.indexOf('zwangerschap/kraamzorg-intake');
    });
    expect(late.length).toBe(0);
    expect(path.steps['zwangerschap/kraamzorg-inschrijving']!.window?.from).toBeUndefined();
  });
});

describe('postpartum depression', () => {
  it('is signalled by JGZ at a well-baby visit, which refers to mental-health care', () => {
    const visits = Object.entries(path.steps).filter(([id, s]) => id.startsWith('na-de-geboorte/cb-') && s.kind === 'screening' && s.signals?.includes('mental-health-or-lvb'));
    expect(visits.map(([id]) => id)).toContain('na-de-geboorte/cb-1-maand');
    for (const [id, step] of visits) {
      const support = step.transitions.filter((t) => path.steps[t.to]?.addresses?.includes('mental-health-or-lvb'));
      expect(support.length, id).toBeGreaterThan(0);
      expect(support.every((t) => t.when?.hasRisk === 'mental-health-or-lvb' && t.handoff === 'warm'), id).toBe(true);
    }
    // beside the postnatal check: a mother whose depression the midwife did not refer can be seen again
    const referred = journeys().filter(({ steps }) => steps.some((id, k) => id === 'na-de-geboorte/cb-1-maand' && path.steps[steps[k + 1]!]?.addresses?.includes('mental-health-or-lvb')));
    expect(referred.length).toBeGreaterThan(0);
    expect(referred.filter(({ steps }) => steps.includes('na-de-geboorte/ggz-postpartum')).length).toBeLessThan(referred.length);
  });
});

describe('the household path keeps the same birth care', () => {
  type StepData = { actor?: string; label: { nl: string }; transitions: { to: string; after?: number }[]; detects?: Record<string, number> };
  const household = (filesOfKind('household').find((f) => f.file === 'households/huishouden-1000-dagen.json')!.data.steps ?? {}) as Record<string, StepData>;

  it('sends a preterm baby through the same neonatology step to postponed maternity care', () => {
    const national = path.steps['na-de-geboorte/neonatologie']!;
    expect(household.vroeggeboorte!.transitions.map((t) => t.to)).toEqual(['neonatologie']);
    expect(household.neonatologie!.actor).toBe(national.actor);
    expect(household.neonatologie!.label.nl).toBe(national.label.nl);
    expect(household.neonatologie!.transitions).toEqual([expect.objectContaining({ to: 'kraamzorg-uitgesteld', after: national.transitions[0]!.after })]);
  });

  it('has the early registration with maternity care and the signalling of postpartum depression at 4 weeks', () => {
    expect(household['kraamzorg-inschrijving']!.label.nl).toBe(path.steps['zwangerschap/kraamzorg-inschrijving']!.label.nl);
    expect(Object.keys(household['cb-1-maand']!.detects ?? {})).toContain('mental-health-or-lvb');
  });
});
