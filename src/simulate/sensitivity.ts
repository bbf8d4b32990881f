import { argumentError, isRecord, wholeNumberFrom } from '../diagnostics/index.js';
import { clientStream, isValidSeed, uniform } from './random.js';

/** The range a parameter is varied over. */
export interface ParameterRange {
  name: string;
  min: number;
  max: number;
}

/** One bar of a tornado: the figure with the parameter at its minimum and maximum, the others at base. */
export interface TornadoRow {
  name: string;
  atMin: number;
  atMax: number;
  /** |atMax − atMin|: the bars are sorted by it, largest first. */
  swing: number;
}

/** A one-at-a-time (tornado) table: the base figure and a row per parameter. */
export interface Tornado {
  base: number;
  rows: TornadoRow[];
}

/** First-order and total Sobol indices, per parameter in the order given. */
export interface SobolIndices {
  names: string[];
  /** Share of the figure's variance explained by each parameter alone. */
  first: number[];
  /** Share of the variance each parameter is involved in, interactions included. */
  total: number[];
  /** Variance of the figure over the ranges. */
  variance: number;
  /** Base samples N; the model was evaluated N · (parameters + 2) times. */
  samples: number;
  evaluations: number;
}

function checkRanges(callee: string, ranges: readonly ParameterRange[]): void {
  if (!Array.isArray(ranges) || ranges.length === 0) throw argumentError(callee, 'ranges', { en: 'a non-empty list of { name, min, max }', nl: 'een niet-lege lijst van { name, min, max }' }, ranges);
  for (const r of ranges) {
    if (!isRecord(r) || typeof r.name !== 'string' || typeof r.min !== 'number' || typeof r.max !== 'number' || !Number.isFinite(r.min) || !Number.isFinite(r.max) || !(r.min < r.max)) {
      throw argumentError(callee, 'ranges', { en: 'ranges with finite min below max', nl: 'bereiken met een eindig min onder max' }, r);
    }
  }
}

/**
 * One-at-a-time sensitivity: the figure with each parameter at the ends of its range while the
 * others stay at `base` (by default the middle of each range).
 */
export function tornado(f: (x: number[]) => number, ranges: readonly ParameterRange[], base: readonly number[] = ranges.map((r) => (r.min + r.max) / 2)): Tornado {
  checkRanges('tornado', ranges);
  if (typeof f !== 'function') throw argumentError('tornado', 'f', { en: 'a function of the parameter values', nl: 'een functie van de parameterwaarden' }, f);
  const at = (i: number, value: number) => f(base.map((b, j) => (j === i ? value : b)));
  const rows = ranges.map((r, i) => {
    const atMin = at(i, r.min);
    const atMax = at(i, r.max);
    return { name: r.name, atMin, atMax, swing: Math.abs(atMax - atMin) };
  });
  rows.sort((a, b) => b.swing - a.swing || (a.name < b.name ? -1 : 1));
  return { base: f([...base]), rows };
}

/**
 * Variance-based sensitivity: first-order indices by the estimator of Saltelli et al. (2010) and
 * total indices by Jansen's, from two independent uniform samples A and B over the ranges and the
 * matrices A with column i taken from B. Costs `samples` · (parameters + 2) evaluations of f.
 * Deterministic for a seed.
 */
export function sobolIndices(f: (x: number[]) => number, ranges: readonly ParameterRange[], options: { samples: number; seed?: number }): SobolIndices {
  checkRanges('sobolIndices', ranges);
  if (typeof f !== 'function') throw argumentError('sobolIndices', 'f', { en: 'a function of the parameter values', nl: 'een functie van de parameterwaarden' }, f);
  const { samples: n, seed = 1 } = options;
  if (!Number.isSafeInteger(n) || n < 2) throw argumentError('sobolIndices', 'samples', wholeNumberFrom(2), n);
  if (!isValidSeed(seed)) throw argumentError('sobolIndices', 'seed', wholeNumberFrom(0), seed);
  const d = ranges.length;
  const draw = (matrix: number) =>
    Array.from({ length: n }, (_, j) => {
      const rng = clientStream(seed, j, 100 + matrix);
      return ranges.map((r) => r.min + uniform(rng) * (r.max - r.min));
    });
  const a = draw(0);
  const b = draw(1);
  const fA = a.map((x) => f(x));
  const fB = b.map((x) => f(x));
  const all = [...fA, ...fB];
  const mean = all.reduce((s, v) => s + v, 0) / all.length;
  const variance = all.reduce((s, v) => s + (v - mean) ** 2, 0) / (all.length - 1);
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < d; i++) {
    let firstSum = 0;
    let totalSum = 0;
    for (let j = 0; j < n; j++) {
      const fABi = f(a[j]!.map((v, k) => (k === i ? b[j]![i]! : v)));
      firstSum += fB[j]! * (fABi - fA[j]!);
      totalSum += (fA[j]! - fABi) ** 2;
    }
    first.push(variance === 0 ? 0 : firstSum / n / variance);
    total.push(variance === 0 ? 0 : totalSum / (2 * n) / variance);
  }
  return { names: ranges.map((r) => r.name), first, total, variance, samples: n, evaluations: n * (d + 2) };
}
