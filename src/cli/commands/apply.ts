import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Option } from 'commander';
import type { Lang } from '../../diagnostics/index.js';
import { safeLoadCoalition } from '../../node/index.js';
import { CliError, writeOutputFile, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFailed, loadName, reportWritten, rootOptions } from './flags.js';
import { isHouseholdFile, loadHouseholdFile, refuseHouseholdFlags } from './household-input.js';
import type { CliCommand } from './index.js';
import { loadScenario } from './scenario.js';
import { DEFAULT_LANG } from '../lang.js';
import { isInside, rootFor } from '../../node/root.js';
import { printable } from '../../diagnostics/printable.js';

interface ApplyFlags {
  coalition?: string;
  output?: string;
  lang: Lang;
}

/** `zorgpaden apply <coalition>`: writes the path a coalition adapts, with the coalition applied, as one path file. */
export const applyCommand: CliCommand = {
  register(program, context, setExitCode) {
    program
      .command('apply')
      .description('write the path a coalition adapts with the coalition applied, as one care path file (includes resolved)')
      .argument('<coalition>', 'a coalition file (or a path file, with --coalition)')
      .option('--coalition <file>', 'a coalition file to apply over the path given')
      .option('-o, --output <file>', 'the path file to write (default: standard output)')
      .addOption(new Option('--lang <lang>', 'language of the messages').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (file: string, flags: ApplyFlags) => {
        setExitCode(await runApply(file, flags, context));
      });
  },
};

async function runApply(file: string, flags: ApplyFlags, context: CliContext): Promise<number> {
  const loaded = await loadScenario(file, { coalition: flags.coalition }, context.cwd);
  if (!loaded.ok && isHouseholdFile(loaded.diagnostics)) return applyHousehold(file, flags, context);
  if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
  const { path, coalition, pathFile } = loaded.value;
  if (!coalition) throw notACoalition(file);
  return writeApplied({ path, pathFile, coalitionId: coalition.document.id, inputs: [file, flags.coalition, pathFile] }, flags, context);
}

function notACoalition(file: string): CliError {
  return new CliError(
    `"${file}" is a path; give a coalition file, or the coalition to apply with --coalition <file>.`,
    EXIT.usage,
    `"${file}" is een pad; geef een coalitiebestand, of de coalitie om toe te passen met --coalition <bestand>.`,
  );
}

/** `apply` of a coalition whose `adapts` names a household path (format version 2): the household path with the coalition applied. */
async function applyHousehold(file: string, flags: ApplyFlags, context: CliContext): Promise<number> {
  refuseHouseholdFlags('apply', [['--coalition', flags.coalition !== undefined]]);
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  const coalition = await safeLoadCoalition(loadName(file, context.cwd));
  if (!coalition.ok) throw notACoalition(file);
  const loaded = await loadHouseholdFile(file, rootOptions({}, file, context.cwd), context);
  if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
  // the loader gives the files the path names relative to the coalition's folder
  const pathFile = resolve(dirname(at(file)), coalition.value.adapts);
  return writeApplied({ path: loaded.value, pathFile: at(file), coalitionId: coalition.value.id, inputs: [file, pathFile] }, flags, context);
}

/** Writes an adapted path to `--output` (or standard output), its file references made relative to where it is written. */
async function writeApplied<P extends FileReferences & { id: string }>(
  applied: { path: P; pathFile: string; coalitionId: string; inputs: (string | undefined)[] },
  flags: ApplyFlags,
  context: CliContext,
): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  const { path, pathFile, coalitionId } = applied;
  const target = flags.output !== undefined ? at(flags.output) : undefined;
  const text = `${JSON.stringify(rebased(path, dirname(pathFile), target !== undefined ? dirname(target) : context.cwd), null, 2)}\n`;
  if (target === undefined) {
    context.stdout(text);
    return EXIT.ok;
  }
  const inputs = applied.inputs.filter((f): f is string => f !== undefined).map(at);
  // its own earlier output (the same coalition applied) may be replaced; any other content file not
  await writeOutputFile(target, text, inputs, { mayReplace: (existing) => appliedCoalitionOf(existing) === coalitionId });
  reportWritten({ en: 'Adapted path', nl: 'Aangepast pad' }, flags.output!, flags.lang, context, {
    en: `coalition ${coalitionId} over ${path.id}`,
    nl: `coalitie ${coalitionId} over ${path.id}`,
  });
  if (path.menukaart !== undefined) context.stderr(outsideRootHint(flags.output!, target, resolve(dirname(pathFile), path.menukaart), flags.lang, context.cwd));
  return EXIT.ok;
}

/**
 * A hint when the written path names a menukaart outside the root its own folder gives it: the file
 * is written correctly, but validating it there refuses the menukaart (`outside-root`) unless the
 * command is given a root that holds both.
 */
function outsideRootHint(shown: string, target: string, menukaart: string, lang: Lang, cwd: string): string {
  const root = rootFor(target, {}, cwd);
  if (root === undefined || isInside(root, menukaart)) return '';
  const both = commonFolder(dirname(target), menukaart);
  const named = relative(dirname(target), menukaart);
  // folders inside the working folder relative to it, others in full
  const folder = (f: string) => (isInside(cwd, f) ? relative(cwd, f) || '.' : f);
  const rootShown = folder(root);
  const bothShown = folder(both);
  return lang === 'nl'
    ? `tip: ${printable(shown)} noemt de menukaart "${printable(named)}", die buiten de hoofdmap "${printable(rootShown)}" van het bestand ligt; lees het met --root ${printable(bothShown)} (bijv. "zorgpaden validate ${printable(shown)} --root ${printable(bothShown)}"), of zet de menukaart in die map en pas "menukaart" aan.\n`
    : `hint: ${printable(shown)} names the menukaart "${printable(named)}", which lies outside the file's root "${printable(rootShown)}"; read it with --root ${printable(bothShown)} (e.g. "zorgpaden validate ${printable(shown)} --root ${printable(bothShown)}"), or copy the menukaart into that folder and change "menukaart".\n`;
}

/** The deepest folder that holds both `folder` and `file`. */
function commonFolder(folder: string, file: string): string {
  let common = folder;
  while (!isInside(common, file) && dirname(common) !== common) common = dirname(common);
  return common;
}

/** The fields of a path that name files. */
interface FileReferences {
  $schema?: string | undefined;
  menukaart?: string | undefined;
}

/** The path with its file references (`$schema`, `menukaart`) made relative to the folder it is written to. */
function rebased<P extends FileReferences>(path: P, from: string, to: string): P {
  const move = (reference: string) => (/^[a-z][a-z0-9+.-]*:/i.test(reference) || isAbsolute(reference) ? reference : relative(to, resolve(from, reference)) || '.');
  return {
    ...path,
    ...(path.$schema !== undefined ? { $schema: move(path.$schema) } : {}),
    ...(path.menukaart !== undefined ? { menukaart: move(path.menukaart) } : {}),
  };
}

/** The id of the coalition a path file was produced by (its `coalition` field), if it is one. */
function appliedCoalitionOf(file: string): string | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { coalition?: { id?: unknown } };
    return typeof data.coalition?.id === 'string' ? data.coalition.id : undefined;
  } catch {
    return undefined;
  }
}
