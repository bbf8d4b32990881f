import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { Option } from 'commander';
import { locateDiagnostics, sourceOf, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import { safeLoadPopulation, safeLoadTargets } from '../../node/index.js';
import { labelText, LIMITS, type Label, type Menukaart, type Population, type Targets } from '../../model/index.js';
import { safeCalibrate, safeTargetSensitivity, type CalibrationResult, type TargetSensitivity } from '../../simulate/calibrate/index.js';
import { writeOutputFile, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { findingsText, loadFailed, loadName, reportWritten, rootOptions, wholeNumber } from './flags.js';
import { loadMenukaartFlag, loadScenario } from './scenario.js';
import { refuseHouseholdPath } from './household-input.js';
import { tornadoSvg } from '../../simulate/sensitivity-svg.js';
import type { CliCommand } from './index.js';
import { DEFAULT_LANG } from '../lang.js';
import { formatInterval, formatShareInterval } from '../../simulate/summary-interval.js';

interface CalibrateFlags {
  targets: string;
  population?: string;
  menukaart?: string;
  coalition?: string;
  cohort: string;
  seed: string;
  maxEvaluations?: string;
  maxExactStates?: string;
  sensitivity?: boolean;
  sobol?: string;
  tornado?: string;
  output?: string;
  json?: boolean;
  lang: Lang;
}

/** `zorgpaden calibrate <path> --targets <file>`: fits tunable parameters to published targets and writes an overlay. */
export const calibrateCommand: CliCommand = {
  register(program, context, setExitCode) {
    program
      .command('calibrate')
      .description('fit the tunable parameters of a targets file so the simulation reproduces its targets; writes an overlay')
      .argument('<path>', 'care path file (JSON or YAML), or a coalition file (the path it adapts, with it applied)')
      .requiredOption('--targets <file>', 'targets file ("kind": "targets"): the indicators and the parameters that may be tuned')
      .option('--population <file>', 'population file (default: the shipped default population)')
      .option('--menukaart <file>', 'the menukaart for intervention target groups (default: the path’s own "menukaart" field)')
      .option('--coalition <file>', 'a coalition file to apply over the path')
      .option('--cohort <n>', 'journeys per evaluation; every evaluation uses the same seed (common random numbers)', '20000')
      .option('--seed <n>', 'random seed; the same seed gives the same fit', '1')
      .option('--max-evaluations <n>', 'most simulations the search may run (default 60 per parameter of the path or population, at least 40)')
      .option('--max-exact-states <n>', 'most states of the exact engine (a Markov chain over client profiles) before targets are counted in the simulation instead; 0 counts every target', '50000')
      .option('--sensitivity', 'after fitting, show which parameter drives each target: a tornado over each range, the others at their fitted values')
      .option('--sobol <n>', 'with --sensitivity: also first-order and total Sobol indices from n base samples (n × (parameters + 2) simulations)')
      .option('--tornado <folder>', 'with or without --sensitivity: write each target’s tornado diagram as <target>.svg into this folder (made when missing)')
      .option('-o, --output <file>', 'write the overlay (the fitted values) to this file; use it with simulate --overlay')
      .option('--json', 'print the whole calibration result as JSON')
      .addOption(new Option('--lang <lang>', 'language of the report').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (file: string, flags: CalibrateFlags) => {
        setExitCode(await runCalibrate(file, flags, context));
      });
  },
};

async function runCalibrate(file: string, flags: CalibrateFlags, context: CliContext): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  const cohort = wholeNumber('--cohort', flags.cohort, 1, LIMITS.maxCohort);
  const seed = wholeNumber('--seed', flags.seed, 0);
  const sobolSamples = flags.sobol === undefined ? undefined : wholeNumber('--sobol', flags.sobol, 2, 100_000);
  const maxEvaluations = flags.maxEvaluations === undefined ? undefined : wholeNumber('--max-evaluations', flags.maxEvaluations, 1, 100_000);
  const maxExactStates = flags.maxExactStates === undefined ? undefined : wholeNumber('--max-exact-states', flags.maxExactStates, 0, 10_000_000);
  const given = await loadMenukaartFlag(flags.menukaart, context.cwd);
  if (!given.ok) return loadFailed(given.diagnostics, flags, context);
  // a path, a path with --coalition, or a coalition file over the path it adapts, as simulate reads them
  const scenario = await loadScenario(file, { coalition: flags.coalition, menukaart: given.value, roots: rootOptions({}, file, context.cwd) }, context.cwd);
  if (!scenario.ok) {
    refuseHouseholdPath('calibrate', { en: 'care paths of format version 1', nl: 'zorgpaden van formaatversie 1' }, scenario.diagnostics, context.cwd);
    return loadFailed(scenario.diagnostics, flags, context);
  }
  const { path } = scenario.value;
  const menukaart: Menukaart | undefined = scenario.value.menukaart;
  let population: Population | undefined;
  if (flags.population !== undefined) {
    const pop = await safeLoadPopulation(at(flags.population));
    if (!pop.ok) return loadFailed(pop.diagnostics, flags, context);
    population = pop.value;
  }
  const targets = await safeLoadTargets(loadName(flags.targets, context.cwd));
  if (!targets.ok) return loadFailed(targets.diagnostics, flags, context);
  // the targets file is where every calibration diagnostic points
  const located = (diagnostics: Diagnostic[]) => inTargetsFile(diagnostics, targets.value, flags.targets);
  const result = safeCalibrate(path, targets.value, {
    cohort,
    seed,
    ...(maxEvaluations !== undefined ? { maxEvaluations } : {}),
    ...(maxExactStates !== undefined ? { maxExactStates } : {}),
    ...(population ? { population } : {}),
    ...(menukaart ? { menukaart } : {}),
  });
  if (!result.ok) return loadFailed(located(result.diagnostics), flags, context);
  if (result.diagnostics.length > 0) context.stderr(findingsText(located(result.diagnostics), flags.lang, context.cwd, [flags.targets]));
  if (flags.output !== undefined) {
    const inputs = [file, flags.targets, flags.population, flags.menukaart, flags.coalition].filter((f): f is string => f !== undefined).map(at);
    await writeOutputFile(at(flags.output), JSON.stringify(result.value.overlay, null, 2) + '\n', inputs);
  }
  let sensitivity: TargetSensitivity | undefined;
  if (flags.sensitivity || sobolSamples !== undefined || flags.tornado !== undefined) {
    const fitted = Object.fromEntries(Object.entries(result.value.parameters).map(([key, p]) => [key, p.value]));
    const analysed = safeTargetSensitivity(path, targets.value, { cohort, seed, start: fitted, ...(maxExactStates !== undefined ? { maxExactStates } : {}), ...(sobolSamples !== undefined ? { sobolSamples } : {}), ...(population ? { population } : {}), ...(menukaart ? { menukaart } : {}) });
    if (analysed.ok) sensitivity = analysed.value;
    else context.stderr(findingsText(located(analysed.diagnostics), flags.lang, context.cwd, [flags.targets]));
  }
  if (sensitivity && flags.tornado !== undefined) {
    const inputs = [file, flags.targets, flags.population, flags.menukaart, flags.coalition].filter((f): f is string => f !== undefined).map(at);
    const written = await writeTornadoes(at(flags.tornado), sensitivity, targets.value, flags.lang, inputs);
    reportWritten({ en: 'Tornado diagrams', nl: 'Tornadodiagrammen' }, flags.tornado, flags.lang, context, { en: `${written} ${written === 1 ? 'file' : 'files'}`, nl: `${written} ${written === 1 ? 'bestand' : 'bestanden'}` });
  }
  if (flags.json) context.stdout(JSON.stringify(sensitivity ? { ...result.value, sensitivity } : result.value, null, 2) + '\n');
  else context.stdout(calibrationReport(result.value, flags.lang) + (sensitivity ? '\n' + sensitivityReport(sensitivity, flags.lang, targetNames(targets.value.targets, flags.lang)) : ''));
  const missed = Object.values(result.value.targets).some((t) => t.use === 'fit' && t.within === false);
  return missed ? EXIT.problems : EXIT.ok;
}

/**
 * Calibration's diagnostics in the targets file: one on a target or a parameter (a pointer that
 * names no number, a measure of an unknown step) with the line of that entry, the others naming
 * the file alone.
 */
function inTargetsFile(diagnostics: readonly Diagnostic[], targets: Targets, file: string): Diagnostic[] {
  const source = sourceOf(targets);
  return diagnostics.map((d) => {
    if (d.file !== undefined) return d;
    const [located] = /^\/(?:targets|parameters)\//.test(d.pointer) ? locateDiagnostics([d], source) : [d];
    return located!.file !== undefined ? located! : { ...located!, file };
  });
}

const pct = (share: number | null | undefined, lang: Lang) => (share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)}%`.replace('.', lang === 'nl' ? ',' : '.'));
const num = (n: number, lang: Lang) => String(Number(n.toPrecision(4))).replace('.', lang === 'nl' ? ',' : '.');

const WORDS = {
  en: {
    header: (r: CalibrationResult) => `Calibrated on ${r.cohort.toLocaleString('en')} journeys per evaluation, seed ${r.seed}: ${r.evaluations} evaluations, ${r.converged ? 'converged' : 'stopped at the evaluation limit'}; loss ${num(r.startLoss, 'en')} → ${num(r.loss, 'en')}.`,
    parameters: 'Parameters (start → fitted, range):',
    targets: 'Targets (observed with a 95% Monte-Carlo interval, or exact, against the target ± tolerance):',
    heldOut: 'Held out for validation (not fitted):',
    trace: 'Convergence (the best loss so far by iteration; iteration 0 is the best of the first search steps around the start):',
    start: 'start',
    fitted: 'fitted',
    notComputable: 'not computable yet',
    target: 'target',
    noValue: 'no value yet',
    status: { published: 'published', derived: 'derived', assumption: 'assumption', 'awaiting-value': 'awaiting a value' },
    within: 'within',
    off: 'OFF',
    before: 'before',
    evaluations: 'evaluations',
    tooWide: 'interval wider than the tolerance: raise --cohort to tell',
    exact: 'exact',
    exactUsed: (keys: string[]) => `Exact (the path's Markov chain over the client profiles of the population): ${keys.join(', ')}.`,
    fallback: (reason: string) => `The exact engine was not used (${reason}): the targets are counted in the simulation.`,
    reasons: {
      states: 'its chain would exceed --max-exact-states',
      signalled: 'a condition reads a signalled risk, which changes during the journey',
      order: 'a "given" of the population reads a feature drawn after it',
      values: 'a number attribute takes too many values',
      'never-ends': 'some journeys can go round without end',
    },
  },
  nl: {
    header: (r: CalibrationResult) => `Gekalibreerd op ${r.cohort.toLocaleString('nl')} routes per evaluatie, seed ${r.seed}: ${r.evaluations} evaluaties, ${r.converged ? 'geconvergeerd' : 'gestopt bij de evaluatiegrens'}; verlies ${num(r.startLoss, 'nl')} → ${num(r.loss, 'nl')}.`,
    parameters: 'Parameters (start → gefit, bereik):',
    targets: 'Streefwaarden (waargenomen met 95%-Monte-Carlo-interval, of exact, tegen streefwaarde ± tolerantie):',
    heldOut: 'Achtergehouden ter validatie (niet gefit):',
    trace: 'Convergentie (het laagste verlies tot dan toe per iteratie; iteratie 0 is het laagste van de eerste zoekstappen rond de start):',
    start: 'start',
    fitted: 'gefit',
    notComputable: 'nog niet te berekenen',
    target: 'streefwaarde',
    noValue: 'nog geen waarde',
    status: { published: 'gepubliceerd', derived: 'afgeleid', assumption: 'aanname', 'awaiting-value': 'wacht op een waarde' },
    within: 'binnen',
    off: 'ERBUITEN',
    before: 'vooraf',
    evaluations: 'evaluaties',
    tooWide: 'interval breder dan de tolerantie: verhoog --cohort om het te kunnen zeggen',
    exact: 'exact',
    exactUsed: (keys: string[]) => `Exact (de Markovketen van het pad over de cliëntprofielen van de populatie): ${keys.join(', ')}.`,
    fallback: (reason: string) => `De exacte berekening is niet gebruikt (${reason}): de streefwaarden worden geteld in de simulatie.`,
    reasons: {
      states: 'de keten zou groter worden dan --max-exact-states',
      signalled: 'een voorwaarde leest een gesignaleerd risico, dat tijdens de route verandert',
      order: 'een "given" van de populatie leest een kenmerk dat pas later wordt getrokken',
      values: 'een getalkenmerk heeft te veel waarden',
      'never-ends': 'sommige routes kunnen eindeloos rondgaan',
    },
  },
} as const;

