/**
 * `zorgpaden/node`: the parts that need Node: reading documents and their includes from disk,
 * a validation config from a file, and simulation over worker threads. Everything else is in the
 * browser-safe main entry `zorgpaden`.
 *
 * @example
 * import { loadPath } from 'zorgpaden/node';
 * import { validatePath } from 'zorgpaden';
 * const path = await loadPath('paths/national/1000-dagen.json');
 * console.log(validatePath(path).ok);
 *
 * @packageDocumentation
 */
export {
  safeLoadPath,
  loadPath,
  safeLoadCoalitionPath,
  loadCoalitionPath,
  safeLoadMenukaart,
  loadMenukaart,
  safeLoadPopulation,
  loadPopulation,
  safeLoadCoalition,
  loadCoalition,
  safeLoadRoute,
  loadRoute,
  safeLoadTargets,
  safeLoadOverlay,
  safeLoadDocument,
  loadDocument,
  safeParsePath,
  parsePath,
  safeParseDocument,
  parseDocument,
} from './load.js';
export { safeLoadHouseholdPath, loadHouseholdPath } from './household.js';
export { safeLoadValidateConfig, loadValidateConfig } from './validate-config.js';
export { simulate, simulateWithIndicators, simulateHousehold, simulateWithUncertaintyInWorkers } from './simulate.js';
