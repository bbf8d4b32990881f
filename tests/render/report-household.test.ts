// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { householdEdgeNotes, householdToStateDiagram, householdTrackToMermaid } from '../../src/export/index.js';
import { PopulationSchema, type HouseholdPath } from '../../src/model/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { escapeHtml, householdReportTables, renderHouseholdReport, type Cell } from '../../src/render/index.js';
import { trackView } from '../../src/render/report-household-diagrams.js';
import { formatShare } from '../../src/render/format.js';
import { defaultPopulation, simulateHousehold } from '../../src/simulate/index.js';
import { parseType } from '../export/helpers/mermaid-parser.js';
import { GEZIN_FILE, gezinInput, parseHousehold } from '../household/fixtures.js';

const POPULATION = PopulationSchema.parse({
  schemaVersion: 1, kind: 'population', id: 'test/huishoudens', version: '1.0.0', title: { nl: 'Huishoudens' },
  risks: { schulden: { label: { nl: 'Schulden' }, prevalence: 0.4 } },
});
const DATE = new Date(Date.UTC(2026, 11, 6));

const unescapeHtml = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The text a reader sees: no scripts, styles, tags or the Mermaid sources kept for the browser. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<pre[\s\S]*?<\/pre>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

/** Every identifier of a household path that a reader should never see: ids of steps, tracks, members, actors, risks, and events. */
function identifiers(path: HouseholdPath): string[] {
  const ids = [...Object.keys(path.steps), ...Object.keys(path.tracks), ...Object.keys(path.members), ...Object.keys(path.actors), ...Object.keys(path.risks ?? {}), 'BIRTH'];
  // a key that is also a Dutch word of the path's own labels (zorg, kind, wijkteam) is not a leak; an event name (BIRTH) always is
  const labels = [path.title, ...[path.steps, path.tracks, path.members, path.actors, path.risks ?? {}].flatMap((table) => Object.values(table).map((entry) => entry.label))];
  const words = new Set(JSON.stringify(labels).toLowerCase().split(/[^\p{L}\p{N}-]+/u));
  return ids.filter((id) => id === id.toUpperCase() || !words.has(id.toLowerCase()));
}

/** The 95% Wilson interval of count out of n as the report prints it ("[1,7%; 2,2%]"), computed here from its formula; * when its half-width is over a point and a quarter of the share. */
function margin(count: number, n: number): string {
  const z = 1.959963984540054;
  const p = count / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  const low = count === 0 ? 0 : Math.max(0, centre - half);
  const high = count === n ? 1 : Math.min(1, centre + half);
  const wide = (high - low) / 2 > 0.01 && (high - low) / 2 > p / 4;
  return `[${formatShare(low, 'nl')}; ${formatShare(high, 'nl')}]${wide ? ' *' : ''}`;
}

/** A cell as the report shows it: an interval as "[1,7%; 2,2%]" (with " *" when too wide), every other cell as it is. */
function shown(cell: Cell): Cell {
  return typeof cell === 'object' && 'low' in cell ? `[${formatShare(cell.low, 'nl')}; ${formatShare(cell.high, 'nl')}]${cell.tooWide ? ' *' : ''}` : cell;
}

function leaks(text: string, ids: readonly string[]): string[] {
  return ids.filter((id) => new RegExp(`(?<![\\p{L}\\p{N}_/-])${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\p{N}_/-])`, 'u').test(text));
}

