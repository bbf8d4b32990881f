import type { Diagnostic } from '../diagnostics/index.js';
import { householdEdgeNotes, householdToStateDiagram, householdTrackToMermaid, type ExportLang, type HouseholdDiagramOptions } from '../export/index.js';
import { BIRTH_EVENT, isChildTrack, labelText, type Actor, type Coalition, type HouseholdPath, type Label } from '../model/index.js';
import { defaultPopulation } from '../simulate/default-population.js';
import { householdShare } from '../simulate/household-intervals.js';
import type { HouseholdSimulationResult } from '../simulate/household-result.js';
import type { SummaryNames } from '../simulate/summary-names.js';
import { formatDate, formatShare, formatWhole } from './format.js';
import { escapeHtml } from './html.js';
import { figure, findings, page, section, type FigureOptions } from './report.js';
import { trackLeadText, trackOverview, trackView } from './report-household-diagrams.js';
import { HOUSEHOLD_REPORT_WORDS, type HouseholdReportWords } from './report-household-words.js';
import { topFindings } from './report-summary.js';
import { tableHtml, type Cell, type ReportTable } from './report-table.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

/** What goes into the HTML report of a household path (format version 2). */
export interface HouseholdReportInput {
  path: HouseholdPath;
  /** Validation findings to list (e.g. from `validateHouseholdPath`). */
  diagnostics?: readonly Diagnostic[];
  /** A household simulation (`simulateHousehold`): adds the figures per track, per risk, handoffs and children. */
  simulation?: HouseholdSimulationResult;
  lang?: ExportLang;
  /** The report's title; the path's title by default. */
  title?: string;
  /** The report's date; today by default. */
  date?: Date;
  /** Labels for keys the path does not label itself, such as the population's risks. */
  names?: SummaryNames;
  /** List only these risks (the risks the path is about); every risk some household had when not given or empty. */
  risks?: readonly string[];
  /** Findings name their files relative to this folder (the user's working folder). */
  baseDir?: string;
  /**
   * The coalition applied to the path (its document): the report is the coalition's, with its
   * title, municipality and choices (offers, partners and their organisations, local steps).
   */
  coalition?: Coalition;
  /** Labels of interventions the path does not define itself (its menukaart's), for the coalition's offers. */
  interventions?: Readonly<Record<string, { label: Label }>>;
}

interface Context {
  path: HouseholdPath;
  lang: ExportLang;
  w: ReportWords;
  h: HouseholdReportWords;
  names: SummaryNames | undefined;
  risks: ReadonlySet<string> | undefined;
  /** The actors a coalition's partners fill in. */
  partners: ReadonlySet<string>;
}

const decimal = (value: number, lang: ExportLang) => (lang === 'nl' ? value.toFixed(2).replace('.', ',') : value.toFixed(2));

function stepName(c: Context, id: string): string {
  return Object.hasOwn(c.path.steps, id) ? labelText(c.path.steps[id]!.label, c.lang) : id;
}

function trackName(c: Context, id: string): string {
  return Object.hasOwn(c.path.tracks, id) ? labelText(c.path.tracks[id]!.label, c.lang) : id;
}

function riskName(c: Context, key: string): string {
  const own = c.path.risks && Object.hasOwn(c.path.risks, key) ? c.path.risks[key]!.label : c.names?.risks?.[key]?.label;
  return own ? labelText(own, c.lang) : key;
}

