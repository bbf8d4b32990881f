import type { CompiledClient } from './client.js';
import { uniform, type RandomGenerator } from './random.js';
import type { SimTable } from './table-instance.js';

/**
 * Chooses the transition a client takes from step `s` at `day`, as a global transition index, or
 * −1 when none is enabled (or every enabled one has weight 0). Enabled: the condition holds and
 * `day + after <= end of the target's window` (src/model/semantics.ts). One uniform number is drawn
 * only when two or more transitions compete, so the simulator and `traceJourney` draw alike.
 */
export function chooseTransition(table: SimTable, s: number, client: CompiledClient, day: number, rng: RandomGenerator, scratch: Int32Array): number {
  const { first, latest, weight, when } = table;
  const end = first[s + 1]!;
  let count = 0;
  let total = 0;
  for (let t = first[s]!; t < end; t++) {
    const w = weight[t]!;
    if (w > 0 && day <= latest[t]!) {
      const condition = when[t];
      if (condition === null || condition!(client)) {
        scratch[count++] = t;
        total += w;
      }
    }
  }
  if (count === 0) return -1;
  if (count === 1) return scratch[0]!;
  const u = uniform(rng) * total;
  let cumulative = 0;
  for (let k = 0; k < count - 1; k++) {
    cumulative += weight[scratch[k]!]!;
    if (u < cumulative) return scratch[k]!;
  }
  return scratch[count - 1]!;
}

/** The day a client arrives when taking global transition `t` at `day`. */
export function arrivalOf(table: SimTable, t: number, day: number): number {
  const next = day + table.after[t]!;
  const from = table.targetFrom[t]!;
  return next > from ? next : from;
}

/** Scratch space for `chooseTransition`: room for the most transitions of any step. */
export function choiceScratch(table: SimTable): Int32Array {
  let most = 1;
  for (let s = 0; s < table.stepIds.length; s++) most = Math.max(most, table.first[s + 1]! - table.first[s]!);
  return new Int32Array(most);
}
