import type { ExportLang } from '../export/index.js';

const LOCALE: Record<ExportLang, string> = { nl: 'nl-NL', en: 'en-GB' };
const wholeFormat = { nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }) };
const shareFormat = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A whole number with the language's digit grouping: 10.000 in Dutch, 10,000 in English. */
export function formatWhole(n: number, lang: ExportLang): string {
  return wholeFormat[lang].format(Math.round(n));
}

/** A share (0…1) as a percentage with one decimal: 55,0% in Dutch, 55.0% in English. */
export function formatShare(share: number, lang: ExportLang): string {
  const percent = Number.isFinite(share) ? share * 100 : 0;
  // a difference that rounds to nothing reads 0,0%, not -0,0%
  return `${shareFormat[lang].format(Math.round(percent * 10) === 0 ? 0 : percent)}%`;
}

/** A date as the language writes it: 6 december 2026, 6 December 2026. */
export function formatDate(date: Date, lang: ExportLang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A count with its noun in singular or plural: "1 bevinding", "3 bevindingen". */
export function counted(n: number, one: string, many: string, lang: ExportLang): string {
  return `${formatWhole(n, lang)} ${n === 1 ? one : many}`;
}