/** The tracks of the path: for whom, how each starts, who leads, how many steps. */
function trackTable(c: Context): ReportTable {
  const { path, lang, h } = c;
  const rows = Object.entries(path.tracks).map(([id, track]) => {
    const member = Object.hasOwn(path.members, track.member) ? labelText(path.members[track.member]!.label, lang) + (isChildTrack(path, track) ? ` (${h.perChild})` : '') : h.householdMember;
    const event = track.startsOn === BIRTH_EVENT ? h.birth : track.startsOn !== undefined ? labelText(path.vocabulary?.[track.startsOn]?.label ?? { nl: track.startsOn }, lang) : undefined;
    const starts = track.initial === undefined ? h.startsByReferral : event !== undefined ? h.startsOn(event) : h.startsWithJourney;
    // a coalition's partner fills in the organisation that leads; the role stays beside it (a path's
    // own organisation is a key that groups actors, not a name to show)
    const name = (actorId: string, actor: Actor) => (c.partners.has(actorId) && actor.organisation !== undefined ? `${actor.organisation} (${labelText(actor.label, lang)})` : labelText(actor.label, lang));
    const lead = trackLeadText(path, id, h, name) ?? '—';
    return [labelText(track.label, lang), member, starts, lead, Object.values(path.steps).filter((s) => s.track === id).length];
  });
  return { id: 'huishouden-sporen', title: h.trackTable, headers: h.trackTableHeaders.slice(), rows };
}

/** The 95% interval of `count` out of `n` households (shown as "[1,7%; 2,2%]", marked * when too wide to use); empty without households. */
function margin(count: number, n: number): Cell {
  const f = householdShare(count, n);
  if (!f) return '';
  return { low: f.interval[0], high: f.interval[1], ...(f.tooWide ? { tooWide: true } : {}) };
}

/** The figures of a household simulation as tables, in the order the summary shows them. */
function simulationFigures(c: Context, sim: HouseholdSimulationResult): ReportTable[] {
  const { path, lang, h } = c;
  const n = sim.cohort;
  const share = (part: number, whole: number) => ({ share: whole > 0 ? part / whole : 0 });
  const outcomeRows = Object.entries(sim.outcomes).map(([id, count]) => {
    const track = path.steps[id]?.track;
    const started = track !== undefined ? (sim.tracks[track]?.instances ?? 0) : 0;
    return [track !== undefined ? trackName(c, track) : '', stepName(c, id), count, share(count, started)];
  });
  // a track that ends the day it starts (an outcome reached at once) takes no days: a dash, explained below the table
  const trackRows = Object.entries(sim.tracks).map(([id, t]) => [trackName(c, id), t.instances, t.households, share(t.households, n), margin(t.households, n), t.instances > 0 && t.days.total > 0 ? Math.round(t.days.mean) : '—']);
  const risks = Object.entries(sim.risks).filter(([key, r]) => (c.risks ? c.risks.has(key) : r.present > 0));
  const riskRows = risks
    // a household falls through for a risk it has and never gets support for, signalled or not (a
    // household supported without a signal, by care for all or for another risk, does not)
    .sort((a, b) => b[1].present - b[1].addressed - (a[1].present - a[1].addressed) || (a[0] < b[0] ? -1 : 1))
    .map(([key, r]) => [riskName(c, key), r.present, r.signalled, r.addressed, r.neverSignalled, r.signalledNotAddressed, share(r.present - r.addressed, r.present), margin(r.present - r.addressed, r.present)]);
  const waitRows = risks.filter(([, r]) => r.timeToSupport.n > 0).map(([key, r]) => [riskName(c, key), r.timeToSupport.n, r.timeToSupport.median ?? '—', r.timeToSupport.p90 ?? '—']);
  const { transfers, referrals } = sim.handoffs;
  const per = (count: number) => decimal(n > 0 ? count / n : 0, lang);
  const handoffRows = (
    [
      [h.transferWarm, transfers.warm],
      [h.transferCold, transfers.cold],
      [h.referralsMade, referrals.made],
      [h.referralsWarm, referrals.warm],
      [h.referralsCold, referrals.cold],
      [h.referralsUnmarked, referrals.unmarked],
      [h.referralsAccepted, referrals.accepted],
      [h.referralsStarted, referrals.started],
    ] as const
  ).map(([label, count]) => [label, count, per(count)]);
  const childRows = [
    [h.birthHouseholds, sim.births.households],
    [h.childrenBorn, sim.births.children],
    [h.multiple, sim.births.multiple],
  ];
  const ended = Object.keys(path.steps).filter((id) => (sim.stuck[id] ?? 0) + (sim.waiting[id] ?? 0) + (sim.limit[id] ?? 0) > 0);
  const endedRows = ended.map((id) => [stepName(c, id), trackName(c, path.steps[id]!.track), sim.stuck[id] ?? 0, sim.waiting[id] ?? 0, sim.limit[id] ?? 0]);
  return [
    { id: 'huishouden-uitkomsten', title: h.outcomes, headers: h.outcomeHeaders.slice(), rows: outcomeRows },
    { id: 'huishouden-risicos', title: h.risks, headers: [...h.riskHeaders, c.w.summary.interval], rows: riskRows },
    { id: 'huishouden-signaal-tot-steun', title: h.wait, headers: h.waitHeaders.slice(), rows: waitRows },
    { id: 'huishouden-overdrachten', title: h.handoffs, headers: h.handoffHeaders.slice(), rows: handoffRows },
    { id: 'huishouden-sporen-gesimuleerd', title: h.tracks, headers: [...h.trackHeaders.slice(0, 4), c.w.summary.interval, ...h.trackHeaders.slice(4)], rows: trackRows },
    { id: 'huishouden-kinderen', title: h.children, headers: h.childHeaders.slice(), rows: childRows },
    { id: 'huishouden-vastgelopen', title: h.ended, headers: h.endedHeaders.slice(), rows: endedRows },
  ];
}

