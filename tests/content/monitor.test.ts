import { beforeAll, describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { MONITOR_TAGS, monitorIndicators, type MonitorReport } from '../../src/export/index.js';
import type { CarePath, Menukaart } from '../../src/model/index.js';
import { defaultPopulation, simulateSync, type SimulationResult } from '../../src/simulate/index.js';
import { filesOfKind, loadContentMenukaart, loadContentPath } from './content-files.js';

let path: CarePath;
let menukaart: Menukaart;
let result: SimulationResult;
let report: MonitorReport;

beforeAll(async () => {
  path = await loadContentPath('national/eerste-1000-dagen.json');
  menukaart = await loadContentMenukaart();
  result = simulateSync(path, { population: defaultPopulation(), cohort: 20_000, seed: 5, menukaart });
  report = monitorIndicators(path, result, { seed: 5, population: defaultPopulation() });
});

const value = (id: string) => report.indicators.find((i) => i.id === id)!;

describe('the RIVM monitor indicators of a simulation', () => {
  it('finds every tag it counts on a step of the shipped 1000-day path', () => {
    const tags = new Set(Object.values(path.steps).flatMap((s) => s.tags ?? []));
    for (const tag of Object.values(MONITOR_TAGS)) expect(tags.has(tag), tag).toBe(true);
  });

  it('computes each indicator from the named steps, as a by-hand count of the result does', () => {
    const births = result.visits['zwangerschap/bevalling']! + result.visits['zwangerschap/vroeggeboorte']!;
    expect(value('late-start-pregnancy-care')).toMatchObject({
      numerator: result.visits['zwangerschap/intake-laat'],
      denominator: result.visits['zwangerschap/intake-laat']! + result.visits['zwangerschap/intake']!,
    });
    expect(value('preconception-consult')).toMatchObject({ numerator: result.clients['preconceptie/preconceptieconsult'], denominator: births });
    expect(value('no-kraamzorg')).toMatchObject({ numerator: result.visits['na-de-geboorte/geen-kraamzorg'], denominator: births });
    expect(value('out-of-home-placement-under-2')).toMatchObject({ numerator: result.visits['na-de-geboorte/uithuisplaatsing'] ?? 0, denominator: births });
    const phb = result.interventions['zwangerschap/prenataal-huisbezoek']!;
    expect(value('multiple-vulnerability')).toMatchObject({ numerator: phb.eligible, denominator: 20_000 });
    expect(value('prenatal-home-visit-reach')).toMatchObject({ numerator: phb.reachedEligible, denominator: phb.eligible });
    expect(value('big2')).toMatchObject({ numerator: report.births.all.big2, denominator: report.births.all.children });
    for (const i of report.indicators) expect(i.value).toBe(i.denominator > 0 ? i.numerator / i.denominator : null);
  });

  it('puts about 1 in 6 households in multiple vulnerability and Big2 near the national 14%', () => {
    expect(value('multiple-vulnerability').value).toBeGreaterThanOrEqual(0.12);
    expect(value('multiple-vulnerability').value).toBeLessThanOrEqual(0.22);
    expect(Math.abs(value('big2').value! - 0.14)).toBeLessThanOrEqual(0.02);
  });

  it('names a source for every indicator that paths/sources.json lists, and words in Dutch and English', () => {
    const sources = (filesOfKind('sources')[0]?.data.sources ?? {}) as Record<string, unknown>;
    for (const i of report.indicators) {
      expect(i.source.length).toBeGreaterThan(0);
      for (const s of i.source) expect(Object.hasOwn(sources, s), `${i.id}: ${s}`).toBe(true);
      for (const field of ['label', 'definition', 'computed'] as const) expect(i[field].nl && i[field].en).toBeTruthy();
    }
  });

  it('has no value where the path has nothing to count', () => {
    const bare = { ...path, steps: Object.fromEntries(Object.entries(path.steps).map(([id, s]) => [id, { ...s, tags: [] }])) } as CarePath;
    const empty = monitorIndicators(bare, result, { seed: 5 });
    for (const id of ['late-start-pregnancy-care', 'preconception-consult', 'no-kraamzorg', 'big2', 'out-of-home-placement-under-2']) {
      expect(empty.indicators.find((i) => i.id === id)!.value, id).toBeNull();
    }
  });

  it('rejects what is not a path, a result or options with a ZorgpadenError', () => {
    expect(() => monitorIndicators(null as never, result, { seed: 1 })).toThrow(ZorgpadenError);
    expect(() => monitorIndicators(path, {} as never, { seed: 1 })).toThrow(ZorgpadenError);
    expect(() => monitorIndicators(path, result, null as never)).toThrow(ZorgpadenError);
  });
});
