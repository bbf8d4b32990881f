import { argumentError, isRecord, WHOLE_NUMBER, wholeNumberFrom } from '../diagnostics/index.js';
import { requireAttributeNames, type CarePath, type Client, type ClientInput } from '../model/index.js';
import { encodeClient } from './client.js';
import { arrivalOf, chooseTransition, choiceScratch } from './choose.js';
import { clientStream, isValidSeed, STREAM } from './random.js';
import { DEFAULT_MAX_VISITS } from './run.js';
import { compileTable, type SimTable } from './table.js';

/** One client's journey: the steps visited, the transition taken from each (index within its step) and the days. */
export interface JourneyTrace {
  steps: string[];
  /** `transitions[k]` was taken from `steps[k]`; one fewer than steps. */
  transitions: number[];
  days: number[];
  end: 'outcome' | 'stuck' | 'limit';
}

const tables = new WeakMap<CarePath, SimTable>();

/** The compiled table of a path, compiled once per path object. */
export function tableOf(path: CarePath): SimTable {
  let table = tables.get(path);
  if (!table) {
    table = compileTable(path);
    tables.set(path, table);
  }
  return table;
}

/**
 * Walks one client through a path with the random stream `simulate` gives client number `index`
 * for `seed`, so `traceJourney(path, generateClients(population, { n, seed })[i], { seed, index: i })`
 * is journey `i` of `simulate(path, { population, cohort: n, seed })`.
 *
 * @example
 * const trace = traceJourney(path, { risks: ['debts'] }, { seed: 1, index: 0 });
 * console.log(trace.steps, trace.end);
 */
export function traceJourney(path: CarePath, client: Client | ClientInput, options: { seed: number; index: number; maxVisits?: number }): JourneyTrace {
  if (!isRecord(client)) throw argumentError('traceJourney', 'client', { en: 'a client object such as { risks: ["debts"] }', nl: 'een cliëntobject zoals { risks: ["debts"] }' }, client);
  if (!isRecord(options)) throw argumentError('traceJourney', 'options', { en: 'an object with seed and index', nl: 'een object met seed en index' }, options);
  const { seed, index, maxVisits = DEFAULT_MAX_VISITS } = options;
  if (!isValidSeed(seed)) throw argumentError('traceJourney', 'options.seed', WHOLE_NUMBER, seed);
  if (!Number.isSafeInteger(index) || index < 0) throw argumentError('traceJourney', 'options.index', wholeNumberFrom(0), index);
  // NaN or Infinity would let a cycle without exit run forever
  if (!Number.isSafeInteger(maxVisits) || maxVisits < 1) throw argumentError('traceJourney', 'options.maxVisits', wholeNumberFrom(1), maxVisits);
  const table = tableOf(path);
  requireAttributeNames('traceJourney', client.attributes);
  const compiled = encodeClient(table.space, client);
  const rng = clientStream(seed, index, STREAM.journey);
  const scratch = choiceScratch(table);
  const trace: JourneyTrace = { steps: [], transitions: [], days: [], end: 'outcome' };
  let s = table.initial;
  let day = table.startDay;
  for (;;) {
    trace.steps.push(table.stepIds[s]!);
    trace.days.push(day);
    if (table.outcome[s] === 1) break;
    if (trace.steps.length >= maxVisits) {
      trace.end = 'limit';
      break;
    }
    const t = chooseTransition(table, s, compiled, day, rng, scratch);
    if (t < 0) {
      trace.end = 'stuck';
      break;
    }
    trace.transitions.push(t - table.first[s]!);
    day = arrivalOf(table, t, day);
    s = table.target[t]!;
  }
  return trace;
}
