// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { toMermaid, type SimulationOverlay } from '../../src/export/index.js';
import { fixturePath } from './helpers/fixtures.js';
import { parseStructure } from './helpers/mermaid-parser.js';

const path = fixturePath('zwangerschap.json');
const stepIds = Object.keys(path.steps);

// a hand-made result with the four fields the overlay reads
const overlay: SimulationOverlay = {
  cohort: 1000,
  visits: { intake: 1000, signalering: 1000, huisbezoek: 150, 'wijkteam-melding': 50, buurtmoeder: 30, geboorte: 1000, 'jgz-huisbezoek': 980, goed: 900, zorgen: 80 },
  clients: { intake: 1000, signalering: 1000, huisbezoek: 150, 'wijkteam-melding': 50, buurtmoeder: 30, geboorte: 1000, 'jgz-huisbezoek': 980, goed: 900, zorgen: 80 },
  transitionCounts: { intake: [1000], signalering: [150, 50, 800], huisbezoek: [30, 120], 'wijkteam-melding': [50], buurtmoeder: [30], geboorte: [980], 'jgz-huisbezoek': [900, 80] },
};

describe('simulation overlay', () => {
  it('absolute: visits on steps and transition counts on edges', async () => {
    for (const kind of ['state', 'flowchart'] as const) {
      const parsed = await parseStructure(toMermaid(path, { kind, overlay, overlayMode: 'absolute' }));
      stepIds.forEach((id, i) => {
        const expected = String(overlay.visits[id]).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        expect(parsed.nodes.find((n) => n.id === `s${i}`)?.label.endsWith(`(${expected})`)).toBe(true);
      });
      const edge = parsed.edges.find((e) => e.from === 's1' && e.to === 's2')!;
      expect(edge.label.startsWith('150 · ')).toBe(true);
    }
  });

  it('relative: share of the cohort on steps, share of the source’s visits on edges (bupaR)', async () => {
    const parsed = await parseStructure(toMermaid(path, { kind: 'flowchart', overlay, overlayMode: 'relative', lang: 'en' }));
    expect(parsed.nodes.find((n) => n.id === 's2')?.label).toBe('Prenatal home visit (15.0%)');
    expect(parsed.edges.find((e) => e.from === 's2' && e.to === 's4')?.label).toBe('20.0%');
    expect(parsed.edges.find((e) => e.from === 's1' && e.to === 's5')?.label).toBe('80.0%');
  });

  it('shades steps by visits: the most visited are darkest', () => {
    const text = toMermaid(path, { overlay });
    const heat4 = text.match(/^ {2}class (\S+) heat4$/m)?.[1]?.split(',') ?? [];
    const max = Math.max(...Object.values(overlay.visits));
    // the top fifth of the scale: at least 80% of the most visited step
    const expected = stepIds.flatMap((id, i) => (overlay.visits[id]! >= 0.8 * max ? [`s${i}`] : []));
    expect(heat4.sort()).toEqual(expected.sort());
    const lightest = stepIds.flatMap((id, i) => (overlay.visits[id]! < 0.2 * max ? [`s${i}`] : []));
    expect(text.match(/^ {2}class (\S+) heat0$/m)?.[1]?.split(',').sort()).toEqual(lightest.sort());
  });

  it('sums the counts of merged edges when steps are folded', async () => {
    const parsed = await parseStructure(toMermaid(path, { kind: 'flowchart', overlay, collapse: { phases: ['pregnancy'] } }));
    // pregnancy folds into c0; every edge into birth (s5) merges: 800 + 120 + 50 + 30
    expect(parsed.edges.find((e) => e.from === 'c0' && e.to === 's5')?.label).toBe('1.000');
    expect(parsed.nodes.find((n) => n.id === 'c0')?.label).toBe('Zwangerschap (5 stappen) (2.230)');
  });
});
