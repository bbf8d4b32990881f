import { printable } from '../../diagnostics/printable.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { dutchNumber, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import type { RootOptions } from '../../load/index.js';
import { rootFor } from '../../node/root.js';
import { formatDiagnostics } from '../../validate/index.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { EXIT, inputUnreadable } from '../exit-codes.js';
import { excerptReader } from '../excerpts.js';

/** The cohort every simulating command uses by default: about the Dutch yearly birth cohort. */
export const DEFAULT_COHORT = 170_000;

// digits, optionally in groups of three: 170000, 170_000, 170.000, 170,000
const WHOLE = /^-?(?:\d+|\d{1,3}(?:([_.,])\d{3})(?:\1\d{3})*)$/;

/**
 * Reads a whole-number flag between `min` and `max`; `170000`, `170_000` and `170.000` are read alike,
 * while `1e3`, `0x10` and `1.5` are refused. Anything else is a usage error that names the flag, the
 * range and the value given.
 */
export function wholeNumber(flag: string, value: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number {
  const text = value.trim();
  const n = WHOLE.test(text) ? Number(text.replace(/[_.,]/g, '')) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  const bereik = max === Number.MAX_SAFE_INTEGER ? `van minstens ${dutchNumber(min)}` : `van ${dutchNumber(min)} tot en met ${dutchNumber(max)}`;
  throw new CliError(`${flag} must be a whole number ${range}, not "${value}".`, EXIT.usage, `${flag} moet een geheel getal ${bereik} zijn, niet "${value}".`);
}

/**
 * Prints why an input could not be loaded: as text on stderr and, with `--json`, also as one JSON
 * document `{ ok: false, exitCode, diagnostics }` on stdout, so a program reading stdout always gets JSON.
 * Files are named relative to the working folder and findings show their line with a caret, as in `validate`.
 * Exit 2 when an input file itself could not be read, 1 when its content is wrong, unless the
 * command gives its own code (`diff` keeps 1 for "different").
 */
export function loadFailed(diagnostics: Diagnostic[], flags: { lang: Lang; json?: boolean | undefined }, context: CliContext, exitCode: number = inputUnreadable(diagnostics) ? EXIT.usage : EXIT.problems): number {
  const shown = shownFindings(diagnostics, context.cwd);
  context.stderr(findingsText(shown, flags.lang, context.cwd));
  if (flags.json) context.stdout(`${JSON.stringify({ ok: false, exitCode, diagnostics: shown }, null, 2)}\n`);
  return exitCode;
}

/** Findings with their files named as the user names them, relative to the working folder. */
export function shownFindings(diagnostics: readonly Diagnostic[], cwd: string): Diagnostic[] {
  return diagnostics.map((d) => (d.file !== undefined && isAbsolute(d.file) ? { ...d, file: shownName(d.file, cwd) } : d));
}

/** Findings as validate prints them: `file:line:col`, the source line and a caret under each (of documents of ours only). */
export function findingsText(diagnostics: readonly Diagnostic[], lang: Lang, cwd: string, named: readonly string[] = []): string {
  return formatDiagnostics(shownFindings(diagnostics, cwd), 'text', { lang, sourceText: excerptReader(cwd, named) });
}

/** A file as messages show it: relative to the working folder, as the user names it (`../gedeeld/pad.json`). */
export function shownName(file: string, cwd: string): string {
  const name = relative(cwd, file);
  return name === '' || isAbsolute(name) ? file : name;
}

/**
 * The name a command loads a user's file by: as the working folder names it, so that messages name
 * that file, and the files it names (adapts, includes, menukaart), as the user does (`../secret.json`,
 * never an absolute path). Absolute only when the command runs in another folder than the process
 * (in-process, as tests run it), where a relative name would be read from the wrong folder.
 */
export function loadName(file: string, cwd: string): string {
  const absolute = resolve(cwd, file);
  return cwd === process.cwd() ? shownName(absolute, cwd) : absolute;
}

/** The flags that set where the files a document names may lie. */
export interface RootFlags {
  root?: string;
  allowOutsideRoot?: boolean;
}

/** The help of `--root <folder>`, an option of every command that loads paths. */
export const ROOT_HELP = 'the folder that files a document names (includes, menukaart, adapts) must lie in (default: the current folder, or for a file elsewhere its package or its own folder)';
/** The help of `--allow-outside-root`. */
export const ALLOW_OUTSIDE_ROOT_HELP = 'read files a document names wherever they are (only for documents you trust)';

/** The loader's root options for `file`, from the flags; the default root is found from the command's folder. */
export function rootOptions(flags: RootFlags, file: string, cwd: string): RootOptions {
  if (flags.allowOutsideRoot) return { allowOutsideRoot: true };
  if (flags.root !== undefined) return { root: resolve(cwd, flags.root) };
  const root = rootFor(resolve(cwd, file), {}, cwd);
  return root !== undefined ? { root } : {};
}

/** What a command wrote, as a note for people on stderr: `Report written: out.html (3 findings)`. */
export function reportWritten(what: { en: string; nl: string }, file: string, lang: Lang, context: CliContext, detail?: { en: string; nl: string }): void {
  const extra = detail ? ` (${lang === 'nl' ? detail.nl : detail.en})` : '';
  context.stderr(`${lang === 'nl' ? `${what.nl} geschreven` : `${what.en} written`}: ${printable(file)}${extra}\n`);
}
