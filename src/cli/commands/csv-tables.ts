import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../diagnostics/index.js';
import type { SimulationResult } from '../../simulate/index.js';
import type { SimulationUncertainty } from '../../simulate/uncertainty.js';
import type { ReportTable } from '../../render/index.js';
import { writeOutputFile } from '../context.js';

/**
 * Writes each table as `<id>.csv` into `folder` (made when missing), in the language's spreadsheet
 * conventions; returns the files written. `inputs` are the files the tables came from, which an
 * output may never overwrite.
 */
export async function writeCsvTables(folder: string, tables: readonly ReportTable[], lang: Lang, inputs: readonly string[]): Promise<string[]> {
  const { tableCsv } = await import('../../render/index.js');
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const table of tables) {
    const target = join(folder, `${table.id}.csv`);
    // a byte-order mark, so that spreadsheets read the file as UTF-8
    await writeOutputFile(target, '\uFEFF' + tableCsv(table, lang), [...inputs]);
    written.push(target);
  }
  return written;
}

/** The result with each reach and unmet-need figure carrying its 95% interval, as the report's tables show it. */
export function withIntervals(result: SimulationResult, uncertainty: SimulationUncertainty): SimulationResult {
  const interventions = Object.fromEntries(Object.entries(result.interventions).map(([step, r]) => [step, uncertainty.reach[step] ? { ...r, interval: uncertainty.reach[step].interval } : r]));
  const unmetNeed = Object.fromEntries(Object.entries(result.unmetNeed).map(([risk, u]) => [risk, uncertainty.unmetNeed[risk] ? { ...u, interval: uncertainty.unmetNeed[risk].interval } : u]));
  return { ...result, interventions, unmetNeed };
}
