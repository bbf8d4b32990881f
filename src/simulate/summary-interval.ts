import type { Lang } from '../diagnostics/index.js';

/**
 * An interval as every text of zorgpaden writes it, its two ends already written in the language:
 * "[1.4%, 2.2%]" in English, "[1,4%; 2,2%]" in Dutch, where the decimal comma needs another
 * separator. Brackets and a separator rather than a dash, so that a negative end ("[−1.2, 0.4]")
 * reads as clearly as a positive one.
 */
export function formatInterval(low: string, high: string, lang: Lang): string {
  return lang === 'nl' ? `[${low}; ${high}]` : `[${low}, ${high}]`;
}

/** A share (0…1) as a percentage with one decimal, with a decimal comma in Dutch: "12,3%", "12.3%". */
export function formatPercent(share: number, lang: Lang): string {
  const rounded = Math.round(share * 1000) / 10;
  // a share that rounds to nothing reads 0.0%, not -0.0%
  const text = (rounded === 0 ? 0 : rounded).toFixed(1);
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
}

/** The interval of a share, each end a percentage and clamped to 0–100% (a symmetric interval around a small share may reach below 0). */
export function formatShareInterval(low: number, high: number, lang: Lang): string {
  return formatInterval(formatPercent(Math.max(0, low), lang), formatPercent(Math.min(1, high), lang), lang);
}