/** The text report of a calibration: parameters, targets observed against published values, and the trace. */
export function calibrationReport(r: CalibrationResult, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [w.header(r), '', w.parameters];
  for (const [key, p] of Object.entries(r.parameters)) lines.push(`  ${key}: ${num(p.start, lang)} → ${num(p.value, lang)}  ${formatInterval(num(p.min, lang), num(p.max, lang), lang)}  (${p.file} ${p.pointer})`);
  const name = targetNames(r.targets, lang);
  const line = ([key, t]: [string, CalibrationResult['targets'][string]]) => {
    const target = t.value === undefined ? w.noValue : `${pct(t.value, lang)} ± ${pct(t.tolerance, lang)}${t.year !== undefined ? ` (${t.year}, ${w.status[t.status]})` : ` (${w.status[t.status]})`}`;
    if (!t.computable) return `  ${name(key)}: ${w.notComputable}; ${w.target} ${target}`;
    // an exact share (the Markov chain's probability) has no Monte-Carlo interval to show
    const interval = t.exact ? ` (${w.exact})` : t.interval ? ` ${formatShareInterval(t.interval[0], t.interval[1], lang)}` : '';
    const verdict = t.within === null ? '' : t.within ? `  ${w.within}` : `  ${w.off}`;
    return `  ${name(key)}: ${pct(t.share, lang)}${interval} vs ${target}; ${w.before} ${pct(t.startShare, lang)}${verdict}${t.tooWide ? `  (${w.tooWide})` : ''}`;
  };
  const entries = Object.entries(r.targets);
  lines.push('', w.targets, ...entries.filter(([, t]) => t.use === 'fit').map(line));
  if (r.exact.fallback) lines.push('', w.fallback(w.reasons[r.exact.fallback]));
  else if (r.exact.targets.length > 0) lines.push('', w.exactUsed(r.exact.targets));
  const heldOut = entries.filter(([, t]) => t.use === 'validate');
  if (heldOut.length > 0) lines.push('', w.heldOut, ...heldOut.map(line));
  if (r.trace.length > 0) {
    // the trace keeps the best of each iteration, from the first simplex on: it starts and ends
    // with the header's two figures, so that the start values' loss is not read as iteration 0's
    lines.push('', w.trace, `  ${w.start}: ${num(r.startLoss, lang)}`);
    // at most about a dozen lines: every k-th iteration and the last
    const every = Math.max(1, Math.ceil(r.trace.length / 12));
    r.trace.forEach((s, i) => (i % every === 0 || i === r.trace.length - 1) && lines.push(`  ${s.iteration}: ${num(s.loss, lang)} (${s.evaluations} ${w.evaluations})`));
    lines.push(`  ${w.fitted}: ${num(r.loss, lang)} (${r.evaluations} ${w.evaluations})`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The name of each target in a language: its label, as the report names it; with the key in
 * brackets where two targets share a label, and the key alone where the label is empty.
 */
export function targetNames(targets: Readonly<Record<string, { label?: Label }>>, lang: Lang): (key: string) => string {
  const labels = Object.fromEntries(Object.entries(targets).map(([key, t]) => [key, labelText(t.label, lang)]));
  const count = new Map<string, number>();
  for (const text of Object.values(labels)) count.set(text, (count.get(text) ?? 0) + 1);
  return (key) => {
    const text = labels[key];
    if (text === undefined || text === '') return key;
    return count.get(text)! > 1 ? `${text} (${key})` : text;
  };
}

/** Writes one tornado diagram per target as `<target>.svg` into `folder`; returns how many. */
async function writeTornadoes(folder: string, s: TargetSensitivity, targets: Targets, lang: Lang, inputs: readonly string[]): Promise<number> {
  mkdirSync(folder, { recursive: true });
  const entries = Object.entries(s.tornado);
  for (const [key, table] of entries) {
    const label = targets.targets[key]?.label;
    const svg = tornadoSvg(table, { lang, title: label ? labelText(label, lang) : key, format: (share) => pct(share, lang) });
    await writeOutputFile(join(folder, `${key}.svg`), svg + '\n', inputs);
  }
  return entries.length;
}

const BAR = 30;

/** Tornado tables with text bars (and Sobol indices when computed), per target. */
export function sensitivityReport(s: TargetSensitivity, lang: Lang, nameOf: (target: string) => string = (target) => target): string {
  const lines = [lang === 'nl' ? `Gevoeligheid (${s.simulations} simulaties; balk = verschil tussen de uiteinden van het bereik):` : `Sensitivity (${s.simulations} simulations; bar = difference between the ends of the range):`];
  for (const [target, table] of Object.entries(s.tornado)) {
    lines.push(`  ${nameOf(target)} (${pct(table.base, lang)}):`);
    const widest = Math.max(...table.rows.map((r) => r.swing), 1e-12);
    const name = Math.max(...table.rows.map((r) => r.name.length));
    for (const r of table.rows) {
      const bar = '█'.repeat(Math.round((r.swing / widest) * BAR));
      lines.push(`    ${r.name.padEnd(name)}  ${pct(r.atMin, lang)} … ${pct(r.atMax, lang)}  ${bar}  ${formatInterval(num(r.min, lang), num(r.max, lang), lang)}`);
    }
    const sobol = s.sobol?.[target];
    if (sobol) {
      lines.push(lang === 'nl' ? `    Sobol (eerste orde / totaal, ${sobol.samples} basissteekproeven):` : `    Sobol (first-order / total, ${sobol.samples} base samples):`);
      sobol.names.forEach((n, i) => lines.push(`      ${n.padEnd(name)}  ${num(sobol.first[i]!, lang)} / ${num(sobol.total[i]!, lang)}`));
    }
  }
  return lines.join('\n') + '\n';
}
