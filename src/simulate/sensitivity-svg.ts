import { argumentError, isRecord } from '../diagnostics/index.js';
import type { Tornado } from './sensitivity.js';

/** Options of `tornadoSvg`. */
export interface TornadoSvgOptions {
  /** The language of the legend; Dutch by default, the analysts' language. */
  lang?: 'nl' | 'en';
  /** A title above the bars, such as the figure the tornado is about. */
  title?: string;
  /** How a value of the figure is written (default: up to 3 significant digits; pass a percentage formatter for shares). */
  format?: (value: number) => string;
  /** Width of the image in pixels (default 640, at least 320). */
  width?: number;
}

const ROW = 26;
const BAR = 16;
const LABEL_WIDTH = 190;
const VALUE_ROOM = 60;
const TOP = 58;
const COLOR = { atMin: '#1b9e77', atMax: '#d95f02', base: '#333333', text: '#222222' } as const;
const WORDS = {
  nl: { atMin: 'parameter op zijn minimum', atMax: 'parameter op zijn maximum', base: 'basis' },
  en: { atMin: 'parameter at its minimum', atMax: 'parameter at its maximum', base: 'base' },
} as const;

/** Text for XML: characters XML cannot hold dropped, the ones that would end an element or attribute (or be normalised in one) escaped. */
function xml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '').replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const defaultFormat = (value: number) => String(Number(value.toPrecision(3)));
const round = (v: number) => Math.round(v * 100) / 100;

/**
 * A tornado diagram as a self-contained SVG string: one row per parameter in the table's order
 * (largest swing first), a bar from the base figure to the figure with the parameter at its
 * minimum and one to the figure at its maximum, and a line at the base. Needs no script or
 * stylesheet, so it can be inlined in HTML or written to a `.svg` file.
 * @example
 * const table = tornado((x) => x[0]! + 2 * x[1]!, [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 0, max: 1 }]);
 * writeFileSync('tornado.svg', tornadoSvg(table, { lang: 'en', title: 'Unmet need' }));
 */
export function tornadoSvg(table: Tornado, options: TornadoSvgOptions = {}): string {
  const given: unknown = table;
  if (!isRecord(given) || typeof given.base !== 'number' || !Number.isFinite(given.base) || !Array.isArray(given.rows)) {
    throw argumentError('tornadoSvg', 'table', { en: 'a tornado table { base, rows } as tornado() returns it', nl: 'een tornadotabel { base, rows } zoals tornado() die geeft' }, table);
  }
  for (const row of given.rows as unknown[]) {
    if (!isRecord(row) || typeof row.name !== 'string' || ![row.atMin, row.atMax].every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw argumentError('tornadoSvg', 'table', { en: 'rows with a name and finite atMin and atMax', nl: 'rijen met een naam en eindige atMin en atMax' }, row);
    }
  }
  if (!isRecord(options as unknown)) throw argumentError('tornadoSvg', 'options', { en: 'an options object', nl: 'een object met opties' }, options);
  const lang = options.lang === 'en' ? 'en' : 'nl';
  const words = WORDS[lang];
  const format = options.format ?? defaultFormat;
  const width = Math.max(320, Math.round(options.width ?? 640));
  const { base, rows } = table;

  const values = [base, ...rows.flatMap((r) => [r.atMin, r.atMax])];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) [low, high] = [low - 1, high + 1];
  const left = LABEL_WIDTH + VALUE_ROOM;
  const right = width - VALUE_ROOM;
  const x = (v: number) => round(left + ((v - low) / (high - low)) * (right - left));
  const titleHeight = options.title === undefined ? 0 : 22;
  const top = TOP + titleHeight;
  const height = top + rows.length * ROW + 28;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif" font-size="12">`);
  parts.push(`<title>${xml(options.title ?? (lang === 'nl' ? 'Tornadodiagram' : 'Tornado diagram'))}</title>`);
  if (options.title !== undefined) parts.push(`<text x="8" y="18" font-size="14" font-weight="bold" fill="${COLOR.text}">${xml(options.title)}</text>`);
  // the legend: which colour is which end of the range
  const legendY = titleHeight + 14;
  parts.push(`<rect x="8" y="${legendY}" width="12" height="12" fill="${COLOR.atMin}"/><text x="26" y="${legendY + 10}" fill="${COLOR.text}">${xml(words.atMin)}</text>`);
  parts.push(`<rect x="${width / 2}" y="${legendY}" width="12" height="12" fill="${COLOR.atMax}"/><text x="${width / 2 + 18}" y="${legendY + 10}" fill="${COLOR.text}">${xml(words.atMax)}</text>`);
  rows.forEach((row, i) => {
    const y = top + i * ROW;
    const barY = y + (ROW - BAR) / 2;
    parts.push(`<g class="tornado-row" data-parameter="${xml(row.name)}">`);
    parts.push(`<text x="${LABEL_WIDTH - 6}" y="${barY + BAR - 4}" text-anchor="end" fill="${COLOR.text}">${xml(row.name)}</text>`);
    for (const end of ['atMin', 'atMax'] as const) {
      const value = row[end];
      const from = x(Math.min(base, value));
      const barWidth = round(x(Math.max(base, value)) - from);
      parts.push(`<rect class="${end}" x="${from}" y="${barY}" width="${barWidth}" height="${BAR}" fill="${COLOR[end]}" data-value="${value}"><title>${xml(`${row.name}: ${format(value)}`)}</title></rect>`);
    }
    // each end's value beside its bar, on the side it points to
    const [lo, hi] = row.atMin <= row.atMax ? [row.atMin, row.atMax] : [row.atMax, row.atMin];
    parts.push(`<text x="${x(Math.min(lo, base)) - 4}" y="${barY + BAR - 4}" text-anchor="end" fill="${COLOR.text}">${xml(format(lo))}</text>`);
    parts.push(`<text x="${x(Math.max(hi, base)) + 4}" y="${barY + BAR - 4}" fill="${COLOR.text}">${xml(format(hi))}</text>`);
    parts.push('</g>');
  });
  const baseX = x(base);
  parts.push(`<line class="base" x1="${baseX}" y1="${top - 4}" x2="${baseX}" y2="${top + rows.length * ROW + 4}" stroke="${COLOR.base}" stroke-width="1.5"/>`);
  parts.push(`<text x="${baseX}" y="${height - 8}" text-anchor="middle" fill="${COLOR.text}">${xml(`${words.base} ${format(base)}`)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
