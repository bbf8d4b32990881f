import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option } from 'commander';
import { hasErrors, sourceOf, type Diagnostic, type Lang, type SourceLocator } from '../../diagnostics/index.js';
import { loadValidateConfig, safeLoadCoalitionPath, safeLoadDocument, safeLoadHouseholdPath, safeLoadMenukaart, safeLoadPopulation } from '../../node/index.js';
import type { RootOptions } from '../../load/index.js';
import type { CarePath, Menukaart } from '../../model/index.js';
import {
  applyRuleSettings,
  checkRuleSettings,
  formatDiagnostics,
  ruleSettings,
  validateMenukaart,
  validatePath,
  validatePopulation,
  validateHouseholdPath,
  type OutputFormat,
  type RuleSetting,
  type ValidateOptions,
} from '../../validate/index.js';
import { CliError, writeOutputFile, type CliContext } from '../context.js';
import { excerptReader } from '../excerpts.js';
import { EXIT, inputUnreadable } from '../exit-codes.js';
import { VERSION } from '../version.js';
import { loadFailed, ALLOW_OUTSIDE_ROOT_HELP, ROOT_HELP, rootOptions, type RootFlags } from './flags.js';
import type { CliCommand } from './index.js';
import { defaultPopulationFile } from '../shipped-files.js';
import { expandFolders, skipNonContent } from './content-files.js';
import { shippedPopulation } from './scenario.js';
import { DEFAULT_LANG } from '../lang.js';
import { householdMenukaart, isHouseholdFile, refuseHouseholdFlags } from './household-input.js';

/** The config file looked for in the working directory when `--config` is not given. */
export const DEFAULT_CONFIG_FILE = 'zorgpaden.config.json';

interface ValidateFlags extends RootFlags {
  format: OutputFormat;
  json?: boolean;
  rule: string[];
  config?: string;
  lang: Lang;
  menukaart?: string;
  population?: string;
  phaseUncoveredDays?: string;
  output?: string;
}

/** `zorgpaden validate <files…>`: validates paths (and menukaarten, populations, coalitions); exit 1 when errors remain. */
export const validateCommand: CliCommand = {
  register(program, context, setExitCode) {
        program
      .command('validate')
      .option('--root <folder>', ROOT_HELP)
      .option('--allow-outside-root', ALLOW_OUTSIDE_ROOT_HELP)
      .description('check care paths and other content files with every validation rule (docs/rules)')
      .argument('<files...>', 'path, menukaart, population or coalition files (JSON or YAML), or folders of them')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
      .option('--json', 'the same as --format json')
      .option('-r, --rule <code=setting>', 'set a rule to off, warn or error (repeatable)', (value: string, all: string[]) => [...all, value], [])
      .option('-c, --config <file>', `a config file with { "rules": { … } } (default: ${DEFAULT_CONFIG_FILE} when present)`)
      .addOption(new Option('--lang <lang>', 'language of the messages').choices(['nl', 'en']).default(DEFAULT_LANG))
      .option('--menukaart <file>', 'the menukaart the paths refer to (default: the path’s own "menukaart" field)')
      .option('--population <file>', 'the population the paths are simulated with, for unknown-key (default: the shipped default population)')
      .option('--phase-uncovered-days <days>', 'phase-uncovered: the longest stretch without contact that is accepted')
      .option('-o, --output <file>', 'write the report to a file instead of standard output')
      .action(async (files: string[], flags: ValidateFlags) => {
        setExitCode(await runValidate(files, flags, context));
      });
  },
};

