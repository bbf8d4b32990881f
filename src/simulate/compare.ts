import { argumentError, isRecord, ZorgpadenError } from '../diagnostics/index.js';
import type { CarePath } from '../model/index.js';
import { simulateWithIndicators, type SimulateOptions, type SimulationWithIndicators } from './simulate.js';

/** One paired difference between scenario B and scenario A. */
export interface ScenarioDifference {
  /** `reach:<step>`, `unmet:<risk>`, `outcome:<step>` or `stuck`. */
  key: string;
  kind: 'reach' | 'unmet' | 'outcome' | 'stuck';
  /** Clients the shares are over: the cohort, or for unmet need the clients with the risk. */
  n: number;
  a: number;
  b: number;
  /** b − a. */
  difference: number;
  /** 95% confidence interval of the difference, from the per-client paired differences. */
  ci95: [number, number];
  /** True when the interval excludes 0. */
  significant: boolean;
}

/** The comparison of two scenarios run on the same clients. */
export interface ScenarioComparison {
  cohort: number;
  seed: number;
  differences: ScenarioDifference[];
}

const Z95 = 1.959963984540054;

/** A reader of one indicator's bit per client; always 0 for an indicator the run does not have. */
function bitReader(run: SimulationWithIndicators, key: string): (client: number) => number {
  const { keys, bytesPerClient, bits } = run.indicators;
  const k = keys.indexOf(key);
  if (k < 0) return () => 0;
  const byte = k >> 3;
  const shift = k & 7;
  return (client) => (bits[client * bytesPerClient + byte]! >> shift) & 1;
}

/**
 * Compares two scenarios simulated with common random numbers (same population, seed and cohort,
 * so client i is the same person in both) and per-client indicators (`simulateWithIndicators` or
 * `simulateScenarios`). Each difference's 95% interval is the paired one: the mean of the
 * per-client differences d = b − a ± 1.96 · sd(d) / √n, which is much narrower than treating the
 * runs as independent because most clients fare the same in both.
 * @example
 * const a = await simulateWithIndicators(before, { cohort: 10_000, seed: 1 });
 * const b = await simulateWithIndicators(after, { cohort: 10_000, seed: 1 });
 * console.log(compareSimulations(a, b).outcomes);
 */
export function compareSimulations(a: SimulationWithIndicators, b: SimulationWithIndicators): ScenarioComparison {
  for (const [name, value] of [['a', a], ['b', b]] as const) {
    if (!isRecord(value) || !isRecord(value.meta)) throw argumentError('compareSimulations', name, { en: 'a simulation result (from simulateWithIndicators)', nl: 'een simulatieresultaat (van simulateWithIndicators)' }, value);
  }
  if (!a.indicators || !b.indicators) throw new ZorgpadenError('compareSimulations needs results with per-client indicators: use simulateWithIndicators or simulateScenarios.');
  if (a.meta.seed !== b.meta.seed || a.cohort !== b.cohort || a.meta.populationId !== b.meta.populationId) {
    throw new ZorgpadenError(
      `compareSimulations needs two runs on the same clients (same population, seed and cohort); got ${a.meta.populationId}/${a.meta.seed}/${a.cohort} and ${b.meta.populationId}/${b.meta.seed}/${b.cohort}.`,
    );
  }
  const keys = [...new Set([...a.indicators.keys, ...b.indicators.keys])].filter((k) => !k.startsWith('risk:'));
  const order = { reach: 0, unmet: 1, outcome: 2, stuck: 3 } as const;
  const differences = keys.map((key) => {
    const kind = key.split(':')[0] as ScenarioDifference['kind'];
    const hasRisk = kind === 'unmet' ? bitReader(a, `risk:${key.slice('unmet:'.length)}`) : undefined;
    const readA = bitReader(a, key);
    const readB = bitReader(b, key);
    let n = 0;
    let sumA = 0;
    let sumB = 0;
    let sumD2 = 0;
    for (let i = 0; i < a.cohort; i++) {
      // clients are the same in both runs, so the risk bit of A holds for B too
      if (hasRisk && hasRisk(i) === 0) continue;
      const x = readA(i);
      const y = readB(i);
      n++;
      sumA += x;
      sumB += y;
      sumD2 += (y - x) * (y - x);
    }
    const mean = n === 0 ? 0 : (sumB - sumA) / n;
    const variance = n < 2 ? 0 : (sumD2 - n * mean * mean) / (n - 1);
    const half = n === 0 ? 0 : Z95 * Math.sqrt(Math.max(0, variance) / n);
    const ci95: [number, number] = [mean - half, mean + half];
    return { key, kind, n, a: n === 0 ? 0 : sumA / n, b: n === 0 ? 0 : sumB / n, difference: mean, ci95, significant: ci95[0] > 0 || ci95[1] < 0 };
  });
  differences.sort((x, y) => order[x.kind] - order[y.kind] || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { cohort: a.cohort, seed: a.meta.seed, differences };
}

/**
 * Runs two scenarios (e.g. a path without and with VoorZorg) on the same clients with the same
 * random streams, and compares them.
 *
 * @example
 * const { comparison } = await simulateScenarios(national, withVoorZorg, { population, cohort: 170_000, seed: 1 });
 */
export async function simulateScenarios(
  a: CarePath,
  b: CarePath,
  options: Omit<SimulateOptions, 'coalition'>,
): Promise<{ a: SimulationWithIndicators; b: SimulationWithIndicators; comparison: ScenarioComparison }> {
  const runA = await simulateWithIndicators(a, options);
  const runB = await simulateWithIndicators(b, options);
  return { a: runA, b: runB, comparison: compareSimulations(runA, runB) };
}
