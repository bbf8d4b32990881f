// @vitest-environment happy-dom
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { householdEdgeNotes, householdTrackToMermaid, unescapeLabel } from '../../src/export/index.js';
import { emitsOf, labelText, type HouseholdPath } from '../../src/model/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { trackView } from '../../src/render/report-household-diagrams.js';
import { GEZIN_FILE, gezinInput, parseHousehold } from '../household/fixtures.js';
import { parseStructure, type ParsedDiagram } from './helpers/mermaid-parser.js';

/** One arrow that crosses into or out of a track, read from the path's data, not from the diagram code. */
interface Crossing {
  /** The step of the track. */
  own: string;
  /** The step of the other track. */
  other: string;
  direction: 'out' | 'in';
  /** The words that must be shown with it: the kind of arrow, warm or cold. */
  kind: string;
}

function crossingsOf(path: HouseholdPath, track: string): Crossing[] {
  const out: Crossing[] = [];
  const trackOf = (id: string) => path.steps[id]!.track;
  for (const [id, step] of Object.entries(path.steps)) {
    for (const r of step.refers ?? []) {
      const kind = r.handoff === 'warm' ? 'verwijzing warm' : r.handoff === 'cold' ? 'verwijzing koud' : 'verwijzing';
      if (trackOf(id) === track && trackOf(r.to) !== track) out.push({ own: id, other: r.to, direction: 'out', kind });
      if (trackOf(id) !== track && trackOf(r.to) === track) out.push({ own: r.to, other: id, direction: 'in', kind });
    }
    for (const event of emitsOf(step)) {
      for (const [otherId, other] of Object.entries(path.tracks)) {
        if (other.startsOn !== event || other.initial === undefined) continue;
        if (trackOf(id) === track && otherId !== track) out.push({ own: id, other: other.initial, direction: 'out', kind: 'start bij' });
        if (trackOf(id) !== track && otherId === track) out.push({ own: other.initial, other: id, direction: 'in', kind: 'start bij' });
      }
    }
  }
  return out;
}

const plain = (label: string) => label.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Mermaid's structure of a track's flowchart, with the labels of the boxes of other tracks read
 * from the source: Mermaid keeps their <b> and <br> for the browser, but its parser under
 * happy-dom drops parts of a label around a <b>.
 */
async function parseTrack(text: string): Promise<ParsedDiagram> {
  const parsed = await parseStructure(text);
  const boxes = new Map([...text.matchAll(/^ {2}(x\d+)\("(.*)"\)$/gm)].map((m) => [m[1]!, unescapeLabel(m[2]!)]));
  return { ...parsed, nodes: parsed.nodes.map((n) => (boxes.has(n.id) ? { ...n, label: boxes.get(n.id)! } : n)) };
}

/** Every crossing of the data is shown: the other track's name, its step and the kind of arrow, beside the track's own step. */
function expectEveryCrossingShown(path: HouseholdPath, track: string, parsed: ParsedDiagram): void {
  const label = (id: string) => labelText(path.steps[id]!.label, 'nl');
  const nodeOf = (id: string) => parsed.nodes.find((n) => /^s\d+$/.test(n.id) && plain(n.label).startsWith(label(id)))!;
  const box = (id: string) => plain(parsed.nodes.find((n) => n.id === id)!.label);
  const crossings = crossingsOf(path, track);
  for (const c of crossings) {
    const own = nodeOf(c.own);
    expect(own, `${track}: ${c.own}`).toBeDefined();
    const otherTrack = labelText(path.tracks[path.steps[c.other]!.track]!.label, 'nl');
    // what is shown with the arrow: its label and the box at its other end
    const shown = parsed.edges
      .filter((e) => (c.direction === 'out' ? e.from === own.id && e.to.startsWith('x') : e.to === own.id && e.from.startsWith('x')))
      .map((e) => `${e.label} ${box(c.direction === 'out' ? e.to : e.from)}`)
      .filter((text) => text.includes(otherTrack) && text.includes(label(c.other)));
    expect(shown, `${track}: ${c.own} ${c.direction} ${c.other}`).not.toHaveLength(0);
    expect(shown.some((text) => text.includes(c.kind)), `${track}: ${c.own} ${c.direction} ${c.other} as ${c.kind}`).toBe(true);
  }
  // and nothing else: an arrow per crossing, or a line per crossing in a box that lists several
  const boxes = parsed.nodes.filter((n) => n.id.startsWith('x'));
  const listed = boxes.reduce((sum, n) => sum + (n.label.match(/\u21e2/g)?.length ?? 0), 0);
  const arrows = parsed.edges.filter((e) => (e.from.startsWith('x') || e.to.startsWith('x')) && !(parsed.nodes.find((n) => n.id === e.to)?.label.includes('\u21e2') ?? false)).length;
  expect(arrows + listed, track).toBe(crossings.length);
  // every box sits beside a step of the track: an arrow joins them
  for (const b of boxes) expect(parsed.edges.some((e) => e.from === b.id || e.to === b.id), `${track}: ${b.id}`).toBe(true);
}

