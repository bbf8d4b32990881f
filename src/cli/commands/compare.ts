import { isAbsolute, resolve } from 'node:path';
import { Option } from 'commander';
import type { Diagnostic, Lang } from '../../diagnostics/index.js';
import { safeLoadPopulation } from '../../node/index.js';
import { LIMITS, type Population } from '../../model/index.js';
import { safeApplyOverlay, type OverlayValue } from '../../simulate/calibrate/index.js';
import { compareSimulations, defaultPopulation, risksOfPath, simulateWithIndicators, type ScenarioDifference, type SimulationWithIndicators } from '../../simulate/index.js';
import { CliError, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { DEFAULT_COHORT, loadFailed, wholeNumber } from './flags.js';
import type { CliCommand } from './index.js';
import { nameOf, type SummaryNames } from '../../simulate/summary-names.js';
import { loadMenukaartFlag, loadScenario, type Scenario } from './scenario.js';
import { DEFAULT_LANG } from '../lang.js';
import { formatInterval } from '../../simulate/summary-interval.js';
import { isHouseholdFile } from './household-input.js';
import { runHouseholdCompare } from './compare-household.js';

interface CompareFlags {
  population?: string;
  cohort: string;
  seed: string;
  menukaart?: string;
  workers: string;
  json?: boolean;
  all?: boolean;
  set: string[];
  lang: Lang;
}

/** One difference of a scenario from the baseline, as `--json` prints it: the estimate and its 95% interval. */
export interface ComparedFigure {
  key: string;
  kind: ScenarioDifference['kind'];
  /** The clients the shares are over: the cohort, or for unmet need the clients with the risk. */
  n: number;
  baseline: number;
  scenario: number;
  estimate: number;
  lower: number;
  upper: number;
  /** True when the 95% interval excludes 0: a change larger than its uncertainty. */
  significant: boolean;
}

/** A risk some clients of the baseline got support for and no client of the scenario did. */
export interface LostSupport {
  risk: string;
  /** Clients with the risk (the same clients in both runs). */
  withRisk: number;
  /** Share of them supported in the baseline. */
  supportedBefore: number;
  /** Whether the scenario's path still names the risk (signals, addresses or tests it). */
  namedByScenario: boolean;
}

/** Most scenarios one `compare` runs. */
const MAX_SCENARIOS = 8;

/** `zorgpaden compare <scenario> <scenario>…`: simulates scenarios on the same clients and shows each one's differences from the first. */
export const compareCommand: CliCommand = {
  register(program, context, setExitCode) {
    program
      .command('compare')
      .description('simulate scenarios (paths or coalition files) on the same clients and show each one’s differences from the first, with 95% intervals')
      .argument('<scenarios...>', `two to ${MAX_SCENARIOS} path or coalition files; the first is the baseline (with a household path among them, every scenario is compared as households)`)
      .option('--population <file>', 'population file (default: the shipped default population)')
      .option('--cohort <n>', 'number of clients (the Dutch yearly birth cohort is about 170,000)', String(DEFAULT_COHORT))
      .option('--seed <n>', 'random seed; the same seed gives the same result', '1')
      .option('--menukaart <file>', 'the menukaart for every scenario (default: each path’s own "menukaart" field)')
      .option('--workers <n>', 'worker threads (the result does not depend on it)', '1')
      .option('--set <pointer=value>', 'add a scenario: the baseline with this number changed (a JSON pointer into the path, such as a screening step’s branch weight, or population:/pointer); repeat to change more in the same scenario', collect, [])
      .option('--all', 'list the figures that did not change too')
      .option('--json', 'print every difference with estimate, lower and upper as JSON')
      .addOption(new Option('--lang <lang>', 'language of the text').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (files: string[], flags: CompareFlags) => {
        setExitCode(await runCompare(files, flags, context));
      });
  },
};

const collect = (value: string, previous: string[]) => [...previous, value];

async function runCompare(files: string[], flags: CompareFlags, context: CliContext): Promise<number> {
  const changes = flags.set.map(parseSetting);
  // the changed baseline is one more scenario
  const count = files.length + (changes.length > 0 ? 1 : 0);
  if (count < 2 || count > MAX_SCENARIOS) {
    throw new CliError(
      `compare needs two to ${MAX_SCENARIOS} scenarios (path or coalition files, or one with --set), the first being the baseline; got ${count}.`,
      EXIT.usage,
      `compare heeft twee tot ${MAX_SCENARIOS} scenario's nodig (pad- of coalitiebestanden, of één met --set), het eerste als basis; gekregen: ${count}.`,
    );
  }
  const cohort = wholeNumber('--cohort', flags.cohort, 1, LIMITS.maxCohort);
  const seed = wholeNumber('--seed', flags.seed, 0);
  const workers = wholeNumber('--workers', flags.workers, 1, 256);
  const menukaart = await loadMenukaartFlag(flags.menukaart, context.cwd);
  if (!menukaart.ok) return loadFailed(menukaart.diagnostics, flags, context);
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const loaded = await loadScenario(file, { menukaart: menukaart.value }, context.cwd);
    // one household path makes it a comparison of households: every scenario is read as one
    if (!loaded.ok && isHouseholdFile(loaded.diagnostics)) return runHouseholdCompare(files, flags, context, { cohort, seed });
    if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
    scenarios.push(loaded.value);
  }
  let population: Population | undefined;
  if (flags.population !== undefined) {
    const pop = await safeLoadPopulation(isAbsolute(flags.population) ? flags.population : resolve(context.cwd, flags.population));
    if (!pop.ok) return loadFailed(pop.diagnostics, flags, context);
    population = pop.value;
  }
  const populations: (Population | undefined)[] = scenarios.map(() => population);
  if (changes.length > 0) {
    const baseline = scenarios[0]!;
    const changed = safeApplyOverlay(baseline.path, population ?? defaultPopulation(), changes);
    if (!changed.ok) throw settingRefused(changes, changed.diagnostics);
    const touchesPopulation = changes.some((c) => c.file === 'population');
    scenarios.push({ ...baseline, path: changed.value.path });
    populations.push(touchesPopulation ? changed.value.population : population);
  }
  // the same population, seed and cohort for every scenario: client i is the same person in each run
  const runs: SimulationWithIndicators[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    const people = populations[i];
    runs.push(await simulateWithIndicators(scenario.path, { cohort, seed, workers, ...(people ? { population: people } : {}), ...(scenario.menukaart ? { menukaart: scenario.menukaart } : {}) }));
  }
  const baseline = runs[0]!;
  const comparisons = scenarios.slice(1).map((scenario, i) => {
    const run = runs[i + 1]!;
    const figures = compareSimulations(baseline, run).differences.map(figureOf);
    // the scenario --set made is the last one
    const set = changes.length > 0 && i + 1 === scenarios.length - 1 ? flags.set : undefined;
    return { scenario: describe(scenario, set), figures, lostSupport: lostSupport(baseline, run, risksOfPath(scenario.path, scenario.menukaart)) };
  });
  if (flags.json) {
    const out = {
      cohort,
      seed,
      population: baseline.meta.populationId,
      baseline: describe(scenarios[0]!),
      comparisons: comparisons.map((c) => ({ scenario: c.scenario, differences: c.figures, lostSupport: c.lostSupport })),
    };
    context.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    // labels of every scenario's steps (a coalition's own steps too) and of the population's risks
    const names: SummaryNames = {
      // the baseline's labels win: later scenarios only add the steps and risks it does not have
      steps: Object.assign({}, ...scenarios.map((s) => s.path.steps).reverse()) as SummaryNames['steps'],
      risks: { ...(population ?? defaultPopulation()).risks, ...Object.assign({}, ...scenarios.map((s) => s.path.risks ?? {}).reverse()) },
    };
    context.stdout(formatComparisons(describe(scenarios[0]!), comparisons, { cohort, seed, population: baseline.meta.populationId, lang: flags.lang, all: flags.all === true, names }));
  }
  return EXIT.ok;
}

