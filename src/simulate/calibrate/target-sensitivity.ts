import { argumentError, wholeNumberFrom } from '../../diagnostics/index.js';
import type { CarePath, Result, Targets } from '../../model/index.js';
import { sobolIndices, tornado, type SobolIndices, type TornadoRow } from '../sensitivity.js';
import { safeTargetModel, type CalibrateOptions } from './calibrate.js';
import { isComputable } from './measure.js';

/** Options of `safeTargetSensitivity`. */
export interface TargetSensitivityOptions extends Pick<CalibrateOptions, 'population' | 'menukaart' | 'cohort' | 'seed' | 'start' | 'maxExactStates' | 'birthModel'> {
  /** Base samples for Sobol indices (each costs parameters + 2 simulations); no Sobol indices when left out. */
  sobolSamples?: number;
}

/** Per computable target: its tornado over the parameters' ranges, and Sobol indices when asked for. */
export interface TargetSensitivity {
  /** Rows give the parameter's range in its own units (`min`, `max`) besides the figure at each end. */
  tornado: Record<string, { base: number; rows: (TornadoRow & { min: number; max: number })[] }>;
  sobol?: Record<string, SobolIndices>;
  simulations: number;
}

/**
 * Which tunable parameters drive each target's figure: one-at-a-time over each parameter's range
 * with the others at their current (or `start`) values, and optionally variance-based over all
 * ranges at once. Every simulation uses the same cohort and seed (common random numbers).
 */
export function safeTargetSensitivity(path: CarePath, targets: Targets, options: TargetSensitivityOptions = {}): Result<TargetSensitivity> {
  const { sobolSamples } = options;
  if (sobolSamples !== undefined && (!Number.isSafeInteger(sobolSamples) || sobolSamples < 2)) throw argumentError('targetSensitivity', 'sobolSamples', wholeNumberFrom(2), sobolSamples);
  const model = safeTargetModel(path, targets, options);
  if (!model.ok) return model;
  const { keys, parameters, compiled, valuesAt, run } = model.value;
  const shown = compiled.filter(isComputable).map((t) => t.key);
  const ranges = keys.map((name) => ({ name, min: 0, max: 1 }));
  let simulations = 0;
  // one simulation gives every target's share; remember it for the evaluations that repeat a point
  const cache = new Map<string, Map<string, number | null>>();
  const sharesAt = (unit: number[]) => {
    const key = unit.join(',');
    let shares = cache.get(key);
    if (!shares) {
      simulations++;
      const outcome = run(valuesAt(unit));
      shares = new Map(shown.map((t) => [t, outcome.measured?.get(t)?.share ?? null]));
      if (cache.size < 10_000) cache.set(key, shares);
    }
    return shares;
  };
  const base = keys.map((k) => (parameters[k]!.start - parameters[k]!.min) / (parameters[k]!.max - parameters[k]!.min));
  const natural = (name: string, unit: number) => parameters[name]!.min + unit * (parameters[name]!.max - parameters[name]!.min);
  const out: TargetSensitivity = { tornado: {}, simulations: 0 };
  if (keys.length === 0) return { ok: true, diagnostics: model.diagnostics, value: out };
  for (const t of shown) {
    const table = tornado((x) => sharesAt(x).get(t) ?? NaN, ranges, base);
    // report the ends of each range in the parameter's own units
    out.tornado[t] = { base: table.base, rows: table.rows.map((r) => ({ ...r, min: natural(r.name, 0), max: natural(r.name, 1) })) };
  }
  if (sobolSamples !== undefined) {
    out.sobol = {};
    // one Sobol design for all targets: record each point's shares once
    const points: Map<string, number | null>[] = [];
    sobolIndices((x) => (points.push(sharesAt(x)), 0), ranges, { samples: sobolSamples, seed: options.seed ?? 1 });
    for (const t of shown) {
      let i = 0;
      out.sobol[t] = sobolIndices(() => points[i++]!.get(t) ?? NaN, ranges, { samples: sobolSamples, seed: options.seed ?? 1 });
    }
  }
  out.simulations = simulations;
  return { ok: true, diagnostics: model.diagnostics, value: out };
}
