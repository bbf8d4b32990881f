import { isAbsolute, resolve } from 'node:path';
import { hasErrors, type Lang } from '../../diagnostics/index.js';
import { labelText, type HouseholdPath, type Menukaart, type Population } from '../../model/index.js';
import { safeLoadPopulation } from '../../node/index.js';
import { defaultPopulation } from '../../simulate/index.js';
import type { HouseholdSimulationResult } from '../../simulate/household-result.js';
import { risksOfHousehold } from '../../simulate/household-risks.js';
import { simulateHousehold } from '../../simulate/household-simulate.js';
import { tQuantile975 } from '../../simulate/uncertainty.js';
import { formatInterval } from '../../simulate/summary-interval.js';
import { validateHouseholdPath } from '../../validate/validate-household.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { loadFailed } from './flags.js';
import { householdMenukaart, loadHouseholdFile, refuseHouseholdFlags } from './household-input.js';

/** The flags of `compare` that a comparison of household scenarios reads. */
export interface HouseholdCompareFlags {
  population?: string;
  menukaart?: string;
  json?: boolean;
  all?: boolean;
  set: string[];
  lang: Lang;
}

/** What a household figure is: a share of the households with a risk, or a count per household. */
type FigureKind = 'addressed' | 'missed' | 'noFollowUp' | 'outcome' | 'handoff';
const SHARE_KINDS: readonly FigureKind[] = ['addressed', 'missed', 'noFollowUp'];

/** One household figure of a scenario against the baseline: pooled over the cohort, with a 95% interval from paired batches. */
export interface ComparedHouseholdFigure {
  key: string;
  kind: FigureKind;
  /** What the figure is over in the baseline: households with the risk, or all households. */
  n: number;
  baseline: number;
  scenario: number;
  estimate: number;
  lower: number;
  upper: number;
  /** True when the 95% interval excludes 0. */
  significant: boolean;
  /** The run whose path has no such step (its figure counts as 0 there); absent when both have it. */
  absentIn?: 'baseline' | 'scenario';
}

/** A figure's numerator and denominator in one run. */
type Tally = Map<string, { kind: FigureKind; part: number; whole: number }>;

function tallyOf(result: HouseholdSimulationResult, risks: readonly string[]): Tally {
  const tally: Tally = new Map();
  for (const risk of risks) {
    const r = result.risks[risk];
    if (!r) continue;
    tally.set(`addressed:${risk}`, { kind: 'addressed', part: r.addressed, whole: r.present });
    tally.set(`missed:${risk}`, { kind: 'missed', part: r.neverSignalled, whole: r.present });
    tally.set(`noFollowUp:${risk}`, { kind: 'noFollowUp', part: r.signalledNotAddressed, whole: r.present });
  }
  for (const [step, count] of Object.entries(result.outcomes)) tally.set(`outcome:${step}`, { kind: 'outcome', part: count, whole: result.cohort });
  const { transfers, referrals } = result.handoffs;
  tally.set('handoff:transfers', { kind: 'handoff', part: transfers.warm + transfers.cold, whole: result.cohort });
  tally.set('handoff:referrals', { kind: 'handoff', part: referrals.made, whole: result.cohort });
  tally.set('handoff:accepted', { kind: 'handoff', part: referrals.accepted, whole: result.cohort });
  return tally;
}

