import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type { RandomGenerator };

/** What a random stream is used for; each client has one stream per purpose. */
export const STREAM = { client: 1, journey: 2 } as const;

// murmur3's 32-bit finaliser: spreads the bits of (seed, index, purpose) over the generator state,
// so that neighbouring clients get unrelated streams
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
 * xoroshiro128+ with the state layout and output of pure-rand's `xoroshiro128plus` (a test holds
 * the two to the same numbers). Written out here so that creating a stream is one object and no
 * array, and so that `uniform` can read it directly: a household walk creates several streams.
 */
export class Xoroshiro128Plus implements RandomGenerator {
  constructor(
    public s01: number,
    public s00: number,
    public s11: number,
    public s10: number,
  ) {}

  clone(): Xoroshiro128Plus {
    return new Xoroshiro128Plus(this.s01, this.s00, this.s11, this.s10);
  }

  next(): number {
    const out = (this.s00 + this.s10) | 0;
    const a0 = this.s10 ^ this.s00;
    const a1 = this.s11 ^ this.s01;
    const s00 = this.s00;
    const s01 = this.s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  getState(): readonly number[] {
    return [this.s01, this.s00, this.s11, this.s10];
  }
}

/** A random stream that can be seeded again in place (see `seedStream`). */
export type Stream = Xoroshiro128Plus;

/** A stream to seed with `seedStream` (all-zero until then). */
export function newStream(): Stream {
  return new Xoroshiro128Plus(1, 0, 0, 0);
}

/**
 * The part of a stream's seeding that depends on the seed and the client's index only: the streams
 * of one client for its several purposes share it (see `seedStreamOf`).
 */
export function clientKey(seed: number, index: number): number {
  const base = combine(combine(seed | 0, Math.floor(seed / 4294967296) | 0), index | 0);
  return combine(base, Math.floor(index / 4294967296) | 0);
}

/** Seeds `rng` in place as the stream of the client with key `key` (from `clientKey`) for one purpose. */
export function seedStreamOf(rng: Stream, key: number, purpose: number): Stream {
  const mixed = combine(key, purpose);
  const s01 = mix(mixed ^ 0x243f6a88);
  rng.s00 = mix(mixed ^ 0x85a308d3);
  rng.s11 = mix(mixed ^ 0x13198a2e);
  rng.s10 = mix(mixed ^ 0x03707344);
  // an all-zero state would only ever give zeros
  rng.s01 = s01 === 0 && rng.s00 === 0 && rng.s11 === 0 && rng.s10 === 0 ? 1 : s01;
  // the first outputs of xoroshiro128+ still reflect the seeding; skip them
  rng.next();
  rng.next();
  rng.next();
  rng.next();
  return rng;
}

/**
 * Seeds `rng` in place as the stream of one client for one purpose: afterwards it draws exactly
 * what `clientStream(seed, index, purpose)` draws. A walk that reuses its streams this way creates
 * no object per client.
 */
export function seedStream(rng: Stream, seed: number, index: number, purpose: number): Stream {
  return seedStreamOf(rng, clientKey(seed, index), purpose);
}

/**
 * The random stream of one client for one purpose: a xoroshiro128+ generator whose state is
 * derived from the seed, the client's index in the cohort and the purpose. It depends on nothing
 * else, so results do not depend on how the cohort is split over workers.
 */
export function clientStream(seed: number, index: number, purpose: number): RandomGenerator {
  return seedStream(newStream(), seed, index, purpose);
}

/**
 * A uniform number in [0, 1) with 53 random bits: 26 bits of one output and 27 of the next, as
 * pure-rand's `uniformFloat64` takes them (a test holds the two to the same numbers).
 */
export function uniform(rng: RandomGenerator): number {
  const high = rng.next() & 0x3ffffff;
  const low = rng.next() & 0x7ffffff;
  return high * 1.4901161193847656e-8 + low * 1.1102230246251565e-16;
}

/** A uniform whole number from `min` to `max` (both included). */
export function uniformWhole(rng: RandomGenerator, min: number, max: number): number {
  return uniformInt(rng, min, max);
}

/** Checks a seed: a safe whole number. */
export function isValidSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isSafeInteger(seed);
}
