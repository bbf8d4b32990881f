import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

/**
 * The one place that says how many cases each fuzz property gets. The suite runs a small budget
 * (DEFAULT_RUNS times a property's `weight`, so slow properties stay cheap); `npm run fuzz`
 * (scripts/fuzz.ts) sets ZORGPADEN_FUZZ_RUNS=10000, and then every property gets that many cases,
 * except the few capped in FULL_RUN_CAPS because a case takes too long.
 */
export const DEFAULT_RUNS = 100;

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number, got "${raw}".`);
  return value;
}

/** Cases per property asked for with ZORGPADEN_FUZZ_RUNS; undefined in the normal test suite. */
export const REQUESTED_RUNS = envInteger('ZORGPADEN_FUZZ_RUNS');

/** The seed of every property when ZORGPADEN_FUZZ_SEED is set; fast-check picks (and prints) one otherwise. */
export const SEED = envInteger('ZORGPADEN_FUZZ_SEED');

/**
 * Most cases a property gets in a requested run, for properties whose cases are slow: parsing
 * with Mermaid in happy-dom takes tens of milliseconds a diagram (figures in scripts/fuzz.ts).
 */
export const FULL_RUN_CAPS: Record<string, number> = {
  'mermaid: diagrams parse with Mermaid': 2000,
};

/** The number of cases of a property: the requested runs (capped), or the suite default times its weight. */
export function runsFor(name: string, weight = 1): number {
  if (REQUESTED_RUNS !== undefined) return Math.max(1, Math.min(REQUESTED_RUNS, FULL_RUN_CAPS[name] ?? Infinity));
  return Math.max(1, Math.round(DEFAULT_RUNS * weight));
}

/** fast-check parameters of a property: its runs, the seed when given, and no time-based skipping. */
export function params<T>(name: string, weight = 1): fc.Parameters<T> {
  return { numRuns: runsFor(name, weight), ...(SEED !== undefined ? { seed: SEED } : {}) };
}

function record(name: string, details: fc.RunDetails<unknown>, ms: number): void {
  const file = process.env['ZORGPADEN_FUZZ_STATS'];
  if (!file) return;
  const line = { name, runs: details.numRuns, skipped: details.numSkips, failed: details.failed, seed: details.seed, ms: Math.round(ms) };
  appendFileSync(file, JSON.stringify(line) + '\n');
}

const MAX_EXAMPLE = 4000;

// the error first and the counterexample cut short: a generated document can be megabytes long
function report(name: string, details: fc.RunDetails<unknown>): void {
  if (!details.failed) return;
  const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
  const example = details.counterexample === null ? '(none)' : fc.stringify(details.counterexample);
  const cut = example.length > MAX_EXAMPLE ? `${example.slice(0, MAX_EXAMPLE)}… (${example.length} characters)` : example;
  const replay = `{ seed: ${details.seed}, path: "${details.counterexamplePath ?? ''}", endOnFailure: true }`;
  throw new Error(`Property "${name}" failed after ${details.numRuns} tests, shrunk ${details.numShrinks} times.\nReplay with ${replay} (or ZORGPADEN_FUZZ_SEED=${details.seed}).\nError: ${error}\nCounterexample: ${cut}`);
}

/** Checks a synchronous property with its budget; throws fast-check's report (with the seed and the shrunk case) on failure. */
export function fuzz<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IProperty<Ts>, weight = 1): void {
  const start = performance.now();
  const details = fc.check(property, params<Ts>(name, weight));
  record(name, details as fc.RunDetails<unknown>, performance.now() - start);
  report(name, details as fc.RunDetails<unknown>);
}

/** Checks an asynchronous property like `fuzz`. */
export async function fuzzAsync<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IAsyncProperty<Ts>, weight = 1): Promise<void> {
  const start = performance.now();
  const details = await fc.check(property, params<Ts>(name, weight));
  record(name, details as fc.RunDetails<unknown>, performance.now() - start);
  report(name, details as fc.RunDetails<unknown>);
}