/** `--set /steps/x/transitions/0/weight=0.3` (or `population:/pointer=value`) as an overlay value. */
function parseSetting(setting: string): OverlayValue {
  const match = /^(population:|path:)?(\/[^=]*)=(.+)$/.exec(setting);
  // Number(' ') is 0: a blank value is no number
  const value = match && match[3]!.trim() !== '' ? Number(match[3]) : NaN;
  if (!match || !Number.isFinite(value)) {
    throw new CliError(
      `--set takes a JSON pointer and a number, such as --set /steps/signalering/transitions/0/weight=0.5 (or population:/pointer=value); got "${setting}".`,
      EXIT.usage,
      `--set neemt een JSON-pointer en een getal, zoals --set /steps/signalering/transitions/0/weight=0.5 (of population:/pointer=waarde); gekregen: "${setting}".`,
    );
  }
  return { file: match[1] === 'population:' ? 'population' : 'path', pointer: match[2]!, value };
}

/** Why a `--set` cannot be applied (no number at the pointer, or the result is not a valid path), as a usage error. */
function settingRefused(changes: readonly OverlayValue[], diagnostics: readonly Diagnostic[]): CliError {
  const setting = (d: Diagnostic) => {
    const index = /^\/values\/(\d+)/.exec(d.pointer)?.[1];
    const change = index === undefined ? undefined : changes[Number(index)];
    return change ? `--set ${change.file === 'population' ? 'population:' : ''}${change.pointer}: ` : '--set: ';
  };
  return new CliError(diagnostics.map((d) => setting(d) + d.message).join('\n'), EXIT.usage, diagnostics.map((d) => setting(d) + d.nl.message).join('\n'));
}

