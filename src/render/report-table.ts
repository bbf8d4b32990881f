import type { ExportLang } from '../export/index.js';
import { formatShareInterval } from '../simulate/summary-interval.js';
import { formatShare, formatWhole } from './format.js';
import { escapeHtml } from './html.js';

/**
 * A cell of a report table: text, a count, a share of 0…1 shown as a percentage, or the 95%
 * interval of a share (shown as "[1,7%; 2,2%]", marked "*" when too wide to use; two numeric columns in CSV).
 */
export type Cell = string | number | { share: number } | { low: number; high: number; tooWide?: boolean };

const isInterval = (cell: Cell): cell is { low: number; high: number; tooWide?: boolean } => typeof cell === 'object' && 'low' in cell;

/** One table of a report: shown in the HTML and written as CSV. */
export interface ReportTable {
  /** A stable name, used as the CSV file name (`samenvatting-bereik.csv`). */
  id: string;
  title: string;
  headers: string[];
  rows: Cell[][];
}

function cellText(cell: Cell, lang: ExportLang): string {
  if (typeof cell === 'number') return formatWhole(cell, lang);
  // "[1,7%; 2,2%]", as every text writes an interval
  if (isInterval(cell)) return `${formatShareInterval(cell.low, cell.high, lang)}${cell.tooWide ? ' *' : ''}`;
  if (typeof cell === 'object') return formatShare(cell.share, lang);
  return cell;
}

// the two columns an interval column becomes in CSV
const BOUNDS = { nl: ['ondergrens', 'bovengrens'], en: ['lower bound', 'upper bound'] } as const;

// an interval such as "[66,1%; 71,5%]" (marked "*" when too wide) is a figure too: aligned and
// never broken between its ends
const RANGE = /^\[[−+-]?[\d.,]+%?[,;] [−+-]?[\d.,]+%?\]( \*)?$/;

const isFigure = (cell: Cell) => typeof cell !== 'string' || RANGE.test(cell);

/** A table as HTML: every cell escaped, numbers and intervals right-aligned and kept on one line. */
export function tableHtml(t: ReportTable, lang: ExportLang, className = ''): string {
  const head = t.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = t.rows
    .map((row) => `<tr>${row.map((cell) => `<td${isFigure(cell) ? ' class="num"' : ''}>${escapeHtml(cellText(cell, lang))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table data-table="${escapeHtml(t.id)}"${className ? ` class="${escapeHtml(className)}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * A table as CSV (RFC 4180 quoting). Dutch spreadsheets expect `;` between fields and a decimal
 * comma, English ones `,` and a decimal point; counts are written without digit grouping and
 * shares as percentages with one decimal, so a spreadsheet reads them as numbers. A column of
 * intervals becomes two numeric columns, its lower and its upper bound.
 */
export function tableCsv(t: ReportTable, lang: ExportLang): string {
  const separator = lang === 'nl' ? ';' : ',';
  const percent = (share: number) => ((Math.round(share * 1000) || 0) / 10).toFixed(1); // || 0: no -0.0
  const field = (cell: Cell): string => {
    let text: string;
    if (typeof cell === 'number') text = String(cell);
    else if (typeof cell === 'object') text = percent('share' in cell ? cell.share : 0);
    else text = cell;
    if (typeof cell !== 'string' && lang === 'nl') text = text.replace('.', ',');
    // a leading =, +, - or @ would make a spreadsheet run the text as a formula
    if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const intervalColumns = new Set(t.headers.map((_, i) => i).filter((i) => t.rows.some((row) => row[i] !== undefined && isInterval(row[i]!))));
  const [lower, upper] = BOUNDS[lang];
  const header = t.headers.flatMap((h, i) => (intervalColumns.has(i) ? [`${h}: ${lower}`, `${h}: ${upper}`] : [h])).map(field);
  const row = (cells: Cell[]) =>
    cells.flatMap((cell, i) => {
      if (!intervalColumns.has(i)) return [field(cell)];
      return isInterval(cell) ? [field({ share: cell.low }), field({ share: cell.high })] : [field(cell), ''];
    });
  const lines = [header, ...t.rows.map(row)].map((cells) => cells.join(separator));
  return lines.join('\r\n') + '\r\n';
}
