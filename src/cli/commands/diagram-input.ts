import { readBoundedSync } from '../../node/bounded-read.js';
import { LIMITS } from '../../model/index.js';
import { isRecord, type Lang } from '../../diagnostics/index.js';
import type { SimulationOverlay } from '../../export/index.js';
import { overlayFlaw, overlayMismatches, type OverlayOrigin } from '../../export/overlay-check.js';
import { pathHash } from '../../machine/index.js';
import type { CarePath } from '../../model/index.js';
import { CliError } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** The largest simulation result read for an overlay: the file limit of a path. */
export const MAX_OVERLAY_BYTES = LIMITS.maxFileBytes;

// V8's message quotes the start of the text ("PATH=/usr/"... is not valid JSON): say only where
function jsonPosition(error: unknown, lang: 'en' | 'nl' = 'en'): string {
  const at = /position (\d+)/.exec(String((error as Error | undefined)?.message ?? ''));
  if (!at) return '';
  return lang === 'nl' ? ` (bij teken ${at[1]})` : ` (at character ${at[1]})`;
}

/** A simulation result read for an overlay, with what it records about the path it ran on. */
export type LoadedOverlay = SimulationOverlay & { origin: OverlayOrigin };

/**
 * Reads a simulation result written by `zorgpaden simulate -o` for a diagram overlay: the four
 * fields an overlay reads (counts of 0 or more) and what it records about the path it ran on.
 */
export function readOverlay(file: string): LoadedOverlay {
  const data = readResultJson(file);
  const r = data as Partial<Record<keyof SimulationOverlay | 'meta', unknown>>;
  if (overlayFlaw(data) !== undefined || typeof data !== 'object' || data === null || Array.isArray(data)) {
    // a household result counts households per step where a version 1 result counts clients
    if (isRecord(data) && data.clients === undefined && isRecord(data.households) && isRecord(data.tracks)) {
      throw new CliError(
        `"${file}" is the simulation result of a household path (format version 2); draw it on that household path, or simulate this path (zorgpaden simulate <path> -o sim.json).`,
        EXIT.usage,
        `"${file}" is het simulatieresultaat van een huishoudpad (formaatversie 2); teken het op dat huishoudpad, of simuleer dit pad (zorgpaden simulate <pad> -o sim.json).`,
      );
    }
    throw new CliError(
      `"${file}" is not a simulation result: it needs "cohort" (a number), "visits" and "clients" (counts of 0 or more per step) and "transitionCounts" (lists of counts per step). Write one with \`zorgpaden simulate <path> -o sim.json\`.`,
      EXIT.usage,
      `"${file}" is geen simulatieresultaat: het heeft "cohort" (een getal), "visits" en "clients" (aantallen van 0 of meer per stap) en "transitionCounts" (lijsten van aantallen per stap) nodig. Schrijf er een met \`zorgpaden simulate <pad> -o sim.json\`.`,
    );
  }
  const overlay = { cohort: r.cohort as number, visits: r.visits as Record<string, number>, clients: r.clients as Record<string, number>, transitionCounts: r.transitionCounts as Record<string, number[]> };
  return { ...overlay, origin: overlayOrigin(r.meta) };
}

/** What a result's `meta` records about the path it ran on: its id, version, content hash and coalition, where given. */
export function overlayOrigin(meta: unknown): OverlayOrigin {
  const origin: OverlayOrigin = {};
  if (isRecord(meta)) {
    for (const key of ['pathId', 'pathVersion', 'pathHash'] as const) if (typeof meta[key] === 'string') origin[key] = meta[key];
    if (typeof meta.coalition === 'string' || meta.coalition === null) origin.coalition = meta.coalition;
  }
  return origin;
}

/** Reads a simulation result file as JSON (bounded in size), or throws a usage error that says how to write one. */
export function readResultJson(file: string): unknown {
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
        : [`it is not valid JSON${jsonPosition(error)}`, `het is geen geldige JSON${jsonPosition(error, 'nl')}`];
    throw new CliError(
      `Cannot read the simulation result "${file}": ${en}. Write one with \`zorgpaden simulate <path> -o sim.json\`.`,
      EXIT.usage,
      `Kan het simulatieresultaat "${file}" niet lezen: ${nl}. Schrijf er een met \`zorgpaden simulate <pad> -o sim.json\`.`,
    );
  }
  return data;
}

/**
 * Refuses to draw a simulation result on a path it does not belong to (another path, version,
 * content or coalition, or steps the path lacks), unless `--force-overlay` is given.
 */
export function checkOverlay(path: CarePath, overlay: LoadedOverlay, file: string, force: boolean | undefined, lang: Lang, warn: (text: string) => void): void {
  const mismatches = overlayMismatches(path, overlay, overlay.origin, overlay.origin.pathHash !== undefined ? pathHash(path) : undefined);
  if (mismatches.length === 0) return;
  const en = mismatches.map((m) => m.en).join('; ');
  const nl = mismatches.map((m) => m.nl).join('; ');
  if (force) {
    warn(
      lang === 'nl'
        ? `Let op: het simulatieresultaat "${file}" hoort niet bij dit pad (${nl}); toch getekend vanwege --force-overlay.\n`
        : `Note: the simulation result "${file}" does not belong to this path (${en}); drawn anyway because of --force-overlay.\n`,
    );
    return;
  }
  throw new CliError(
    `The simulation result "${file}" does not belong to this path: ${en}. Simulate this path again (zorgpaden simulate <path> -o sim.json), or give --force-overlay to draw it anyway.`,
    EXIT.usage,
    `Het simulatieresultaat "${file}" hoort niet bij dit pad: ${nl}. Simuleer dit pad opnieuw (zorgpaden simulate <pad> -o sim.json), of geef --force-overlay om het toch te tekenen.`,
  );
}

/** Splits a comma-separated flag value into its items. */
export function listFlag(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
