import { basename, isAbsolute, relative } from 'node:path';
import type { Lang } from '../../diagnostics/index.js';
import { safeLoadOverlay } from '../../node/index.js';
import type { CarePath, Overlay, Population, Result } from '../../model/index.js';
import { defaultPopulation, type SimulationResult } from '../../simulate/index.js';
import { safeApplyOverlay, type TunedModel } from '../../simulate/calibrate/index.js';

/** What a result records of the tuned values it was simulated with (`meta.tuned`). */
export type TunedRecord = NonNullable<SimulationResult['meta']['tuned']>;

/**
 * Loads an overlay file and applies it over the path, the population (the default one when none is
 * given) and the birth model; `record` says which file and values were applied, for the result's
 * `meta.tuned`.
 */
export async function applyOverlayFile(file: string, path: CarePath, population: Population | undefined, cwd: string): Promise<Result<TunedModel & { record: TunedRecord }>> {
  const overlay = await safeLoadOverlay(file);
  if (!overlay.ok) return overlay;
  const applied = safeApplyOverlay(path, population ?? defaultPopulation(), overlay.value.values);
  if (!applied.ok) return { ok: false, diagnostics: applied.diagnostics.map((d) => ({ ...d, file: d.file ?? file })) };
  return { ...applied, value: { ...applied.value, record: tunedRecord(file, overlay.value, cwd) } };
}

/**
 * The record of an overlay: its file relative to the working folder (only its name when it lies
 * outside, so that a result never shows a folder of the machine it ran on), the targets it was
 * fitted to, and each value by its id: the parameter's key, or `<file>:<pointer>` without one.
 */
export function tunedRecord(file: string, overlay: Overlay, cwd: string): TunedRecord {
  const inside = relative(cwd, file);
  const shown = inside === '' || inside.startsWith('..') || isAbsolute(inside) ? basename(file) : inside.split('\\').join('/');
  const values = Object.fromEntries(overlay.values.map((v) => [v.parameter ?? `${v.file}:${v.pointer}`, v.value]));
  return { file: shown, ...(overlay.targets !== undefined ? { targets: overlay.targets } : {}), values };
}

/** The line of a text summary that names the tuned values a result was simulated with. */
export function tunedLine(record: TunedRecord, lang: Lang): string {
  const ids = Object.keys(record.values).join(', ');
  return lang === 'nl' ? `Met afgestelde waarden uit ${record.file}: ${ids}.` : `With the tuned values of ${record.file}: ${ids}.`;
}