describe('a household track as a flowchart of its own', async () => {
  const shipped = await loadHouseholdPath(resolve('paths/households/huishouden-1000-dagen.json'));
  const gezin = await loadHouseholdPath(GEZIN_FILE);

  it('draws the track without lanes, every step of the track a node, and every crossing arrow with the other track, its step and warm or cold', async () => {
    for (const path of [gezin, shipped]) {
      for (const track of Object.keys(path.tracks)) {
        const parsed = await parseTrack(householdTrackToMermaid(trackView(path, track), track, { lang: 'nl', legend: false }));
        expect(parsed.groups, track).toEqual([]);
        const own = Object.values(path.steps).filter((s) => s.track === track).length;
        expect(parsed.nodes.filter((n) => /^s\d+$/.test(n.id)), track).toHaveLength(own);
        expectEveryCrossingShown(path, track, parsed);
      }
    }
  });

  it('lists the referrals of a step into several tracks in one box, and draws a single referral as an arrow to a box of its own', async () => {
    const parsed = await parseTrack(householdTrackToMermaid(trackView(shipped, 'geboortezorg'), 'geboortezorg', { lang: 'nl', legend: false, edgeLabels: 'short' }));
    const lists = parsed.nodes.filter((n) => n.label.includes('\u21e2'));
    expect(lists).toHaveLength(1);
    expect(lists[0]!.label.match(/\u21e2/g)).toHaveLength(5);
    expect(plain(lists[0]!.label)).toContain('Sociaal domein Sociaal wijkteam: inkomen, schulden en wonen verwijzing warm: warme verwijzing wijkteam [2] · 70% neemt aan');
    // the birth starts the child's track from both ways a birth can go
    const starts = parsed.edges.filter((e) => e.label === 'start bij geboorte');
    expect(starts).toHaveLength(2);
    for (const e of starts) expect(plain(parsed.nodes.find((n) => n.id === e.to)!.label)).toBe('Jeugdgezondheidszorg (per kind) Hielprik en gehoorscreening');
  });

  it('numbers conditions as householdEdgeNotes does for the same path', async () => {
    const view = trackView(shipped, 'geboortezorg');
    const text = householdTrackToMermaid(view, 'geboortezorg', { edgeLabels: 'short', legend: false });
    const numbers = [...text.matchAll(/#91;(\d+)#93;/g)].map((m) => Number(m[1]));
    expect(new Set(numbers)).toEqual(new Set(householdEdgeNotes(view).map((n) => n.note)));
  });

  it('escapes the names of other tracks and their steps', async () => {
    const data = gezinInput();
    (data.tracks as Record<string, { label: { nl: string } }>).sociaal!.label.nl = '<b>end"]) --> x[';
    const path = parseHousehold(data);
    const parsed = await parseTrack(householdTrackToMermaid(trackView(path, 'zorg'), 'zorg'));
    expect(parsed.nodes.some((n) => n.label.startsWith('<b><b>end"]) --> x[</b><br>'))).toBe(true);
  });

  it('throws a ZorgpadenError for a track the path does not have, or bad options', () => {
    expect(() => householdTrackToMermaid(gezin, 'onbekend')).toThrow(ZorgpadenError);
    expect(() => householdTrackToMermaid(gezin, 'zorg', { lang: 'de' as 'nl' })).toThrow(ZorgpadenError);
    expect(() => householdTrackToMermaid(gezin, 'zorg', { localSteps: 'intake' as unknown as string[] })).toThrow(ZorgpadenError);
  });

  it('marks the steps given as local with a ★, and no other', async () => {
    const marked = await parseTrack(householdTrackToMermaid(trackView(gezin, 'zorg'), 'zorg', { localSteps: ['intake'] }));
    const starred = marked.nodes.filter((n) => n.label.startsWith('★ ')).map((n) => n.label);
    expect(starred).toHaveLength(1);
    expect(starred[0]!.startsWith(`★ ${labelText(gezin.steps.intake!.label, 'nl')}`)).toBe(true);
    expect((await parseTrack(householdTrackToMermaid(trackView(gezin, 'zorg'), 'zorg'))).nodes.some((n) => n.label.includes('★'))).toBe(false);
  });
});
