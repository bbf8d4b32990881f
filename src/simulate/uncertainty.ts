import { argumentError, isRecord, wholeNumberFrom, type Lang } from '../diagnostics/index.js';
import type { CarePath } from '../model/index.js';
import type { SimulationResult } from './result.js';
import { nameOf, type SummaryNames } from './summary-names.js';
import { formatInterval } from './summary-interval.js';
import { simulateBatches, simulateBatchesIn, type SimulateOptions, type SlicePool } from './simulate.js';

/** A figure with its Monte-Carlo error, estimated from independent batches of the cohort. */
export interface FigureUncertainty {
  /** The figure over the whole cohort. */
  estimate: number;
  /** Its Monte-Carlo standard error (standard deviation of the batch figures / √batches). */
  se: number;
  /** 95% interval: estimate ± t(batches − 1) · se. */
  interval: [number, number];
  /** The interval is too wide to use the figure: its half-width exceeds a quarter of the figure and an absolute floor (1 point for shares, 3 days for days). */
  tooWide: boolean;
}

/** Monte-Carlo error of the figures `simulate` prints. */
export interface SimulationUncertainty {
  batches: number;
  /** Journeys per batch (the last batches may have one more or less). */
  batchSize: number;
  /** Share of the cohort ending in each outcome. */
  outcomes: Record<string, FigureUncertainty>;
  /** Reach of each intervention step: share of the eligible clients who visited it. */
  reach: Record<string, FigureUncertainty>;
  /** Unmet need per risk (only risks some client has). */
  unmetNeed: Record<string, FigureUncertainty>;
  /** Share of the cohort that ended stuck in each step (drop-out points). */
  stuck: Record<string, FigureUncertainty>;
  /** Days from first risk signal to support; null when a batch had no such client. */
  timeToSupport: { median: FigureUncertainty | null; p90: FigureUncertainty | null };
}

// two-sided 97.5% quantiles of Student's t for 1…30 degrees of freedom; 1.96 beyond
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The 97.5% quantile of Student's t with `df` degrees of freedom (df ≥ 1). */
export function tQuantile975(df: number): number {
  return df <= 30 ? T975[Math.max(1, df) - 1]! : 1.96 + 2.4 / df;
}

/** A figure's uncertainty from its whole-cohort value and its values in the batches. */
export function batchUncertainty(estimate: number, batchValues: readonly number[], floor: number): FigureUncertainty {
  const k = batchValues.length;
  const mean = batchValues.reduce((a, b) => a + b, 0) / k;
  const variance = k > 1 ? batchValues.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1) : Infinity;
  const se = Math.sqrt(variance / k);
  const half = tQuantile975(k - 1) * se;
  return { estimate, se, interval: [estimate - half, estimate + half], tooWide: half > floor && half > Math.abs(estimate) / 4 };
}

const SHARE_FLOOR = 0.01;
const DAY_FLOOR = 3;

function perKey<T>(keys: readonly string[], whole: (k: string) => number | null, batch: (r: SimulationResult, k: string) => number | null, batches: SimulationResult[], floor: number): Record<string, T> {
  const out: Record<string, FigureUncertainty> = {};
  for (const key of keys) {
    const estimate = whole(key);
    const values = batches.map((b) => batch(b, key));
    if (estimate === null || values.some((v) => v === null)) continue;
    out[key] = batchUncertainty(estimate, values as number[], floor);
  }
  return out as Record<string, T>;
}

/** The Monte-Carlo error of a run's figures from the results of its batches. */
export function uncertaintyOf(result: SimulationResult, batches: readonly SimulationResult[]): SimulationUncertainty {
  if (batches.length < 2) throw argumentError('uncertaintyOf', 'batches', { en: 'at least 2 batch results', nl: 'minstens 2 deelresultaten' }, batches.length);
  const list = [...batches];
  const share = (a: number, b: number) => (b === 0 ? null : a / b);
  const tts = (pick: 'median' | 'p90') => {
    const whole = result.timeToSupport[pick];
    const values = list.map((b) => b.timeToSupport[pick]);
    return whole === null || values.some((v) => v === null) ? null : batchUncertainty(whole, values as number[], DAY_FLOOR);
  };
  return {
    batches: list.length,
    batchSize: Math.round(result.cohort / list.length),
    outcomes: perKey(Object.keys(result.outcomes), (k) => share(result.outcomes[k]!, result.cohort), (r, k) => share(r.outcomes[k]!, r.cohort), list, SHARE_FLOOR),
    reach: perKey(
      Object.keys(result.interventions),
      (k) => share(result.interventions[k]!.reachedEligible, result.interventions[k]!.eligible),
      (r, k) => share(r.interventions[k]!.reachedEligible, r.interventions[k]!.eligible),
      list,
      SHARE_FLOOR,
    ),
    unmetNeed: perKey(
      Object.keys(result.unmetNeed).filter((k) => result.unmetNeed[k]!.withRisk > 0),
      (k) => share(result.unmetNeed[k]!.unmet, result.unmetNeed[k]!.withRisk),
      (r, k) => share(r.unmetNeed[k]!.unmet, r.unmetNeed[k]!.withRisk),
      list,
      SHARE_FLOOR,
    ),
    stuck: perKey(Object.keys(result.stuck), (k) => share(result.stuck[k]!, result.cohort), (r, k) => share(r.stuck[k] ?? 0, r.cohort), list, SHARE_FLOOR),
    timeToSupport: { median: tts('median'), p90: tts('p90') },
  };
}

