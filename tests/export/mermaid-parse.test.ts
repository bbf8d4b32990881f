// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMermaid } from '../../src/export/index.js';
import { labelText, PHASES, type CarePath } from '../../src/model/index.js';
import { fixturePath, transitionCount } from './helpers/fixtures.js';
import { expectedLabel, hostilePath } from './helpers/hostile.js';
import { parseStructure, parseType, type ParsedDiagram } from './helpers/mermaid-parser.js';

const STEP = /^s\d+$/;

/** Checks what the parser saw against the path itself: same steps, same transitions, same labels. */
function expectSameGraph(path: CarePath, parsed: ParsedDiagram, lang: 'nl' | 'en', extra: RegExp): void {
  const stepIds = Object.keys(path.steps);
  for (const node of parsed.nodes) if (!STEP.test(node.id)) expect(node.id).toMatch(extra);
  const stepNodes = parsed.nodes.filter((n) => STEP.test(n.id));
  expect(stepNodes.map((n) => n.id).sort()).toEqual(stepIds.map((_, i) => `s${i}`).sort());
  const byId = new Map(stepNodes.map((n) => [n.id, n]));
  stepIds.forEach((id, i) => {
    expect(byId.get(`s${i}`)?.label).toBe(expectedLabel(labelText(path.steps[id]!.label, lang)));
  });
  const edges = parsed.edges.filter((e) => STEP.test(e.from) && STEP.test(e.to));
  expect(edges).toHaveLength(transitionCount(path));
  let k = 0;
  stepIds.forEach((id, i) => {
    for (const t of path.steps[id]!.transitions) {
      const edge = edges[k++]!;
      expect([edge.from, edge.to]).toEqual([`s${i}`, `s${stepIds.indexOf(t.to)}`]);
      const text = t.label ? labelText(t.label, lang) : '';
      if (text !== '') expect(edge.label.endsWith(expectedLabel(text))).toBe(true);
      else if (t.on) expect(edge.label).toContain(t.on);
    }
  });
}

// 500 parses take about a minute on an idle 2-core machine: a budget, not a speed check, so that a
// busy machine does not fail them
const HOSTILE_BUDGET_MS = 300_000;

describe('state diagrams pass Mermaid’s parser', () => {
  it('the fixture path parses, with phases as composite states and outcomes as end states', async () => {
    const path = fixturePath('zwangerschap.json');
    for (const lang of ['nl', 'en'] as const) {
      const text = toMermaid(path, { lang });
      expect(await parseType(text)).toBe('stateDiagram');
      const parsed = await parseStructure(text);
      expectSameGraph(path, parsed, lang, /^(root_start|root_end|lg\d+)$/);
      const stepIds = Object.keys(path.steps);
      stepIds.forEach((id, i) => {
        const node = parsed.nodes.find((n) => n.id === `s${i}`)!;
        expect(node.parent).toBe(`p${PHASES.indexOf(path.steps[id]!.phase)}`);
      });
      const outcomes = stepIds.filter((id) => path.steps[id]!.kind === 'outcome').map((id) => `s${stepIds.indexOf(id)}`);
      expect(parsed.edges.filter((e) => e.to === 'root_end').map((e) => e.from).sort()).toEqual(outcomes.sort());
      expect(parsed.edges.filter((e) => e.from === 'root_start').map((e) => e.to)).toEqual([`s${stepIds.indexOf(path.initial)}`]);
    }
  });

  it('hostile labels never break or inject into a state diagram (500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePath, fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>, async (path, lang) => {
        const parsed = await parseStructure(toMermaid(path, { lang }));
        expectSameGraph(path, parsed, lang, /^(root_start|root_end|lg\d+)$/);
        expect(parsed.groups.map((g) => g.id).every((id) => /^(p[0-2]|lg)$/.test(id))).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, HOSTILE_BUDGET_MS);
});

describe('flowcharts pass Mermaid’s parser', () => {
  it('the fixture path parses, with one lane per organisation', async () => {
    const path = fixturePath('zwangerschap.json');
    const text = toMermaid(path, { kind: 'flowchart', groupBy: 'organisation' });
    expect(await parseType(text)).toBe('flowchart-v2');
    const parsed = await parseStructure(text);
    expectSameGraph(path, parsed, 'nl', /^(starts\d+|lg\d+)$/);
    const orgs = new Set(Object.values(path.steps).filter((s) => s.actor).map((s) => path.actors[s.actor!]!.organisation ?? s.actor));
    expect(parsed.groups.filter((g) => g.id !== 'lg')).toHaveLength(orgs.size);
    expect(parsed.groups.map((g) => g.label)).toContain('Verloskundigenpraktijk');
  });

  it('hostile labels never break or inject into a flowchart (500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostilePath,
        fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>,
        fc.constantFrom('phase', 'actor', 'organisation', 'none') as fc.Arbitrary<'phase' | 'actor' | 'organisation' | 'none'>,
        async (path, lang, groupBy) => {
          const parsed = await parseStructure(toMermaid(path, { kind: 'flowchart', lang, groupBy }));
          expectSameGraph(path, parsed, lang, /^(starts\d+|lg\d+)$/);
          expect(parsed.groups.every((g) => /^(g\d+|lg)$/.test(g.id))).toBe(true);
          if (groupBy === 'organisation') {
            for (const [i, id] of Object.keys(path.steps).entries()) {
              const actorId = path.steps[id]!.actor;
              if (!actorId) continue;
              const actor = path.actors[actorId]!;
              const lane = parsed.groups.find((g) => g.id === parsed.nodes.find((n) => n.id === `s${i}`)?.parent);
              expect(lane?.label).toBe(expectedLabel(actor.organisation ?? labelText(actor.label, lang)));
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  }, HOSTILE_BUDGET_MS);
});

describe('the parser check has teeth', () => {
  it.each([
    ['an unclosed composite state', 'stateDiagram-v2\n  state "A" as p0 {\n    state "x" as s0\n'],
    ['a misspelt header', 'stateDiagramv2\n  [*] --> s0\n'],
    ['a quote inside a quoted state label', 'stateDiagram-v2\n  state "say "hi"" as s0\n'],
    ['an unclosed flowchart node', 'flowchart TB\n  s0["Start --> s1\n'],
    ['an unclosed flowchart edge label', 'flowchart TB\n  s0["a"] -->|"x| s1\n'],
    ['a reserved word as a flowchart id', 'flowchart TB\n  end --> s1\n'],
  ])('rejects %s with a Mermaid parse error', async (_, text) => {
    await expect(parseType(text)).rejects.toThrow(/Parse error|Lexical error|No diagram type detected/);
  });

  it('sees the extra state an unescaped ";" would inject, which parsing alone accepts', async () => {
    const text = 'stateDiagram-v2\n  state "A" as s0\n  state "B" as s1\n  s0 --> s1 : a ; injected\n';
    expect(await parseType(text)).toBe('stateDiagram');
    const parsed = await parseStructure(text);
    expect(parsed.nodes.map((n) => n.id)).toContain('injected');
  });

  it('a naive writer that only quotes labels breaks on a hostile label the escaper handles', async () => {
    const label = 'say "hi" #quot; %% -->';
    await expect(parseType(`flowchart TB\n  s0["${label}"]\n`)).rejects.toThrow(/Parse error/);
    const path = fixturePath('zwangerschap.json');
    const hostile = { ...path, steps: { ...path.steps, intake: { ...path.steps['intake']!, label: { nl: label } } } };
    const parsed = await parseStructure(toMermaid(hostile, { kind: 'flowchart' }));
    expect(parsed.nodes.find((n) => n.id === 's0')?.label).toBe(label);
  });
});
