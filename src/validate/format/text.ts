import { argumentError, textOf, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import { printable } from '../../diagnostics/printable.js';

/** Options of the text formatter. */
export interface TextFormatOptions {
  lang?: Lang;
  /** The source text of a file, for the excerpt under a message (e.g. a locator's `textOf`). */
  sourceText?: (file: string | undefined) => string | undefined;
}

const WORDS = {
  en: { error: 'error', warning: 'warning', info: 'info', at: 'at', hint: 'hint', errors: ['error', 'errors'], warnings: ['warning', 'warnings'], none: 'No problems found.' },
  nl: { error: 'fout', warning: 'waarschuwing', info: 'info', at: 'bij', hint: 'tip', errors: ['fout', 'fouten'], warnings: ['waarschuwing', 'waarschuwingen'], none: 'Geen problemen gevonden.' },
} as const;

/**
 * Formats diagnostics for a terminal, as TypeScript and ESLint do: `file:line:column - severity
 * code: message`, the source line with a caret under the column, and the hint.
 */
export function formatText(diagnostics: readonly Diagnostic[], options: TextFormatOptions = {}): string {
  if (!Array.isArray(diagnostics as unknown)) throw argumentError('formatText', 'diagnostics', { en: 'a list of diagnostics', nl: 'een lijst diagnostieken' }, diagnostics);
  const lang = options.lang ?? 'en';
  const words = WORDS[lang];
  // each file's text is split once: a file can have thousands of diagnostics
  const split = new Map<string | undefined, readonly string[] | undefined>();
  const linesOf = (file: string | undefined) => {
    if (!split.has(file)) split.set(file, options.sourceText?.(file)?.split(/\r?\n/));
    return split.get(file);
  };
  const blocks = diagnostics.map((d) => {
    // names from outside (a file name, a key from a document) are shown, never obeyed: escape controls
    const text = textOf(d, lang);
    const message = printable(text.message);
    const hint = text.hint !== undefined ? printable(text.hint) : undefined;
    const where = d.file !== undefined ? `${printable(d.file)}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}` : '';
    const pointer = d.pointer === '' ? '' : ` (${words.at} ${d.pointer})`;
    const lines = [`${where ? `${where} - ` : ''}${words[d.severity]} ${d.code}: ${message}${where && d.line !== undefined ? '' : pointer}`];
    const excerpt = d.line !== undefined ? excerptOf(linesOf(d.file), d.line, d.column ?? 1) : undefined;
    if (excerpt) lines.push('', ...excerpt);
    if (hint) lines.push(`  ${words.hint}: ${hint}`);
    return lines.join('\n');
  });
  return `${[...blocks, summary(diagnostics, lang)].join('\n\n')}\n`;
}

// the part of a long line shown around the column (minified JSON is one line of megabytes)
const EXCERPT_WIDTH = 160;

/**
 * The source line with a gutter and a caret under the column; tabs are kept so the caret lines up,
 * other control characters are shown as "�" so a binary file cannot drive the terminal.
 */
function excerptOf(lines: readonly string[] | undefined, line: number, column: number): string[] | undefined {
  const source = lines?.[line - 1];
  if (source === undefined) return undefined;
  let start = 0;
  let end = source.length;
  if (source.length > EXCERPT_WIDTH) {
    start = Math.max(0, Math.min(column - 1 - EXCERPT_WIDTH / 2, source.length - EXCERPT_WIDTH));
    end = start + EXCERPT_WIDTH;
  }
  const before = start > 0 ? '…' : '';
  const shown = before + source.slice(start, end).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd') + (end < source.length ? '…' : '');
  const pad = shown.slice(0, Math.max(0, column - 1 - start + before.length)).replace(/[^\t]/g, ' ');
  const gutter = String(line);
  return [`${gutter} ${shown}`, `${' '.repeat(gutter.length)} ${pad}^`];
}

/** One closing line: how many errors and warnings, in the language asked for. */
export function summary(diagnostics: readonly Diagnostic[], lang: Lang = 'en'): string {
  const words = WORDS[lang];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings === 0) return words.none;
  return `${errors} ${words.errors[errors === 1 ? 0 : 1]}, ${warnings} ${words.warnings[warnings === 1 ? 0 : 1]}`;
}
