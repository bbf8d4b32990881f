import type { CarePath, HouseholdPath } from '../model/index.js';
import type { HouseholdSimulationResult } from '../simulate/household-result.js';
import { runHouseholdsWith, type HouseholdSimulateOptions } from '../simulate/household-simulate.js';
import type { SimulationResult } from '../simulate/result.js';
import { runAll, simulateWithIndicatorsIn, type SimulateOptions, type SimulationWithIndicators } from '../simulate/simulate.js';
import { simulateWithUncertaintyIn, type SimulationUncertainty, type UncertaintyOptions } from '../simulate/uncertainty.js';
import { runHouseholdsInWorkers, runInWorkers } from '../simulate/workers.js';

/**
 * Simulates a cohort like the core's `simulate`, spreading it over `workers` worker threads; the
 * result is the same for any number of workers.
 * @example
 * import { simulate } from 'zorgpaden/node';
 * const result = await simulate(path, { cohort: 170_000, seed: 1, workers: 2 });
 */
export async function simulate(path: CarePath, options: SimulateOptions): Promise<SimulationResult> {
  return (await runAll(path, options, false, runInWorkers)).result;
}

/**
 * Like `simulate` from `zorgpaden/node`, and keeps one bit per client for each indicator (for
 * `compareSimulations`).
 * @example
 * const withIndicators = await simulateWithIndicators(path, { cohort: 170_000, seed: 1, workers: 2 });
 */
export function simulateWithIndicators(path: CarePath, options: SimulateOptions): Promise<SimulationWithIndicators> {
  return simulateWithIndicatorsIn(path, options, runInWorkers);
}

/**
 * Simulates a cohort of households like `simulateHousehold` of `zorgpaden/household`, spreading
 * it over `workers` worker threads; the result is the same for any number of workers.
 * @example
 * import { loadHouseholdPath, simulateHousehold } from 'zorgpaden/node';
 * const result = await simulateHousehold(await loadHouseholdPath('gezin.json'), { cohort: 170_000, seed: 1, workers: 2 });
 */
export function simulateHousehold(path: HouseholdPath | CarePath, options: HouseholdSimulateOptions): Promise<HouseholdSimulationResult> {
  return runHouseholdsWith(path, options, runHouseholdsInWorkers);
}

/**
 * Like `simulateWithUncertainty` of `zorgpaden/analysis`, with the batches spread over `workers`
 * worker threads (each batch one request, at most `workers` at once); the result and the
 * uncertainty are the same for any number of workers.
 * @example
 * import { simulateWithUncertaintyInWorkers } from 'zorgpaden/node';
 * const { result, uncertainty } = await simulateWithUncertaintyInWorkers(path, { cohort: 170_000, seed: 1, batches: 20, workers: 2 });
 */
export function simulateWithUncertaintyInWorkers(path: CarePath, options: UncertaintyOptions): Promise<{ result: SimulationResult; uncertainty: SimulationUncertainty }> {
  return simulateWithUncertaintyIn(path, options, runInWorkers);
}