function summarySection(c: Context, input: HouseholdReportInput, tables: ReportTable[]): string {
  const { lang, h, w } = c;
  const sim = input.simulation;
  const parts = [`<p>${escapeHtml(h.intro)}</p>`];
  if (sim) {
    parts.push(`<p class="key-figure">${escapeHtml(h.simulated(formatWhole(sim.cohort, lang), formatWhole(sim.meta.seed, lang), populationName(h, sim)))}</p>`);
    const figures = simulationFigures(c, sim);
    tables.push(...figures);
    const empty: Record<string, string> = { 'huishouden-risicos': h.noRisks, 'huishouden-signaal-tot-steun': h.noWait, 'huishouden-vastgelopen': h.noEnded };
    const block = (t: ReportTable) => {
      const body = t.rows.length === 0 && empty[t.id] ? `<p class="ok">${escapeHtml(empty[t.id]!)}</p>` : tableHtml(t, lang, 'summary');
      const note =
        t.id === 'huishouden-risicos' && t.rows.length > 0
          ? `<p class="note">${escapeHtml(h.riskNote)} ${escapeHtml(h.intervalNote)}</p>`
          : t.id === 'huishouden-sporen-gesimuleerd' && t.rows.some((r) => r[5] === '—')
            ? `<p class="note">${escapeHtml(h.noDaysNote)}</p>`
            : '';
      return `<div class="figure-table"><h3>${escapeHtml(t.title)}</h3>\n${body}${note}</div>`;
    };
    // the risks and the tracks come first and get the whole width: their columns (with the margins)
    // do not fit half of it
    const wide = ['huishouden-risicos', 'huishouden-sporen-gesimuleerd'];
    const others = figures.filter((t) => !wide.includes(t.id));
    parts.push(...wide.flatMap((id) => figures.filter((t) => t.id === id)).map(block), `<div class="figures">${others.map(block).join('\n')}</div>`);
  } else parts.push(`<p class="note">${escapeHtml(input.diagnostics?.some((d) => d.severity === 'error') ? h.noSimulationErrors : h.noSimulation)}</p>`);
  if (input.coalition) {
    const choices = choiceTables(c, input.coalition, input.interventions);
    tables.push(...choices);
    const about = input.coalition.description ? `<p>${escapeHtml(labelText(input.coalition.description, lang))}</p>` : '';
    const choiceBlock = (t: ReportTable) => `<div class="figure-table"><h4>${escapeHtml(t.title)}</h4>\n${tableHtml(t, lang, 'summary')}</div>`;
    // the local steps (five columns, where each step sits) get the whole width: half of it cut off where they go
    const localSteps = choices.filter((t) => t.id === 'coalitie-lokale-stappen');
    const paired = choices.filter((t) => t.id !== 'coalitie-lokale-stappen');
    parts.push(`<h3>${escapeHtml(w.choices.heading)}</h3>${about}<div class="figures">${paired.map(choiceBlock).join('\n')}</div>${localSteps.map(choiceBlock).join('\n')}`);
  }
  if (input.diagnostics) {
    const top = topFindings(input.diagnostics, c.path, lang);
    parts.push(`<h3>${escapeHtml(w.summary.topFindings)}</h3>`, top.length > 0 ? `<ol class="top-findings">${top.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ol>` : `<p class="ok">${escapeHtml(w.summary.noTopFindings)}</p>`);
  }
  return parts.join('\n');
}

