import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Option } from 'commander';
import type { Diagnostic, Lang } from '../../diagnostics/index.js';
import { describeChange, diffHouseholdPaths, diffPaths, type ChangeContext, type DiffedPath, type HouseholdPathChange, type PathChange } from '../../edit/index.js';
import { describeCondition, type FactorLabels } from '../../export/condition-words.js';
import { safeLoadCoalition, safeLoadPath } from '../../node/index.js';
import { labelText, type CarePath, type Condition, type HouseholdPath, type Label, type Menukaart } from '../../model/index.js';
import { CliError, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFailed } from './flags.js';
import { householdMenukaart, isHouseholdFile, loadHouseholdFile } from './household-input.js';
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
      .description(
        'say in sentences what changed between two versions of a path (a care path or a household path), or what a coalition changes in the path it adapts (exit 1 when they differ, 2 when a file cannot be compared)',
      )
      .argument('<before>', 'the earlier path, or a coalition file (alone: compared with the path it adapts)')
      .argument('[after]', 'the later path (or a coalition file: its adapted path); a version 1 path beside a household path is compared as migrated to one')
      .option('--json', 'print { before, after, identical, changes } as JSON, each change with its sentence in English and Dutch')
      .addOption(new Option('--lang <lang>', 'language of the sentences').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (before: string, after: string | undefined, flags: DiffFlags) => {
        setExitCode(await runDiff(before, after, flags, context));
      });
  },
};

interface Side<P extends DiffedPath = DiffedPath> {
  path: P;
  /** What the side is, as shown: the file, and for a coalition "coalition over path". */
  shown: string;
  /** Set on a version 1 path compared with a household path: it was migrated to format version 2 first. */
  migratedFrom?: 1;
  /** The menukaart the side was loaded with: it names the interventions a coalition offers. */
  menukaart?: Menukaart | undefined;
  /** The folder the path's own file references (`$schema`, `menukaart`) are relative to. */
  dir?: string;
}

// like diff(1): 1 says "different", so input that cannot be compared is trouble (2)
function cannotCompare(diagnostics: Diagnostic[], flags: DiffFlags, context: CliContext): number {
  return loadFailed(diagnostics, flags, context, EXIT.usage);
}

function notACoalition(file: string): CliError {
  return new CliError(
    `Give two paths to compare, or one coalition file to compare with the path it adapts; "${file}" is a path.`,
    EXIT.usage,
    `Geef twee paden om te vergelijken, of één coalitiebestand om te vergelijken met het pad dat het aanpast; "${file}" is een pad.`,
  );
}

async function runDiff(beforeFile: string, afterFile: string | undefined, flags: DiffFlags, context: CliContext): Promise<number> {
  const before = await loadScenario(beforeFile, {}, context.cwd);
  // a household path (or a coalition over one) on either side makes it a comparison of household paths
  if (!before.ok && isHouseholdFile(before.diagnostics)) return runHouseholdDiff(beforeFile, afterFile, { before: false }, flags, context);
  if (!before.ok) return cannotCompare(before.diagnostics, flags, context);
  let a: Side<CarePath>;
  let b: Side<CarePath>;
  if (afterFile === undefined) {
    // one file: a coalition, set beside the path it adapts
    if (!before.value.coalition) throw notACoalition(beforeFile);
    const base = await safeLoadPath(before.value.pathFile, before.value.menukaart ? { menukaart: before.value.menukaart } : {});
    if (!base.ok) return cannotCompare(base.diagnostics, flags, context);
    a = { path: base.value, shown: relative(context.cwd, before.value.pathFile) || before.value.pathFile, menukaart: before.value.menukaart, dir: dirname(before.value.pathFile) };
    b = { path: before.value.path, shown: before.value.name, menukaart: before.value.menukaart, dir: dirname(resolve(context.cwd, beforeFile)) };
  } else {
    const after = await loadScenario(afterFile, {}, context.cwd);
    if (!after.ok && isHouseholdFile(after.diagnostics)) return runHouseholdDiff(beforeFile, afterFile, { before: true }, flags, context);
    if (!after.ok) return cannotCompare(after.diagnostics, flags, context);
    a = { path: before.value.path, shown: before.value.name, menukaart: before.value.menukaart, dir: dirname(resolve(context.cwd, beforeFile)) };
    b = { path: after.value.path, shown: after.value.name, menukaart: after.value.menukaart, dir: dirname(resolve(context.cwd, afterFile)) };
  }
  return report(a, b, diffPaths(a.path, b.path), flags, context);
}

