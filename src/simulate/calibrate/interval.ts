/** Per target: counts of one run, with the share and a 95% Wilson interval for its Monte-Carlo error. */
export interface TargetMeasurement {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is empty. */
  share: number | null;
  interval: [number, number] | null;
  /** True when the share is the exact probability of the Markov chain (no Monte-Carlo error; the interval is the share itself). */
  exact?: boolean;
}

/** The 95% Wilson score interval of a binomial share. */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): [number, number] | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
