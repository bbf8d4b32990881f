import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PopulationSchema, type Population } from '../../src/model/index.js';
import { loadHouseholdPath, simulateHousehold } from '../../src/node/index.js';
import { simulateHousehold as simulateHouseholdHere } from '../../src/household.js';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { gezinInput, parseHousehold } from './fixtures.js';

const SHIPPED = fileURLToPath(new URL('../../paths/households/huishouden-1000-dagen.json', import.meta.url));

// every branch of the walk in play: signals that come or not, referrals accepted or not, twins
const population: Population = PopulationSchema.parse({
  schemaVersion: 1, kind: 'population', id: 'test/huishoudens', version: '1.0.0', title: { nl: 'Huishoudens' },
  risks: { schulden: { label: { nl: 'Schulden' }, prevalence: 0.4 } },
  multipleBirths: { share: 0.2, assumption: 'test' },
});

describe('households on worker threads (zorgpaden/node)', () => {
  it('gives the same result with 1, 2 and 3 workers as in this thread, for the fixture and the shipped household path', async () => {
    const cases = [
      { path: parseHousehold(gezinInput()), options: { cohort: 4_001, seed: 11, population } },
      { path: await loadHouseholdPath(SHIPPED), options: { cohort: 3_001, seed: 5 } },
    ];
    for (const { path, options } of cases) {
      const here = JSON.stringify(simulateHouseholdHere(path, options));
      // a result with something in it: households walked several tracks and children were born
      expect(here.length, path.id).toBeGreaterThan(1000);
      for (const workers of [1, 2, 3]) {
        expect(JSON.stringify(await simulateHousehold(path, { ...options, workers })), `${path.id}, ${workers} workers`).toBe(here);
      }
    }
  }, 180_000);

  it('adds up slices of different sizes: a cohort smaller than the number of workers', async () => {
    const path = parseHousehold(gezinInput());
    const here = simulateHouseholdHere(path, { cohort: 2, seed: 3, population });
    expect(await simulateHousehold(path, { cohort: 2, seed: 3, population, workers: 3 })).toEqual(here);
  }, 60_000);

  it('changes with the seed', async () => {
    const path = parseHousehold(gezinInput());
    const a = await simulateHousehold(path, { cohort: 2_000, seed: 1, population, workers: 2 });
    const b = await simulateHousehold(path, { cohort: 2_000, seed: 2, population, workers: 2 });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  }, 60_000);

  it('refuses a number of workers that is not a whole number from 1 to 256', async () => {
    const path = parseHousehold(gezinInput());
    for (const workers of [0, 1.5, 257, Number.NaN, '2' as unknown as number]) {
      await expect(simulateHousehold(path, { cohort: 10, seed: 1, workers })).rejects.toThrow(ZorgpadenError);
      expect(() => simulateHouseholdHere(path, { cohort: 10, seed: 1, workers })).toThrow(/workers/);
    }
  });
});
