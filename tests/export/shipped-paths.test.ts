// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeToMermaid, timelineToMermaid, toMermaid } from '../../src/export/index.js';
import { safeLoadCoalitionPath, safeLoadPath, safeLoadRoute } from '../../src/node/index.js';
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

  it.each(files('coalitions'))('the path of coalition %s', async (file) => {
    const result = await safeLoadCoalitionPath(file);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    await expectAllDiagrams(result.value);
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
