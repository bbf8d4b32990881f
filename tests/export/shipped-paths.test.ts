// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { householdToMermaid, householdToStateDiagram, routeToMermaid, timelineToMermaid, toMermaid } from '../../src/export/index.js';
import { safeLoadCoalitionPath, safeLoadHouseholdPath, safeLoadPath, safeLoadRoute } from '../../src/node/index.js';
import type { CarePath } from '../../src/model/index.js';
import { transitionCount } from './helpers/fixtures.js';
import { parseDb, parseStructure, parseType } from './helpers/mermaid-parser.js';

const PATHS = resolve('paths');
const files = (dir: string) => readdirSync(join(PATHS, dir)).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => join(PATHS, dir, f));

async function load(file: string): Promise<CarePath> {
  const result = await safeLoadPath(file);
  if (!result.ok) throw new Error(`${file}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.value;
}

async function expectAllDiagrams(path: CarePath): Promise<void> {
  const steps = Object.keys(path.steps).length;
  for (const lang of ['nl', 'en'] as const) {
    const state = await parseStructure(toMermaid(path, { lang }));
    expect(state.nodes.filter((n) => /^s\d+$/.test(n.id))).toHaveLength(steps);
    expect(state.edges.filter((e) => /^s\d+$/.test(e.from) && /^s\d+$/.test(e.to))).toHaveLength(transitionCount(path));
    for (const groupBy of ['phase', 'organisation'] as const) {
      const flow = await parseStructure(toMermaid(path, { kind: 'flowchart', groupBy, lang }));
      expect(flow.nodes.filter((n) => /^s\d+$/.test(n.id))).toHaveLength(steps);
      expect(flow.edges.filter((e) => /^s\d+$/.test(e.from) && /^s\d+$/.test(e.to))).toHaveLength(transitionCount(path));
    }
    expect(await parseType(timelineToMermaid(path, { lang }))).toBe('gantt');
  }
}

describe('every shipped path draws', () => {
  it.each(files('national'))('%s', async (file) => {
    await expectAllDiagrams(await load(file));
  });

  // a coalition over a household path (format version 2) is drawn as a household path is
  const overHousehold = (file: string) => String((JSON.parse(readFileSync(file, 'utf8')) as { adapts?: unknown }).adapts).startsWith('../households/');
  it.each(files('coalitions').filter((file) => !overHousehold(file)))('the path of coalition %s', async (file) => {
    const result = await safeLoadCoalitionPath(file);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    await expectAllDiagrams(result.value);
  });

  it.each(files('coalitions').filter(overHousehold))('the household path of coalition %s, a lane and a region per track', async (file) => {
    const result = await safeLoadHouseholdPath(file);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    const path = result.value;
    const tracks = Object.values(path.tracks).map((t) => t.label.nl);
    const flow = await parseStructure(householdToMermaid(path));
    // a child's track is labelled "(per kind)" besides its own label
    const lanes = flow.groups.map((g) => g.label).filter((label) => label !== 'Legenda');
    expect(lanes.map((label, i) => label.startsWith(tracks[i]!))).toEqual(tracks.map(() => true));
    expect(flow.nodes.filter((n) => /^s\d+$/.test(n.id))).toHaveLength(Object.keys(path.steps).length);
    const state = await parseStructure(householdToStateDiagram(path));
    expect(state.nodes.filter((n) => /^s\d+$/.test(n.id))).toHaveLength(Object.keys(path.steps).length);
  });

  // a route through a household path (format version 2) is not drawn by routeToMermaid, which takes a version 1 path
  const versionOneRoutes = files('routes').filter((file) => !String((JSON.parse(readFileSync(file, 'utf8')) as { path?: unknown }).path).startsWith('../households/'));
  it.each(versionOneRoutes)('route %s as a sequence and a journey', async (file) => {
    const route = await safeLoadRoute(file);
    if (!route.ok) throw new Error(route.diagnostics.map((d) => d.message).join('; '));
    const path = await load(resolve(dirname(file), route.value.path));
    const sequence = await parseDb(routeToMermaid(route.value, path, { kind: 'sequence' }));
    const actors = new Set(route.value.steps.map((s) => path.steps[s.step]?.actor).filter(Boolean));
    expect(sequence.getActors().size).toBe(actors.size + 1);
    const journey = await parseDb(routeToMermaid(route.value, path, { kind: 'journey', lang: 'en' }));
    expect(journey.getTasks()).toHaveLength(route.value.steps.length);
  });
});
