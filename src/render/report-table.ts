import type { ExportLang } from '../export/index.js';
import { formatShare, formatWhole } from './format.js';
import { escapeHtml } from './html.js';

/** A cell of a report table: text, a count, or a share of 0…1 shown as a percentage. */
export type Cell = string | number | { share: number };

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
  if (typeof cell === 'object') return formatShare(cell.share, lang);
  return cell;
}

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
 * shares as percentages with one decimal, so a spreadsheet reads them as numbers.
 */
export function tableCsv(t: ReportTable, lang: ExportLang): string {
  const separator = lang === 'nl' ? ';' : ',';
  const field = (cell: Cell): string => {
    let text: string;
    if (typeof cell === 'number') text = String(cell);
    else if (typeof cell === 'object') text = ((Math.round(cell.share * 1000) || 0) / 10).toFixed(1); // || 0: no -0.0
    else text = cell;
    if (typeof cell !== 'string' && lang === 'nl') text = text.replace('.', ',');
    // a leading =, +, - or @ would make a spreadsheet run the text as a formula
    if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [t.headers.map(field), ...t.rows.map((row) => row.map(field))].map((cells) => cells.join(separator));
  return lines.join('\r\n') + '\r\n';
}
