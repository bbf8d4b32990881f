import { riskRoutes, type ExportLang, type RiskLink, type RiskRoute, type RouteParty } from '../export/index.js';
import type { CarePath } from '../model/index.js';
import { counted } from './format.js';
import { escapeHtml } from './html.js';
import { tableHtml, type Cell, type ReportTable } from './report-table.js';
import type { ReportWords } from './report-words.js';

const who = (p: RouteParty) => (p.organisation ? `${p.stepLabel} (${p.organisation})` : p.stepLabel);

/** The receiving step, marked when the coalition does not offer its intervention. */
function receiver(path: CarePath, p: RouteParty, w: ReportWords): string {
  const offers = path.coalition?.offers;
  const missing = offers !== undefined && p.intervention !== undefined && !offers.includes(p.intervention);
  return missing ? `${who(p)}: ${w.risks.notOffered(path.coalition!.municipality)}` : who(p);
}

/** "Problematische schulden" reads "problematische schulden" inside a sentence; "GGZ" stays. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function handoffKind(link: RiskLink, w: ReportWords): string {
  const r = w.risks;
  if (link.handoffs.length === 0) return r.sameOrganisation;
  const kinds = new Set(link.handoffs.map((h) => h.kind));
  if (kinds.has('warm') && kinds.has('cold')) return r.mixed;
  if (kinds.has('cold')) return r.cold;
  if (kinds.size === 1 && kinds.has('warm')) return r.warm;
  return kinds.has('warm') ? `${r.warm}, ${r.unmarked}` : r.unmarked;
}

// one desk that receives twice in a row is named once
const contacts = (link: RiskLink) =>
  link.handoffs
    .map((h) => h.contact ?? h.receiver ?? '')
    .filter((c, i, all) => c !== '' && c !== all[i - 1])
    .join(' → ');

function rowsOf(path: CarePath, route: RiskRoute, lang: ExportLang, w: ReportWords): string[][] {
  const wait = (days: number) => (days > 0 ? counted(days, w.day, w.days, lang) : w.risks.noDelay);
  const rows = route.links.map((l) => [who(l.signal), receiver(path, l.support, w), contacts(l), wait(l.waitingDays), handoffKind(l, w)]);
  for (const p of route.unlinked) rows.push([who(p), w.risks.noRoute, '', '', '']);
  return rows;
}

/** The per-risk routes as HTML: one subsection per risk, "de route bij schulden". */
export function riskSection(path: CarePath, lang: ExportLang, w: ReportWords, only?: readonly string[]): { html: string; table: ReportTable; subsections: { id: string; heading: string }[] } {
  const routes = riskRoutes(path, lang, only);
  const subsections: { id: string; heading: string }[] = [];
  const parts = [`<p>${escapeHtml(w.risks.intro)}</p>`];
  routes.forEach((route, i) => {
    const id = `risico-${i + 1}`;
    const heading = w.risks.routeAt(inSentence(route.label));
    subsections.push({ id, heading });
    const rows = rowsOf(path, route, lang, w);
    const body = rows.length > 0 ? tableHtml({ id, title: heading, headers: w.risks.headers.slice(), rows }, lang, 'risk-route') : `<p>${escapeHtml(w.risks.notSignalled)}</p>`;
    parts.push(`<section id="${id}" class="risk" data-risk="${escapeHtml(route.risk)}"><h3>${escapeHtml(heading)}</h3>\n${body}</section>`);
  });
  return { html: parts.join('\n'), table: riskTable(routes, w), subsections };
}

/** Every risk route as one table (for CSV): a row per way from a signal to support. */
export function riskTable(routes: readonly RiskRoute[], w: ReportWords): ReportTable {
  const rows: Cell[][] = [];
  for (const route of routes) {
    for (const l of route.links) rows.push([route.label, l.signal.stepLabel, l.signal.organisation ?? '', l.support.stepLabel, l.support.organisation ?? '', contacts(l), l.waitingDays, handoffKind(l, w)]);
    for (const p of route.unlinked) rows.push([route.label, p.stepLabel, p.organisation ?? '', w.risks.noRoute, '', '', '', '']);
  }
  return { id: 'routes-per-risico', title: w.risks.tableTitle, headers: w.risks.tableHeaders.slice(), rows };
}

/** The per-risk routes as plain text, for a terminal or a collaboration document. */
export function riskRoutesText(path: CarePath, lang: ExportLang, w: ReportWords, only?: readonly string[]): string {
  const out: string[] = [];
  for (const route of riskRoutes(path, lang, only)) {
    out.push(w.risks.routeAt(inSentence(route.label)));
    const rows = rowsOf(path, route, lang, w);
    if (rows.length === 0) out.push(`  ${w.risks.notSignalled}`);
    for (const [signal, support, contact, wait, kind] of rows) {
      out.push(`  ${signal} → ${support}`);
      const details = [contact, wait, kind].filter(Boolean).join('; ');
      if (details) out.push(`    ${details}`);
    }
    out.push('');
  }
  return out.join('\n');
}
