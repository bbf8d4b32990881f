import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Option } from 'commander';
import { hasErrors, sortDiagnostics, textOf, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import { safeLoadCoalitionPath, safeLoadDocument } from '../../load/index.js';
import { LIMITS } from '../../model/index.js';
import type { CliContext } from '../context.js';
import { EXIT, inputUnreadable } from '../exit-codes.js';
import type { CliCommand } from './index.js';

interface CheckFlags {
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
      .description('read content files and check their format and references (paths with includes, coalitions over their path)')
      .argument('<files...>', 'path, menukaart, population, coalition or route files (JSON or YAML)')
      .option('--json', 'print { files: [{ file, ok, diagnostics }] } as JSON')
      .addOption(new Option('--lang <lang>', 'language of the messages').choices(['nl', 'en']).default('en'))
      .action(async (files: string[], flags: CheckFlags) => {
        setExitCode(await runCheck(files, flags, context));
      });
  },
};

/** Checks files as `zorgpaden check` does, without printing. */
export async function checkFiles(files: readonly string[], cwd: string = process.cwd()): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const at = isAbsolute(file) || cwd === process.cwd() ? file : resolve(cwd, file);
    const loaded = await safeLoadDocument(at);
    let diagnostics = loaded.diagnostics;
    // a coalition is only checked once it is applied over the path it adapts
    if (loaded.ok && loaded.value.kind === 'coalition') diagnostics = [...diagnostics, ...(await safeLoadCoalitionPath(at)).diagnostics];
    diagnostics = sortDiagnostics(dedupe(diagnostics));
    checked.push({ file, ok: loaded.ok && !hasErrors(diagnostics), diagnostics });
  }
  return checked;
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

function excerpt(diagnostic: Diagnostic, texts: Map<string, string[] | undefined>): string {
  if (diagnostic.file === undefined || diagnostic.line === undefined) return '';
  if (!texts.has(diagnostic.file)) {
    let lines: string[] | undefined;
    try {
      if (statSync(diagnostic.file).size <= LIMITS.maxFileBytes) lines = readFileSync(diagnostic.file, 'utf8').split(/\r\n|\r|\n/);
    } catch {
      lines = undefined;
    }
    texts.set(diagnostic.file, lines);
  }
  const line = texts.get(diagnostic.file)?.[diagnostic.line - 1];
  if (line === undefined || line.length > 300) return '';
  const number = String(diagnostic.line);
  const caret = ' '.repeat(number.length + 3 + Math.max(0, (diagnostic.column ?? 1) - 1)) + '^';
  return `    ${number} | ${line.replace(/\t/g, ' ')}\n    ${caret}\n`;
}

/** Formats check results as text: one block per diagnostic and a summary line. */
export function formatCheck(checked: readonly CheckedFile[], lang: Lang): string {
  const texts = new Map<string, string[] | undefined>();
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const { file, diagnostics } of checked) {
    for (const d of diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      const { message, hint } = textOf(d, lang);
      const where = `${d.file ?? file}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}`;
      out += `${where}  ${d.severity}  ${d.code}  ${message}${d.pointer ? ` (${d.pointer})` : ''}\n`;
      out += excerpt(d, texts);
      if (hint) out += `    ${hint}\n`;
    }
  }
  const count = checked.length;
  out +=
    lang === 'nl'
      ? `${count} ${count === 1 ? 'bestand' : 'bestanden'} gecontroleerd: ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}.\n`
      : `${count} ${count === 1 ? 'file' : 'files'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.\n`;
  return out;
}

async function runCheck(files: string[], flags: CheckFlags, context: CliContext): Promise<number> {
  const checked = await checkFiles(files, context.cwd);
  if (flags.json) context.stdout(JSON.stringify({ files: checked }, null, 2) + '\n');
  else context.stdout(formatCheck(checked, flags.lang));
  if (checked.some((f) => inputUnreadable(f.diagnostics))) return EXIT.usage;
  return checked.every((f) => f.ok) ? EXIT.ok : EXIT.problems;
}
