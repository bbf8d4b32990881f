import { beforeAll, describe, expect, it } from 'vitest';
import { isSupportStep, type CarePath, type Menukaart } from '../../src/model/index.js';
import { defaultPopulation, simulateSync } from '../../src/simulate/index.js';
import { loadContentMenukaart, loadContentPath } from './content-files.js';

// VoorZorg includes a pregnant woman up to 28 weeks and then continues until the child is two
// (voorzorg-nopunish, voorzorg-ncj): it is never entered after birth without having started in pregnancy.
let path: CarePath;
let menukaart: Menukaart;

beforeAll(async () => {
  path = await loadContentPath('national/eerste-1000-dagen.json');
  menukaart = await loadContentMenukaart();
});

/** For each simulated journey, the VoorZorg steps it visited in order, with their phase. */
function voorzorgVisits(seed: number, cohort: number): { journeys: number; visits: { step: string; phase: string }[][] } {
  const result = simulateSync(path, { population: defaultPopulation(), cohort, seed, menukaart, traces: true });
  const traces = result.traces!;
  const visits: { step: string; phase: string }[][] = [];
  for (let i = 0; i + 1 < traces.offsets.length; i++) {
    const journey: { step: string; phase: string }[] = [];
    for (let k = traces.offsets[i]!; k < traces.offsets[i + 1]!; k++) {
      const id = traces.stepIds[traces.steps[k]!]!;
      const step = path.steps[id]!;
      if (step.intervention === 'voorzorg') journey.push({ step: id, phase: step.phase });
    }
    visits.push(journey);
  }
  return { journeys: traces.offsets.length - 1, visits };
}

describe('VoorZorg in the 1000-day path', () => {
  for (const seed of [1, 7]) {
    it(`is never entered after birth without prenatal VoorZorg (20,000 journeys, seed ${seed})`, () => {
      const { journeys, visits } = voorzorgVisits(seed, 20_000);
      expect(journeys).toBe(20_000);
      const prenatal = visits.filter((v) => v.some((x) => x.phase === 'pregnancy')).length;
      // the test would pass vacuously if nobody entered VoorZorg
      expect(prenatal).toBeGreaterThan(0);
      const leaks = visits.filter((v) => {
        const firstPostnatal = v.findIndex((x) => x.phase !== 'pregnancy');
        return firstPostnatal >= 0 && !v.slice(0, firstPostnatal).some((x) => x.phase === 'pregnancy');
      });
      expect(leaks.length).toBe(0);
    });
  }

  it('has its only entry in pregnancy, with inclusion no later than 28 weeks', () => {
    const entries = Object.entries(path.steps).filter(([, s]) => s.intervention === 'voorzorg');
    expect(entries.map(([id]) => id)).toEqual(['zwangerschap/voorzorg-selectie', 'zwangerschap/voorzorg']);
    for (const [, step] of entries) {
      expect(step.phase).toBe('pregnancy');
      expect(step.window?.to).toEqual({ gw: 28 });
    }
    // the selection belongs to VoorZorg but is no support: only the programme step counts as reach
    expect(entries.filter(([, s]) => isSupportStep(s)).map(([id]) => id)).toEqual(['zwangerschap/voorzorg']);
  });
});