/**
 * The coalition's choices over the household path as tables: what it offers or not, its partners
 * with their organisations, and its local steps with the track they run in and where they sit.
 */
function choiceTables(c: Context, coalition: Coalition, interventions: HouseholdReportInput['interventions']): ReportTable[] {
  const { path, lang, w, h } = c;
  const choices = w.choices;
  const intervention = (key: string) => {
    const own = path.interventions && Object.hasOwn(path.interventions, key) ? path.interventions[key]!.label : interventions && Object.hasOwn(interventions, key) ? interventions[key]!.label : undefined;
    return own ? labelText(own, lang) : key;
  };
  const offers: Cell[][] = coalition.offers.map((key) => [intervention(key), choices.offered]);
  for (const [key, replacement] of Object.entries(coalition.replaces)) {
    offers.push([intervention(key), replacement === null ? choices.notOffered : `${choices.replacedBy} ${stepName(c, typeof replacement === 'string' ? replacement : replacement.step)}`]);
  }
  const tables: ReportTable[] = [{ id: 'coalitie-aanbod', title: choices.offers, headers: choices.offerHeaders.slice(), rows: offers }];
  const partners: Cell[][] = Object.entries(coalition.partners).map(([actor, p]) => [Object.hasOwn(path.actors, actor) ? labelText(path.actors[actor]!.label, lang) : p.label ? labelText(p.label, lang) : actor, p.organisation, p.contact ?? '']);
  if (partners.length > 0) tables.push({ id: 'coalitie-partners', title: choices.partners, headers: choices.partnerHeaders.slice(), rows: partners });
  const names = (ids: readonly string[]) => (ids.length > 0 ? ids.map((id) => stepName(c, id)).join(', ') : '—');
  const local: Cell[][] = Object.keys(coalition.steps).map((id) => {
    const step = Object.hasOwn(path.steps, id) ? path.steps[id]! : undefined;
    const actor = step?.actor !== undefined && Object.hasOwn(path.actors, step.actor) ? labelText(path.actors[step.actor]!.label, lang) : (step?.actor ?? '');
    // where the coalition put the step: the steps that lead to it and the steps it leads to
    const before = Object.entries(path.steps).filter(([, s]) => s.transitions.some((t) => t.to === id) || (s.refers ?? []).some((r) => r.to === id)).map(([from]) => from);
    const after = [...new Set((step?.transitions ?? []).map((t) => t.to))];
    return [stepName(c, id), step ? trackName(c, step.track) : '', actor, names(before), names(after)];
  });
  if (local.length > 0) tables.push({ id: 'coalitie-lokale-stappen', title: choices.localSteps, headers: h.localHeaders.slice(), rows: local });
  return tables;
}

// under a municipality's name, national figures would read as that municipality's own: say whose they are
function populationName(h: HouseholdReportWords, sim: HouseholdSimulationResult): string {
  return sim.meta.populationId === defaultPopulation().id ? h.defaultPopulation : h.population(sim.meta.populationId);
}

/** A diagram with its conditions listed below it, as the version 1 report does. */
function diagramBody(c: Context, kind: string, intro: string, source: string, tables: ReportTable[], id: string, options: FigureOptions = {}): string {
  const notes = householdEdgeNotes(c.path, { lang: c.lang });
  let conditions = '';
  if (notes.length > 0) {
    const t: ReportTable = { id, title: c.w.conditions, headers: c.w.conditionHeaders.slice(), rows: notes.map((n) => [`[${n.note}]`, n.from, n.to, n.condition]) };
    tables.push(t);
    conditions = `<details class="conditions"><summary>${escapeHtml(c.w.conditions)} (${notes.length})</summary>${tableHtml(t, c.lang, 'conditions')}</details>`;
  }
  return `${intro ? `<p>${escapeHtml(intro)}</p>\n` : ''}${figure(kind, source, c.w, options)}${conditions}`;
}

