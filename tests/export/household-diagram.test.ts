// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { householdToMermaid, householdToStateDiagram } from '../../src/export/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { gezinInput, GEZIN_FILE, parseHousehold } from '../household/fixtures.js';
import { parseStructure } from './helpers/mermaid-parser.js';

describe('household diagrams', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);

  it('draws one lane per track, and Mermaid reads every step in its lane', async () => {
    const parsed = await parseStructure(householdToMermaid(path));
    expect(parsed.groups.map((g) => g.label)).toEqual(['Verloskundige zorg', 'Sociaal domein', 'JGZ (per kind)']);
    const lanes = Object.fromEntries(parsed.nodes.map((n) => [n.label.split(' · ')[0], n.parent]));
    expect(lanes).toMatchObject({ Controles: 't0', 'Intake wijkteam': 't1', Hielprik: 't2' });
    expect(parsed.nodes.find((n) => n.id === 's0')!.label).toBe('Intake met signalering · signaleert Schulden 50%');
    expect(parsed.nodes.find((n) => n.id === 's5')!.label).toBe('Schuldhulpverlening · steun bij Schulden');
  });

  it('draws referrals and start events dotted, transfers thick, other steps plain', async () => {
    const data = gezinInput();
    const steps = data.steps as Record<string, { transitions: Record<string, unknown>[] }>;
    steps['wijkteam-intake']!.transitions[0]!.handoff = 'warm';
    const text = householdToMermaid(parseHousehold(data), { lang: 'en' });
    expect(text).toContain('s0 -.->|"referral warm #183; if risk signalled#58; Debts #183; 75#37; accept"| s4');
    expect(text).toContain('s2 -.->|"starts on BIRTH"| s7');
    expect(text).toContain('s4 ==>|"transfer warm"| s5');
    expect(text).toContain('s0 --> s1');
    const parsed = await parseStructure(text);
    const edge = (from: string, to: string) => parsed.edges.find((e) => e.from === from && e.to === to);
    expect(edge('s0', 's4')!.label).toBe('referral warm · if risk signalled: Debts · 75% accept');
    expect(parsed.edges).toHaveLength(9);
  });

  it('escapes labels, so that no text breaks the diagram', async () => {
    const data = gezinInput();
    (data.tracks as Record<string, { label: { nl: string } }>).zorg!.label.nl = 'end"] flowchart LR; click s0 call alert()';
    (data.steps as Record<string, { label: { nl: string } }>).controles!.label.nl = '"]) --> x[';
    const parsed = await parseStructure(householdToMermaid(parseHousehold(data)));
    expect(parsed.groups[0]!.label).toBe('end"] flowchart LR; click s0 call alert()');
    expect(parsed.nodes.find((n) => n.id === 's1')!.label).toBe('"]) --> x[');
  });
});

describe('household state diagrams', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);

  it('draws each track as a concurrent region, with referrals between regions', async () => {
    const text = householdToStateDiagram(path, { lang: 'en' });
    expect(text.match(/^ {4}--$/gm)).toHaveLength(2);
    const parsed = await parseStructure(text);
    const parentOf = Object.fromEntries(parsed.nodes.filter((n) => /^s\d+$/.test(n.id)).map((n) => [n.id, n.parent]));
    expect(new Set([parentOf.s0, parentOf.s1, parentOf.s2, parentOf.s3]).size).toBe(1);
    expect(parentOf.s4).not.toBe(parentOf.s0);
    expect(parentOf.s7).not.toBe(parentOf.s4);
    const referral = parsed.edges.find((e) => e.from === 's0' && e.to === 's4');
    expect(referral?.label).toBe('referral warm · if risk signalled: Debts');
  });
});
