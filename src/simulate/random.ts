import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type { RandomGenerator };

/** What a random stream is used for; each client has one stream per purpose. */
export const STREAM = { client: 1, journey: 2 } as const;

// murmur3's 32-bit finaliser: spreads the bits of (seed, index, purpose) over the generator state,
// so that neighbouring clients get unrelated streams (the generator itself is pure-rand's)
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function combine(a: number, b: number): number {
  return mix(Math.imul(a ^ 0x9e3779b9, 0x01000193) + mix(b));
}

/**
 * The random stream of one client for one purpose: a xoroshiro128+ generator (pure-rand) whose
 * state is derived from the seed, the client's index in the cohort and the purpose. It depends on
 * nothing else, so results do not depend on how the cohort is split over workers.
 */
export function clientStream(seed: number, index: number, purpose: number): RandomGenerator {
  const base = combine(combine(seed | 0, Math.floor(seed / 4294967296) | 0), index | 0);
  const high = Math.floor(index / 4294967296) | 0;
  const key = combine(combine(base, high), purpose);
  const state = [mix(key ^ 0x243f6a88), mix(key ^ 0x85a308d3), mix(key ^ 0x13198a2e), mix(key ^ 0x03707344)];
  // an all-zero state would only ever give zeros
  if (!state.some((word) => word !== 0)) state[0] = 1;
  const rng = xoroshiro128plusFromState(state);
  // the first outputs of xoroshiro128+ still reflect the seeding; skip them
  for (let i = 0; i < 4; i++) rng.next();
  return rng;
}

/** A uniform number in [0, 1) with 53 random bits. */
export function uniform(rng: RandomGenerator): number {
  return uniformFloat64(rng);
}

/** A uniform whole number from `min` to `max` (both included). */
export function uniformWhole(rng: RandomGenerator, min: number, max: number): number {
  return uniformInt(rng, min, max);
}

/** Checks a seed: a safe whole number. */
export function isValidSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isSafeInteger(seed);
}
