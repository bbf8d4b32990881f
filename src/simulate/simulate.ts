import { argumentError, isRecord, WHOLE_NUMBER, wholeNumberFrom, ZorgpadenError } from '../diagnostics/index.js';
import { applyCoalition } from '../load/index.js';
import { unwalkableDiagnostic } from '../load/nesting.js';
import { pathHash } from '../machine/index.js';
import { LIMITS, PopulationSchema, safeParseCarePathData, safeParseData, type CarePath, type Coalition, type Menukaart, type Population } from '../model/index.js';
import { defaultPopulation } from './default-population.js';
import { compilePopulation } from './population.js';
import { isValidSeed } from './random.js';
import { finalizeResult, type SimulationResult } from './result.js';
import { runChunk, DEFAULT_MAX_VISITS } from './run.js';
import { compileTable, tableData } from './table.js';
import { indicatorLayout, mergeTallies, type Tally } from './tally.js';
import type { WorkerRequest } from './worker-protocol.js';

/** Options of `simulate`. */
export interface SimulateOptions {
  /** The clients' population model; the shipped default population when left out. */
  population?: Population;
  /** Number of journeys (clients). */
  cohort: number;
  /** Seed of the random streams; the same seed gives the same clients and journeys. */
  seed: number;
  /**
   * A coalition to apply over `path` (with `applyCoalition` of the load layer), or a path with a
   * coalition already applied, which is then simulated instead of `path`.
   */
  coalition?: Coalition | CarePath;
  /** Keep compact traces of every journey. */
  traces?: boolean;
  /**
   * Worker threads to split the cohort over (default 1: in this thread) when simulating with
   * `simulate` from `zorgpaden/node`; the core's `simulate` always runs in this thread. Results do not depend on it.
   */
  workers?: number;
  /** Called as journeys finish: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Menukaart whose entries give intervention target groups and addressed risks. */
  menukaart?: Menukaart;
  /** Most steps one journey may visit before it ends as "limit": a whole number of at least 1 (default 10,000). */
  maxVisits?: number;
}

/** A run's result together with its per-client indicators, for paired comparisons. */
export interface SimulationWithIndicators extends SimulationResult {
  indicators: { keys: string[]; bytesPerClient: number; bits: Uint8Array };
}

function check(options: SimulateOptions): void {
  if (!isRecord(options)) throw argumentError('simulate', 'options', { en: 'an object with cohort and seed', nl: 'een object met cohort en seed' }, options);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw argumentError('simulate', 'options.onProgress', { en: 'a function', nl: 'een functie' }, options.onProgress);
  for (const name of ['menukaart', 'coalition'] as const) {
    if (options[name] !== undefined && !isRecord(options[name])) throw argumentError('simulate', `options.${name}`, { en: `a ${name} object`, nl: `een ${name}-object` }, options[name]);
  }
  const { cohort, seed, workers = 1, maxVisits = DEFAULT_MAX_VISITS } = options;
  if (!Number.isSafeInteger(cohort) || cohort < 1 || cohort > LIMITS.maxCohort) throw argumentError('simulate', 'cohort', wholeNumberFrom(1, LIMITS.maxCohort), cohort);
  if (!isValidSeed(seed)) throw argumentError('simulate', 'seed', WHOLE_NUMBER, seed);
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) throw argumentError('simulate', 'workers', wholeNumberFrom(1, 256), workers);
  // an unbounded limit would let a cycle without exit run forever
  if (!Number.isSafeInteger(maxVisits) || maxVisits < 1) throw argumentError('simulate', 'maxVisits', wholeNumberFrom(1), maxVisits);
}

/**
 * Compiles the table, and when that fails on a path or population object that is not what it
 * claims to be, throws a ZorgpadenError with the schema's diagnostics instead of a TypeError.
 */
