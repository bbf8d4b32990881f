import type { Lang } from '../diagnostics/index.js';

/** Library errors that stop a command for a reason in the user's installation, with their Dutch text. */
const DUTCH: Record<string, string> = {
  'mermaid-missing':
    'Het pakket "mermaid" ontbreekt. Het HTML-rapport en de pagina\'s bevatten Mermaid, dat zorgpaden niet zelf installeert: voer `npm install mermaid` uit (een browser is daarvoor niet nodig).',
  'playwright-missing':
    'Het pakket "playwright-core" ontbreekt. Tekenen naar SVG, HTML of PDF gebeurt in Chromium: voer `npm install mermaid playwright-core` uit en installeer Chromium (op Debian: `apt-get install chromium`).',
};

/**
 * The text of a library error that stopped a command, in the command's language. Errors with
 * diagnostics keep their English summary line; their findings are printed elsewhere.
 */
export function libraryErrorText(error: { code: string; message: string }, lang: Lang): string {
  if (lang !== 'nl') return error.message;
  const dutch = DUTCH[error.code];
  if (dutch === undefined) return error.message;
  // the module resolver's own line, in parentheses at the end, says what exactly was not found
  const detail = /\((Cannot (?:find|load)[^\n]*)\)$/.exec(error.message)?.[1];
  return detail === undefined ? dutch : `${dutch} (${detail})`;
}
