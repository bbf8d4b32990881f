import { relative } from 'node:path';
import { isRecord, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import { printable } from '../../diagnostics/printable.js';
import { householdOverlayFlaw, householdOverlayMismatches, type HouseholdOverlay } from '../../export/mermaid/household-overlay.js';
import type { OverlayOrigin } from '../../export/overlay-check.js';
import type { HouseholdSimulationResult } from '../../simulate/household-result.js';
import { HOUSEHOLD_SCHEMA_VERSION, householdCommandList, type HouseholdPath, type Menukaart, type Result } from '../../model/index.js';
import { safeLoadCoalition, safeLoadHouseholdPath } from '../../node/index.js';
import { safeLoadHouseholdMenukaart, safeLoadHouseholdPathWithErrors } from '../../node/household.js';
import { applyAndCheck } from '../../load/household.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { overlayOrigin, readResultJson } from './diagram-input.js';
import { loadName, rootOptions, type RootFlags } from './flags.js';

/** True when loading as a version 1 document failed only because the file is a household path (format version 2). */
export function isHouseholdFile(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'unsupported-schema-version' && d.pointer === '/schemaVersion' && d.params.actual === String(HOUSEHOLD_SCHEMA_VERSION));
}

/**
 * Refuses a household path in a command that reads version 1 care paths only (exit 2: the command
 * cannot run on it), naming the command, what it reads, and the commands that read household paths.
 */
export function refuseHouseholdPath(command: string, reads: { en: string; nl: string }, diagnostics: readonly Diagnostic[], cwd: string): void {
  const found = diagnostics.find((d) => d.code === 'unsupported-schema-version' && d.pointer === '/schemaVersion' && d.params.actual === String(HOUSEHOLD_SCHEMA_VERSION));
  if (!found) return;
  const file = found.file === undefined ? '' : ` "${printable(relative(cwd, found.file) || found.file)}"`;
  throw new CliError(
    `zorgpaden ${command} does not support household paths (format version 2) yet, and${file || ' the file'} is one: ${command} reads ${reads.en}. Household paths are read by ${householdCommandList('and')}.`,
    EXIT.usage,
    `zorgpaden ${command} werkt nog niet met huishoudpaden (formaatversie 2), en${file || ' het bestand'} is er een: ${command} leest ${reads.nl}. Huishoudpaden worden gelezen door ${householdCommandList('en')}.`,
  );
}

/**
 * Refuses the first given flag of `flags` (name as typed, and whether it was given) that a command
 * does not take for a household path, with a usage error that says what to do instead.
 */
export function refuseHouseholdFlags(command: string, flags: readonly (readonly [string, boolean])[]): void {
  const given = flags.find(([, present]) => present);
  if (!given) return;
  throw new CliError(
    `${command} ${given[0]} is not available for a household path (format version 2) yet; leave it out.`,
    EXIT.usage,
    `${command} ${given[0]} kan nog niet bij een huishoudpad (formaatversie 2); laat het weg.`,
  );
}

/**
 * Loads a household path file as the commands do: relative to the working folder, inside its root;
 * a coalition file is the household path it adapts with it applied. `coalition` (the `--coalition`
 * flag) is a coalition file to apply over the path, checked against the menukaart the path names.
 * `keepReferenceErrors`: a path with reference errors is returned with them (for a report).
 */
export async function loadHouseholdFile(file: string, flags: RootFlags, context: CliContext, coalition?: string, keepReferenceErrors = false): Promise<Result<HouseholdPath>> {
  const load = keepReferenceErrors ? safeLoadHouseholdPathWithErrors : safeLoadHouseholdPath;
  const loaded = await load(loadName(file, context.cwd), rootOptions(flags, file, context.cwd));
  if (coalition === undefined || !loaded.ok) return loaded;
  const read = await safeLoadCoalition(loadName(coalition, context.cwd));
  if (!read.ok) return { ok: false, diagnostics: [...loaded.diagnostics, ...read.diagnostics] };
  const menukaart = await householdMenukaart(loaded.value, file, flags, context);
  if (!menukaart.ok) return { ok: false, diagnostics: [...loaded.diagnostics, ...menukaart.diagnostics] };
  const applied = applyAndCheck(loaded.value, read.value, menukaart.value?.interventions, keepReferenceErrors);
  const diagnostics = [...loaded.diagnostics, ...applied.diagnostics];
  return applied.ok ? { ok: true, value: applied.value, diagnostics } : { ok: false, diagnostics };
}

/**
 * The menukaart a household path names in its `menukaart` field, read inside the path's root as
 * `simulate` reads it; no menukaart when the path names none. A refusal points at the field.
 */
export async function householdMenukaart(path: HouseholdPath, file: string, flags: RootFlags, context: CliContext): Promise<Result<Menukaart | undefined>> {
  return safeLoadHouseholdMenukaart(path, loadName(file, context.cwd), rootOptions(flags, file, context.cwd));
}

/** A household simulation result read for an overlay, with what it records about the path it ran on. */
export type LoadedHouseholdOverlay = HouseholdOverlay & { origin: OverlayOrigin };

/**
 * Reads a household simulation result written by `zorgpaden simulate <household path> -o` for a
 * diagram overlay: the figures an overlay reads (counts of 0 or more) and what it records about
 * the path it ran on. A version 1 result, or anything else, is a usage error that says what to do.
 */
export function readHouseholdOverlay(file: string): LoadedHouseholdOverlay {
  return householdOverlayOf(file, readResultJson(file));
}

