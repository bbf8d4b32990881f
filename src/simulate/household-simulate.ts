import { argumentError, isRecord, WHOLE_NUMBER, wholeNumberFrom, ZorgpadenError } from '../diagnostics/index.js';
import { migratePathV1 } from '../load/index.js';
import { HOUSEHOLD_SCHEMA_VERSION, LIMITS, safeParseHouseholdPathData, type CarePath, type HouseholdPath, type Menukaart, type Population } from '../model/index.js';
import { defaultPopulation } from './default-population.js';
import { finalizeHouseholdResult, type HouseholdSimulationResult } from './household-result.js';
import { DEFAULT_HOUSEHOLD_MAX_VISITS, runHouseholdChunk } from './household-run.js';
import { householdTableData, instantiateHouseholdTable, type HouseholdTable } from './household-table.js';
import { mergeHouseholdTallies, type HouseholdTally } from './household-tally.js';
import type { HouseholdWorkerRequest } from './worker-protocol.js';
import { compilePopulation } from './population.js';
import { isValidSeed } from './random.js';

/** Options of `simulateHousehold`. */
export interface HouseholdSimulateOptions {
  /** The households' population model (present risks, attributes, multiple births); the shipped default when left out. */
  population?: Population;
  /** Number of households. */
  cohort: number;
  /** Seed of the random streams; the same seed gives the same households and journeys. */
  seed: number;
  /** Menukaart whose entries give the risks that intervention steps address. */
  menukaart?: Menukaart;
  /** Most steps one household may visit over all its tracks (default 10,000). */
  maxVisits?: number;
  /**
   * Split the cohort into this many slices, walked one after the other and added up (default 1).
   * Every household walks on streams of its own, so the result does not depend on it.
   */
  slices?: number;
  /**
   * Worker threads to split the cohort over (default 1: in this thread) when simulating with
   * `simulateHousehold` from `zorgpaden/node`; the `simulateHousehold` of `zorgpaden/household`
   * always runs in this thread. Results do not depend on it.
   */
  workers?: number;
}

function check(options: HouseholdSimulateOptions): void {
  if (!isRecord(options)) throw argumentError('simulateHousehold', 'options', { en: 'an object with cohort and seed', nl: 'een object met cohort en seed' }, options);
  const { cohort, seed, maxVisits = DEFAULT_HOUSEHOLD_MAX_VISITS, slices = 1, workers = 1 } = options;
  if (!Number.isSafeInteger(cohort) || cohort < 1 || cohort > LIMITS.maxCohort) throw argumentError('simulateHousehold', 'cohort', wholeNumberFrom(1, LIMITS.maxCohort), cohort);
  if (!isValidSeed(seed)) throw argumentError('simulateHousehold', 'seed', WHOLE_NUMBER, seed);
  if (!Number.isSafeInteger(maxVisits) || maxVisits < 1) throw argumentError('simulateHousehold', 'maxVisits', wholeNumberFrom(1), maxVisits);
  if (!Number.isSafeInteger(slices) || slices < 1 || slices > 256) throw argumentError('simulateHousehold', 'slices', wholeNumberFrom(1, 256), slices);
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) throw argumentError('simulateHousehold', 'workers', wholeNumberFrom(1, 256), workers);
  for (const name of ['population', 'menukaart'] as const) {
    if (options[name] !== undefined && !isRecord(options[name])) throw argumentError('simulateHousehold', `options.${name}`, { en: `a ${name} object`, nl: `een ${name}-object` }, options[name]);
  }
}

/** The household path to walk: a version 2 path as it is, a version 1 path migrated (checked either way). */
export function householdOf(path: HouseholdPath | CarePath, caller = 'simulateHousehold'): HouseholdPath {
  if (!isRecord(path)) throw argumentError(caller, 'path', { en: 'a care path (version 1 or 2)', nl: 'een zorgpad (versie 1 of 2)' }, path);
  if (path.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION) return migratePathV1(path as CarePath).path;
  const parsed = safeParseHouseholdPathData(path);
  if (!parsed.ok) throw new ZorgpadenError(`${caller}: path is not a valid household path.`, parsed.diagnostics);
  return path as HouseholdPath;
}