/** Options of `simulateWithUncertainty`: those of `simulate`, and the number of batches. */
export interface UncertaintyOptions extends SimulateOptions {
  /** Independent batches the cohort is split into (2 to 1000; default 20). */
  batches?: number;
}

/**
 * Simulates like `simulateSync` (the result is identical) and estimates the Monte-Carlo error of
 * every printed figure from `batches` independent slices of the cohort (batch means).
 *
 * @example
 * const { result, uncertainty } = simulateWithUncertainty(path, { cohort: 20_000, seed: 1 });
 * console.log(uncertainty.reach['zwangerschap/prenataal-huisbezoek']?.interval);
 */
export function simulateWithUncertainty(path: CarePath, options: UncertaintyOptions): { result: SimulationResult; uncertainty: SimulationUncertainty } {
  const batches = checkBatches(options);
  const { result, batches: parts } = simulateBatches(path, options, batches);
  return { result, uncertainty: uncertaintyOf(result, parts) };
}

function checkBatches(options: UncertaintyOptions): number {
  if (!isRecord(options)) throw argumentError('simulateWithUncertainty', 'options', { en: 'an object with cohort and seed', nl: 'een object met cohort en seed' }, options);
  const batches = options.batches ?? 20;
  if (!Number.isSafeInteger(batches) || batches < 2 || batches > 1000) throw argumentError('simulateWithUncertainty', 'batches', wholeNumberFrom(2, 1000), batches);
  if (Number.isSafeInteger(options.cohort) && options.cohort < batches) throw argumentError('simulateWithUncertainty', 'cohort', wholeNumberFrom(batches), options.cohort);
  return batches;
}

/**
 * `simulateWithUncertainty` with its batches on a pool of worker threads (`options.workers` at
 * once; `zorgpaden/node` gives the pool): the result and the uncertainty are identical.
 */
export async function simulateWithUncertaintyIn(path: CarePath, options: UncertaintyOptions, pool?: SlicePool): Promise<{ result: SimulationResult; uncertainty: SimulationUncertainty }> {
  const batches = checkBatches(options);
  const { result, batches: parts } = await simulateBatchesIn(path, options, batches, pool);
  return { result, uncertainty: uncertaintyOf(result, parts) };
}

const pct = (share: number, lang: Lang) => {
  const text = (Math.round(share * 1000) / 10).toFixed(1);
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
};
const days = (n: number, lang: Lang) => (lang === 'nl' ? n.toFixed(1).replace('.', ',') : n.toFixed(1));

const WORDS = {
  en: {
    header: (u: SimulationUncertainty) => `Monte-Carlo error (95% intervals from ${u.batches} independent batches of about ${u.batchSize} journeys):`,
    outcomes: 'Outcomes',
    reach: 'Reach',
    unmet: 'Unmet need',
    tts: 'Time to support',
    tooWide: 'interval too wide to use: simulate a larger cohort',
    median: 'median',
    days: 'days',
  },
  nl: {
    header: (u: SimulationUncertainty) => `Monte-Carlo-fout (95%-intervallen uit ${u.batches} onafhankelijke delen van ongeveer ${u.batchSize} routes):`,
    outcomes: 'Uitkomsten',
    reach: 'Bereik',
    unmet: 'Onvervulde behoefte',
    tts: 'Tijd tot steun',
    tooWide: 'interval te breed om te gebruiken: simuleer een groter cohort',
    median: 'mediaan',
    days: 'dagen',
  },
} as const;

/** The Monte-Carlo error of a simulation's figures as text, to print after its summary. */
export function summarizeUncertainty(u: SimulationUncertainty, options: { lang?: Lang; risks?: readonly string[]; names?: SummaryNames } = {}): string {
  const lang = options.lang ?? 'nl';
  const w = WORDS[lang];
  const only = options.risks !== undefined && options.risks.length > 0 ? new Set(options.risks) : undefined;
  const line = (name: string, f: FigureUncertainty, show: (n: number) => string) =>
    `  ${name}: ${show(f.estimate)} ${formatInterval(show(Math.max(0, f.interval[0])), show(f.interval[1]), lang)}${f.tooWide ? `  (${w.tooWide})` : ''}`;
  const share = (n: number) => pct(n, lang);
  const lines = [w.header(u)];
  const section = (title: string, figures: Record<string, FigureUncertainty>, kind: 'steps' | 'risks') => {
    const entries = Object.entries(figures);
    if (entries.length === 0) return;
    lines.push(`${title}:`);
    for (const [key, f] of entries) lines.push(line(nameOf(options.names, kind, key, lang), f, share));
  };
  section(w.outcomes, u.outcomes, 'steps');
  section(w.reach, u.reach, 'steps');
  section(w.unmet, Object.fromEntries(Object.entries(u.unmetNeed).filter(([risk]) => only === undefined || only.has(risk))), 'risks');
  const { median, p90 } = u.timeToSupport;
  if (median || p90) {
    lines.push(`${w.tts} (${w.days}):`);
    if (median) lines.push(line(w.median, median, (n) => days(n, lang)));
    if (p90) lines.push(line('p90', p90, (n) => days(n, lang)));
  }
  return lines.join('\n') + '\n';
}
