// @vitest-environment happy-dom
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelText } from '../../src/model/index.js';
import { loadHouseholdPath, safeLoadCoalition, safeLoadMenukaart } from '../../src/node/index.js';
import { escapeHtml, householdReportTables, renderHouseholdReport, renderReport, REPORT_WORDS } from '../../src/render/index.js';
import { simulateHousehold } from '../../src/simulate/index.js';
import { loadPath } from '../../src/node/index.js';
import { GEZIN_FILE } from '../household/fixtures.js';

const COALITION_FILE = resolve('paths/coalitions/haarlem-huishouden.json');
const DATE = new Date(Date.UTC(2026, 11, 6));

describe('the household report of a coalition', async () => {
  const path = await loadHouseholdPath(COALITION_FILE);
  const coalitionRead = await safeLoadCoalition(COALITION_FILE);
  if (!coalitionRead.ok) throw new Error('the shipped coalition does not load');
  const coalition = coalitionRead.value;
  const menukaartRead = await safeLoadMenukaart(resolve('paths/menukaart/menukaart.json'));
  if (!menukaartRead.ok) throw new Error('the shipped menukaart does not load');
  const interventions = menukaartRead.value.interventions;
  const input = { path, coalition, interventions, lang: 'nl' as const, date: DATE, diagnostics: [] };

  it('is the coalition’s: its title, its municipality, and what it adapts', () => {
    const html = renderHouseholdReport(input);
    expect(html).toContain(`<h1>${labelText(coalition.title, 'nl')}</h1>`);
    expect(html).toContain('<li>Gemeente: Haarlem</li>');
    expect(html).toContain(`<li>Past aan: ${labelText(path.title, 'nl')} (versie ${path.version})</li>`);
    expect(html).toContain('<h2>Samenvatting voor het coalitieoverleg</h2>');
    expect(html).toContain('<h3>Keuzes van de coalitie</h3>');
  });

  it('lists every offer, every partner with its organisation, and each local step with its track and where it sits', () => {
    const tables = Object.fromEntries(householdReportTables(input).map((t) => [t.id, t]));
    expect(tables['coalitie-aanbod']!.rows).toEqual(coalition.offers.map((key) => [labelText(interventions[key]!.label, 'nl'), 'aangeboden']));
    expect(tables['coalitie-partners']!.rows).toEqual(Object.entries(coalition.partners).map(([actor, p]) => [labelText(path.actors[actor]!.label, 'nl'), p.organisation, p.contact ?? '']));
    const [id, local] = Object.entries(coalition.steps)[0]!;
    const before = coalition.transitions.filter((t) => t.to === id).map((t) => labelText(path.steps[t.from]!.label, 'nl'));
    const after = local.transitions.map((t) => labelText(path.steps[t.to]!.label, 'nl'));
    expect(tables['coalitie-lokale-stappen']!.rows).toEqual([[labelText(local.label, 'nl'), labelText(path.tracks[local.track!]!.label, 'nl'), labelText(path.actors[local.actor!]!.label, 'nl'), before.join(', '), after.join(', ')]]);
  });

  it('marks the coalition’s own steps with a ★ in the charts, and says what it means', () => {
    const html = renderHouseholdReport(input);
    const [id, local] = Object.entries(coalition.steps)[0]!;
    expect(path.steps[id]).toBeDefined();
    const label = labelText(local.label, 'nl');
    // the Mermaid source of the track's chart, as the page holds it (the ★ written as a Mermaid entity)
    expect(html).toContain(`#9733; ${escapeHtml(label).slice(0, 20)}`);
    expect(html).toContain('★ = een eigen (lokale) stap van de coalitie.');
    // no other step is marked
    const marked = [...html.matchAll(/#9733; (.{20})/g)].map((m) => m[1]);
    expect(marked.length).toBeGreaterThan(0);
    for (const text of marked) expect(text).toBe(escapeHtml(label).slice(0, 20));
  });

  it('names the partner organisation that leads a track, with the role beside it', () => {
    const tracks = householdReportTables(input).find((t) => t.id === 'huishouden-sporen')!;
    const birthCare = tracks.rows.find((r) => r[0] === labelText(path.tracks.geboortezorg!.label, 'nl'))!;
    const lead = path.tracks.geboortezorg!.lead!;
    // the lead first; the transfer to the hospital at a preterm birth after it
    expect(String(birthCare[3]).split('; ')[0]).toBe(`${coalition.partners[lead]!.organisation} (${labelText(path.actors[lead]!.label, 'nl')})`);
  });

  it('heads the summary neutrally when the report is not a coalition’s, in both reports', async () => {
    const plain = await loadHouseholdPath(GEZIN_FILE);
    const html = renderHouseholdReport({ path: plain, lang: 'nl', date: DATE });
    expect(html).toContain('<h2>Samenvatting</h2>');
    expect(html).not.toContain('coalitieoverleg');
    expect(html).not.toContain('Keuzes van de coalitie');
    const v1 = await loadPath(resolve('paths/national/eerste-1000-dagen.json'));
    expect(renderReport({ path: v1, lang: 'en', date: DATE })).toContain(`<h2>${REPORT_WORDS.en.summaryHeadingPlain}</h2>`);
  });
});

describe('the small print of the household report', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);
  const simulation = simulateHousehold(path, { cohort: 200, seed: 2 });

  it('heads every column of the children table', () => {
    for (const lang of ['nl', 'en'] as const) {
      const children = householdReportTables({ path, simulation, lang }).find((t) => t.id === 'huishouden-kinderen')!;
      expect(children.headers.every((h) => h.trim() !== '')).toBe(true);
    }
  });

  it('shows a dash, explained, for a track that takes no days, and the mean for one that does', () => {
    const track = Object.keys(simulation.tracks)[0]!;
    const instant = { ...simulation, tracks: { ...simulation.tracks, [track]: { ...simulation.tracks[track]!, days: { total: 0, mean: 0 } } } };
    const rows = householdReportTables({ path, simulation: instant, lang: 'nl' }).find((t) => t.id === 'huishouden-sporen-gesimuleerd')!.rows;
    const name = labelText(path.tracks[track]!.label, 'nl');
    expect(rows.find((r) => r[0] === name)!.at(-1)).toBe('—');
    const other = Object.entries(simulation.tracks).find(([id, t]) => id !== track && t.days.total > 0)!;
    expect(rows.find((r) => r[0] === labelText(path.tracks[other[0]]!.label, 'nl'))!.at(-1)).toBe(Math.round(other[1].days.mean));
    expect(renderHouseholdReport({ path, simulation: instant, lang: 'nl' })).toContain('het spoor eindigt op de dag dat het begint');
    const busy = { ...simulation, tracks: Object.fromEntries(Object.entries(simulation.tracks).map(([id, t]) => [id, { ...t, instances: Math.max(1, t.instances), days: { total: 10, mean: 10 } }])) };
    expect(renderHouseholdReport({ path, simulation: busy, lang: 'nl' })).not.toContain('het spoor eindigt op de dag dat het begint');
  });
});
