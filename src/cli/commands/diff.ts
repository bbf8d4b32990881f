import { relative } from 'node:path';
import { Option } from 'commander';
import type { Diagnostic, Lang } from '../../diagnostics/index.js';
import { describeChange, diffPaths, type PathChange } from '../../edit/index.js';
import { safeLoadPath } from '../../node/index.js';
import type { CarePath } from '../../model/index.js';
import { CliError, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFailed } from './flags.js';
import { refuseHouseholdPath } from './household-input.js';
import type { CliCommand } from './index.js';
import { loadScenario } from './scenario.js';
import { DEFAULT_LANG } from '../lang.js';

interface DiffFlags {
  json?: boolean;
  lang: Lang;
}

/** `zorgpaden diff <before> [after]`: what changed between two versions of a path, or what a coalition changes; exit 1 when they differ, 2 when they cannot be compared. */
export const diffCommand: CliCommand = {
  register(program, context, setExitCode) {
    program
      .command('diff')
      .description('say in sentences what changed between two versions of a path, or what a coalition changes in the path it adapts (exit 1 when they differ, 2 when a file cannot be compared)')
      .argument('<before>', 'the earlier path, or a coalition file (alone: compared with the path it adapts)')
      .argument('[after]', 'the later path (or a coalition file: its adapted path)')
      .option('--json', 'print { before, after, identical, changes } as JSON, each change with its sentence in English and Dutch')
      .addOption(new Option('--lang <lang>', 'language of the sentences').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (before: string, after: string | undefined, flags: DiffFlags) => {
        setExitCode(await runDiff(before, after, flags, context));
      });
  },
};

interface Side {
  path: CarePath;
  /** What the side is, as shown: the file, and for a coalition "coalition over path". */
  shown: string;
}

const READS = { en: 'care paths of format version 1 and coalitions', nl: 'zorgpaden van formaatversie 1 en coalities' };

// like diff(1): 1 says "different", so input that cannot be compared is trouble (2)
function cannotCompare(diagnostics: Diagnostic[], flags: DiffFlags, context: CliContext): number {
  refuseHouseholdPath('diff', READS, diagnostics, context.cwd);
  return loadFailed(diagnostics, flags, context, EXIT.usage);
}

async function runDiff(beforeFile: string, afterFile: string | undefined, flags: DiffFlags, context: CliContext): Promise<number> {
  const before = await loadScenario(beforeFile, {}, context.cwd);
  if (!before.ok) return cannotCompare(before.diagnostics, flags, context);
  let a: Side;
  let b: Side;
  if (afterFile === undefined) {
    // one file: a coalition, set beside the path it adapts
    const coalition = before.value.coalition;
    if (!coalition) {
      throw new CliError(
        `Give two paths to compare, or one coalition file to compare with the path it adapts; "${beforeFile}" is a path.`,
        EXIT.usage,
        `Geef twee paden om te vergelijken, of één coalitiebestand om te vergelijken met het pad dat het aanpast; "${beforeFile}" is een pad.`,
      );
    }
    const base = await safeLoadPath(before.value.pathFile, before.value.menukaart ? { menukaart: before.value.menukaart } : {});
    if (!base.ok) return cannotCompare(base.diagnostics, flags, context);
    a = { path: base.value, shown: relative(context.cwd, before.value.pathFile) || before.value.pathFile };
    b = { path: before.value.path, shown: before.value.name };
  } else {
    const after = await loadScenario(afterFile, {}, context.cwd);
    if (!after.ok) return cannotCompare(after.diagnostics, flags, context);
    a = { path: before.value.path, shown: before.value.name };
    b = { path: after.value.path, shown: after.value.name };
  }
  const changes = diffPaths(a.path, b.path);
  const identical = changes.length === 0;
  if (flags.json) {
    const side = (s: Side) => ({ file: s.shown, id: s.path.id, version: s.path.version });
    const described = changes.map((change) => ({ ...change, en: sentence(change, 'en'), nl: sentence(change, 'nl') }));
    context.stdout(`${JSON.stringify({ before: side(a), after: side(b), identical, changes: described }, null, 2)}\n`);
  } else {
    const nl = flags.lang === 'nl';
    const header = (s: Side) => `${s.path.id} ${s.path.version} (${s.shown})`;
    if (identical) context.stdout(nl ? `Geen verschillen tussen ${header(a)} en ${header(b)}.\n` : `No differences between ${header(a)} and ${header(b)}.\n`);
    else {
      const count = changes.length;
      const title = nl
        ? `${count} ${count === 1 ? 'verschil' : 'verschillen'} van ${header(a)} naar ${header(b)}:`
        : `${count} ${count === 1 ? 'difference' : 'differences'} from ${header(a)} to ${header(b)}:`;
      context.stdout(`${title}\n${changes.map((c) => `  ${sentence(c, flags.lang)}`).join('\n')}\n`);
    }
  }
  // like diff(1): 0 when the same, 1 when they differ
  return identical ? EXIT.ok : EXIT.problems;
}

type CoalitionField = NonNullable<CarePath['coalition']>;

/** One change as a sentence; the `coalition` field an applied coalition adds is said in words, not as JSON. */
function sentence(change: PathChange, lang: Lang): string {
  if (change.kind !== 'metadata-changed' || change.field !== 'coalition' || change.after === undefined) return describeChange(change, lang);
  const c = change.after as CoalitionField;
  const notOffered = Object.keys(c.replaced ?? {});
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : lang === 'nl' ? 'geen' : 'none');
  return lang === 'nl'
    ? `Coalitie "${c.id}" (${c.municipality}) toegepast: biedt ${list(c.offers)}; biedt niet: ${list(notOffered)}.`
    : `Coalition "${c.id}" (${c.municipality}) applied: offers ${list(c.offers)}; does not offer: ${list(notOffered)}.`;
}
