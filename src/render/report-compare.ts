import type { ExportLang } from '../export/index.js';
import { labelText, type CarePath } from '../model/index.js';
import type { ScenarioDifference } from '../simulate/index.js';
import { escapeHtml } from './html.js';
import { tableHtml, type Cell, type ReportTable } from './report-table.js';
import type { ReportWords } from './report-words.js';

/** What the report's scenario is compared with, and the paired differences (from `compareSimulations`). */
export interface ReportComparison {
  /** How the baseline is called in the report: a coalition's or path's title, or the file name. */
  baseline: string;
  /** Differences of the report's scenario from the baseline, on the same simulated households. */
  differences: readonly ScenarioDifference[];
}

/** A figure's key (`reach:<step>`, `unmet:<risk>`, `outcome:<step>`, `stuck`) in the report's words. */
function figureName(path: CarePath, key: string, lang: ExportLang, w: ReportWords): string {
  const [kind, id = ''] = key.split(/:(.*)/s) as [string, string?];
  const step = path.steps[id] ? labelText(path.steps[id].label, lang) : id;
  const risk = path.risks?.[id] ? labelText(path.risks[id].label, lang) : id;
  if (kind === 'reach') return `${w.compare.reach}: ${step}`;
  if (kind === 'unmet') return `${w.compare.unmet}: ${risk}`;
  if (kind === 'outcome') return `${w.compare.outcome}: ${step}`;
  return w.compare.stuck;
}

/**
 * The comparison section: the differences larger than their uncertainty (the interval excludes 0),
 * largest first, with their paired 95% interval; how many others did not change beyond it.
 */
export function comparisonSection(path: CarePath, comparison: ReportComparison, lang: ExportLang, w: ReportWords, tables: ReportTable[]): string {
  const c = w.compare;
  const significant = comparison.differences.filter((d) => d.significant).sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || (a.key < b.key ? -1 : 1));
  // shares and differences stay numbers, so that a spreadsheet can compute with the CSV
  const rows: Cell[][] = significant.map((d) => [figureName(path, d.key, lang, w), { share: d.a }, { share: d.b }, { share: d.difference }, { share: d.ci95[0] }, { share: d.ci95[1] }]);
  const table: ReportTable = { id: 'vergelijking', title: c.title(comparison.baseline), headers: c.headers.slice(), rows };
  tables.push(table);
  const parts = [`<p>${escapeHtml(c.intro(comparison.baseline))}</p>`];
  parts.push(rows.length > 0 ? tableHtml(table, lang, 'compare') : `<p class="ok">${escapeHtml(c.none)}</p>`);
  const unchanged = comparison.differences.length - significant.length;
  if (unchanged > 0) parts.push(`<p class="note">${escapeHtml(c.unchanged(unchanged))}</p>`);
  return parts.join('\n');
}