/** Visits and transitions per step, as the version 1 report lists them. */
function simulationTables(c: Context, sim: HouseholdSimulationResult, tables: ReportTable[]): string {
  const { path, lang, h } = c;
  const share = (part: number, whole: number) => ({ share: whole > 0 ? part / whole : 0 });
  const stepRows = Object.entries(path.steps).map(([id, step]) => [stepName(c, id), trackName(c, step.track), sim.visits[id] ?? 0, sim.households[id] ?? 0, share(sim.households[id] ?? 0, sim.cohort), margin(sim.households[id] ?? 0, sim.cohort)]);
  const transitionRows: ReportTable['rows'] = [];
  for (const [id, step] of Object.entries(path.steps)) {
    step.transitions.forEach((t, i) => {
      const count = sim.transitionCounts[id]?.[i] ?? 0;
      transitionRows.push([stepName(c, id), stepName(c, t.to), count, share(count, sim.visits[id] ?? 0)]);
    });
  }
  const own: ReportTable[] = [
    { id: 'huishouden-stappen', title: h.steps, headers: [...h.stepHeaders, c.w.summary.interval], rows: stepRows },
    { id: 'huishouden-overgangen', title: h.transitions, headers: h.transitionHeaders.slice(), rows: transitionRows },
  ];
  tables.push(...own);
  return own.map((t) => `<h3>${escapeHtml(t.title)}</h3>\n${tableHtml(t, lang)}`).join('\n');
}