function figureOf(d: ScenarioDifference): ComparedFigure {
  return { key: d.key, kind: d.kind, n: d.n, baseline: d.a, scenario: d.b, estimate: d.difference, lower: d.ci95[0], upper: d.ci95[1], significant: d.significant };
}

interface Described {
  file: string;
  id: string;
  version: string;
  coalition?: string;
  /** The `--set` changes over the file, for the scenario they make. */
  set?: string[];
}

function describe(s: Scenario, set?: readonly string[]): Described {
  return { file: s.name, id: s.path.id, version: s.path.version, ...(s.coalition ? { coalition: s.coalition.document.id } : {}), ...(set ? { set: [...set] } : {}) };
}

/** Risks with support for some clients in the baseline and for none in the scenario. */
function lostSupport(a: SimulationWithIndicators, b: SimulationWithIndicators, namedByScenario: readonly string[]): LostSupport[] {
  const lost: LostSupport[] = [];
  for (const [risk, before] of Object.entries(a.unmetNeed)) {
    const after = b.unmetNeed[risk];
    if (before.withRisk === 0 || before.unmet === before.withRisk) continue;
    if (after && after.unmet < after.withRisk) continue;
    lost.push({ risk, withRisk: before.withRisk, supportedBefore: 1 - before.share, namedByScenario: namedByScenario.includes(risk) });
  }
  return lost;
}

const pct = (share: number, lang: Lang) => {
  const text = (share * 100).toFixed(1);
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
};
const points = (d: number, lang: Lang) => {
  const size = Math.abs(d * 100).toFixed(1);
  // a change that rounds to nothing gets no sign
  const text = size === '0.0' ? size : `${d > 0 ? '+' : '−'}${size}`;
  return lang === 'nl' ? text.replace('.', ',') : text;
};
const whole = (n: number, lang: Lang) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');

