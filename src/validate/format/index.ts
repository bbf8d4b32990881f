import { argumentError, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import { formatSarif, type SarifFormatOptions } from './sarif.js';
import { formatText, type TextFormatOptions } from './text.js';

export { formatSarif, type SarifFormatOptions } from './sarif.js';
export { formatText, summary, type TextFormatOptions } from './text.js';

/** The output formats of validation. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** Options of every formatter. */
export type FormatOptions = TextFormatOptions & SarifFormatOptions & { lang?: Lang };

/** Diagnostics as JSON: every diagnostic (messages in both languages) and a count per severity. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  if (!Array.isArray(diagnostics as unknown)) throw argumentError('formatJson', 'diagnostics', { en: 'a list of diagnostics', nl: 'een lijst diagnostieken' }, diagnostics);
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return `${JSON.stringify({ diagnostics, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') } }, null, 2)}\n`;
}

/**
 * Formats diagnostics in one of the output formats.
 * @example
 * console.log(formatDiagnostics(validatePath(path).diagnostics, 'text', { lang: 'nl' }));
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat, options: FormatOptions = {}): string {
  if (!Array.isArray(diagnostics as unknown)) throw argumentError('formatDiagnostics', 'diagnostics', { en: 'a list of diagnostics', nl: 'een lijst diagnostieken' }, diagnostics);
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'sarif') return formatSarif(diagnostics, options);
  if (format === 'text') return formatText(diagnostics, options);
  throw argumentError('formatDiagnostics', 'format', { en: '"text", "json" or "sarif"', nl: '"text", "json" of "sarif"' }, format);
}