/**
 * Compares household paths: two files (a version 1 path among them is migrated to format version 2
 * first, as every household command reads one), or one coalition file with the household path it adapts.
 */
async function runHouseholdDiff(beforeFile: string, afterFile: string | undefined, versionOne: { before: boolean }, flags: DiffFlags, context: CliContext): Promise<number> {
  let a: Side<HouseholdPath>;
  let b: Side<HouseholdPath>;
  if (afterFile === undefined) {
    const at = isAbsolute(beforeFile) ? beforeFile : resolve(context.cwd, beforeFile);
    const coalition = await safeLoadCoalition(at);
    if (!coalition.ok && coalition.diagnostics.some((d) => d.code === 'wrong-kind')) throw notACoalition(beforeFile);
    if (!coalition.ok) return cannotCompare(coalition.diagnostics, flags, context);
    const baseFile = resolve(dirname(at), coalition.value.adapts);
    const base = await loadHouseholdFile(baseFile, {}, context);
    if (!base.ok) return cannotCompare(base.diagnostics, flags, context);
    const adapted = await loadHouseholdFile(beforeFile, {}, context);
    if (!adapted.ok) return cannotCompare(adapted.diagnostics, flags, context);
    // the menukaart only names the interventions the coalition offers: without it they keep their keys
    const menukaart = await householdMenukaart(base.value, baseFile, {}, context);
    a = { path: base.value, shown: relative(context.cwd, baseFile) || baseFile, dir: dirname(baseFile) };
    b = { path: adapted.value, shown: beforeFile, menukaart: menukaart.ok ? menukaart.value : undefined, dir: dirname(at) };
  } else {
    const first = await loadHouseholdFile(beforeFile, {}, context);
    if (!first.ok) return cannotCompare(first.diagnostics, flags, context);
    const second = await loadHouseholdFile(afterFile, {}, context);
    if (!second.ok) return cannotCompare(second.diagnostics, flags, context);
    // the side that is not known to be a household path may still be a version 1 one
    const afterIsVersionOne = versionOne.before ? false : (await loadScenario(afterFile, {}, context.cwd)).ok;
    // the menukaarts only name the interventions a coalition offers: without them they keep their keys
    const named = async (path: HouseholdPath, file: string) => {
      const menukaart = await householdMenukaart(path, file, {}, context);
      return menukaart.ok ? menukaart.value : undefined;
    };
    a = { path: first.value, shown: beforeFile, menukaart: await named(first.value, beforeFile), dir: dirname(resolve(context.cwd, beforeFile)), ...(versionOne.before ? { migratedFrom: 1 as const } : {}) };
    b = { path: second.value, shown: afterFile, menukaart: await named(second.value, afterFile), dir: dirname(resolve(context.cwd, afterFile)), ...(afterIsVersionOne ? { migratedFrom: 1 as const } : {}) };
  }
  return report(a, b, diffHouseholdPaths(a.path, b.path), flags, context);
}

// the fields that name another file relative to the path's own: a copy in another folder names the same file differently
const FILE_REFERENCES = new Set(['$schema', 'menukaart']);

/** Whether a change only writes a file reference another way: both sides name the same file, each from its own folder. */
function sameFileNamed(change: PathChange | HouseholdPathChange, a: Side, b: Side): boolean {
  if (change.kind !== 'metadata-changed' || !FILE_REFERENCES.has(change.field) || a.dir === undefined || b.dir === undefined) return false;
  return typeof change.before === 'string' && typeof change.after === 'string' && resolve(a.dir, change.before) === resolve(b.dir, change.after);
}

