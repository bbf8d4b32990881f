import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_COHORT, GOLDEN_FILE, GOLDEN_SEED, goldenCases, goldenResult, type GoldenResult } from './cases.js';

// Results of release 0.1's engine for every version 1 path that simulates, captured once by
// tests/golden/capture.ts: a version 1 file must keep giving the same journeys for the same seed.
const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as { cohort: number; seed: number; results: Record<string, GoldenResult> };

describe('version 1 paths simulate as in release 0.1', async () => {
  const cases = await goldenCases();

  it('covers every case and uses the recorded cohort and seed', () => {
    expect(golden.cohort).toBe(GOLDEN_COHORT);
    expect(golden.seed).toBe(GOLDEN_SEED);
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(golden.results).sort());
  });

  for (const c of cases) {
    it(c.name, () => {
      const expected = golden.results[c.name];
      expect(expected, 'no golden result recorded').toBeDefined();
      const actual = goldenResult(c);
      // every journey ends once: the recorded endings add up to the cohort
      const ended = [actual.outcomes, actual.stuck, actual.limit].flatMap((r) => Object.values(r)).reduce((a, b) => a + b, 0);
      expect(ended).toBe(GOLDEN_COHORT);
      expect(actual).toEqual(expected);
    });
  }
});