async function runValidate(files: string[], flags: ValidateFlags, context: CliContext): Promise<number> {
  if (flags.json && flags.format !== 'json' && flags.format !== 'text') {
    throw new CliError(`--json is the same as --format json; it cannot be combined with --format ${flags.format}. Give one of the two.`, EXIT.usage, `--json is hetzelfde als --format json en kan niet samen met --format ${flags.format}. Geef een van de twee.`);
  }
  const format: OutputFormat = flags.json ? 'json' : flags.format;
  const at = (file: string) => (isAbsolute(file) || context.cwd === process.cwd() ? file : resolve(context.cwd, file));
  const options: ValidateOptions = { lang: flags.lang, rules: parseRuleFlags(flags.rule) };
  const configProblems = loadConfig(flags.config, context, at, options);
  if (flags.phaseUncoveredDays !== undefined) {
    const days = Number(flags.phaseUncoveredDays);
    if (!Number.isInteger(days) || days < 1) throw new CliError(`--phase-uncovered-days must be a whole number of days (1 or more), not "${flags.phaseUncoveredDays}".`, EXIT.usage, `--phase-uncovered-days moet een geheel aantal dagen zijn (1 of meer), niet "${flags.phaseUncoveredDays}".`);
    options.phaseUncoveredDays = days;
  }
  const settingProblems = [...configProblems, ...checkRuleSettings(options.rules, '/--rule')];
  if (settingProblems.length > 0) {
    context.stderr(formatDiagnostics(settingProblems, 'text', { lang: flags.lang }));
    return EXIT.usage;
  }
  let menukaart: Menukaart | undefined;
  if (flags.menukaart !== undefined) {
    const loaded = await safeLoadMenukaart(at(flags.menukaart));
    // as in the other commands: 2 when the file cannot be read, 1 when its content is wrong
    if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
    menukaart = loaded.value;
  }
  if (flags.population !== undefined) {
    const loaded = await safeLoadPopulation(at(flags.population));
    if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
    options.population = loaded.value;
  } else options.population = shippedPopulation();
  files = skipNonContent(expandFolders(files, context.cwd), flags.lang, context);
  const { settings } = ruleSettings(options);
  const locators: SourceLocator[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) diagnostics.push(...(await validateFile(at(file), options, menukaart, settings, locators, rootOptions(flags, file, context.cwd), context)));
  const fromDisk = excerptReader(context.cwd, files);
  const sourceText = (file: string | undefined) => {
    for (const locator of locators) {
      const text = locator.textOf(file);
      if (text !== undefined) return text;
    }
    return fromDisk(file);
  };
  const docsBaseUri = format === 'sarif' ? localDocsUri() : undefined;
  const report = formatDiagnostics(diagnostics, format, { lang: flags.lang, sourceText, version: VERSION, ...(docsBaseUri !== undefined ? { docsBaseUri } : {}) });
  if (flags.output !== undefined) {
    const inputs = [...files, flags.menukaart, flags.population, flags.config, flags.config === undefined ? DEFAULT_CONFIG_FILE : undefined].filter((f): f is string => f !== undefined);
    await writeOutputFile(resolve(context.cwd, flags.output), report, inputs.map((f) => resolve(context.cwd, f)));
  }
  else context.stdout(report);
  if (inputUnreadable(diagnostics)) return EXIT.usage;
  return hasErrors(diagnostics) ? EXIT.problems : EXIT.ok;
}

async function validateFile(file: string, options: ValidateOptions, menukaart: Menukaart | undefined, settings: Record<string, RuleSetting>, locators: SourceLocator[], roots: RootOptions, context: CliContext): Promise<Diagnostic[]> {
  const loaded = await safeLoadDocument(file, { ...roots, ...(menukaart ? { menukaart } : {}) });
  if (!loaded.ok && isHouseholdFile(loaded.diagnostics)) return validateHouseholdFile(file, options, menukaart, settings, locators, roots, context);
  // reference errors stop loading; they carry rule codes, so the user's settings still apply
  if (!loaded.ok) return applyRuleSettings(loaded.diagnostics, settings);
  const { value } = loaded;
  if (value.kind === 'menukaart') return [...loaded.diagnostics, ...validateMenukaart(value.document, options).diagnostics];
  if (value.kind === 'population') return [...loaded.diagnostics, ...validatePopulation(value.document, options).diagnostics];
  let path: CarePath;
  if (value.kind === 'carepath') path = value.document;
  else if (value.kind === 'coalition') {
    const adapted = await safeLoadCoalitionPath(file, { ...roots, ...(menukaart ? { menukaart } : {}) });
    // a coalition over a household path is applied and validated as a household path
    if (!adapted.ok && isHouseholdFile(adapted.diagnostics)) return validateHouseholdFile(file, options, menukaart, settings, locators, roots, context);
    if (!adapted.ok) return applyRuleSettings(adapted.diagnostics, settings);
    path = adapted.value;
  } else return loaded.diagnostics;
  const locator = sourceOf(path);
  if (locator) locators.push(locator);
  const own = menukaart ?? (await pathMenukaart(path, file));
  const result = validatePath(path, { ...options, ...(own ? { menukaart: own } : {}) });
  return [...applyRuleSettings(loaded.diagnostics, settings), ...result.diagnostics];
}

