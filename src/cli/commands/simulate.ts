import { isAbsolute, resolve } from 'node:path';
import { Option } from 'commander';
import cliProgress from 'cli-progress';
import type { Lang } from '../../diagnostics/index.js';
import { safeLoadPopulation, simulate } from '../../node/index.js';
import { applyOverlayFile, tunedLine, type TunedRecord } from './overlay-flag.js';
import { householdSubgroupReport, runHouseholdSubgroupFlag, runSubgroups, subgroupReport } from './subgroup-flag.js';
import { defaultPopulation } from '../../simulate/index.js';
import { summarizeUncertainty, type SimulationUncertainty } from '../../simulate/uncertainty.js';
import { HOUSEHOLD_SCHEMA_VERSION, LIMITS, type CarePath, type HouseholdPath, type Menukaart, type Population } from '../../model/index.js';
import { simulateHousehold, simulateWithUncertaintyInWorkers } from '../../node/simulate.js';
import { summarizeHousehold } from '../../simulate/household-summary.js';
import { householdUncertainty } from '../../simulate/household-intervals.js';
import type { SummaryNames } from '../../simulate/summary-names.js';
import { risksOfHousehold } from '../../simulate/household-risks.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/index.js';
import { validateHouseholdPath } from '../../validate/validate-household.js';
import { CliError } from '../errors.js';
import { risksOfPath, summarize, type SimulationResult } from '../../simulate/index.js';
import { writeOutputFile, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { DEFAULT_COHORT, findingsText, loadFailed, reportWritten, wholeNumber, ALLOW_OUTSIDE_ROOT_HELP, ROOT_HELP, rootOptions, type RootFlags } from './flags.js';
import { householdSimulationTables, onlyPathRisks, withIntervals, writeCsvTables } from './csv-tables.js';
import type { HouseholdSimulationResult } from '../../simulate/household-result.js';
import type { CliCommand } from './index.js';
import { loadMenukaartFlag, loadScenario } from './scenario.js';
import { householdMenukaart, loadHouseholdFile } from './household-input.js';
import { DEFAULT_LANG } from '../lang.js';

interface SimulateFlags extends RootFlags {
  population?: string;
  cohort: string;
  seed: string;
  coalition?: string;
  menukaart?: string;
  overlay?: string;
  batches?: string;
  by?: string;
  minGroup: string;
  workers: string;
  json?: boolean;
  output?: string;
  csv?: string;
  lang: Lang;
}

/** Most worker threads `simulate` accepts. */
const MAX_WORKERS = 256;

/** `zorgpaden simulate <path>`: simulates a cohort through a path and prints a summary or JSON. */
export const simulateCommand: CliCommand = {
  register(program, context, setExitCode) {
        program
      .command('simulate')
      .option('--root <folder>', ROOT_HELP)
      .option('--allow-outside-root', ALLOW_OUTSIDE_ROOT_HELP)
      .description('simulate a cohort of clients through a care path: reach, unmet need, outcomes and drop-out points')
      .argument('<path>', 'care path file (JSON or YAML), or a coalition file (the path it adapts, with it applied)')
      .option('--population <file>', 'population file (default: the shipped default population)')
      .option('--cohort <n>', 'number of clients (the Dutch yearly birth cohort is about 170,000)', String(DEFAULT_COHORT))
      .option('--seed <n>', 'random seed; the same seed gives the same result', '1')
      .option('--coalition <file>', 'a coalition file to apply over the path')
      .option('--menukaart <file>', 'the menukaart for intervention target groups (default: the path’s own "menukaart" field)')
      .option('--overlay <file>', 'tuned values to apply over the path and population (as calibrate writes them)')
      .option('--batches <n>', 'estimate the Monte-Carlo error of every figure from this many independent batches of the cohort (2 to 1000; runs in one thread)')
      .option('--by <groups>', 'also report reach, unmet need, missed signals and time to support per subgroup: language, age, first-child, risk-profile, or (household paths) multiples')
      .option('--min-group <n>', 'with --by: do not report a subgroup with fewer clients (households, on a household path) than this', '100')
      .option('--workers <n>', 'worker threads (the result does not depend on it)', '1')
      .option('--json', 'print the result as JSON')
      .option('-o, --output <file>', 'write the result as JSON to a file')
      .option('--csv <folder>', 'also write each table of the result (outcomes, reach, unmet need, drop-out, handoffs, steps, transitions) as a CSV file into this folder, for a spreadsheet (a household path: its tables per step, transition, track and risk)')
      .addOption(new Option('--lang <lang>', 'language of the summary').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (file: string, flags: SimulateFlags) => {
        setExitCode(await runSimulate(file, flags, context));
      });
  },
};

async function runSimulate(file: string, flags: SimulateFlags, context: CliContext): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  const cohort = wholeNumber('--cohort', flags.cohort, 1, LIMITS.maxCohort);
  const seed = wholeNumber('--seed', flags.seed, 0);
  const workers = wholeNumber('--workers', flags.workers, 1, MAX_WORKERS);
  const given = await loadMenukaartFlag(flags.menukaart, context.cwd);
  if (!given.ok) return loadFailed(given.diagnostics, flags, context);
  const scenario = await loadScenario(file, { coalition: flags.coalition, menukaart: given.value, roots: rootOptions(flags, file, context.cwd) }, context.cwd);
  if (!scenario.ok && isHouseholdFile(scenario.diagnostics)) return runHouseholdSimulate(file, flags, context, { cohort, seed, menukaart: given.value });
  if (!scenario.ok) return loadFailed(scenario.diagnostics, flags, context);
  const { menukaart } = scenario.value;
  let path: CarePath = scenario.value.path;
  let population: Population | undefined;
  if (flags.population !== undefined) {
    const pop = await safeLoadPopulation(at(flags.population));
    if (!pop.ok) return loadFailed(pop.diagnostics, flags, context);
    population = pop.value;
  }
  let tuned: TunedRecord | undefined;
  if (flags.overlay !== undefined) {
    const applied = await applyOverlayFile(at(flags.overlay), path, population, context.cwd);
    if (!applied.ok) return loadFailed(applied.diagnostics, flags, context);
    ({ path, population, record: tuned } = applied.value);
  }
  const batches = flags.batches === undefined ? undefined : wholeNumber('--batches', flags.batches, 2, Math.min(1000, cohort));
  // the batches run on the worker threads, at most --workers at once; the figures do not change
  const batched = batches === undefined ? undefined : await simulateWithUncertaintyInWorkers(path, { cohort, seed, batches, workers, ...(population ? { population } : {}), ...(menukaart ? { menukaart } : {}) });
  const uncertainty: SimulationUncertainty | undefined = batched?.uncertainty;
  const bar = context.interactive && !batched ? progressBar(context) : undefined;
  bar?.start(cohort, 0);
  let result: SimulationResult;
  try {
    result = batched ? batched.result : await simulate(path, {
      cohort,
      seed,
      workers,
      ...(population ? { population } : {}),
      ...(menukaart ? { menukaart } : {}),
      ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
    });
  } finally {
    bar?.stop();
  }
  // the result says what it was computed with
  if (tuned) result = { ...result, meta: { ...result.meta, tuned } };
  const minimumSize = wholeNumber('--min-group', flags.minGroup, 1);
  const subgroups = flags.by === undefined ? undefined : runSubgroups(flags.by, path, { population: population ?? defaultPopulation(), cohort, seed, minimumSize, ...(menukaart ? { menukaart } : {}) });
  const json = JSON.stringify({ ...result, ...(uncertainty ? { uncertainty } : {}), ...(subgroups ? { subgroups } : {}) }, null, 2) + '\n';
  if (flags.output !== undefined) {
    const inputs = [file, flags.population, flags.coalition, flags.menukaart, flags.overlay].filter((f): f is string => f !== undefined).map(at);
    await writeOutputFile(at(flags.output), json, inputs);
    if (!flags.json) reportWritten({ en: 'Simulation result', nl: 'Simulatieresultaat' }, flags.output, flags.lang, context);
  }
  if (flags.csv !== undefined) {
    const { reportTables } = await import('../../render/index.js');
    const simulation = onlyPathRisks(uncertainty ? withIntervals(result, uncertainty) : result, risksOfPath(path, menukaart));
    // the report's tables of a simulation: the summary's key figures and the per-step tables
    const tables = reportTables({ path, simulation, lang: flags.lang, names: { risks: (population ?? defaultPopulation()).risks } }).filter((t) => t.id.startsWith('samenvatting-') || t.id.startsWith('simulatie-'));
    const inputs = [file, flags.population, flags.coalition, flags.menukaart, flags.overlay].filter((f): f is string => f !== undefined).map(at);
    const written = await writeCsvTables(at(flags.csv), tables, flags.lang, inputs);
    reportWritten({ en: `${written.length} tables`, nl: `${written.length} tabellen` }, flags.csv, flags.lang, context);
  }
  if (flags.json) context.stdout(json);
  // the unmet need of the risks this path is about; every risk when it names none
  else {
    if (tuned) context.stdout(tunedLine(tuned, flags.lang) + '\n');
    context.stdout(summarize(result, { lang: flags.lang, risks: risksOfPath(path, menukaart), names: summaryNames(path, population) }));
    if (uncertainty) context.stdout('\n' + summarizeUncertainty(uncertainty, { lang: flags.lang, risks: risksOfPath(path, menukaart), names: summaryNames(path, population) }));
    if (subgroups) context.stdout('\n' + subgroupReport(subgroups, flags.lang));
  }
  return EXIT.ok;
}

