import type { Population } from '../model/index.js';
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

/** What a worker sends back. */
export type WorkerMessage = { type: 'progress'; done: number } | { type: 'done'; tally: Tally } | { type: 'error'; message: string };

/** Runs one slice exactly as the main thread would. */
export function runRequest(request: WorkerRequest, onProgress?: (done: number) => void): Tally {
  const table = instantiateTable(request.table);
  const sample = compilePopulation(request.population, table.space);
  return runChunk(table, sample, { ...request, onProgress });
}

/** The typed arrays of a tally, to transfer rather than copy. */
export function transferList(tally: Tally): ArrayBuffer[] {
  const buffers: ArrayBufferLike[] = [];
  for (const value of Object.values(tally)) if (ArrayBuffer.isView(value)) buffers.push(value.buffer);
  if (tally.traces) buffers.push(tally.traces.lengths.buffer, tally.traces.steps.buffer, tally.traces.days.buffer);
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