// a household path (format version 2) has a loader and a validation of its own, as in simulate and route
async function validateHouseholdFile(file: string, options: ValidateOptions, menukaart: Menukaart | undefined, settings: Record<string, RuleSetting>, locators: SourceLocator[], roots: RootOptions, context: CliContext): Promise<Diagnostic[]> {
  // phase-uncovered does not run on a household path yet, so its option would silently do nothing
  refuseHouseholdFlags('validate', [['--phase-uncovered-days', options.phaseUncoveredDays !== undefined]]);
  const loaded = await safeLoadHouseholdPath(file, roots);
  if (!loaded.ok) return applyRuleSettings(loaded.diagnostics, settings);
  const path = loaded.value;
  const locator = sourceOf(path);
  if (locator) locators.push(locator);
  // the menukaart the path names is read inside the path's root, as simulate reads it
  const own = menukaart ? { ok: true as const, value: menukaart, diagnostics: [] } : await householdMenukaart(path, file, roots, context);
  if (!own.ok) return own.diagnostics;
  const result = validateHouseholdPath(path, { ...options, ...(own.value ? { menukaart: own.value } : {}) });
  return [...applyRuleSettings(loaded.diagnostics, settings), ...result.diagnostics];
}

// the loader checks a path against its own "menukaart" file but does not keep it; validation needs it too
async function pathMenukaart(path: CarePath, file: string): Promise<Menukaart | undefined> {
  if (path.menukaart === undefined) return undefined;
  const loaded = await safeLoadMenukaart(resolve(dirname(file), path.menukaart));
  return loaded.ok ? loaded.value : undefined;
}

function loadConfig(flag: string | undefined, context: CliContext, at: (f: string) => string, options: ValidateOptions): Diagnostic[] {
  const file = flag !== undefined ? at(flag) : existsSync(resolve(context.cwd, DEFAULT_CONFIG_FILE)) ? at(DEFAULT_CONFIG_FILE) : undefined;
  if (file === undefined) return [];
  const config = loadValidateConfig(file);
  if (!config.ok) return config.diagnostics;
  options.config = config.value;
  return [];
}

/** Parses `--rule code=setting` flags; a malformed flag is a usage error. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const match = /^([^=]+)=(.*)$/.exec(flag);
    if (!match) throw new CliError(`--rule needs code=setting, like --rule cold-handoff=off; got "${flag}".`, EXIT.usage, `--rule verwacht code=instelling, zoals --rule cold-handoff=off; gekregen: "${flag}".`);
    rules[match[1]!.trim()] = match[2]!.trim() as RuleSetting;
  }
  return rules;
}

/** A `file:` URI of the folder that holds `docs/rules/`, when the rule pages are on this machine (a source checkout). */
function localDocsUri(): string | undefined {
  const population = defaultPopulationFile();
  if (population === undefined) return undefined;
  const root = resolve(dirname(population), '..', '..');
  return existsSync(join(root, 'docs', 'rules', 'README.md')) ? pathToFileURL(`${root}/`).href : undefined;
}