/** Prints the changes (as sentences or JSON) and returns the exit code: 0 when the same, 1 when they differ, like diff(1). */
function report(a: Side, b: Side, found: readonly (PathChange | HouseholdPathChange)[], flags: DiffFlags, context: CliContext): number {
  const changes = found.filter((change) => !sameFileNamed(change, a, b));
  const identical = changes.length === 0;
  const words = changeContext(a.path, b.path);
  const interventions: InterventionLabels = { ...a.menukaart?.interventions, ...b.menukaart?.interventions, ...a.path.interventions, ...b.path.interventions };
  if (flags.json) {
    const side = (s: Side) => ({ file: s.shown, id: s.path.id, version: s.path.version, schemaVersion: s.path.schemaVersion, ...(s.migratedFrom ? { migratedFrom: s.migratedFrom } : {}) });
    const described = changes.map((change) => ({ ...change, en: sentence(change, 'en', words, interventions), nl: sentence(change, 'nl', words, interventions) }));
    context.stdout(`${JSON.stringify({ before: side(a), after: side(b), identical, changes: described }, null, 2)}\n`);
    return identical ? EXIT.ok : EXIT.problems;
  }
  const nl = flags.lang === 'nl';
  const migrated = (s: Side) => (s.migratedFrom === undefined ? '' : nl ? ', versie 1, omgezet naar een huishoudpad' : ', version 1, migrated to a household path');
  const header = (s: Side) => `${s.path.id} ${s.path.version} (${s.shown}${migrated(s)})`;
  if (identical) context.stdout(nl ? `Geen verschillen tussen ${header(a)} en ${header(b)}.\n` : `No differences between ${header(a)} and ${header(b)}.\n`);
  else {
    const count = changes.length;
    const title = nl
      ? `${count} ${count === 1 ? 'verschil' : 'verschillen'} van ${header(a)} naar ${header(b)}:`
      : `${count} ${count === 1 ? 'difference' : 'differences'} from ${header(a)} to ${header(b)}:`;
    context.stdout(`${title}\n${changes.map((c) => `  ${sentence(c, flags.lang, words, interventions)}`).join('\n')}\n`);
  }
  return identical ? EXIT.ok : EXIT.problems;
}

/** The two paths, so that sentences name steps by their labels, and conditions in words with the paths' factor labels. */
function changeContext(before: DiffedPath, after: DiffedPath): ChangeContext {
  const factors: FactorLabels = {
    risks: { ...before.risks, ...after.risks },
    protections: { ...before.protections, ...after.protections },
    vocabulary: { ...before.vocabulary, ...after.vocabulary },
  };
  return { before, after, condition: (condition: Condition, lang: Lang) => describeCondition(condition, lang, factors) };
}

type CoalitionField = NonNullable<CarePath['coalition']>;

type InterventionLabels = Readonly<Record<string, { label: Label } | undefined>>;

/**
 * One change as a sentence; the `coalition` field an applied coalition adds is said in words, not
 * as JSON, with the interventions by their names in the menukaart.
 */
function sentence(change: PathChange | HouseholdPathChange, lang: Lang, words: ChangeContext, interventions: InterventionLabels): string {
  if (change.kind !== 'metadata-changed' || change.field !== 'coalition' || change.after === undefined) return describeChange(change, lang, words);
  const c = change.after as CoalitionField;
  const name = (key: string) => {
    const entry = Object.hasOwn(interventions, key) ? interventions[key] : undefined;
    return entry ? labelText(entry.label, lang) : key;
  };
  const list = (items: readonly string[]) => items.map(name).join(', ');
  const nl = lang === 'nl';
  const notOffered = Object.keys(c.replaced ?? {});
  const before = change.before as CoalitionField | undefined;
  if (before === undefined) {
    // a coalition set beside the path it adapts: what it offers and what not
    const parts = nl
      ? [`biedt ${c.offers.length > 0 ? list(c.offers) : 'niets van de menukaart'}`, ...(notOffered.length > 0 ? [`biedt niet: ${list(notOffered)}`] : [])]
      : [`offers ${c.offers.length > 0 ? list(c.offers) : 'nothing of the menukaart'}`, ...(notOffered.length > 0 ? [`does not offer: ${list(notOffered)}`] : [])];
    return nl ? `Coalitie "${c.id}" (${c.municipality}) toegepast: ${parts.join('; ')}.` : `Coalition "${c.id}" (${c.municipality}) applied: ${parts.join('; ')}.`;
  }
  // two coalitions: what the second offers that the first did not, and the other way round
  const added = c.offers.filter((key) => !before.offers.includes(key));
  const dropped = before.offers.filter((key) => !c.offers.includes(key));
  const parts = nl
    ? [...(added.length > 0 ? [`biedt nu ook ${list(added)}`] : []), ...(dropped.length > 0 ? [`biedt niet meer ${list(dropped)}`] : [])]
    : [...(added.length > 0 ? [`now also offers ${list(added)}`] : []), ...(dropped.length > 0 ? [`no longer offers ${list(dropped)}`] : [])];
  const who = before.id === c.id ? `"${c.id}"` : `"${before.id}" → "${c.id}"`;
  if (parts.length === 0) return nl ? `Coalitie ${who} (${c.municipality}): hetzelfde aanbod; andere keuzes staan hieronder.` : `Coalition ${who} (${c.municipality}): the same offers; other choices are listed below.`;
  return nl ? `Coalitie ${who} (${c.municipality}): ${parts.join('; ')}.` : `Coalition ${who} (${c.municipality}): ${parts.join('; ')}.`;
}
