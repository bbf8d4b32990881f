import type { Population } from '../model/index.js';
import { runHouseholdChunk } from './household-run.js';
import { instantiateHouseholdTable, type HouseholdTableData } from './household-table.js';
import type { HouseholdTally } from './household-tally.js';
import { compilePopulation } from './population.js';
import { runChunk } from './run.js';
import { instantiateTable, type TableData } from './table-instance.js';
import type { Tally } from './tally.js';

/** What a worker is asked to run: one slice of the cohort. */
export interface WorkerRequest {
  table: TableData;
  population: Population;
  seed: number;
  start: number;
  end: number;
  maxVisits?: number;
  traces?: boolean;
  indicators?: boolean;
}

/** What a worker is asked to run for a household path: one slice of the households. */
export interface HouseholdWorkerRequest {
  kind: 'households';
  table: HouseholdTableData;
  population: Population;
  seed: number;
  start: number;
  end: number;
  maxVisits: number;
}

/** Either kind of request a worker thread runs. */
export type AnyWorkerRequest = WorkerRequest | HouseholdWorkerRequest;

/** What a worker sends back. */
export type WorkerMessage = { type: 'progress'; done: number } | { type: 'done'; tally: Tally | HouseholdTally } | { type: 'error'; message: string };

const isHouseholds = (request: AnyWorkerRequest): request is HouseholdWorkerRequest => (request as Partial<HouseholdWorkerRequest>).kind === 'households';

/** Runs one slice exactly as the main thread would. */
export function runRequest(request: WorkerRequest, onProgress?: (done: number) => void): Tally;
export function runRequest(request: HouseholdWorkerRequest, onProgress?: (done: number) => void): HouseholdTally;
export function runRequest(request: AnyWorkerRequest, onProgress?: (done: number) => void): Tally | HouseholdTally;
export function runRequest(request: AnyWorkerRequest, onProgress?: (done: number) => void): Tally | HouseholdTally {
  if (isHouseholds(request)) {
    const table = instantiateHouseholdTable(request.table);
    const sample = compilePopulation(request.population, table.base.space);
    return runHouseholdChunk(table, sample, { seed: request.seed, start: request.start, end: request.end, maxVisits: request.maxVisits, ...(onProgress ? { onProgress } : {}) });
  }
  const table = instantiateTable(request.table);
  const sample = compilePopulation(request.population, table.space);
  return runChunk(table, sample, { ...request, onProgress });
}

/** The typed arrays of a tally, to transfer rather than copy. */
export function transferList(tally: Tally | HouseholdTally): ArrayBuffer[] {
  const buffers: ArrayBufferLike[] = [];
  for (const value of Object.values(tally)) if (ArrayBuffer.isView(value)) buffers.push(value.buffer);
  if ('traces' in tally && tally.traces) buffers.push(tally.traces.lengths.buffer, tally.traces.steps.buffer, tally.traces.days.buffer);
  if ('supportWait' in tally) for (const histogram of tally.supportWait) buffers.push(histogram.buffer);
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
