import fc from 'fast-check';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { describe, expect, it } from 'vitest';
import { clientStream, newStream, seedStream, uniform } from '../../src/simulate/random.js';

// The streams of release 0.1, written out with pure-rand's own generator: every seed must keep
// drawing these numbers, whatever the simulator does to create its streams faster.
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
const combine = (a: number, b: number) => mix(Math.imul(a ^ 0x9e3779b9, 0x01000193) + mix(b));

function referenceStream(seed: number, index: number, purpose: number): RandomGenerator {
  const base = combine(combine(seed | 0, Math.floor(seed / 4294967296) | 0), index | 0);
  const key = combine(combine(base, Math.floor(index / 4294967296) | 0), purpose);
  const state = [mix(key ^ 0x243f6a88), mix(key ^ 0x85a308d3), mix(key ^ 0x13198a2e), mix(key ^ 0x03707344)];
  if (!state.some((word) => word !== 0)) state[0] = 1;
  const rng = xoroshiro128plusFromState(state);
  for (let i = 0; i < 4; i++) rng.next();
  return rng;
}

const seed = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.maxSafeNat(), fc.constantFrom(0, -1, 2 ** 32, -(2 ** 32), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER));
const index = fc.oneof(fc.nat({ max: 10_000_000 }), fc.maxSafeNat());
const purpose = fc.oneof(fc.constantFrom(1, 2, 5), fc.integer({ min: 0, max: 2 ** 24 }));

describe('random streams', () => {
  it('draw what pure-rand xoroshiro128+ draws from the same state, raw and as uniforms', () => {
    fc.assert(
      fc.property(seed, index, purpose, (s, i, p) => {
        const ours = clientStream(s, i, p);
        const theirs = referenceStream(s, i, p);
        expect(ours.getState()).toEqual(theirs.getState());
        for (let k = 0; k < 8; k++) expect(ours.next()).toBe(theirs.next());
        for (let k = 0; k < 8; k++) expect(uniform(ours)).toBe(uniformFloat64(theirs));
        // a clone goes on with the same numbers and leaves the original where it was
        const copy = ours.clone();
        const reference = theirs.clone();
        for (let k = 0; k < 4; k++) expect(copy.next()).toBe(reference.next());
        expect(ours.next()).toBe(theirs.next());
      }),
      { numRuns: 500 },
    );
  });

  it('seeded again in place, a used stream draws exactly what a new one draws', () => {
    const reused = newStream();
    fc.assert(
      fc.property(seed, index, purpose, fc.nat({ max: 20 }), (s, i, p, used) => {
        for (let k = 0; k < used; k++) reused.next();
        seedStream(reused, s, i, p);
        const fresh = referenceStream(s, i, p);
        for (let k = 0; k < 6; k++) expect(reused.next()).toBe(fresh.next());
      }),
      { numRuns: 300 },
    );
  });
});
