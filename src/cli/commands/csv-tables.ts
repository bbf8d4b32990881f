import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../diagnostics/index.js';
import type { SimulationResult } from '../../simulate/index.js';
import type { SimulationUncertainty } from '../../simulate/uncertainty.js';
import type { HouseholdReportInput, ReportTable } from '../../render/index.js';
import { CliError, writeOutputFile } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printable } from '../../diagnostics/printable.js';

/**
 * Writes each table as `<id>.csv` into `folder` (made when missing), in the language's spreadsheet
 * conventions; returns the files written. `inputs` are the files the tables came from, which an
 * output may never overwrite.
 */
export async function writeCsvTables(folder: string, tables: readonly ReportTable[], lang: Lang, inputs: readonly string[]): Promise<string[]> {
  const { tableCsv } = await import('../../render/index.js');
  // the tables go into a folder: a file of that name is refused, not replaced
  if (statSync(folder, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new CliError(`${printable(folder)} is a file; the CSV tables go into a folder: give a folder name.`, EXIT.usage, `${printable(folder)} is een bestand; de CSV-tabellen komen in een map: geef de naam van een map.`);
  }
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

/**
 * The result with unmet need only for the risks the path is about (as `simulate` prints it): the
 * population draws every risk it knows, and a risk no step signals or supports says nothing of the path.
 */
export function onlyPathRisks(result: SimulationResult, risks: readonly string[]): SimulationResult {
  if (risks.length === 0) return result;
  const about = new Set(risks);
  return { ...result, unmetNeed: Object.fromEntries(Object.entries(result.unmetNeed).filter(([risk]) => about.has(risk))) };
}

/**
 * The household report's tables of a simulation, as `simulate --csv` writes them on a household
 * path: the figures of the summary (outcomes, risks, signal to support, handoffs, tracks, children,
 * ended tracks) and the per-step and per-transition tables; not the path's own track table nor the
 * conditions of its diagrams, which describe the path rather than the run.
 */
export async function householdSimulationTables(input: HouseholdReportInput & { simulation: NonNullable<HouseholdReportInput['simulation']> }): Promise<ReportTable[]> {
  const { householdReportTables } = await import('../../render/index.js');
  return householdReportTables(input).filter((t) => t.id.startsWith('huishouden-') && t.id !== 'huishouden-sporen');
}
