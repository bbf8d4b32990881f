import type { Diagnostic } from '../diagnostics/index.js';
import { phaseLabel, type ExportLang, type SimulationOverlay } from '../export/index.js';
import { labelText, type CarePath, type Coalition, type Label } from '../model/index.js';
import type { SimulationResult } from '../simulate/index.js';
import { counted, formatWhole } from './format.js';
import type { Cell, ReportTable } from './report-table.js';
import type { ReportWords } from './report-words.js';

/**
 * The simulation figures a report reads. Only cohort, visits, clients and transitionCounts are
 * required; the summary shows each other figure when the result has it, so results that carry
 * more (intervals, missed signals) show more without a change here.
 */
export type ReportSimulation = SimulationOverlay & Partial<Pick<SimulationResult, 'meta' | 'outcomes' | 'interventions' | 'unmetNeed' | 'timeToSupport' | 'stuck' | 'handoffs'>>;

/** A low–high range around a figure, when the result carries one (`interval`, `ci`: `{ low, high }` or `[low, high]`). */
export function intervalOf(figure: unknown): { low: number; high: number } | undefined {
  if (typeof figure !== 'object' || figure === null) return undefined;
  const record = figure as Record<string, unknown>;
  const raw = record['interval'] ?? record['ci'];
  if (Array.isArray(raw) && typeof raw[0] === 'number' && typeof raw[1] === 'number') return { low: raw[0], high: raw[1] };
  if (typeof raw === 'object' && raw !== null) {
    const { low, high } = raw as Record<string, unknown>;
    if (typeof low === 'number' && typeof high === 'number') return { low, high };
  }
  return undefined;
}

/** The interval of a share as a cell (empty without one); a share lies in 0–100%, whatever a symmetric interval around a small figure says. */
function shareRange(figure: unknown): Cell {
  const range = intervalOf(figure);
  return range ? { low: Math.max(0, range.low), high: Math.min(1, range.high) } : '';
}

const stepLabel = (path: CarePath, id: string, lang: ExportLang) => (path.steps[id] ? labelText(path.steps[id].label, lang) : id);
const riskLabel = (path: CarePath, key: string, lang: ExportLang) => (path.risks?.[key] ? labelText(path.risks[key].label, lang) : key);
const interventionLabel = (path: CarePath, key: string, lang: ExportLang) => (path.interventions?.[key] ? labelText(path.interventions[key].label, lang) : key);

/**
 * Whether a coalition's path names an intervention the coalition does not offer: the path can still
 * send clients to it (the finding intervention-not-offered), so its reach is marked in the report
 * and does not read as part of the offer.
 */
export function notOffered(path: CarePath, intervention: string | undefined): boolean {
  return path.coalition !== undefined && intervention !== undefined && !path.coalition.offers.includes(intervention);
}

/** Appends an interval column when any row has one. */
function withIntervals(headers: string[], rows: Cell[][], figures: unknown[], w: ReportWords): { headers: string[]; rows: Cell[][] } {
  if (!figures.some((f) => intervalOf(f))) return { headers, rows };
  return { headers: [...headers, w.summary.interval], rows: rows.map((row, i) => [...row, shareRange(figures[i])]) };
}

