import type { ExportLang } from '../export/index.js';
import { labelText, type Label } from '../model/index.js';
import { formatShare } from './format.js';
import { formatShareInterval } from '../simulate/summary-interval.js';
import { escapeHtml } from './html.js';
import { tableHtml, type Cell, type ReportTable } from './report-table.js';
import type { ReportWords } from './report-words.js';

/** One target of a targets file, observed in the report's simulation. */
export interface ReportTarget {
  /** The target's key in the targets file. */
  key: string;
  label: Label;
  /** The indicator as the publisher names it. */
  indicator?: string;
  /** `validate`: held out of calibration, only compared. */
  use: 'fit' | 'validate';
  status: 'published' | 'derived' | 'assumption' | 'awaiting-value';
  /** The published share; absent while no value is known. */
  value?: number;
  tolerance: number;
  year?: number;
  /** Source ids, document names or URLs, as the targets file gives them. */
  source?: string | readonly string[];
  /** The observed share; null when the model cannot compute it or its denominator is empty. */
  share: number | null;
  /** Its 95% Monte-Carlo interval (Wilson); equal to the share when `exact`. */
  interval: [number, number] | null;
  /** The share is the exact probability of the path's Markov chain. */
  exact?: boolean;
  /** |share − value| ≤ tolerance; null without a value or a share. */
  within: boolean | null;
  /** The interval is wider than the tolerance: the cohort is too small to tell. */
  tooWide: boolean;
  /** Why the model cannot compute the target yet, in English and Dutch; absent when it can. */
  notComputable?: { en: string; nl: string };
}

/** Targets observed in the report's simulation, as `calibrate` measures them. */
export interface ReportCalibration {
  /** How the targets file is called in the report: its title, or the file name. */
  title: string;
  targets: readonly ReportTarget[];
  /** The file of tuned values applied over the path and population before simulating, by name; absent when the files' own values were simulated. */
  tuned?: string;
}

/** The verdict on one target, in words. */
function verdict(t: ReportTarget, w: ReportWords): string {
  const c = w.calibration;
  if (t.notComputable) return c.notComputable;
  if (t.value === undefined) return c.noValue;
  if (t.share === null) return c.emptyDenominator;
  const said = t.within ? c.within : c.outside;
  return t.tooWide ? `${said} (${c.tooWide})` : said;
}

function interval(t: ReportTarget, lang: ExportLang, w: ReportWords): string {
  if (t.exact) return w.calibration.exact;
  return t.interval ? formatShareInterval(t.interval[0], t.interval[1], lang) : '';
}

/**
 * The calibration section: per target its observed share with a 95% interval against the
 * published value ± tolerance, year and source, and whether it lies within tolerance. Held-out
 * targets are marked; targets the model cannot compute say why.
 */
export function calibrationSection(calibration: ReportCalibration, lang: ExportLang, w: ReportWords, tables: ReportTable[]): string {
  const c = w.calibration;
  const rows: Cell[][] = calibration.targets.map((t) => [
    labelText(t.label, lang) + (t.use === 'validate' ? ` (${c.heldOut})` : ''),
    t.indicator ?? '',
    t.share === null ? '' : { share: t.share },
    interval(t, lang, w),
    t.value === undefined ? '' : { share: t.value },
    `± ${formatShare(t.tolerance, lang)}`,
    t.year === undefined ? '' : String(t.year),
    typeof t.source === 'string' ? t.source : (t.source ?? []).join(', '),
    verdict(t, w),
  ]);
  const table: ReportTable = { id: 'kalibratie', title: c.title(calibration.title), headers: c.headers.slice(), rows };
  tables.push(table);
  const parts = [`<p>${escapeHtml(c.intro(calibration.title, calibration.tuned))}</p>`];
  if (rows.length === 0) return [...parts, `<p class="note">${escapeHtml(c.none)}</p>`].join('\n');
  parts.push(tableHtml(table, lang, 'calibration'));
  const judged = calibration.targets.filter((t) => t.within !== null);
  parts.push(`<p class="note">${escapeHtml(c.count(judged.filter((t) => t.within).length, judged.length))}</p>`);
  const reasons = calibration.targets.filter((t) => t.notComputable);
  if (reasons.length > 0) parts.push(`<ul class="note">${reasons.map((t) => `<li>${escapeHtml(`${labelText(t.label, lang)}: ${t.notComputable![lang]}`)}</li>`).join('')}</ul>`);
  return parts.join('\n');
}
