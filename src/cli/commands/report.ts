import { basename, isAbsolute, resolve } from 'node:path';
import { Option } from 'commander';
import type { Diagnostic, Lang } from '../../diagnostics/index.js';
import { safeLoadPopulation, safeLoadTargets, simulate } from '../../node/index.js';
import { compareSimulations, risksOfPath, simulateWithIndicators, type SgaChances, type SimulationResult } from '../../simulate/index.js';
import type { ReportCalibration, ReportComparison, ReportTarget } from '../../render/index.js';
import { safeTargetModel } from '../../simulate/calibrate/index.js';
import { simulateWithUncertaintyInWorkers } from '../../node/simulate.js';
import { labelText, LIMITS, type CarePath, type Menukaart, type Population, type Targets } from '../../model/index.js';
import { validatePath } from '../../validate/index.js';
import { CliError, writeOutputFile, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { checkOverlay, readOverlay } from './diagram-input.js';
import { applyOverlayFile, type TunedRecord } from './overlay-flag.js';
import { DEFAULT_COHORT, loadFailed, reportWritten, wholeNumber, ALLOW_OUTSIDE_ROOT_HELP, ROOT_HELP, rootOptions, type RootFlags } from './flags.js';
import { onlyPathRisks, withIntervals, writeCsvTables } from './csv-tables.js';
import type { CliCommand } from './index.js';
import { loadScenario, shippedPopulation } from './scenario.js';
import { isHouseholdFile } from './household-input.js';
import { notWritten, runHouseholdReport } from './report-household.js';
import { DEFAULT_LANG } from '../lang.js';

interface ReportFlags extends RootFlags {
  coalition?: string;
  simulate?: boolean;
  overlay?: string;
  cohort: string;
  seed: string;
  batches?: string;
  workers: string;
  population?: string;
  compare?: string;
  targets?: string;
  tuned?: string;
  forceOverlay?: boolean;
  title?: string;
  lang: Lang;
  format: 'html' | 'pdf' | 'csv' | 'risks';
  output?: string;
  json?: boolean;
}

/** `zorgpaden report <path>`: one offline HTML file with the path's diagrams, findings and simulation. */
export const reportCommand: CliCommand = {
  register(program, context, setExitCode) {
        program
      .command('report')
      .option('--root <folder>', ROOT_HELP)
      .option('--allow-outside-root', ALLOW_OUTSIDE_ROOT_HELP)
      .description('write a self-contained, offline HTML report: diagrams, validation findings and (with --simulate) simulation tables')
      .argument('<path>', 'care path file (JSON or YAML), or a coalition file (the path it adapts, with it applied); a household path (format version 2) gets the household report')
      .option('--coalition <file>', 'a coalition file to apply over the path')
      .option('--simulate', 'simulate a cohort and add an overlay diagram and tables (for a household path: the figures per track and per risk)')
      .option('--overlay <file>', 'use a saved simulation result (zorgpaden simulate -o sim.json) instead of simulating')
      .option('--force-overlay', 'use the --overlay result even when it was simulated on another path, version or coalition')
      .option('--cohort <n>', 'number of clients to simulate (as simulate: about the Dutch yearly birth cohort)', String(DEFAULT_COHORT))
      .option('--seed <n>', 'random seed for the simulation', '1')
      .option('--batches <n>', 'independent batches of the cohort for the 95% intervals of the key figures (2 to 1000; 0: one run without intervals; default 20, fewer for a cohort under 40)')
      .option('--workers <n>', 'worker threads for the batches of the simulation, at most n at once (the result does not depend on it)', '1')
      .option('--population <file>', 'population file for the simulation (default: the shipped default population)')
      .option('--compare <file>', 'a baseline scenario (path or coalition file): the report shows how this scenario differs from it, simulated on the same households, with 95% intervals')
      .option('--targets <file>', 'with --simulate: a targets file ("kind": "targets"); the report shows each target observed in the simulation against its published value and tolerance, as calibrate measures it')
      .option('--tuned <file>', 'tuned values to apply over the path and population before validating and simulating (an overlay as calibrate -o writes it)')
      .option('--title <text>', 'the report title (default: the path title)')
      .addOption(new Option('--lang <lang>', 'report language (default: $ZORGPADEN_LANG, "lang" in zorgpaden.config.json, else nl)').choices(['nl', 'en']).default(DEFAULT_LANG))
      .addOption(
        new Option('--format <format>', 'html: the report; pdf: the report printed on A4 by Chromium (needs -o); csv: every table of the report, one file each, into the folder -o; risks: the route of each risk as text')
          .choices(['html', 'pdf', 'csv', 'risks'])
          .default('html'),
      )
      .option('-o, --output <file>', 'the file to write (a folder for --format csv; default: standard output, when that is not a terminal)')
      .option('--json', 'print a JSON summary (output file, findings, cohort) instead of the HTML; needs -o')
      .action(async (file: string, flags: ReportFlags) => {
        setExitCode(await runReport(file, flags, context));
      });
  },
};

async function runReport(file: string, flags: ReportFlags, context: CliContext): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  if (flags.simulate && flags.overlay !== undefined) throw new CliError('Give either --simulate or --overlay <file>, not both.', EXIT.usage, 'Geef --simulate of --overlay <bestand>, niet allebei.');
  // --json prints a summary instead of the HTML, so without -o the report would be lost
  if (flags.json && flags.output === undefined) throw new CliError('--json prints a summary instead of the report; give -o <file> to write the report too.', EXIT.usage, '--json toont een samenvatting in plaats van het rapport; geef -o <bestand> om het rapport ook te schrijven.');
  if ((flags.format === 'pdf' || flags.format === 'csv') && flags.output === undefined) {
    throw new CliError(`--format ${flags.format} needs -o <${flags.format === 'csv' ? 'folder' : 'file'}>.`, EXIT.usage, `--format ${flags.format} heeft -o <${flags.format === 'csv' ? 'map' : 'bestand'}> nodig.`);
  }
  if (flags.json && flags.format === 'risks') throw new CliError('--format risks prints the routes as text; leave out --json.', EXIT.usage, '--format risks toont de routes als tekst; laat --json weg.');
  // a whole HTML page (megabytes with Mermaid inside) is no use on a terminal
  if (flags.output === undefined && !flags.json && flags.format !== 'risks' && context.stdoutIsTerminal === true) {
    throw new CliError(
      'report writes a whole HTML page; give the file to write with -o report.html (or redirect it: > report.html).',
      EXIT.usage,
      'report schrijft een hele HTML-pagina; geef het bestand met -o rapport.html (of stuur het door: > rapport.html).',
    );
  }
  if (flags.targets !== undefined && !flags.simulate) {
    throw new CliError('--targets compares the report’s own simulation with the targets; give --simulate too.', EXIT.usage, '--targets vergelijkt de eigen simulatie van het rapport met de streefwaarden; geef ook --simulate.');
  }
  const cohort = wholeNumber('--cohort', flags.cohort, 1, LIMITS.maxCohort);
  const seed = wholeNumber('--seed', flags.seed, 0);
  // the default splits the cohort into 20 batches, or into as many of at least 2 journeys as it has
  const batches = flags.batches === undefined ? defaultBatches(cohort) : flags.batches === '0' ? 0 : wholeNumber('--batches', flags.batches, 2, Math.min(1000, cohort));
  const loaded = await loadScenario(file, { coalition: flags.coalition, roots: rootOptions(flags, file, context.cwd) }, context.cwd);
  if (!loaded.ok && isHouseholdFile(loaded.diagnostics)) {
    if (flags.format !== 'csv') (await import('../../render/optional.js')).mermaidBundle();
    return runHouseholdReport(file, flags, context, { cohort, seed });
  }
  if (!loaded.ok) return notWritten(loaded.diagnostics, flags, context);
  let { path } = loaded.value;
  const { menukaart } = loaded.value;
  const coalition = loaded.value.coalition?.document;
  const inputs = [file, flags.coalition, flags.overlay, flags.population, flags.compare, flags.targets, flags.tuned].filter((f): f is string => f !== undefined).map(at);
  if (flags.format === 'risks') {
    const { riskRoutesText, REPORT_WORDS } = await import('../../render/index.js');
    const text = riskRoutesText(path, flags.lang, REPORT_WORDS[flags.lang]);
    if (flags.output !== undefined) {
      await writeOutputFile(at(flags.output), text, inputs);
      reportWritten({ en: 'Routes per risk', nl: 'Routes per risico' }, flags.output, flags.lang, context);
    } else context.stdout(text);
    return EXIT.ok;
  }
  // the report inlines Mermaid's bundle: find it before a long simulation, not after (tables need none)
  if (flags.format !== 'csv') {
    const { mermaidBundle } = await import('../../render/optional.js');
    mermaidBundle();
  }
  let population = shippedPopulation();
  if (flags.population !== undefined) {
    const pop = await safeLoadPopulation(at(flags.population));
    if (!pop.ok) return loadFailed(pop.diagnostics, flags, context);
    population = pop.value;
  }
  let birthModel: SgaChances | undefined;
  let tuned: TunedRecord | undefined;
  if (flags.tuned !== undefined) {
    const applied = await applyOverlayFile(at(flags.tuned), path, population, context.cwd);
    if (!applied.ok) return loadFailed(applied.diagnostics, flags, context);
    ({ path, population, birthModel, record: tuned } = applied.value);
  }
  const validation = validatePath(path, { ...(menukaart ? { menukaart } : {}), ...(population ? { population } : {}) });
  const diagnostics = [...loaded.diagnostics, ...validation.diagnostics];
  let simulation: SimulationResult | ReturnType<typeof readOverlay> | undefined;
  if (flags.overlay !== undefined) {
    const overlay = readOverlay(at(flags.overlay));
    checkOverlay(path, overlay, flags.overlay, flags.forceOverlay, flags.lang, context.stderr);
    simulation = overlay;
  }
  else if (flags.simulate) {
    const options = { cohort, seed, ...(population ? { population } : {}), ...(menukaart ? { menukaart } : {}) };
    let result: SimulationResult;
    if (batches === 0) result = await simulate(path, options);
    else {
      // the same run as simulate gives, with the Monte-Carlo error of its figures beside them
      const workers = wholeNumber('--workers', flags.workers, 1, 256);
      const batched = await simulateWithUncertaintyInWorkers(path, { ...options, batches, workers });
      result = withIntervals(batched.result, batched.uncertainty);
    }
    // the report's run says what it was computed with, as a result of simulate --overlay does
    simulation = onlyPathRisks(tuned ? { ...result, meta: { ...result.meta, tuned } } : result, risksOfPath(path, menukaart));
  }
  let calibration: ReportCalibration | undefined;
  if (flags.targets !== undefined) {
    const targets = await safeLoadTargets(at(flags.targets));
    if (!targets.ok) return loadFailed(targets.diagnostics, flags, context);
    const observed = observeTargets(path, targets.value, { cohort, seed, ...(population ? { population } : {}), ...(menukaart ? { menukaart } : {}), ...(birthModel ? { birthModel } : {}) });
    // the targets file is where every diagnostic about a target points
    const located = (found: readonly Diagnostic[]) => found.map((d) => ({ ...d, file: d.file ?? at(flags.targets as string) }));
    if (!observed.ok) return loadFailed(located(observed.diagnostics), flags, context);
    calibration = { title: labelText(targets.value.title, flags.lang), targets: observed.targets, ...(flags.tuned !== undefined ? { tuned: basename(flags.tuned) } : {}) };
  }
  let comparison: ReportComparison | undefined;
  if (flags.compare !== undefined) {
    const baseline = await loadScenario(flags.compare, { roots: rootOptions(flags, flags.compare, context.cwd) }, context.cwd);
    if (!baseline.ok) return loadFailed(baseline.diagnostics, flags, context);
    // common random numbers: the same population, seed and cohort make client i the same household in both runs
    const options = { cohort, seed, ...(population ? { population } : {}) };
    const before = await simulateWithIndicators(baseline.value.path, { ...options, ...(baseline.value.menukaart ? { menukaart: baseline.value.menukaart } : {}) });
    const after = await simulateWithIndicators(path, { ...options, ...(menukaart ? { menukaart } : {}) });
    const name = baseline.value.coalition ? labelText(baseline.value.coalition.document.title, flags.lang) : labelText(baseline.value.path.title, flags.lang);
    comparison = { baseline: name, differences: compareSimulations(before, after).differences };
  }
  const render = await import('../../render/index.js');
  const input = {
    path,
    ...(population ? { names: { risks: population.risks } } : {}),
    ...(comparison ? { comparison } : {}),
    ...(calibration ? { calibration } : {}),
    diagnostics,
    lang: flags.lang,
    baseDir: context.cwd,
    ...(coalition ? { coalition } : {}),
    ...(simulation ? { simulation } : {}),
    ...(flags.title !== undefined ? { title: flags.title } : {}),
  };
  const written: string[] = [];
  if (flags.format === 'csv') {
    written.push(...(await writeCsvTables(at(flags.output as string), render.reportTables(input), flags.lang, inputs)));
  } else {
    const html = render.renderReport(input);
    if (flags.format === 'pdf') await writeOutputFile(at(flags.output as string), await render.renderPdf(html), inputs);
    else if (flags.output !== undefined) await writeOutputFile(at(flags.output), html, inputs);
    else if (!flags.json) context.stdout(html);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (flags.json) {
    const summary = {
      ...(flags.output !== undefined ? { output: at(flags.output) } : {}),
      ...(written.length > 0 ? { files: written } : {}),
      findings: { errors, warnings: diagnostics.filter((d) => d.severity === 'warning').length, total: diagnostics.length },
      ...(simulation ? { cohort: simulation.cohort } : {}),
      ...(tuned ? { tuned } : {}),
    };
    context.stdout(JSON.stringify(summary, null, 2) + '\n');
  } else if (flags.output !== undefined) {
    if (flags.format === 'csv') reportWritten({ en: `${written.length} tables`, nl: `${written.length} tabellen` }, flags.output, flags.lang, context, findingCount(diagnostics.length));
    else reportWritten({ en: 'Report', nl: 'Rapport' }, flags.output, flags.lang, context, findingCount(diagnostics.length));
  }
  // the report is written either way; errors in the path still count as problems found
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * Every target measured in one simulation of the path as it is (the targets file's parameters are
 * not applied), by the same model `calibrate` fits: the same cohort, seed and exact shares.
 */
function observeTargets(path: CarePath, targets: Targets, options: { cohort: number; seed: number; population?: Population; menukaart?: Menukaart; birthModel?: SgaChances }): { ok: true; targets: ReportTarget[] } | { ok: false; diagnostics: Diagnostic[] } {
  const model = safeTargetModel(path, { ...targets, parameters: {} }, options);
  if (!model.ok) return { ok: false, diagnostics: model.diagnostics };
  const outcome = model.value.run([]);
  if (!outcome.measured) return { ok: false, diagnostics: outcome.diagnostics };
  const measured = outcome.measured;
  const rows = model.value.compiled.map((compiled): ReportTarget => {
    const { label, indicator, use, status, value, tolerance, year, source } = compiled.target;
    const m = measured.get(compiled.key);
    const share = m?.share ?? null;
    const reason = compiled.diagnostics[0];
    return {
      key: compiled.key,
      label,
      ...(indicator !== undefined ? { indicator } : {}),
      use: use ?? 'fit',
      status,
      ...(value !== undefined ? { value } : {}),
      tolerance,
      ...(year !== undefined ? { year } : {}),
      ...(source !== undefined ? { source } : {}),
      share,
      interval: m?.interval ?? null,
      ...(m?.exact ? { exact: true } : {}),
      // as calibrate judges a target: within its tolerance, and whether the cohort can tell
      within: value === undefined || share === null ? null : Math.abs(share - value) <= tolerance + 1e-12,
      tooWide: m?.interval != null && (m.interval[1] - m.interval[0]) / 2 > tolerance,
      ...(m === undefined && reason ? { notComputable: { en: reason.message, nl: reason.nl.message } } : {}),
    };
  });
  return { ok: true, targets: rows };
}

function findingCount(count: number): { en: string; nl: string } {
  return { en: `${count} ${count === 1 ? 'finding' : 'findings'}`, nl: `${count} ${count === 1 ? 'bevinding' : 'bevindingen'}` };
}

function defaultBatches(cohort: number): number {
  const batches = Math.min(20, Math.floor(cohort / 2));
  return batches >= 2 ? batches : 0;
}