function buildHouseholdReport(input: HouseholdReportInput): { title: string; lang: ExportLang; w: ReportWords; body: string; tables: ReportTable[] } {
  const lang = input.lang ?? 'nl';
  const c: Context = { path: input.path, lang, w: REPORT_WORDS[lang], h: HOUSEHOLD_REPORT_WORDS[lang], names: input.names, risks: input.risks?.length ? new Set(input.risks) : undefined, partners: new Set(Object.keys(input.coalition?.partners ?? {})) };
  const { path, w, h } = c;
  const tables: ReportTable[] = [];
  const title = input.title ?? labelText((input.coalition ?? path).title, lang);
  // the summary is for the coalition meeting when the report is a coalition's
  const parts: { id: string; heading: string; body: string }[] = [{ id: 'samenvatting', heading: input.coalition ? w.summaryHeading : w.summaryHeadingPlain, body: summarySection(c, input, tables) }];
  const tracks = trackTable(c);
  tables.push(tracks);
  parts.push({ id: 'sporen', heading: h.trackTable, body: tableHtml(tracks, lang) });
  // the coalition's own steps carry a ★ in the charts, as in the version 1 report
  const localSteps = input.coalition ? Object.keys(input.coalition.steps) : [];
  const localNote = localSteps.length > 0 ? `<p class="note">${escapeHtml(w.localMark)}</p>\n` : '';
  const diagram: HouseholdDiagramOptions = { lang, edgeLabels: 'short', legend: false, localSteps };
  // the whole household in one flowchart is too large to read on a screen: an overview of the
  // tracks, then a flowchart per track with its entries and exits, each readable when fitted
  parts.push({ id: 'overzicht', heading: h.overview, body: `<p>${escapeHtml(h.overviewIntro)}</p>\n${figure('tracks', trackOverview(path, lang, h), w, { fit: 'screen' })}` });
  const perTrack = (kind: string, prefix: string, options: HouseholdDiagramOptions, sim?: HouseholdSimulationResult) =>
    Object.entries(path.tracks)
      .map(([id]) => {
        const view = trackView(path, id);
        const body = diagramBody({ ...c, path: view }, kind, '', householdTrackToMermaid(view, id, options), tables, `voorwaarden-${prefix}-${id}`, { fit: 'width' });
        // the chart has no lane for its track: the share of households in which it ran goes beside its name
        const heading = sim ? `${trackName(c, id)} · ${h.trackShare(formatShare(sim.cohort > 0 ? (sim.tracks[id]?.households ?? 0) / sim.cohort : 0, lang))}` : trackName(c, id);
        return `<section id="${escapeHtml(`${prefix}-${id}`)}" data-track="${escapeHtml(id)}"><h3>${escapeHtml(heading)}</h3>\n${body}</section>`;
      })
      .join('\n');
  parts.push({ id: 'sporen-stroomschema', heading: h.perTrack, body: `<p>${escapeHtml(h.perTrackIntro)}</p>\n${localNote}${perTrack('track', 'spoor', diagram)}` });
  parts.push({ id: 'gebieden', heading: h.regions, body: diagramBody(c, 'regions', h.regionsIntro, householdToStateDiagram(path, { lang, edgeLabels: 'short' }), tables, 'voorwaarden-gebieden', { fit: 'natural' }) });
  if (input.simulation) {
    // the version 1 report's overlay: each track's flowchart with shares, steps shaded by visits
    parts.push({ id: 'overlay', heading: w.overlay, body: `<p>${escapeHtml(h.overlayPerTrackIntro)}</p>\n${localNote}${perTrack('overlay', 'simulatie', { ...diagram, overlay: input.simulation, overlayMode: 'relative' }, input.simulation)}` });
  }
  if (input.diagnostics) parts.push({ id: 'findings', heading: w.findings, body: findings(path, input.diagnostics, lang, w, input.baseDir, tables) });
  if (input.simulation) parts.push({ id: 'simulation', heading: w.simulation, body: simulationTables(c, input.simulation, tables) });

  const toc = parts.map((p) => `<li><a href="#${escapeHtml(p.id)}">${escapeHtml(p.heading)}</a></li>`).join('');
  const identity = [
    ...(input.coalition ? [`${w.identity.municipality}: ${input.coalition.municipality}`] : []),
    `${input.coalition ? w.identity.adapts : w.identity.path}: ${labelText(path.title, lang)} (${w.version} ${path.version})`,
    `${w.identity.date}: ${formatDate(input.date ?? new Date(), lang)}`,
  ];
  if (input.simulation) identity.push(`${w.identity.run}: ${h.identityRun(formatWhole(input.simulation.cohort, lang), formatWhole(input.simulation.meta.seed, lang), populationName(h, input.simulation))}`);
  const header = `<header><h1>${escapeHtml(title)}</h1>
<ul class="identity">${identity.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<p class="note">${escapeHtml(w.offline)}</p>
<nav aria-label="${escapeHtml(w.contents)}"><details><summary>${escapeHtml(w.contents)}</summary><ol>${toc}</ol></details></nav></header>`;
  return { title, lang, w, body: `${header}\n<main>\n${parts.map((p) => section(p.id, p.heading, p.body)).join('\n')}\n</main>`, tables };
}

/**
 * One self-contained, offline HTML report of a household path (format version 2), built from the
 * same blocks as `renderReport`: a summary with the household figures (outcomes per track; per
 * risk present, signalled, addressed, missed and without follow-up; days from signal to support;
 * transfers and referrals; children, multiple births included; with a coalition its choices), the
 * tracks, an overview of the tracks and how they start one another, a flowchart per track (its steps
 * and the steps of other tracks that refer into it or that it refers to, fitted to the page width),
 * the state diagram with a region per track, the simulation per track, the findings and the visits
 * per step.
 *
 * @example
 * const html = renderHouseholdReport({ path, simulation: simulateHousehold(path, { cohort: 10_000, seed: 1 }), lang: 'nl' });
 */
export function renderHouseholdReport(input: HouseholdReportInput): string {
  const { title, lang, w, body } = buildHouseholdReport(input);
  return page(lang, title, w, body);
}

/** Every table of the report `renderHouseholdReport` would write, for CSV or a spreadsheet; needs no Mermaid. */
export function householdReportTables(input: HouseholdReportInput): ReportTable[] {
  return buildHouseholdReport(input).tables;
}
