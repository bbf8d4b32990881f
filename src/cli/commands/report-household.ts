import { isAbsolute, resolve } from 'node:path';
import { hasErrors, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import type { Coalition, Population } from '../../model/index.js';
import { safeLoadCoalition, safeLoadPopulation } from '../../node/index.js';
import { defaultPopulation } from '../../simulate/index.js';
import { risksOfHousehold } from '../../simulate/household-risks.js';
import { simulateHousehold } from '../../simulate/household-simulate.js';
import type { HouseholdSimulationResult } from '../../simulate/household-result.js';
import { validateHouseholdPath } from '../../validate/validate-household.js';
import { writeOutputFile, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { writeCsvTables } from './csv-tables.js';
import { loadFailed, reportWritten, type RootFlags } from './flags.js';
import { checkHouseholdOverlay, householdMenukaart, loadHouseholdFile, readHouseholdResult, refuseHouseholdFlags } from './household-input.js';

/** The flags of `report` that a household report reads. */
export interface HouseholdReportFlags extends RootFlags {
  coalition?: string;
  simulate?: boolean;
  overlay?: string;
  forceOverlay?: boolean;
  batches?: string;
  population?: string;
  compare?: string;
  targets?: string;
  tuned?: string;
  title?: string;
  lang: Lang;
  format: 'html' | 'pdf' | 'csv' | 'risks';
  output?: string;
  json?: boolean;
}

/**
 * `report` on a household path (format version 2): validates it, simulates the households with
 * `--simulate` (the same run as `simulate` gives for the same cohort, seed and population), or
 * draws a saved household result with `--overlay`, and
 * writes the household report as HTML, PDF or CSV tables.
 */
export async function runHouseholdReport(file: string, flags: HouseholdReportFlags, context: CliContext, run: { cohort: number; seed: number }): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  refuseHouseholdFlags('report', [
    ['--batches', flags.batches !== undefined],
    ['--compare', flags.compare !== undefined],
    ['--targets', flags.targets !== undefined],
    ['--tuned', flags.tuned !== undefined],
    ['--format risks', flags.format === 'risks'],
  ]);
  // a path whose references have errors is still read: its report shows it with its findings
  const loaded = await loadHouseholdFile(file, flags, context, flags.coalition, true);
  if (!loaded.ok) return notWritten(loaded.diagnostics, flags, context);
  const path = loaded.value;
  const diagnostics = withoutRepeats([...loaded.diagnostics, ...validateHouseholdPath(path).diagnostics]);
  const coalition = await coalitionOf(flags.coalition ?? file, context);
  let simulation: HouseholdSimulationResult | undefined;
  let population: Population | undefined;
  const menukaart = await householdMenukaart(path, file, flags, context);
  if (!menukaart.ok) return loadFailed(menukaart.diagnostics, flags, context);
  if (flags.overlay !== undefined) {
    // a saved result instead of a new run, as for a version 1 path
    const saved = readHouseholdResult(at(flags.overlay));
    checkHouseholdOverlay(path, saved, flags.overlay, flags.forceOverlay, flags.lang, context.stderr);
    const { origin: _origin, ...result } = saved;
    simulation = result;
  } else if (flags.simulate && hasErrors(diagnostics)) {
    // a path with errors cannot be walked: the report shows the path and its findings, without figures
    context.stderr(flags.lang === 'nl' ? 'Niet gesimuleerd: het pad heeft fouten; het rapport toont het pad met de bevindingen.\n' : 'Not simulated: the path has errors; the report shows the path with its findings.\n');
  } else if (flags.simulate) {
    if (flags.population !== undefined) {
      const pop = await safeLoadPopulation(at(flags.population));
      if (!pop.ok) return loadFailed(pop.diagnostics, flags, context);
      population = pop.value;
    }
    simulation = simulateHousehold(path, { cohort: run.cohort, seed: run.seed, ...(population ? { population } : {}), ...(menukaart.value ? { menukaart: menukaart.value } : {}) });
  }
  const render = await import('../../render/index.js');
  const input = {
    path,
    diagnostics,
    lang: flags.lang,
    baseDir: context.cwd,
    names: { risks: { ...(population ?? defaultPopulation()).risks, ...path.risks } },
    risks: risksOfHousehold(path, menukaart.value),
    ...(coalition ? { coalition } : {}),
    ...(menukaart.value ? { interventions: menukaart.value.interventions } : {}),
    ...(simulation ? { simulation } : {}),
    ...(flags.title !== undefined ? { title: flags.title } : {}),
  };
  const inputs = [file, flags.coalition, flags.population, flags.overlay].filter((f): f is string => f !== undefined).map(at);
  const written: string[] = [];
  if (flags.format === 'csv') written.push(...(await writeCsvTables(at(flags.output as string), render.householdReportTables(input), flags.lang, inputs)));
  else {
    const html = render.renderHouseholdReport(input);
    if (flags.format === 'pdf') await writeOutputFile(at(flags.output as string), await render.renderPdf(html), inputs);
    else if (flags.output !== undefined) await writeOutputFile(at(flags.output), html, inputs);
    else if (!flags.json) context.stdout(html);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const count = diagnostics.length;
  if (flags.json) {
    const summary = {
      ...(flags.output !== undefined ? { output: at(flags.output) } : {}),
      ...(written.length > 0 ? { files: written } : {}),
      findings: { errors, warnings: diagnostics.filter((d) => d.severity === 'warning').length, total: count },
      ...(simulation ? { cohort: simulation.cohort } : {}),
    };
    context.stdout(JSON.stringify(summary, null, 2) + '\n');
  } else if (flags.output !== undefined) {
    const detail = { en: `${count} ${count === 1 ? 'finding' : 'findings'}`, nl: `${count} ${count === 1 ? 'bevinding' : 'bevindingen'}` };
    if (flags.format === 'csv') reportWritten({ en: `${written.length} tables`, nl: `${written.length} tabellen` }, flags.output, flags.lang, context, detail);
    else reportWritten({ en: 'Report', nl: 'Rapport' }, flags.output, flags.lang, context, detail);
  }
  // the report is written either way; errors in the path still count as problems found
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

/** The same finding (code, place) found by the loader and again by validation, once. */
function withoutRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code} ${d.file ?? ''} ${d.pointer ?? ''} ${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The coalition document of a coalition file (given as the path or with --coalition), or undefined for a path file. */
async function coalitionOf(file: string, context: CliContext): Promise<Coalition | undefined> {
  const read = await safeLoadCoalition(isAbsolute(file) ? file : resolve(context.cwd, file));
  return read.ok ? read.value : undefined;
}

/**
 * The path cannot be loaded (a file that cannot be read, a shape the path cannot be made from, or
 * for a version 1 path a reference that does not resolve): the findings, then one line that says
 * the report was not written.
 */
export function notWritten(diagnostics: Diagnostic[], flags: { lang: Lang; json?: boolean | undefined }, context: CliContext): number {
  const code = loadFailed(diagnostics, flags, context);
  if (!flags.json) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    context.stderr(flags.lang === 'nl' ? `rapport niet geschreven: het pad kan niet geladen worden (${errors} ${errors === 1 ? 'fout' : 'fouten'} hierboven).\n` : `report not written: the path cannot be loaded (${errors} ${errors === 1 ? 'error' : 'errors'} above).\n`);
  }
  return code;
}