/** The overlay in the data of a result file, or a usage error that says what the data is instead. */
function householdOverlayOf(file: string, data: unknown): LoadedHouseholdOverlay {
  const flaw = householdOverlayFlaw(data);
  if (flaw !== undefined) {
    // a version 1 result counts clients per step where a household result counts households
    if (isRecord(data) && isRecord(data.clients) && data.households === undefined) {
      throw new CliError(
        `"${file}" is the simulation result of a version 1 path, not of a household path (format version 2); simulate the household path (zorgpaden simulate <household path> -o sim.json) and draw that.`,
        EXIT.usage,
        `"${file}" is het simulatieresultaat van een pad in versie 1, niet van een huishoudpad (formaatversie 2); simuleer het huishoudpad (zorgpaden simulate <huishoudpad> -o sim.json) en teken dat.`,
      );
    }
    throw new CliError(
      `"${file}" is not a household simulation result: it is ${flaw.en}. Write one with \`zorgpaden simulate <household path> -o sim.json\`.`,
      EXIT.usage,
      `"${file}" is geen simulatieresultaat van een huishouden: het is ${flaw.nl}. Schrijf er een met \`zorgpaden simulate <huishoudpad> -o sim.json\`.`,
    );
  }
  const r = data as unknown as HouseholdOverlay & { meta?: unknown };
  return { cohort: r.cohort, visits: r.visits, households: r.households, transitionCounts: r.transitionCounts, tracks: r.tracks, origin: overlayOrigin(r.meta) };
}

/**
 * Refuses to draw a household simulation result on a household path it does not belong to
 * (another path or version, or steps and tracks the path lacks), unless `--force-overlay` is given;
 * then it warns and draws.
 */
export function checkHouseholdOverlay(path: HouseholdPath, overlay: LoadedHouseholdOverlay, file: string, force: boolean | undefined, lang: Lang, warn: (text: string) => void): void {
  const mismatches = householdOverlayMismatches(path, overlay, overlay.origin);
  if (mismatches.length === 0) return;
  const en = mismatches.map((m) => m.en).join('; ');
  const nl = mismatches.map((m) => m.nl).join('; ');
  if (force) {
    warn(
      lang === 'nl'
        ? `Let op: het simulatieresultaat "${file}" hoort niet bij dit huishoudpad (${nl}); toch getekend vanwege --force-overlay.\n`
        : `Note: the simulation result "${file}" does not belong to this household path (${en}); drawn anyway because of --force-overlay.\n`,
    );
    return;
  }
  throw new CliError(
    `The simulation result "${file}" does not belong to this household path: ${en}. Simulate this path again (zorgpaden simulate <household path> -o sim.json), or give --force-overlay to draw it anyway.`,
    EXIT.usage,
    `Het simulatieresultaat "${file}" hoort niet bij dit huishoudpad: ${nl}. Simuleer dit pad opnieuw (zorgpaden simulate <huishoudpad> -o sim.json), of geef --force-overlay om het toch te tekenen.`,
  );
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
const counts = (v: unknown, keys: readonly string[]) => isRecord(v) && keys.every((k) => isCount(v[k]));
const countTable = (v: unknown) => isRecord(v) && Object.values(v).every(isCount);
const RISK_FIELDS = ['present', 'signalled', 'addressed', 'neverSignalled', 'signalledNotAddressed', 'addressedUnsignalled'] as const;

/** The first field of a household result that the report reads and `value` lacks, or undefined when it has them all. */
function householdResultGap(value: Record<string, unknown>): string | undefined {
  const meta = value.meta;
  if (!isRecord(meta) || !isCount(meta.seed)) return 'meta.seed';
  for (const field of ['outcomes', 'stuck', 'waiting', 'limit'] as const) if (!countTable(value[field])) return field;
  if (!isRecord(value.tracks) || !Object.values(value.tracks).every((t) => isRecord(t) && counts(t.days, ['total', 'mean']))) return 'tracks.*.days';
  if (!counts(value.births, ['households', 'children', 'multiple'])) return 'births';
  const risks = value.risks;
  const wait = (t: unknown) => isRecord(t) && isCount(t.n) && (t.median === null || isCount(t.median)) && (t.p90 === null || isCount(t.p90));
  if (!isRecord(risks) || !Object.values(risks).every((r) => counts(r, RISK_FIELDS) && wait((r as Record<string, unknown>).timeToSupport))) return 'risks';
  const handoffs = value.handoffs;
  if (!isRecord(handoffs) || !counts(handoffs.transfers, ['warm', 'cold']) || !counts(handoffs.referrals, ['made', 'warm', 'cold', 'unmarked', 'accepted', 'started'])) return 'handoffs';
  return undefined;
}

/**
 * Reads a whole household simulation result (`zorgpaden simulate <household path> -o sim.json`) for
 * `report --overlay`: everything an overlay reads and every figure the household report shows. A
 * file that lacks one is a usage error that names the field.
 */
export function readHouseholdResult(file: string): HouseholdSimulationResult & { origin: OverlayOrigin } {
  const data = readResultJson(file);
  const overlay = householdOverlayOf(file, data);
  const gap = householdResultGap(data as Record<string, unknown>);
  if (gap !== undefined) {
    throw new CliError(
      `"${file}" is not a whole household simulation result: "${gap}" is missing or not counts of 0 or more. Write one with \`zorgpaden simulate <household path> -o sim.json\`.`,
      EXIT.usage,
      `"${file}" is geen volledig simulatieresultaat van een huishouden: "${gap}" ontbreekt of bevat geen aantallen van 0 of meer. Schrijf er een met \`zorgpaden simulate <huishoudpad> -o sim.json\`.`,
    );
  }
  return { ...(data as unknown as HouseholdSimulationResult), origin: overlay.origin };
}