/** True when loading as a version 1 document failed only because the file is a household path (format version 2). */
function isHouseholdFile(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'unsupported-schema-version' && d.pointer === '/schemaVersion' && d.params.actual === String(HOUSEHOLD_SCHEMA_VERSION));
}

/** Flags of `simulate` that a household path does not take yet. */
const VERSION_1_ONLY = [
  ['overlay', '--overlay'],
  ['batches', '--batches'],
] as const;

/** `simulate` on a household path: validates it, walks the households and prints the household summary or JSON. */
async function runHouseholdSimulate(file: string, flags: SimulateFlags, context: CliContext, given: { cohort: number; seed: number; menukaart: Menukaart | undefined }): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  const refused = VERSION_1_ONLY.find(([name]) => flags[name] !== undefined);
  if (refused) {
    throw new CliError(
      `${refused[1]} is not available for a household path (format version 2) yet; leave it out.`,
      EXIT.usage,
      `${refused[1]} kan nog niet bij een huishoudpad (formaatversie 2); laat het weg.`,
    );
  }
  const loaded = await loadHouseholdFile(file, flags, context, flags.coalition);
  if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
  const path = loaded.value;
  let population: Population | undefined;
  if (flags.population !== undefined) {
    const pop = await safeLoadPopulation(at(flags.population));
    if (!pop.ok) return loadFailed(pop.diagnostics, flags, context);
    population = pop.value;
  }
  // validated against the population it is simulated with, so that a risk no household can have is said
  const checked = validateHouseholdPath(path, { population: population ?? defaultPopulation() });
  if (hasErrors(checked.diagnostics)) return loadFailed(checked.diagnostics.filter((d) => d.severity === 'error'), flags, context);
  const absent = checked.diagnostics.filter((d) => d.code === 'risk-not-in-population');
  if (absent.length > 0) context.stderr(findingsText(absent, flags.lang, context.cwd, [file]));
  let menukaart = given.menukaart;
  if (!menukaart) {
    const own = await householdMenukaart(path, file, flags, context);
    if (!own.ok) return loadFailed(own.diagnostics, flags, context);
    menukaart = own.value;
  }
  // every household walks on streams of its own, so --workers does not change the result
  const workers = wholeNumber('--workers', flags.workers, 1, MAX_WORKERS);
  const minimumSize = wholeNumber('--min-group', flags.minGroup, 1);
  const risks = risksOfHousehold(path, menukaart);
  // with --by the households are walked once, in this thread, for the whole result and the groups alike
  const split = flags.by === undefined ? undefined : runHouseholdSubgroupFlag(flags.by, path, { population: population ?? defaultPopulation(), cohort: given.cohort, seed: given.seed, minimumSize, risks, ...(menukaart ? { menukaart } : {}) });
  const result = split ? split.result : await simulateHousehold(path, { cohort: given.cohort, seed: given.seed, workers, ...(population ? { population } : {}), ...(menukaart ? { menukaart } : {}) });
  const json = JSON.stringify({ ...result, uncertainty: householdUncertainty(result), ...(split ? { subgroups: split.subgroups } : {}) }, null, 2) + '\n';
  if (flags.output !== undefined) {
    const inputs = [file, flags.population, flags.menukaart].filter((f): f is string => f !== undefined).map(at);
    await writeOutputFile(at(flags.output), json, inputs);
    if (!flags.json) reportWritten({ en: 'Simulation result', nl: 'Simulatieresultaat' }, flags.output, flags.lang, context);
  }
  if (flags.csv !== undefined) await writeHouseholdCsv(path, result, { file, flags, context, population, menukaart });
  if (flags.json) context.stdout(json);
  else {
    context.stdout(summarizeHousehold(result, { lang: flags.lang, risks, names: summaryNames(path, population) }));
    if (split) context.stdout('\n' + householdSubgroupReport(split.subgroups, flags.lang));
  }
  return EXIT.ok;
}

