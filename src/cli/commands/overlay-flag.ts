import { safeLoadOverlay } from '../../node/index.js';
import type { CarePath, Population, Result } from '../../model/index.js';
import { defaultPopulation } from '../../simulate/index.js';
import { safeApplyOverlay } from '../../simulate/calibrate/index.js';

/** Loads an overlay file and applies it over the path and the population (the default one when none is given). */
export async function applyOverlayFile(file: string, path: CarePath, population: Population | undefined): Promise<Result<{ path: CarePath; population: Population }>> {
  const overlay = await safeLoadOverlay(file);
  if (!overlay.ok) return overlay;
  const applied = safeApplyOverlay(path, population ?? defaultPopulation(), overlay.value.values);
  return applied.ok ? applied : { ok: false, diagnostics: applied.diagnostics.map((d) => ({ ...d, file: d.file ?? file })) };
}
