// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { householdEdgeNotes, householdToMermaid, householdToStateDiagram } from '../../src/export/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { gezinInput, GEZIN_FILE, parseHousehold } from '../household/fixtures.js';
import { parseStructure } from './helpers/mermaid-parser.js';

describe('household diagrams', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);

  it('draws one lane per track, and Mermaid reads every step in its lane', async () => {
    const parsed = await parseStructure(householdToMermaid(path));
    expect(parsed.groups.map((g) => g.label)).toEqual(['Verloskundige zorg', 'Sociaal domein', 'JGZ (per kind)', 'Legenda']);
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
    expect(text).toContain('s2 -.->|"starts on birth"| s7');
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
    expect(referral?.label).toBe('referral warm · if risk signalled: Debts · 75% accept');
    // the birth starts the child's track: an arrow from the birth into the child's region
    expect(parsed.edges.find((e) => e.from === 's2' && e.to === 's7')?.label).toBe('starts on birth');
  });
});

describe('household diagrams for a reader', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);

  /** The fixture with a label on the referral, a protective factor in its condition and a cold transfer. */
  function richer() {
    const data = gezinInput();
    data.protections = { netwerk: { label: { nl: 'Steunend netwerk', en: 'Supportive network' } } };
    const steps = data.steps as Record<string, { refers?: Record<string, unknown>[]; transitions: Record<string, unknown>[]; detects?: Record<string, number>; addresses?: string[] }>;
    steps.intake!.refers![0]!.label = { nl: 'warme verwijzing wijkteam', en: 'warm referral to the social team' };
    steps.intake!.refers![0]!.when = { all: [{ signalled: 'schulden' }, { not: { hasProtection: 'netwerk' } }] };
    steps.hielprik!.transitions[0]!.handoff = 'cold';
    return parseHousehold(data);
  }

  it('names referrals by their label and factors by theirs, never by their keys', async () => {
    const text = householdToMermaid(richer(), { lang: 'nl' });
    const parsed = await parseStructure(text);
    const referral = parsed.edges.find((e) => e.from === 's0' && e.to === 's4')!;
    expect(referral.label).toBe('verwijzing warm: warme verwijzing wijkteam · als risico gesignaleerd: Schulden en heeft geen beschermende factor: Steunend netwerk · 75% neemt aan');
    expect(parsed.edges.find((e) => e.from === 's2' && e.to === 's7')!.label).toBe('start bij geboorte');
    expect(text).not.toMatch(/netwerk"|BIRTH|schulden/);
  });

  it('colours warm and cold transfers apart, draws crossings grey, and explains every kind in the legend', async () => {
    const text = householdToMermaid(richer(), { lang: 'nl' });
    const parsed = await parseStructure(text);
    const lines = text.split('\n');
    const arrows = lines.filter((l) => /^ {2}s\d+ (-->|==>|-\.->)/.test(l));
    const index = (from: string, to: string) => arrows.findIndex((l) => l.startsWith(`  ${from} `) && l.endsWith(` ${to}`));
    expect(lines).toContain(`  linkStyle ${index('s7', 's8')} stroke:#b91c1c,stroke-width:3px`);
    const crossings = [index('s0', 's4'), index('s2', 's7')].sort((a, b) => a - b);
    expect(lines).toContain(`  linkStyle ${crossings.join(',')} stroke:#64748b,stroke-width:1.5px`);
    const legend = parsed.nodes.filter((n) => n.parent === 'lg').map((n) => n.label);
    expect(legend).toEqual(['Medisch domein', 'Sociaal domein', 'Geen actor', '→ stap binnen een spoor', '⇒ overdracht van verantwoordelijkheid (koud)', '⇢ verwijzing of start in een ander spoor']);
    expect(householdToMermaid(path, { legend: false })).not.toContain('subgraph lg');
  });

  it('numbers conditions in short labels, and householdEdgeNotes lists them with the same numbers', async () => {
    const short = householdToMermaid(richer(), { lang: 'en', edgeLabels: 'short' });
    const parsed = await parseStructure(short);
    expect(parsed.edges.find((e) => e.from === 's0' && e.to === 's4')!.label).toBe('referral warm: warm referral to the social team [1] · 75% accept');
    expect(householdEdgeNotes(richer(), { lang: 'en' })).toEqual([
      { note: 1, from: 'Intake with screening', to: 'Social team intake', kind: 'referral', condition: 'risk signalled: Debts and does not have protective factor: Supportive network' },
    ]);
    const state = await parseStructure(householdToStateDiagram(richer(), { lang: 'en', edgeLabels: 'short' }));
    expect(state.edges.find((e) => e.from === 's0' && e.to === 's4')!.label).toBe('referral warm: warm referral to the social team [1] · 75% accept');
  });

  it('counts the risks of a step beyond three in short labels, and names them all in full ones', () => {
    const data = gezinInput();
    data.risks = Object.fromEntries(['a', 'b', 'c', 'd'].map((k) => [k, { label: { nl: `Risico ${k}` } }]));
    (data.steps as Record<string, Record<string, unknown>>).intake!.detects = { a: 0.5, b: 0.5, c: 0.5, d: 0.5 };
    (data.steps as Record<string, Record<string, unknown>>).intake!.refers = [];
    const p = parseHousehold(data);
    expect(householdToMermaid(p, { edgeLabels: 'short' })).toContain(`s0["Intake met signalering #183; signaleert 4 risico#8217;s"]`);
    expect(householdToMermaid(p)).toContain('signaleert Risico a 50#37;#44; Risico b 50#37;#44; Risico c 50#37;#44; Risico d 50#37;');
  });

  it('marks a child’s track once, also when its label says so already', async () => {
    const data = gezinInput();
    (data.tracks as Record<string, { label: { nl: string } }>).jgz!.label.nl = 'JGZ (per kind)';
    const parsed = await parseStructure(householdToMermaid(parseHousehold(data)));
    expect(parsed.groups.map((g) => g.label)).toContain('JGZ (per kind)');
  });

  it('refuses options it does not know with a ZorgpadenError', () => {
    expect(() => householdToMermaid(path, { lang: 'de' as 'nl' })).toThrow(ZorgpadenError);
    expect(() => householdToStateDiagram(path, { edgeLabels: 'long' as 'full' })).toThrow(ZorgpadenError);
    expect(() => householdEdgeNotes(path, null as unknown as object)).toThrow(ZorgpadenError);
  });
});

describe('household diagrams of a path that did not validate', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);

  it('draw a step in a track the path does not declare outside the lanes and regions, with its arrows', async () => {
    const broken = structuredClone(path);
    broken.steps.controles!.track = 'onbekend';
    const flow = await parseStructure(householdToMermaid(broken));
    expect(flow.nodes.find((n) => n.id === 's1')).toEqual({ id: 's1', label: 'Controles' });
    expect(flow.edges.some((e) => e.from === 's1' && e.to === 's2')).toBe(true);
    const state = await parseStructure(householdToStateDiagram(broken));
    // (Mermaid places a state where it is first named: here by the arrow into it inside its old region)
    expect(state.nodes.find((n) => n.id === 's1')?.label).toBe('Controles');
    expect(state.edges.some((e) => e.from === 's1' && e.to === 's2')).toBe(true);
  });
});
