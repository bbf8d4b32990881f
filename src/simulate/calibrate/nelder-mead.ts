/** Options of `nelderMead`. */
export interface NelderMeadOptions {
  /** Size of the first simplex along each axis (in the units of x; default 0.1). */
  step?: number;
  /** Stop when the values at the simplex' corners differ by less than this (default 1e-8). */
  fTolerance?: number;
  /** Stop when every corner lies within this of the best one along every axis (default 1e-6). */
  xTolerance?: number;
  /** Most function evaluations (default 200 × dimensions). */
  maxEvaluations?: number;
  /** Keep x within [lower, upper] per axis: points outside are moved onto the box. */
  lower?: readonly number[];
  upper?: readonly number[];
}

/** One iteration of the search: the best value so far. */
export interface NelderMeadStep {
  iteration: number;
  evaluations: number;
  best: number;
  x: number[];
}

/** The minimum found and how the search got there. */
export interface NelderMeadResult {
  x: number[];
  f: number;
  evaluations: number;
  iterations: number;
  converged: boolean;
  trace: NelderMeadStep[];
}

/**
 * Minimises f by the Nelder–Mead simplex method (reflection 1, expansion 2, contraction ½,
 * shrink ½), within an optional box. Deterministic: the same f and start give the same steps.
 */
export function nelderMead(f: (x: number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = start.length;
  const { step = 0.1, fTolerance = 1e-8, xTolerance = 1e-6, maxEvaluations = 200 * Math.max(1, n) } = options;
  const clamp = (x: number[]) => x.map((v, i) => Math.min(options.upper?.[i] ?? Infinity, Math.max(options.lower?.[i] ?? -Infinity, v)));
  let evaluations = 0;
  const evaluate = (x: number[]): { x: number[]; f: number } => {
    const inside = clamp(x);
    evaluations++;
    const value = f(inside);
    return { x: inside, f: Number.isNaN(value) ? Infinity : value };
  };
  const simplex = [evaluate([...start])];
  for (let i = 0; i < n; i++) {
    const corner = [...start];
    const up = corner[i]! + step;
    // step down instead when the box leaves no room above
    corner[i] = options.upper !== undefined && up > options.upper[i]! ? corner[i]! - step : up;
    simplex.push(evaluate(corner));
  }
  const trace: NelderMeadStep[] = [];
  let iteration = 0;
  let converged = false;
  const towards = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i]! - v));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    trace.push({ iteration, evaluations, best: best.f, x: [...best.x] });
    const spreadF = Math.abs(worst.f - best.f);
    const spreadX = Math.max(...simplex.slice(1).map((c) => Math.max(...c.x.map((v, i) => Math.abs(v - best.x[i]!)))));
    if (spreadF <= fTolerance && spreadX <= xTolerance) {
      converged = true;
      break;
    }
    iteration++;
    const centroid = new Array<number>(n).fill(0);
    for (const corner of simplex.slice(0, n)) corner.x.forEach((v, i) => (centroid[i] = centroid[i]! + v / n));
    const reflected = evaluate(towards(centroid, worst.x, -1));
    if (reflected.f < best.f) {
      const expanded = evaluate(towards(centroid, worst.x, -2));
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
      continue;
    }
    if (reflected.f < simplex[n - 1]!.f) {
      simplex[n] = reflected;
      continue;
    }
    // contract: outside when the reflection improved on the worst, inside otherwise
    const outside = reflected.f < worst.f;
    const contracted = evaluate(towards(centroid, worst.x, outside ? -0.5 : 0.5));
    if (contracted.f < (outside ? reflected.f : worst.f)) {
      simplex[n] = contracted;
      continue;
    }
    for (let k = 1; k <= n; k++) simplex[k] = evaluate(towards(best.x, simplex[k]!.x, 0.5));
  }
  simplex.sort((a, b) => a.f - b.f);
  return { x: simplex[0]!.x, f: simplex[0]!.f, evaluations, iterations: iteration, converged, trace };
}