/** Consecutive slices `[start, end)` of a cohort, none empty. */
function slicesOf(cohort: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < parts; k++) out.push([Math.floor((cohort * k) / parts), Math.floor((cohort * (k + 1)) / parts)]);
  return out.filter(([a, b]) => b > a);
}

function prepare(path: HouseholdPath | CarePath, options: HouseholdSimulateOptions) {
  check(options);
  const household = householdOf(path);
  const population = options.population ?? defaultPopulation();
  const data = householdTableData(household, { population, ...(options.menukaart ? { menukaart: options.menukaart } : {}) });
  const table = instantiateHouseholdTable(data);
  const meta = { pathId: household.id, pathVersion: household.version, ...(household.coalition ? { coalition: household.coalition.id } : {}), populationId: population.id, cohort: options.cohort, seed: options.seed };
  return { household, population, data, table, meta };
}

/** Compiles and walks the cohort in this thread; also gives the table, for callers that look further. */
export function runHouseholds(path: HouseholdPath | CarePath, options: HouseholdSimulateOptions): { result: HouseholdSimulationResult; table: HouseholdTable } {
  const { population, table, meta } = prepare(path, options);
  const sample = compilePopulation(population, table.base.space);
  const { seed, maxVisits = DEFAULT_HOUSEHOLD_MAX_VISITS } = options;
  const tally = slicesOf(options.cohort, options.slices ?? 1)
    .map(([start, end]) => runHouseholdChunk(table, sample, { seed, start, end, maxVisits }))
    .reduce((a, b) => mergeHouseholdTallies(a, b));
  return { result: finalizeHouseholdResult(table, tally, meta), table };
}

/** Runs slices of households elsewhere (worker threads in `zorgpaden/node`) and returns their tallies. */
export type HouseholdSlicePool = (requests: HouseholdWorkerRequest[]) => Promise<HouseholdTally[]>;

/**
 * `simulateHousehold` over `options.workers` slices: the first walks in this thread while the pool
 * walks the others. Every household walks on streams of its own, so the sum of the slices is
 * exactly the result of one thread.
 */
export async function runHouseholdsWith(path: HouseholdPath | CarePath, options: HouseholdSimulateOptions, pool: HouseholdSlicePool): Promise<HouseholdSimulationResult> {
  check(options);
  const workers = options.workers ?? 1;
  if (workers <= 1) return runHouseholds(path, options).result;
  const { population, data, table, meta } = prepare(path, options);
  const { seed, maxVisits = DEFAULT_HOUSEHOLD_MAX_VISITS } = options;
  const requests: HouseholdWorkerRequest[] = slicesOf(options.cohort, workers).map(([start, end]) => ({ kind: 'households', table: data, population, seed, start, end, maxVisits }));
  const [own, ...others] = requests;
  const pending = others.length > 0 ? pool(others) : Promise.resolve([]);
  // handled below, after this thread's slice: an early failure must not be an unhandled rejection meanwhile
  pending.catch(() => undefined);
  const first = runHouseholdChunk(table, compilePopulation(population, table.base.space), { seed, start: own!.start, end: own!.end, maxVisits });
  const tally = [first, ...(await pending)].reduce((a, b) => mergeHouseholdTallies(a, b));
  return finalizeHouseholdResult(table, tally, meta);
}

/**
 * Simulates a cohort of households through a household path (format version 2; a version 1 path
 * is migrated to one parent track and walks as before). Every track moves on its own clock;
 * events, signals and referrals cross between tracks; a child's track runs once per child.
 *
 * @example
 * const result = simulateHousehold(await loadHouseholdPath('gezin.json'), { cohort: 10_000, seed: 1 });
 * console.log(result.risks.schulden); // { present, signalled, addressed, neverSignalled, … }
 */
export function simulateHousehold(path: HouseholdPath | CarePath, options: HouseholdSimulateOptions): HouseholdSimulationResult {
  return runHouseholds(path, options).result;
}
