import type { z } from 'zod';

/** The parts of an attribute distribution that can be drawn from. */
interface Distribution {
  values?: Record<string, number> | undefined;
  bins?: readonly { min: number; max: number; weight: number }[] | undefined;
}

/**
 * Reports distributions that cannot be drawn from, which the schema's types alone let through:
 * categorical weights that are all zero, number bins whose weights are all zero, and a bin whose
 * `min` is above its `max`. Without this a population validates clean and still generates clients.
 */
export function checkDistribution(d: Distribution, ctx: z.RefinementCtx, at: readonly (string | number)[] = []): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path: [...at, ...path], params: { zorgpadenCode: 'invalid-value' } });
  if (d.values !== undefined) {
    const entries = Object.values(d.values);
    if (entries.length === 0) issue(['values'], 'A categorical attribute needs at least one value.');
    else if (entries.every((w) => w === 0)) issue(['values'], 'The weights of the values are all 0, so no value can be drawn.');
  }
  if (d.bins !== undefined) {
    d.bins.forEach((bin, i) => {
      if (bin.min > bin.max) issue(['bins', i], 'The "min" of this bin is above its "max", so it holds no number.');
    });
    if (d.bins.length > 0 && d.bins.every((bin) => bin.weight === 0)) issue(['bins'], 'The weights of the bins are all 0, so no number can be drawn.');
  }
}