describe('the household report', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);
  const simulation = simulateHousehold(path, { cohort: 3000, seed: 4, population: POPULATION });
  const input = { path, simulation, lang: 'nl' as const, date: DATE, names: { risks: POPULATION.risks } };

  it('counts as falling through only the households with a risk that never got support for it, signalled or not', async () => {
    const shipped = await loadHouseholdPath('paths/households/huishouden-1000-dagen.json');
    const sim = simulateHousehold(shipped, { cohort: 2000, seed: 3 });
    const rows = householdReportTables({ path: shipped, simulation: sim, lang: 'nl', date: DATE }).find((t) => t.id === 'huishouden-risicos')!.rows;
    // columns: risk, present, signalled, addressed, missed signal, signalled without follow-up, share falling through
    const counts = rows.map((row) => row.slice(1, 6) as number[]);
    // some households are supported without a signal: they must not count as falling through
    expect(counts.some(([present, , addressed, missed, unfollowed]) => missed! + unfollowed! !== present! - addressed!)).toBe(true);
    rows.forEach((row, i) => expect(row[6]).toEqual({ share: (counts[i]![0]! - counts[i]![2]!) / counts[i]![0]! }));
  });

  it('shows the household figures exactly as simulateHousehold counts them', () => {
    const tables = Object.fromEntries(householdReportTables(input).map((t) => [t.id, t]));
    const debts = simulation.risks.schulden!;
    expect(debts.present).toBeGreaterThan(0);
    expect(tables['huishouden-risicos']!.rows.map((r) => r.map(shown))).toEqual([
      ['Schulden', debts.present, debts.signalled, debts.addressed, debts.neverSignalled, debts.signalledNotAddressed, { share: (debts.present - debts.addressed) / debts.present }, margin(debts.present - debts.addressed, debts.present)],
    ]);
    const wait = debts.timeToSupport;
    expect(tables['huishouden-signaal-tot-steun']!.rows).toEqual(wait.n > 0 ? [['Schulden', wait.n, wait.median, wait.p90]] : []);
    const { transfers, referrals } = simulation.handoffs;
    const per = (n: number) => (n / 3000).toFixed(2).replace('.', ',');
    expect(tables['huishouden-overdrachten']!.rows).toEqual([
      ['Overdracht van verantwoordelijkheid, warm', transfers.warm, per(transfers.warm)],
      ['Overdracht van verantwoordelijkheid, koud', transfers.cold, per(transfers.cold)],
      ['Verwijzingen gedaan', referrals.made, per(referrals.made)],
      ['waarvan warm', referrals.warm, per(referrals.warm)],
      ['waarvan koud', referrals.cold, per(referrals.cold)],
      ['waarvan niet vastgelegd (warm of koud)', referrals.unmarked, per(referrals.unmarked)],
      ['Verwijzingen aangenomen', referrals.accepted, per(referrals.accepted)],
      ['Verwijzingen die een spoor startten', referrals.started, per(referrals.started)],
    ]);
    expect(tables['huishouden-kinderen']!.rows).toEqual([
      ['Huishoudens met een geboorte', simulation.births.households],
      ['Kinderen geboren', simulation.births.children],
      ['Meerlingen', simulation.births.multiple],
    ]);
    // every child walks the child's track: its outcome counts children, its share is of the children's tracks started
    const jgz = tables['huishouden-uitkomsten']!.rows.find((r) => r[1] === 'Consultaties gedaan')!;
    expect(jgz).toEqual(['JGZ', 'Consultaties gedaan', simulation.outcomes['jgz-klaar'], { share: simulation.outcomes['jgz-klaar']! / simulation.tracks.jgz!.instances }]);
    expect(simulation.tracks.jgz!.instances).toBe(simulation.births.children);
    const visits = tables['huishouden-stappen']!.rows.find((r) => r[0] === 'Hielprik')!;
    expect(visits.map(shown)).toEqual(['Hielprik', 'JGZ', simulation.visits.hielprik, simulation.households.hielprik, { share: simulation.households.hielprik! / 3000 }, margin(simulation.households.hielprik!, 3000)]);
    expect(tables['huishouden-risicos']!.headers.at(-1)).toBe('Marge (95%)');
    const social = tables['huishouden-sporen-gesimuleerd']!.rows.find((r) => r[0] === 'Sociaal domein')!;
    expect(shown(social[4]!)).toBe(margin(simulation.tracks.sociaal!.households, 3000));
  });

  it('draws an overview of the tracks, a flowchart per track and the region diagram with short labels, their conditions listed below, and Mermaid parses them', async () => {
    const html = renderHouseholdReport(input);
    const regions = householdToStateDiagram(path, { lang: 'nl', edgeLabels: 'short' });
    expect(html).toContain(`<pre class="diagram-source" hidden>${escapeHtml(regions)}</pre>`);
    expect(await parseType(regions)).toBe('stateDiagram');
    const overview = /<figure data-diagram="tracks" data-fit="screen"><pre class="diagram-source" hidden>([^<]*)<\/pre>/.exec(html)![1]!;
    expect(await parseType(unescapeHtml(overview))).toBe('flowchart-v2');
    // a box per track; the referral from care into the social domain and the start of the child's track at the birth as arrows
    expect(unescapeHtml(overview).match(/^ {2}t\d+\[/gm)).toHaveLength(Object.keys(path.tracks).length);
    expect(unescapeHtml(overview)).toMatch(/t0 -\.->\|"1 verwijzing"\| t1/);
    expect(unescapeHtml(overview)).toMatch(/t0 -\.->\|"start bij de geboorte"\| t2/);
    const tables = householdReportTables(input);
    for (const track of Object.keys(path.tracks)) {
      const view = trackView(path, track);
      const source = householdTrackToMermaid(view, track, { lang: 'nl', edgeLabels: 'short', legend: false });
      expect(html, track).toContain(`<section id="spoor-${track}" data-track="${track}">`);
      expect(html, track).toContain(`<pre class="diagram-source" hidden>${escapeHtml(source)}</pre>`);
      expect(await parseType(source)).toBe('flowchart-v2');
      const notes = householdEdgeNotes(view, { lang: 'nl' });
      const table = tables.find((t) => t.id === `voorwaarden-spoor-${track}`);
      expect(table?.rows ?? [], track).toEqual(notes.map((n) => [`[${n.note}]`, n.from, n.to, n.condition]));
    }
    expect(tables.find((t) => t.id === 'voorwaarden-spoor-zorg')!.rows[0]).toEqual(['[1]', 'Intake met signalering', 'Intake wijkteam', 'risico gesignaleerd: Schulden']);
  });

  it('shows a track with only the steps of other tracks that join it: referrals in and out, and the birth', () => {
    const shipped = path; // the small household of the guide
    for (const track of Object.keys(shipped.tracks)) {
      const view = trackView(shipped, track);
      for (const [id, step] of Object.entries(shipped.steps)) {
        const joins = step.track === track || (step.refers ?? []).some((r) => shipped.steps[r.to]?.track === track) || Object.values(shipped.steps).some((s) => s.track === track && (s.refers ?? []).some((r) => r.to === id)) || (shipped.tracks[track]!.startsOn !== undefined && step.emits === shipped.tracks[track]!.startsOn) || Object.values(shipped.tracks).some((t) => t.initial === id && t.startsOn !== undefined && Object.values(shipped.steps).some((s) => s.track === track && s.emits === t.startsOn));
        expect(Object.hasOwn(view.steps, id), `${track} ${id}`).toBe(joins);
      }
      // every arrow of the view joins two steps it has
      for (const step of Object.values(view.steps)) for (const to of [...step.transitions.map((t) => t.to), ...(step.refers ?? []).map((r) => r.to)]) expect(Object.hasOwn(view.steps, to)).toBe(true);
    }
  });

  it('names beside each track’s simulated flowchart the share of households in which the track ran (the chart has no lane to carry it)', () => {
    const html = renderHouseholdReport(input);
    for (const [id, track] of Object.entries(path.tracks)) {
      const share = formatShare(simulation.tracks[id]!.households / simulation.cohort, 'nl');
      expect(html, id).toContain(`<section id="simulatie-${id}" data-track="${id}"><h3>${escapeHtml(track.label.nl!)} · ${share} van de huishoudens</h3>`);
      expect(html, id).toContain(`<section id="spoor-${id}" data-track="${id}"><h3>${escapeHtml(track.label.nl!)}</h3>`);
    }
  });

  it('lists the tracks: for whom, how each starts, who leads', () => {
    const tracks = householdReportTables(input).find((t) => t.id === 'huishouden-sporen')!;
    expect(tracks.rows).toEqual([
      ['Verloskundige zorg', 'Zwangere', 'bij het begin', 'Verloskundige', 4],
      ['Sociaal domein', 'het hele huishouden', 'door een verwijzing', 'Sociaal wijkteam', 3],
      ['JGZ', 'Kind (per kind)', 'bij de geboorte', 'Jeugdgezondheidszorg', 3],
    ]);
  });

  it('says to whom the lead of a track passes the family when a transfer inside the track hands it over', async () => {
    const shipped = await loadHouseholdPath('paths/households/huishouden-1000-dagen.json');
    const rows = householdReportTables({ path: shipped, lang: 'nl', date: DATE }).find((t) => t.id === 'huishouden-sporen')!.rows;
    const lead = (label: string) => rows.find((r) => r[0] === label)![3];
    const actor = (id: string) => shipped.actors[id]!.label.nl!;
    // the midwife holds the newborn until the heel prick, then hands over to the JGZ (hielprik → jgz-huisbezoek)
    expect(shipped.steps.hielprik!.transitions.some((t) => t.to === 'jgz-huisbezoek' && t.handoff !== undefined)).toBe(true);
    expect(lead(shipped.tracks.jgz!.label.nl!)).toBe(`${actor('verloskundige')}; overdracht aan ${actor('jgz')}`);
    // a track without a transfer inside it keeps its one lead; the path's own organisation key
    // ("jgz") is not a name to show: only a coalition's partner fills one in
    expect(lead(shipped.tracks.ggz!.label.nl!)).toBe(actor('ggz'));
    expect(shipped.actors.jgz!.organisation).toBe('jgz');
    expect(lead(shipped.tracks.phb!.label.nl!)).toBe(actor('jgz'));
    const overview = renderHouseholdReport({ path: shipped, lang: 'nl', date: DATE });
    expect(unescapeHtml(overview)).toContain(`${actor('verloskundige')}; overdracht aan ${actor('jgz')}`);
  });

  it('shows no identifier of the path in the text a Dutch reader sees', () => {
    const text = visibleText(renderHouseholdReport(input));
    // the probe finds what it looks for
    expect(leaks('zie wijkteam-intake en BIRTH', identifiers(path))).toEqual(['wijkteam-intake', 'BIRTH']);
    expect(leaks(text, identifiers(path))).toEqual([]);
    expect(text).toContain('3.000 huishoudens gesimuleerd uit de populatie test/huishoudens (seed 4).');
  });

  it('shows no identifier of the shipped household path either, simulated with the default population', async () => {
    const shipped = await loadHouseholdPath('paths/households/huishouden-1000-dagen.json');
    const result = simulateHousehold(shipped, { cohort: 500, seed: 1 });
    const text = visibleText(renderHouseholdReport({ path: shipped, simulation: result, lang: 'nl', date: DATE, names: { risks: defaultPopulation().risks } }));
    // the population's risk keys too, unless a key is a word of some risk's label (stress)
    const labelWords = new Set(JSON.stringify(Object.values(defaultPopulation().risks).map((r) => r.label)).toLowerCase().split(/[^\p{L}\p{N}-]+/u));
    const ids = [...identifiers(shipped), ...Object.keys(result.risks).filter((key) => !labelWords.has(key))];
    expect(ids.length).toBeGreaterThan(50);
    expect(leaks(text, ids)).toEqual([]);
  });

  it('says there is no simulation without one, and lists findings in words', () => {
    const finding: Diagnostic = {
      code: 'track-never-starts', severity: 'warning', message: 'Track "sociaal" can never start.', hint: 'Refer to it.',
      nl: { message: 'Spoor "sociaal" kan nooit starten.', hint: 'Verwijs ernaar.' }, params: {}, pointer: '/tracks/sociaal', file: 'gezin.json', line: 17,
    };
    const html = renderHouseholdReport({ path, diagnostics: [finding], lang: 'nl', date: DATE });
    expect(html).toContain('Er is geen simulatie bij dit rapport');
    expect(html).toContain('Spoor “Sociaal domein” kan nooit starten.');
    expect(html).not.toContain('data-table="huishouden-risicos"');
  });

  it('escapes every label, so that no text of a path becomes markup', () => {
    const data = gezinInput();
    (data.title as { nl: string }).nl = '<script>window.__pwned=1</script>';
    (data.tracks as Record<string, { label: { nl: string } }>).sociaal!.label.nl = '<img src=x onerror=alert(1)>';
    const hostile = parseHousehold(data);
    const html = renderHouseholdReport({ path: hostile, simulation: simulateHousehold(hostile, { cohort: 50, seed: 1, population: POPULATION }), lang: 'nl', date: DATE });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('speaks English with lang en', () => {
    const html = renderHouseholdReport({ ...input, lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('3,000 households simulated from the population test/huishoudens (seed 4).');
    expect(html).toContain('Flowchart per track');
    expect(html).not.toContain('Stroomschema');
  });
});