/** `--csv` on a household path: the household report's tables of the result, one CSV file each, as `report --format csv` writes them. */
async function writeHouseholdCsv(path: HouseholdPath, result: HouseholdSimulationResult, given: { file: string; flags: SimulateFlags; context: CliContext; population: Population | undefined; menukaart: Menukaart | undefined }): Promise<void> {
  const { file, flags, context } = given;
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  const names = { risks: { ...(given.population ?? defaultPopulation()).risks, ...path.risks } };
  const tables = await householdSimulationTables({ path, simulation: result, lang: flags.lang, names, risks: risksOfHousehold(path, given.menukaart) });
  const inputs = [file, flags.population, flags.menukaart].filter((f): f is string => f !== undefined).map(at);
  const written = await writeCsvTables(at(flags.csv!), tables, flags.lang, inputs);
  reportWritten({ en: `${written.length} tables`, nl: `${written.length} tabellen` }, flags.csv!, flags.lang, context);
}

// the cursor stays visible: a Ctrl-C during the simulation ends the process before the bar could show it again
function progressBar(context: CliContext): cliProgress.SingleBar {
  const stream = { isTTY: true, columns: process.stderr.columns ?? 80, write: (text: string) => (context.stderr(text), true) };
  return new cliProgress.SingleBar(
    { stream: stream as unknown as NodeJS.WritableStream, format: 'simulating [{bar}] {percentage}% | {value}/{total} journeys | {eta_formatted}', hideCursor: false, clearOnComplete: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
}

/** Labels for the summary: the path's steps, its risks, and the population's risks it does not label. */
function summaryNames(path: SummaryNames, population: Population | undefined): SummaryNames {
  return { ...(path.steps ? { steps: path.steps } : {}), risks: { ...(population ?? defaultPopulation()).risks, ...path.risks } };
}
