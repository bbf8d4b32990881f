import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph, collapseGraph, describeCondition, quoted, toMermaid } from '../../src/export/index.js';
import type { CarePath } from '../../src/model/index.js';
import { fixturePath, transitionCount } from './helpers/fixtures.js';
import { hostilePath } from './helpers/hostile.js';

const path = fixturePath('zwangerschap.json');

describe('describeCondition', () => {
  it('writes conditions in plain Dutch and English, with the path’s factor labels', () => {
    expect(describeCondition({ hasRisk: 'schulden' }, 'nl', path)).toBe('heeft risico: schulden');
    expect(describeCondition({ hasRisk: 'schulden' }, 'en', path)).toBe('has risk: debts');
    expect(describeCondition({ hasRisk: 'onbekend' }, 'nl')).toBe('heeft risico: onbekend');
    expect(describeCondition({ not: { hasRisk: 'schulden' } }, 'nl', path)).toBe('heeft geen risico: schulden');
    expect(describeCondition({ hasProtection: 'netwerk' }, 'en')).toBe('has protective factor: netwerk');
    expect(describeCondition({ attr: 'age', lt: 20 }, 'nl')).toBe('age is kleiner dan 20');
    expect(describeCondition({ attr: 'age', gte: 18, lte: 23.5 }, 'nl')).toBe('age is hoogstens 23,5 en is minstens 18');
    expect(describeCondition({ attr: 'firstPregnancy', eq: true }, 'en')).toBe('firstPregnancy is yes');
    expect(describeCondition({ attr: 'wijk', in: ['noord', 'zuid'] }, 'nl')).toBe('wijk is een van: noord, zuid');
    expect(describeCondition({ attr: 'bsn', exists: false }, 'en')).toBe('bsn is unknown');
  });

  it('writes a choice among three or more risks as one list', () => {
    const c = { any: [{ hasRisk: 'schulden' }, { hasRisk: 'huisvesting' }, { hasRisk: 'stress' }] };
    expect(describeCondition(c, 'nl', path)).toBe("heeft een van de risico's: schulden, huisvesting, stress");
    expect(describeCondition(c, 'en', path)).toBe('has one of the risks: debts, huisvesting, stress');
    expect(describeCondition({ any: c.any.slice(0, 2) }, 'nl', path)).toBe('heeft risico: schulden of heeft risico: huisvesting');
    const none = { all: c.any.map((item) => ({ not: item })) };
    expect(describeCondition(none, 'nl', path)).toBe("heeft geen van de risico's: schulden, huisvesting, stress");
  });

  it('brackets nested groups so that "and" and "or" cannot be misread', () => {
    const c = { any: [{ hasRisk: 'a' }, { all: [{ hasRisk: 'b' }, { not: { attr: 'x', eq: 1 } }] }] };
    expect(describeCondition(c, 'nl')).toBe('heeft risico: a of (heeft risico: b en niet (x is 1))');
    expect(describeCondition(c, 'en')).toBe('has risk: a or (has risk: b and not (x is 1))');
  });
});

describe('buildGraph', () => {
  it('numbers steps s0, s1, … in document order and keeps one edge per transition', () => {
    const graph = buildGraph(path, 'nl');
    expect(graph.nodes.map((n) => n.id)).toEqual(Object.keys(path.steps).map((_, i) => `s${i}`));
    expect(graph.nodes.map((n) => n.steps[0])).toEqual(Object.keys(path.steps));
    expect(graph.edges).toHaveLength(transitionCount(path));
    const warm = graph.edges.find((e) => e.handoff === 'warm')!;
    expect(warm.condition).toBe('heeft risico: schulden');
    expect(warm.event).toBe('RISK_SIGNALLED');
    expect(graph.edges.find((e) => e.handoff === 'cold')?.after).toBe(7);
  });
});

/** Independent count of the edges a fold leaves: distinct (group, group) pairs between different groups. */
function foldedEdgeCount(p: CarePath, groupOf: (stepId: string) => string): number {
  const kept = new Set<string>();
  let single = 0;
  for (const [id, step] of Object.entries(p.steps)) {
    for (const t of step.transitions) {
      if (!p.steps[t.to]) continue;
      const a = groupOf(id);
      const b = groupOf(t.to);
      if (a === id && b === t.to) single++;
      else if (a !== b) kept.add(`${a}>${b}`);
    }
  }
  return single + kept.size;
}

describe('collapseGraph', () => {
  it('folds a phase into one node and merges the edges around it', () => {
    fc.assert(
      fc.property(hostilePath, fc.constantFrom('preconception', 'pregnancy', 'postpartum') as fc.Arbitrary<'preconception' | 'pregnancy' | 'postpartum'>, (p, phase) => {
        const folded = collapseGraph(buildGraph(p, 'nl'), { phases: [phase] });
        const inPhase = Object.keys(p.steps).filter((id) => p.steps[id]!.phase === phase);
        expect(folded.nodes).toHaveLength(Object.keys(p.steps).length - inPhase.length + (inPhase.length > 0 ? 1 : 0));
        const groupOf = (id: string) => (p.steps[id]!.phase === phase ? 'group' : id);
        expect(folded.edges).toHaveLength(foldedEdgeCount(p, groupOf));
        const group = folded.nodes.find((n) => n.kind === 'group');
        if (group) expect(group.steps.sort()).toEqual([...inPhase].sort());
        // every transition is still accounted for, except those inside the fold
        const carried = folded.edges.reduce((sum, e) => sum + e.transitions.length, 0);
        const inside = Object.entries(p.steps).reduce((sum, [id, s]) => sum + s.transitions.filter((t) => p.steps[t.to] && groupOf(id) === 'group' && groupOf(t.to) === 'group').length, 0);
        expect(carried).toBe(transitionCount(p) - inside);
      }),
      { numRuns: 300 },
    );
  });

  it('folds an organisation and labels the node with its step count', () => {
    const folded = collapseGraph(buildGraph(path, 'nl'), { organisations: ['GGD'] });
    const group = folded.nodes.find((n) => n.kind === 'group')!;
    expect(group.steps).toEqual(['huisbezoek', 'jgz-huisbezoek']);
    expect(group.label).toBe('GGD (2 stappen)');
    expect(toMermaid(path, { collapse: { organisations: ['GGD'] } })).toContain(`state ${quoted('GGD (2 stappen)')} as c0`);
  });
});

describe('determinism', () => {
  it('gives the same text for the same path and options, also for a copy of the path', () => {
    const options = [
      {},
      { kind: 'flowchart' as const, groupBy: 'organisation' as const, lang: 'en' as const },
      { kind: 'flowchart' as const, groupBy: 'actor' as const, collapse: { phases: ['pregnancy' as const] } },
      { overlay: { cohort: 10, visits: { intake: 10 }, clients: { intake: 10 }, transitionCounts: { intake: [10] } }, overlayMode: 'relative' as const },
    ];
    for (const o of options) {
      const first = toMermaid(path, o);
      expect(toMermaid(path, o)).toBe(first);
      expect(toMermaid(structuredClone(path), o)).toBe(first);
    }
  });

  it('pins theme, look and layout in front matter', () => {
    for (const kind of ['state', 'flowchart'] as const) {
      expect(toMermaid(path, { kind }).startsWith('---\nconfig:\n  theme: default\n  look: classic\n  layout: dagre\n---\n')).toBe(true);
    }
  });
});
