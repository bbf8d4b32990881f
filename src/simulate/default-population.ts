import { ZorgpadenError } from '../diagnostics/index.js';
import { PopulationSchema, safeParseData, type Population } from '../model/index.js';
// bundled with the code, so that the default population needs no file system (and works in a browser)
import shipped from '../../paths/populations/default.json' with { type: 'json' };

let cached: Population | undefined;

/**
 * The shipped default population (paths/populations/default.json): prevalences of the risk and
 * protective factors and attributes of Dutch (future) parents, each with its source.
 * @example
 * const result = simulateSync(path, { population: defaultPopulation(), cohort: 1000, seed: 1 });
 */
export function defaultPopulation(): Population {
  if (cached) return cached;
  const parsed = safeParseData(PopulationSchema, shipped as unknown);
  if (!parsed.ok) throw new ZorgpadenError('The shipped default population (paths/populations/default.json) is not valid.', parsed.diagnostics.map((d) => ({ ...d, file: 'paths/populations/default.json' })));
  cached = parsed.value;
  return cached;
}