/** The key-figure tables of the summary, in the order they are shown. */
export function summaryTables(path: CarePath, sim: ReportSimulation, lang: ExportLang, w: ReportWords): ReportTable[] {
  const s = w.summary;
  const tables: ReportTable[] = [];
  if (sim.interventions && Object.keys(sim.interventions).length > 0) {
    const entries = Object.entries(sim.interventions).sort((a, b) => a[1].share - b[1].share);
    const rows: Cell[][] = entries.map(([step, r]) => [
      r.intervention ? `${interventionLabel(path, r.intervention, lang)}${notOffered(path, r.intervention) ? ` (${s.notOffered})` : ''}` : stepLabel(path, step, lang),
      r.reachedEligible,
      r.eligible,
      { share: r.share },
    ]);
    tables.push({ id: 'samenvatting-bereik', title: s.reach, ...withIntervals(s.reachHeaders.slice(), rows, entries.map((e) => e[1]), w) });
  }
  if (sim.unmetNeed) {
    const entries = Object.entries(sim.unmetNeed).filter(([, u]) => u.withRisk > 0).sort((a, b) => b[1].share - a[1].share);
    if (entries.length > 0) {
      const rows: Cell[][] = entries.map(([risk, u]) => [riskLabel(path, risk, lang), u.withRisk, u.unmet, { share: u.share }]);
      tables.push({ id: 'samenvatting-onvervulde-behoefte', title: s.unmet, ...withIntervals(s.unmetHeaders.slice(), rows, entries.map((e) => e[1]), w) });
    }
  }
  // figures other engineers' simulators may add: shown when present, never made up here
  const record = sim as unknown as Record<string, unknown>;
  for (const [field, id, title] of [
    ['missedSignals', 'samenvatting-gemiste-signalen', s.missed],
    ['signalsWithoutFollowUp', 'samenvatting-signalen-zonder-vervolg', s.noFollowUp],
  ] as const) {
    const figures = record[field];
    if (typeof figures !== 'object' || figures === null || Array.isArray(figures)) continue;
    const rows: Cell[][] = [];
    const raw: unknown[] = [];
    for (const [risk, value] of Object.entries(figures as Record<string, unknown>)) {
      const count = typeof value === 'number' ? value : (value as Record<string, unknown>)?.['count'] ?? (value as Record<string, unknown>)?.['n'];
      const share = (value as Record<string, unknown>)?.['share'];
      if (typeof count !== 'number') continue;
      rows.push([riskLabel(path, risk, lang), count, typeof share === 'number' ? { share } : '']);
      raw.push(value);
    }
    if (rows.length > 0) tables.push({ id, title, ...withIntervals(s.signalHeaders.slice(), rows, raw, w) });
  }
  if (sim.stuck) {
    const entries = Object.entries(sim.stuck).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
    const rows: Cell[][] = entries.map(([step, n]) => [stepLabel(path, step, lang), path.steps[step] ? phaseLabel(path.steps[step].phase, lang) : '', n, { share: sim.cohort > 0 ? n / sim.cohort : 0 }]);
    tables.push({ id: 'samenvatting-uitval', title: s.dropouts, headers: s.dropoutHeaders.slice(), rows: rows.length > 0 ? rows : [[s.noDropouts, '', 0, { share: 0 }]] });
  }
  if (sim.handoffs) {
    const h = sim.handoffs;
    const total = h.warm + h.cold + h.unmarked;
    const share = (n: number) => ({ share: total > 0 ? n / total : 0 });
    tables.push({ id: 'samenvatting-overdrachten', title: s.handoffs, headers: s.handoffHeaders.slice(), rows: [[s.warm, h.warm, share(h.warm)], [s.cold, h.cold, share(h.cold)], [s.unmarked, h.unmarked, share(h.unmarked)]] });
  }
  return tables;
}

/** Time from signal to support in one sentence, or undefined when the result does not have it. */
export function timeToSupportText(sim: ReportSimulation, lang: ExportLang, w: ReportWords): string | undefined {
  const t = sim.timeToSupport;
  if (!t) return undefined;
  if (t.n === 0 || t.median === null || t.p90 === null) return w.summary.ttsNone;
  return w.summary.tts(counted(t.median, w.day, w.days, lang), counted(t.p90, w.day, w.days, lang), counted(t.n, w.client, w.clients, lang));
}