function compileChecked(path: CarePath, population: Population, menukaart: Menukaart | undefined): ReturnType<typeof compileTable> {
  try {
    return compileTable(path, { population, menukaart });
  } catch (error) {
    if (error instanceof ZorgpadenError) throw error;
    const unwalkable = unwalkableDiagnostic(path);
    if (unwalkable) throw new ZorgpadenError('simulate: path is not a valid care path.', [unwalkable]);
    const parsedPath = safeParseCarePathData(path);
    if (!parsedPath.ok) throw new ZorgpadenError('simulate: path is not a valid care path.', parsedPath.diagnostics);
    const parsedPopulation = safeParseData(PopulationSchema, population);
    if (!parsedPopulation.ok) throw new ZorgpadenError('simulate: population is not a valid population.', parsedPopulation.diagnostics);
    throw error;
  }
}

function slices(cohort: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < parts; k++) out.push([Math.floor((cohort * k) / parts), Math.floor((cohort * (k + 1)) / parts)]);
  return out.filter(([a, b]) => b > a);
}

function prepare(path: CarePath, options: SimulateOptions) {
  check(options);
  const coalition = options.coalition;
  const walked = coalition === undefined ? path : coalition.kind === 'coalition' ? applyCoalition(path, coalition, options.menukaart ? { menukaart: options.menukaart } : {}).path : coalition;
  const population = options.population ?? defaultPopulation();
  const table = compileChecked(walked, population, options.menukaart);
  const meta = { pathId: walked.id, pathVersion: walked.version, pathHash: pathHash(walked), coalition: walked.coalition?.id ?? null, populationId: population.id, cohort: options.cohort, seed: options.seed };
  return { walked, population, table, meta };
}

function withIndicators(result: SimulationResult, tally: Tally, table: ReturnType<typeof compileTable>): SimulationWithIndicators {
  const layout = indicatorLayout(table);
  return { ...result, indicators: { keys: layout.keys, bytesPerClient: layout.bytesPerClient, bits: tally.indicators ?? new Uint8Array(0) } };
}

/** Runs the cohort in this thread. */
function runHere(path: CarePath, options: SimulateOptions, indicators: boolean): { result: SimulationResult; tally: Tally; table: ReturnType<typeof compileTable> } {
  const { population, table, meta } = prepare(path, options);
  const sample = compilePopulation(population, table.space);
  const onProgress = options.onProgress && ((done: number) => options.onProgress!(done, options.cohort));
  const tally = runChunk(table, sample, { seed: options.seed, start: 0, end: options.cohort, maxVisits: options.maxVisits ?? DEFAULT_MAX_VISITS, traces: options.traces, indicators, onProgress });
  return { result: finalizeResult(table, tally, meta), tally, table };
}

/** Runs slices of a cohort elsewhere (worker threads in `zorgpaden/node`), at most `limit` at once (default all), and returns their tallies in order. */
export type SlicePool = (requests: WorkerRequest[], onProgress?: (done: number) => void, limit?: number) => Promise<Tally[]>;

/** `simulate` with the pool that runs the other slices; without one, everything runs in this thread. */
export async function runAll(path: CarePath, options: SimulateOptions, indicators: boolean, pool?: SlicePool): Promise<{ result: SimulationResult; tally: Tally; table: ReturnType<typeof compileTable> }> {
  check(options);
  const workers = options.workers ?? 1;
  if (workers <= 1 || !pool) return runHere(path, options, indicators);
  const { walked, population, table, meta } = prepare(path, options);
  const data = tableData(walked, { population, menukaart: options.menukaart });
  const requests: WorkerRequest[] = slices(options.cohort, workers).map(([start, end]) => ({
    table: data,
    population,
    seed: options.seed,
    start,
    end,
    maxVisits: options.maxVisits ?? DEFAULT_MAX_VISITS,
    traces: options.traces,
    indicators,
  }));
  // the first slice runs in this thread while worker threads run the others
  const [own, ...others] = requests;
  const done = new Array<number>(requests.length).fill(0);
  const report = options.onProgress && (() => options.onProgress!(done.reduce((a, b) => a + b, 0), options.cohort));
  const pending = pool(others, report && ((n) => ((done[1] = n), report())));
  pending.catch(() => undefined);
  const first = runChunk(table, compilePopulation(population, table.space), { ...own!, onProgress: report && ((n) => ((done[0] = n), report())) });
  const tallies = [first, ...(await pending)];
  const tally = tallies.reduce((a, b) => mergeTallies(a, b));
  return { result: finalizeResult(table, tally, meta), tally, table };
}

