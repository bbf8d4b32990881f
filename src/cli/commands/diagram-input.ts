import { readBoundedSync } from '../../load/bounded-read.js';
import { LIMITS } from '../../model/index.js';
import type { SimulationOverlay } from '../../export/index.js';
import { CliError } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** The largest simulation result read for an overlay: the file limit of a path. */
export const MAX_OVERLAY_BYTES = LIMITS.maxFileBytes;

function isCountTable(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v));
}

/**
 * Reads a simulation result written by `zorgpaden simulate -o` for a diagram overlay; only the four
 * fields an overlay reads are checked and kept.
 */
export function readOverlay(file: string): SimulationOverlay {
  let data: unknown;
  const reply = readBoundedSync(file, MAX_OVERLAY_BYTES);
  try {
    if (!reply.ok) throw reply;
    data = JSON.parse(reply.text);
  } catch (error) {
    const [en, nl] =
      !reply.ok
        ? reply.problem === 'not-found'
          ? ['it does not exist', 'het bestaat niet']
          : reply.problem === 'too-large'
            ? [`it is more than ${MAX_OVERLAY_BYTES} bytes`, `het is meer dan ${MAX_OVERLAY_BYTES} bytes`]
            : [reply.reason, reply.reasonNl]
        : [`it is not valid JSON (${(error as Error).message})`, `het is geen geldige JSON (${(error as Error).message})`];
    throw new CliError(
      `Cannot read the simulation result "${file}": ${en}. Write one with \`zorgpaden simulate <path> -o sim.json\`.`,
      EXIT.usage,
      `Kan het simulatieresultaat "${file}" niet lezen: ${nl}. Schrijf er een met \`zorgpaden simulate <pad> -o sim.json\`.`,
    );
  }
  const r = data as Partial<Record<keyof SimulationOverlay, unknown>>;
  const counts = r.transitionCounts;
  const countsOk =
    typeof counts === 'object' && counts !== null && Object.values(counts).every((list) => Array.isArray(list) && list.every((n) => typeof n === 'number'));
  if (typeof r.cohort !== 'number' || !isCountTable(r.visits) || !isCountTable(r.clients) || !countsOk) {
    throw new CliError(
      `"${file}" is not a simulation result: it needs "cohort" (a number), "visits" and "clients" (counts per step) and "transitionCounts" (lists of counts per step). Write one with \`zorgpaden simulate <path> -o sim.json\`.`,
      EXIT.usage,
      `"${file}" is geen simulatieresultaat: het heeft "cohort" (een getal), "visits" en "clients" (aantallen per stap) en "transitionCounts" (lijsten van aantallen per stap) nodig. Schrijf er een met \`zorgpaden simulate <pad> -o sim.json\`.`,
    );
  }
  return { cohort: r.cohort, visits: r.visits, clients: r.clients, transitionCounts: counts as Record<string, number[]> };
}

/** Splits a comma-separated flag value into its items. */
export function listFlag(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