/** A batch's own seed: distinct per batch, the same for every scenario (common random numbers). */
function batchSeed(seed: number, batch: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(batch + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** The same batches (cohort slices with their own seeds) of every scenario, and every figure's pooled tally. */
interface Run {
  batches: Tally[];
  pooled: Tally;
  populationId: string;
}

function runScenario(path: HouseholdPath, options: { sizes: readonly number[]; seed: number; population?: Population; menukaart?: Menukaart; risks: readonly string[] }): Run {
  const batches: Tally[] = [];
  let populationId = '';
  options.sizes.forEach((size, b) => {
    const result = simulateHousehold(path, { cohort: size, seed: batchSeed(options.seed, b), ...(options.population ? { population: options.population } : {}), ...(options.menukaart ? { menukaart: options.menukaart } : {}) });
    populationId = result.meta.populationId;
    batches.push(tallyOf(result, options.risks));
  });
  const pooled: Tally = new Map();
  for (const tally of batches) {
    for (const [key, t] of tally) {
      const sum = pooled.get(key) ?? { kind: t.kind, part: 0, whole: 0 };
      sum.part += t.part;
      sum.whole += t.whole;
      pooled.set(key, sum);
    }
  }
  return { batches, pooled, populationId };
}

/**
 * The range a difference can take: a share lies in [0, 1], so its change from the baseline lies in
 * [−baseline, 1 − baseline]; a count per household is at least 0, so its change is at least −baseline.
 */
function possibleRange(kind: FigureKind, baseline: number): [number, number] {
  return SHARE_KINDS.includes(kind) ? [-baseline, 1 - baseline] : [-baseline, Infinity];
}

/**
 * Every figure of either run, pooled, with its 95% interval from the paired batch differences,
 * clipped to the range the difference can take. A figure one run lacks (an outcome step that is not
 * in that path) counts as 0 there, and says in which run it is absent.
 */
function compareRuns(before: Run, after: Run): ComparedHouseholdFigure[] {
  const figures: ComparedHouseholdFigure[] = [];
  const keys = [...new Set([...before.pooled.keys(), ...after.pooled.keys()])];
  for (const key of keys) {
    const inBefore = before.pooled.get(key);
    const inAfter = after.pooled.get(key);
    const kind = (inBefore ?? inAfter)!.kind;
    const a = inBefore ?? { kind, part: 0, whole: inAfter!.whole };
    const b = inAfter ?? { kind, part: 0, whole: a.whole };
    if (a.whole === 0 || b.whole === 0) continue;
    const baseline = a.part / a.whole;
    const scenario = b.part / b.whole;
    const estimate = scenario - baseline;
    const differences: number[] = [];
    before.batches.forEach((tally, i) => {
      const x = tally.get(key);
      const y = after.batches[i]!.get(key);
      const whole = x?.whole ?? y?.whole ?? 0;
      // a figure absent from one run is 0 there, over the same households
      const share = (t: { part: number; whole: number } | undefined) => (t ? t.part / t.whole : 0);
      if (whole > 0 && (x?.whole ?? whole) > 0 && (y?.whole ?? whole) > 0) differences.push(share(y) - share(x));
    });
    const k = differences.length;
    const mean = differences.reduce((s, d) => s + d, 0) / Math.max(1, k);
    const half = k > 1 ? tQuantile975(k - 1) * Math.sqrt(differences.reduce((s, d) => s + (d - mean) ** 2, 0) / (k - 1) / k) : Infinity;
    const [least, most] = possibleRange(kind, baseline);
    const lower = Math.max(least, estimate - half);
    const upper = Math.min(most, estimate + half);
    const absentIn = inBefore === undefined ? 'baseline' : inAfter === undefined ? 'scenario' : undefined;
    figures.push({ key, kind, n: a.whole, baseline, scenario, estimate, lower, upper, significant: lower > 0 || upper < 0, ...(absentIn ? { absentIn } : {}) });
  }
  return figures;
}

const WORDS = {
  en: {
    header: (n: number, cohort: string, population: string, seed: number, batches: number) =>
      `Compared ${n} household scenarios on the same ${cohort} households (population ${population}, seed ${seed}; 95% intervals from ${batches} paired batches).`,
    baseline: 'Baseline',
    scenario: 'Scenario',
    legend: 'Differences from the baseline (shares in percentage points, counts per household), with their 95% interval; * marks a change larger than the simulation’s chance (the interval excludes 0; the path’s assumptions are not in it). The figures come from the paired parts, so they differ a little from `simulate` with the same seed.',
    kinds: {
      missed: 'Missed signal (share of households with the risk)',
      noFollowUp: 'Signalled without follow-up (share of households with the risk)',
      addressed: 'Addressed (share of households with the risk)',
      outcome: 'Outcomes (tracks that ended there, per household)',
      handoff: 'Handoffs (per household)',
    },
    handoffs: { transfers: 'transfers of responsibility', referrals: 'referrals made', accepted: 'referrals accepted' } as Record<string, string>,
    unchanged: (n: number) => `${n} other figures did not change (--all lists them).`,
    noChange: 'No figure changed by more than its uncertainty.',
    absent: { baseline: 'step not in the baseline', scenario: 'step not in this scenario' },
  },
  nl: {
    header: (n: number, cohort: string, population: string, seed: number, batches: number) =>
      `${n} huishoudscenario's vergeleken op dezelfde ${cohort} huishoudens (populatie ${population}, seed ${seed}; 95%-intervallen uit ${batches} gepaarde delen).`,
    baseline: 'Basis',
    scenario: 'Scenario',
    legend: 'Verschillen met de basis (aandelen in procentpunten, aantallen per huishouden), met hun 95%-interval; * markeert een verandering groter dan het toeval in de simulatie (het interval bevat geen 0; de aannames van het pad zitten er niet in). De cijfers komen uit de gepaarde delen en wijken daardoor iets af van `simulate` met dezelfde seed.',
    kinds: {
      missed: 'Gemist signaal (aandeel van de huishoudens met het risico)',
      noFollowUp: 'Gesignaleerd zonder vervolg (aandeel van de huishoudens met het risico)',
      addressed: 'Aangepakt (aandeel van de huishoudens met het risico)',
      outcome: 'Uitkomsten (sporen die daar eindigden, per huishouden)',
      handoff: 'Overdrachten (per huishouden)',
    },
    handoffs: { transfers: 'overdrachten van verantwoordelijkheid', referrals: 'verwijzingen gedaan', accepted: 'verwijzingen aangenomen' } as Record<string, string>,
    unchanged: (n: number) => `${n} andere cijfers veranderden niet (--all toont ze).`,
    noChange: 'Geen cijfer veranderde meer dan de onzekerheid.',
    absent: { baseline: 'stap niet in de basis', scenario: 'stap niet in dit scenario' },
  },
} as const;

const whole = (n: number, lang: Lang) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');

/**
 * A figure's value: a share as a percentage with one decimal, a count per household with three, so
 * that a small count (0.014 per household) keeps its difference readable beside the figures.
 */
function value(kind: FigureKind, v: number, lang: Lang): string {
  const text = SHARE_KINDS.includes(kind) ? `${(v * 100).toFixed(1)}%` : v.toFixed(3);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

/** Percentage points for a share, a count per household otherwise. */
const unitOf = (kind: FigureKind, d: number) => (SHARE_KINDS.includes(kind) ? d * 100 : d);

/**
 * The decimals a difference is shown with: one for percentage points, three per household; for a
 * marked change that would round to nothing (4 households in 170,000), as many more as its first
 * digit needs, up to six: "0,000" beside a * would read as no change at all.
 */
function digitsOf(kind: FigureKind, f: ComparedHouseholdFigure): number {
  let digits = SHARE_KINDS.includes(kind) ? 1 : 3;
  const d = Math.abs(unitOf(kind, f.estimate));
  while (f.significant && digits < 6 && d !== 0 && Number(d.toFixed(digits)) === 0) digits++;
  return digits;
}

/** A difference with `digits` decimals; a change that rounds to nothing gets no sign. */
function change(kind: FigureKind, d: number, lang: Lang, digits: number): string {
  if (!Number.isFinite(d)) return d > 0 ? '∞' : '−∞';
  const size = Math.abs(unitOf(kind, d)).toFixed(digits);
  const text = /^0\.0+$/.test(size) ? size : `${d > 0 ? '+' : '−'}${size}`;
  return lang === 'nl' ? text.replace('.', ',') : text;
}

interface Named {
  file: string;
  id: string;
  version: string;
  /** The coalition applied over the path, as version 1 scenarios name it. */
  coalition?: string;
}

function formatHouseholdComparisons(
  baseline: Named,
  comparisons: readonly { scenario: Named; figures: readonly ComparedHouseholdFigure[] }[],
  options: { cohort: number; seed: number; batches: number; population: string; lang: Lang; all: boolean; label: (f: ComparedHouseholdFigure) => string },
): string {
  const { lang } = options;
  const w = WORDS[lang];
  const over = lang === 'nl' ? 'coalitie' : 'coalition';
  const name = (d: Named) => `${d.file} (${d.coalition !== undefined ? `${over} ${d.coalition} over ` : ''}${d.id} ${d.version})`;
  const lines = [w.header(comparisons.length + 1, whole(options.cohort, lang), options.population, options.seed, options.batches), `${w.baseline}: ${name(baseline)}`, w.legend];
  for (const { scenario, figures } of comparisons) {
    lines.push('', `${w.scenario}: ${name(scenario)}`);
    const shown = figures.filter((f) => options.all || f.estimate !== 0 || f.lower !== f.upper);
    if (!shown.some((f) => f.significant)) lines.push(`  ${w.noChange}`);
    for (const kind of ['missed', 'noFollowUp', 'addressed', 'outcome', 'handoff'] as const) {
      const ofKind = shown.filter((f) => f.kind === kind).sort((x, y) => Number(y.significant) - Number(x.significant) || Math.abs(y.estimate) - Math.abs(x.estimate));
      if (ofKind.length === 0) continue;
      lines.push(`  ${w.kinds[kind]}:`);
      const width = Math.max(...ofKind.map((f) => options.label(f).length));
      for (const f of ofKind) {
        const from = `${value(kind, f.baseline, lang)} → ${value(kind, f.scenario, lang)}`;
        // a step that one path lacks has no interval to give: the change is the path's structure
        const digits = digitsOf(kind, f);
        const interval = f.absentIn ? `(${w.absent[f.absentIn]})` : formatInterval(change(kind, f.lower, lang, digits), change(kind, f.upper, lang, digits), lang);
        lines.push(`  ${f.significant ? '*' : ' '} ${options.label(f).padEnd(width)}  ${from.padEnd(17)} ${change(kind, f.estimate, lang, digits).padStart(6)} ${interval}`);
      }
    }
    const hidden = figures.length - shown.length;
    if (hidden > 0) lines.push(`  ${w.unchanged(hidden)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `compare` when a scenario is a household path (format version 2): every scenario is read as a
 * household path (a version 1 file through its migration to one track), validated, and simulated
 * on the same households: the cohort in batches, each batch with a seed of its own that every
 * scenario shares (common random numbers). Each figure is the difference over the whole cohort,
 * with a 95% interval from the spread of the paired batch differences.
 */
export async function runHouseholdCompare(files: readonly string[], flags: HouseholdCompareFlags, context: CliContext, run: { cohort: number; seed: number }): Promise<number> {
  refuseHouseholdFlags('compare', [['--set', flags.set.length > 0], ['--menukaart', flags.menukaart !== undefined]]);
  const batches = Math.min(20, Math.floor(run.cohort / 2));
  if (batches < 2) {
    throw new CliError(
      `Comparing household scenarios needs --cohort 4 or more: its intervals come from paired batches of the cohort; got ${run.cohort}.`,
      EXIT.usage,
      `Huishoudscenario's vergelijken vraagt om --cohort 4 of meer: de intervallen komen uit gepaarde delen van het cohort; gekregen: ${run.cohort}.`,
    );
  }
  const paths: HouseholdPath[] = [];
  const menukaarts: (Menukaart | undefined)[] = [];
  for (const file of files) {
    const loaded = await loadHouseholdFile(file, {}, context);
    if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
    const checked = validateHouseholdPath(loaded.value);
    if (hasErrors(checked.diagnostics)) return loadFailed(checked.diagnostics.filter((d) => d.severity === 'error'), flags, context);
    const menukaart = await householdMenukaart(loaded.value, file, {}, context);
    if (!menukaart.ok) return loadFailed(menukaart.diagnostics, flags, context);
    paths.push(loaded.value);
    menukaarts.push(menukaart.value);
  }
  let population: Population | undefined;
  if (flags.population !== undefined) {
    const pop = await safeLoadPopulation(isAbsolute(flags.population) ? flags.population : resolve(context.cwd, flags.population));
    if (!pop.ok) return loadFailed(pop.diagnostics, flags, context);
    population = pop.value;
  }
  // the same batch sizes and seeds in every scenario: household i of batch b is the same household in each run
  const sizes = Array.from({ length: batches }, (_, b) => Math.floor(run.cohort / batches) + (b < run.cohort % batches ? 1 : 0));
  const risks = [...new Set(paths.flatMap((p, i) => risksOfHousehold(p, menukaarts[i])))];
  const runs = paths.map((path, i) => runScenario(path, { sizes, seed: run.seed, risks, ...(population ? { population } : {}), ...(menukaarts[i] ? { menukaart: menukaarts[i] } : {}) }));
  const named = (i: number): Named => ({ file: files[i]!, id: paths[i]!.id, version: paths[i]!.version, ...(paths[i]!.coalition ? { coalition: paths[i]!.coalition.id } : {}) });
  const comparisons = paths.slice(1).map((_, i) => ({ scenario: named(i + 1), figures: compareRuns(runs[0]!, runs[i + 1]!) }));
  if (flags.json) {
    const out = { cohort: run.cohort, seed: run.seed, batches, population: runs[0]!.populationId, baseline: named(0), comparisons: comparisons.map((c) => ({ scenario: c.scenario, differences: c.figures })) };
    context.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const riskLabels = { ...(population ?? defaultPopulation()).risks, ...Object.assign({}, ...paths.map((p) => p.risks ?? {}).reverse()) } as Record<string, { label: Parameters<typeof labelText>[0] }>;
  const stepLabel = (id: string) => {
    const owner = paths.find((p) => Object.hasOwn(p.steps, id));
    return owner ? labelText(owner.steps[id]!.label, flags.lang) : id;
  };
  const label = (f: ComparedHouseholdFigure) => {
    const key = f.key.slice(f.key.indexOf(':') + 1);
    if (f.kind === 'outcome') return stepLabel(key);
    if (f.kind === 'handoff') return WORDS[flags.lang].handoffs[key] ?? key;
    return Object.hasOwn(riskLabels, key) ? labelText(riskLabels[key]!.label, flags.lang) : key;
  };
  context.stdout(formatHouseholdComparisons(named(0), comparisons, { cohort: run.cohort, seed: run.seed, batches, population: runs[0]!.populationId, lang: flags.lang, all: flags.all === true, label }));
  return EXIT.ok;
}