/** The coalition's choices as tables: what it offers or not, its partners, its local steps. */
export function choiceTables(path: CarePath, coalition: Coalition, lang: ExportLang, w: ReportWords): ReportTable[] {
  const c = w.choices;
  const offers: Cell[][] = coalition.offers.map((key) => [interventionLabel(path, key, lang), c.offered]);
  for (const [key, replacement] of Object.entries(coalition.replaces)) {
    offers.push([interventionLabel(path, key, lang), replacement === null ? c.notOffered : `${c.replacedBy} ${stepLabel(path, typeof replacement === 'string' ? replacement : replacement.step, lang)}`]);
  }
  const tables: ReportTable[] = [{ id: 'coalitie-aanbod', title: c.offers, headers: c.offerHeaders.slice(), rows: offers }];
  const partners: Cell[][] = Object.entries(coalition.partners).map(([actor, p]) => [path.actors[actor] ? labelText(path.actors[actor].label, lang) : p.label ? labelText(p.label, lang) : actor, p.organisation, p.contact ?? '']);
  if (partners.length > 0) tables.push({ id: 'coalitie-partners', title: c.partners, headers: c.partnerHeaders.slice(), rows: partners });
  const local: Cell[][] = Object.keys(coalition.steps).map((id) => {
    const step = path.steps[id] ?? coalition.steps[id]!;
    const actor = step.actor !== undefined && path.actors[step.actor] ? labelText(path.actors[step.actor]!.label, lang) : (step.actor ?? '');
    return [labelText(step.label, lang), phaseLabel(step.phase, lang), actor];
  });
  if (local.length > 0) tables.push({ id: 'coalitie-lokale-stappen', title: c.localSteps, headers: c.localHeaders.slice(), rows: local });
  return tables;
}

/** What naming an identifier in words needs of a path: a version 1 path and a household path both fit. */
export interface NamedPath {
  steps: Record<string, { label: Label }>;
  actors: Record<string, { label: Label }>;
  interventions?: Record<string, { label: Label }> | undefined;
  risks?: Record<string, { label: Label }> | undefined;
  tracks?: Record<string, { label: Label }> | undefined;
}

/**
 * A finding's text with the identifiers it quotes (`"zwangerschap/voorzorg"`, `(voorzorg)`)
 * replaced by what they are called: the step's, intervention's, actor's, risk's or track's label.
 */
export function inWords(text: string, path: NamedPath, lang: ExportLang): string {
  const name = (id: string): string | undefined => {
    if (path.steps[id]) return labelText(path.steps[id].label, lang);
    if (path.tracks?.[id]) return labelText(path.tracks[id].label, lang);
    if (path.interventions?.[id]) return labelText(path.interventions[id].label, lang);
    if (path.actors[id]) return labelText(path.actors[id].label, lang);
    if (path.risks?.[id]) return labelText(path.risks[id].label, lang);
    return undefined;
  };
  return text
    .replace(/"([^"\s]+)"/g, (whole, id: string) => {
      const label = name(id);
      return label === undefined ? whole : `“${label}”`;
    })
    .replace(/\(([a-z0-9][a-z0-9-]*)\)/g, (whole, id: string) => {
      const label = name(id);
      return label === undefined ? whole : `(${label})`;
    });
}

/** The most important findings in plain words: errors before warnings, one per code. */
export function topFindings(diagnostics: readonly Diagnostic[], path: NamedPath, lang: ExportLang, count = 3): string[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity])) {
    if (d.severity === 'info' || seen.has(d.code)) continue;
    seen.add(d.code);
    out.push(inWords(lang === 'nl' ? d.nl.message : d.message, path, lang));
    if (out.length === count) break;
  }
  return out;
}

/** The identity line of a report: who, what it adapts, when, which run. */
export function identityLines(path: CarePath, coalition: Coalition | undefined, sim: ReportSimulation | undefined, date: string, lang: ExportLang, w: ReportWords): string[] {
  const i = w.identity;
  const lines: string[] = [];
  if (coalition) lines.push(`${i.municipality}: ${coalition.municipality}`);
  lines.push(`${coalition ? i.adapts : i.path}: ${labelText(path.title, lang)} (${w.version} ${path.version})`);
  lines.push(`${i.date}: ${date}`);
  if (sim) {
    const seed = sim.meta?.seed;
    const tuned = sim.meta?.tuned;
    lines.push(`${i.run}: ${counted(sim.cohort, w.client, w.clients, lang)}${seed !== undefined ? `, ${i.seed} ${formatWhole(seed, lang)}` : ''}${tuned ? `, ${i.tuned} ${tuned.file}` : ''}`);
  }
  return lines;
}