const WORDS = {
  en: {
    header: (n: number, cohort: string, population: string, seed: number) => `Compared ${n} scenarios on the same ${cohort} clients (population ${population}, seed ${seed}).`,
    baseline: 'Baseline',
    scenario: 'Scenario',
    coalition: 'coalition',
    legend: 'Differences from the baseline in percentage points, with their 95% interval; * marks a change larger than the simulation’s chance (the interval excludes 0; the path’s assumptions are not in it). The figures come from the paired parts, so they differ a little from `simulate` with the same seed.',
    kinds: { unmet: 'Unmet need (share of clients with the risk)', reach: 'Reach (share of all clients)', outcome: 'Outcomes (share of all clients)', stuck: 'Journeys that got stuck' },
    unchanged: (n: number) => `${n} other figures did not change (--all lists them).`,
    noChange: 'No figure changed by more than its uncertainty.',
    lost: 'Risks that lost all support:',
    lostLine: (l: LostSupport, lang: Lang) => `  ${l.risk}: supported for ${pct(l.supportedBefore, lang)} of ${whole(l.withRisk, lang)} clients in the baseline, for none here${l.namedByScenario ? '' : ' (this path no longer names it)'}`,
  },
  nl: {
    header: (n: number, cohort: string, population: string, seed: number) => `${n} scenario's vergeleken op dezelfde ${cohort} cliënten (populatie ${population}, seed ${seed}).`,
    baseline: 'Basis',
    scenario: 'Scenario',
    coalition: 'coalitie',
    legend: 'Verschillen met de basis in procentpunten, met hun 95%-interval; * markeert een verandering groter dan het toeval in de simulatie (het interval bevat geen 0; de aannames van het pad zitten er niet in). De cijfers komen uit de gepaarde delen en wijken daardoor iets af van `simulate` met dezelfde seed.',
    kinds: { unmet: 'Onvervulde behoefte (aandeel van de cliënten met het risico)', reach: 'Bereik (aandeel van alle cliënten)', outcome: 'Uitkomsten (aandeel van alle cliënten)', stuck: 'Routes die vastliepen' },
    unchanged: (n: number) => `${n} andere cijfers veranderden niet (--all toont ze).`,
    noChange: 'Geen cijfer veranderde meer dan de onzekerheid.',
    lost: 'Risico’s die alle steun verloren:',
    lostLine: (l: LostSupport, lang: Lang) => `  ${l.risk}: steun voor ${pct(l.supportedBefore, lang)} van ${whole(l.withRisk, lang)} cliënten in de basis, hier voor niemand${l.namedByScenario ? '' : ' (dit pad noemt het niet meer)'}`,
  },
} as const;

/** The comparisons as text: per scenario its changed figures by kind, then the risks that lost all support. */
export function formatComparisons(
  baseline: Described,
  comparisons: readonly { scenario: Described; figures: readonly ComparedFigure[]; lostSupport: readonly LostSupport[] }[],
  options: { cohort: number; seed: number; population: string; lang: Lang; all: boolean; names?: SummaryNames },
): string {
  const label = (f: ComparedFigure) => (f.kind === 'stuck' ? WORDS[options.lang].kinds.stuck : nameOf(options.names, f.kind === 'unmet' ? 'risks' : 'steps', f.key.slice(f.key.indexOf(':') + 1), options.lang));
  const { lang } = options;
  const w = WORDS[lang];
  const name = (d: Described) => `${d.file}${d.set ? d.set.map((v) => ` --set ${v}`).join('') : ''} (${d.coalition !== undefined ? `${w.coalition} ${d.coalition} over ` : ''}${d.id} ${d.version})`;
  const lines = [w.header(comparisons.length + 1, whole(options.cohort, lang), options.population, options.seed), `${w.baseline}: ${name(baseline)}`, w.legend];
  for (const { scenario, figures, lostSupport: lost } of comparisons) {
    lines.push('', `${w.scenario}: ${name(scenario)}`);
    // a figure that is the same for every client in both runs did not change at all
    const shown = figures.filter((f) => options.all || f.estimate !== 0 || f.lower !== f.upper);
    const hidden = figures.length - shown.length;
    if (!shown.some((f) => f.significant)) lines.push(`  ${w.noChange}`);
    for (const kind of ['unmet', 'reach', 'outcome', 'stuck'] as const) {
      const ofKind = shown.filter((f) => f.kind === kind).sort((x, y) => Number(y.significant) - Number(x.significant) || Math.abs(y.estimate) - Math.abs(x.estimate));
      if (ofKind.length === 0) continue;
      lines.push(`  ${w.kinds[kind]}:`);
      const width = Math.max(...ofKind.map((f) => label(f).length));
      for (const f of ofKind) {
        const change = `${pct(f.baseline, lang)} → ${pct(f.scenario, lang)}`;
        lines.push(`  ${f.significant ? '*' : ' '} ${label(f).padEnd(width)}  ${change.padEnd(17)} ${points(f.estimate, lang).padStart(6)} ${formatInterval(points(f.lower, lang), points(f.upper, lang), lang)}`);
      }
    }
    if (hidden > 0) lines.push(`  ${w.unchanged(hidden)}`);
    if (lost.length > 0) lines.push(`  ${w.lost}`, ...lost.map((l) => `  ${w.lostLine({ ...l, risk: nameOf(options.names, 'risks', l.risk, lang) }, lang)}`));
  }
  return `${lines.join('\n')}\n`;
}

