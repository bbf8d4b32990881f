import { isAbsolute, resolve } from 'node:path';
import { Option } from 'commander';
import { hasErrors, sortDiagnostics, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import { safeLoadCoalitionPath, safeLoadDocument, safeLoadHouseholdPath } from '../../node/index.js';
import type { RootOptions } from '../../load/index.js';
import { validateHouseholdPath } from '../../validate/validate-household.js';
import { isHouseholdFile } from './household-input.js';
import { formatDiagnostics, summary } from '../../validate/format/index.js';
import type { CliContext } from '../context.js';
import { excerptReader } from '../excerpts.js';
import { EXIT, inputUnreadable } from '../exit-codes.js';
import { ALLOW_OUTSIDE_ROOT_HELP, ROOT_HELP, rootOptions, type RootFlags } from './flags.js';
import { expandFolders, skipNonContent } from './content-files.js';
import type { CliCommand } from './index.js';
import { DEFAULT_LANG } from '../lang.js';
import { shippedPopulation } from './scenario.js';

interface CheckFlags extends RootFlags {
  json?: boolean;
  lang: Lang;
}

/** The outcome of checking one file, as `--json` prints it. */
export interface CheckedFile {
  file: string;
  ok: boolean;
  diagnostics: Diagnostic[];
}

/**
 * `zorgpaden check <files…>`: reads each file (any document kind), checks its shape and references,
 * and prints every problem with its place; exit 1 when there are errors.
 */
export const checkCommand: CliCommand = {
  register(program, context, setExitCode) {
        program
      .command('check')
      .option('--root <folder>', ROOT_HELP)
      .option('--allow-outside-root', ALLOW_OUTSIDE_ROOT_HELP)
      .description('read content files and check their format and references (paths with includes, coalitions over their path)')
      .argument('<files...>', 'path, menukaart, population, coalition or route files (JSON or YAML), or folders of them')
      .option('--json', 'print { files: [{ file, ok, diagnostics }] } as JSON')
      .addOption(new Option('--lang <lang>', 'language of the messages').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (files: string[], flags: CheckFlags) => {
        setExitCode(await runCheck(files, flags, context));
      });
  },
};

/** Checks files as `zorgpaden check` does, without printing. */
export async function checkFiles(files: readonly string[], cwd: string = process.cwd(), flags: RootFlags = {}): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const at = isAbsolute(file) || cwd === process.cwd() ? file : resolve(cwd, file);
    const roots = rootOptions(flags, at, cwd);
    let loaded: { ok: boolean; value?: { kind?: string }; diagnostics: Diagnostic[] } = await safeLoadDocument(at, roots);
    // a household path (format version 2) has a loader and a validation of its own
    if (!loaded.ok && loaded.diagnostics.some((d) => d.code === 'unsupported-schema-version')) loaded = await checkHousehold(at, roots);
    let diagnostics = loaded.diagnostics;
    // a coalition is only checked once it is applied over the path it adapts
    if (loaded.ok && loaded.value?.kind === 'coalition') {
      const adapted = await safeLoadCoalitionPath(at, roots);
      // over a household path it is applied by the household loader, and checked as a household path is
      const applied = !adapted.ok && isHouseholdFile(adapted.diagnostics) ? await checkHousehold(at, roots) : adapted;
      diagnostics = [...diagnostics, ...applied.diagnostics];
    }
    diagnostics = sortDiagnostics(dedupe(diagnostics));
    checked.push({ file, ok: loaded.ok && !hasErrors(diagnostics), diagnostics });
  }
  return checked;
}

async function checkHousehold(at: string, roots: RootOptions): Promise<{ ok: boolean; diagnostics: Diagnostic[] }> {
  const household = await safeLoadHouseholdPath(at, roots);
  if (!household.ok) return household;
  // the population a path is simulated with unless told otherwise: a risk no household can have is a warning
  const population = shippedPopulation();
  const validation = validateHouseholdPath(household.value, population ? { population } : {});
  return { ok: validation.ok, diagnostics: [...household.diagnostics, ...validation.diagnostics] };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}|${d.line}|${d.column}|${d.pointer}|${d.code}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Formats check results as text, in the layout of `zorgpaden validate`, then a summary line. */
export function formatCheck(checked: readonly CheckedFile[], lang: Lang, cwd: string = process.cwd()): string {
  // a diagnostic without a file belongs to the file it was found in
  const all = checked.flatMap(({ file, diagnostics }) => diagnostics.map((d) => (d.file === undefined ? { ...d, file } : d)));
  let out = '';
  if (all.length > 0) {
    out = formatDiagnostics(all, 'text', { lang, sourceText: excerptReader(cwd, checked.map((c) => c.file)) });
    // check ends with its own summary, which also counts the files
    const tail = `${summary(all, lang)}\n`;
    if (out.endsWith(tail)) out = out.slice(0, -tail.length);
  }
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const count = checked.length;
  out +=
    lang === 'nl'
      ? `${count} ${count === 1 ? 'bestand' : 'bestanden'} gecontroleerd: ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}.\n`
      : `${count} ${count === 1 ? 'file' : 'files'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.\n`;
  return out;
}

async function runCheck(files: string[], flags: CheckFlags, context: CliContext): Promise<number> {
  const checked = await checkFiles(skipNonContent(expandFolders(files, context.cwd), flags.lang, context), context.cwd, flags);
  if (flags.json) context.stdout(JSON.stringify({ files: checked }, null, 2) + '\n');
  else context.stdout(formatCheck(checked, flags.lang, context.cwd));
  if (checked.some((f) => inputUnreadable(f.diagnostics))) return EXIT.usage;
  return checked.every((f) => f.ok) ? EXIT.ok : EXIT.problems;
}