/**
 * Simulates a cohort of clients through a care path (Monte Carlo on a compiled table, not on
 * actors): each client walks from the initial step, choosing among the enabled transitions by
 * weight, until an outcome, a step where nothing is enabled ("stuck") or the visit limit.
 *
 * @example
 * const result = await simulate(path, { population, cohort: 170_000, seed: 1, workers: 2 });
 * console.log(result.outcomes, result.unmetNeed);
 */
export async function simulate(path: CarePath, options: SimulateOptions): Promise<SimulationResult> {
  return (await runAll(path, options, false)).result;
}

/**
 * Like `simulate`, in this thread and synchronously (`workers` is ignored).
 * @example
 * const result = simulateSync(path, { cohort: 1000, seed: 1 });
 * console.log(result.outcomes);
 */
export function simulateSync(path: CarePath, options: SimulateOptions): SimulationResult {
  return runHere(path, options, false).result;
}

/**
 * Like `simulate`, and keeps one bit per client for each reach, risk, unmet-need and outcome indicator.
 * @example
 * const run = await simulateWithIndicators(path, { cohort: 10_000, seed: 1 });
 */
export async function simulateWithIndicators(path: CarePath, options: SimulateOptions): Promise<SimulationWithIndicators> {
  const { result, tally, table } = await runAll(path, options, true);
  return withIndicators(result, tally, table);
}

/** `simulateWithIndicators` with a pool for the other slices. */
export async function simulateWithIndicatorsIn(path: CarePath, options: SimulateOptions, pool: SlicePool): Promise<SimulationWithIndicators> {
  const { result, tally, table } = await runAll(path, options, true, pool);
  return withIndicators(result, tally, table);
}
/** Like `simulateWithIndicators`, in this thread and synchronously (`workers` is ignored). */
export function simulateWithIndicatorsSync(path: CarePath, options: SimulateOptions): SimulationWithIndicators {
  const { result, tally, table } = runHere(path, options, true);
  return withIndicators(result, tally, table);
}

/**
 * Like `simulateSync`, and also the results of `parts` consecutive slices of the cohort (each an
 * independent sample of clients): the batches from which Monte-Carlo error is estimated. The
 * whole result is exactly that of `simulateSync` with the same options.
 */
export function simulateBatches(path: CarePath, options: SimulateOptions, parts: number): { result: SimulationResult; batches: SimulationResult[] } {
  const { population, table, meta } = prepare(path, options);
  const sample = compilePopulation(population, table.space);
  const tallies = slices(options.cohort, parts).map(([start, end]) => runChunk(table, sample, { seed: options.seed, start, end, maxVisits: options.maxVisits ?? DEFAULT_MAX_VISITS }));
  const batches = tallies.map((tally) => finalizeResult(table, tally, { ...meta, cohort: tally.journeys }));
  return { result: finalizeResult(table, tallies.reduce((a, b) => mergeTallies(a, b)), meta), batches };
}

/**
 * `simulateBatches` on a pool of worker threads: each batch runs as one request, at most
 * `options.workers` at once. Every batch is the same slice of clients with the same streams, and the
 * tallies are merged in the same order, so the result and the batches are those of
 * `simulateBatches`. Without a pool or with one worker, it is `simulateBatches`.
 */
export async function simulateBatchesIn(path: CarePath, options: SimulateOptions, parts: number, pool?: SlicePool): Promise<{ result: SimulationResult; batches: SimulationResult[] }> {
  const workers = options.workers ?? 1;
  if (workers <= 1 || !pool) return simulateBatches(path, options, parts);
  const { walked, population, table, meta } = prepare(path, options);
  const data = tableData(walked, { population, menukaart: options.menukaart });
  const requests: WorkerRequest[] = slices(options.cohort, parts).map(([start, end]) => ({ table: data, population, seed: options.seed, start, end, maxVisits: options.maxVisits ?? DEFAULT_MAX_VISITS }));
  const tallies = await pool(requests, undefined, workers);
  const batches = tallies.map((tally) => finalizeResult(table, tally, { ...meta, cohort: tally.journeys }));
  return { result: finalizeResult(table, tallies.reduce((a, b) => mergeTallies(a, b)), meta), batches };
}
