import { safeLoadOverlay } from '../../node/index.js';
import type { CarePath, Population, Result } from '../../model/index.js';
import { defaultPopulation } from '../../simulate/index.js';
import { safeApplyOverlay, type TunedModel } from '../../simulate/calibrate/index.js';

/** Loads an overlay file and applies it over the path, the population (the default one when none is given) and the birth model. */
export async function applyOverlayFile(file: string, path: CarePath, population: Population | undefined): Promise<Result<TunedModel>> {
  const overlay = await safeLoadOverlay(file);
  if (!overlay.ok) return overlay;
  const applied = safeApplyOverlay(path, population ?? defaultPopulation(), overlay.value.values);
  return applied.ok ? applied : { ok: false, diagnostics: applied.diagnostics.map((d) => ({ ...d, file: d.file ?? file })) };
}
