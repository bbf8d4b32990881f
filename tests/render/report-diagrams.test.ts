import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, toMermaid } from '../../src/export/index.js';
import { loadPath } from '../../src/node/index.js';
import type { CarePath } from '../../src/model/index.js';
import { renderReport } from '../../src/render/index.js';
import { LARGE_PATH_STEPS, overviewDiagram, phasesWithSteps, stateDiagrams } from '../../src/render/report-diagrams.js';
import { REPORT_WORDS } from '../../src/render/report-words.js';
import { fixturePath } from '../export/helpers/fixtures.js';

const national = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'paths', 'national', 'eerste-1000-dagen.json');
const small = fixturePath('zwangerschap.json');
const w = REPORT_WORDS.nl;

/** The step states (`sN`) a state diagram declares. */
function declaredSteps(source: string): string[] {
  return [...source.matchAll(/^\s*state "[^"\n]*" as (s\d+)$/gm)].map((m) => m[1]!);
}

/** The fixture grown to `size` steps with copies of its first outcome (unreachable, so the layout is the same). */
function grown(size: number): CarePath {
  const copy = structuredClone(small);
  const [id, outcome] = Object.entries(copy.steps).find(([, s]) => s.kind === 'outcome')!;
  for (let i = 0; Object.keys(copy.steps).length < size; i++) copy.steps[`${id}-${i}`] = structuredClone(outcome);
  return copy;
}

describe('the state diagrams of a report', () => {
  it('keeps one whole-path diagram, unchanged, for a path up to the limit', () => {
    for (const path of [small, grown(LARGE_PATH_STEPS)]) {
      const options = { kind: 'state', lang: 'nl', edgeLabels: 'short' } as const;
      expect(stateDiagrams(path, 'nl', w)).toEqual([{ kind: 'state', source: toMermaid(path, options), options }]);
    }
  });

  it('splits a path just over the limit into one diagram per phase', () => {
    const path = grown(LARGE_PATH_STEPS + 1);
    const kinds = stateDiagrams(path, 'en', REPORT_WORDS.en).map((d) => d.kind);
    expect(kinds).toEqual(phasesWithSteps(path).map(() => 'state-phase'));
  });

  it('draws every step of the shipped 91-step path in exactly one phase diagram, the one of its phase', async () => {
    const path = await loadPath(national);
    expect(Object.keys(path.steps).length).toBeGreaterThan(LARGE_PATH_STEPS);
    const diagrams = stateDiagrams(path, 'nl', w);
    // the overview folds every phase: it declares no single step
    expect(declaredSteps(overviewDiagram(path, 'nl')!.source)).toEqual([]);
    // the reference: the export graph's own nodes, by phase
    const graph = buildGraph(path, 'nl');
    const phaseDiagrams = diagrams.filter((d) => d.kind === 'state-phase');
    expect(phaseDiagrams.map((d) => d.phase)).toEqual(['preconception', 'pregnancy', 'postpartum']);
    for (const d of phaseDiagrams) {
      const expected = graph.nodes.filter((n) => n.phase === d.phase && n.kind !== 'group').map((n) => n.id);
      expect(declaredSteps(d.source).sort()).toEqual(expected.sort());
      expect(d.heading).toContain(`(${expected.length} ${w.stepUnit})`);
    }
    const all = phaseDiagrams.flatMap((d) => declaredSteps(d.source));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(graph.nodes.filter((n) => n.kind !== 'group').length);
  });

  it('links every phase diagram from the contents, to an anchor that exists', async () => {
    const html = renderReport({ path: await loadPath(national), lang: 'nl' });
    const nav = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    const links = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toEqual(expect.arrayContaining(['samenvatting', 'overzicht', 'risicos', 'state', 'state-preconception', 'state-pregnancy', 'state-postpartum']));
    for (const id of links) expect(html).toMatch(new RegExp(`<section id="${id}"[ >]`));
  });
});
