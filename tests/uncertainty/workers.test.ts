import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPath, loadPopulation, simulateWithUncertaintyInWorkers } from '../../src/node/index.js';
import { simulateWithUncertainty } from '../../src/simulate/uncertainty.js';
import { built, runBuilt, tempDir } from '../cli/built-cli.js';

const root = new URL('../../paths/', import.meta.url).pathname;
const PATH = 'paths/national/eerste-1000-dagen.json';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

describe('batches on worker threads', () => {
  it('gives the result and the uncertainty of the in-thread run, for 2 and 3 workers and uneven batches', async () => {
    const path = await loadPath(`${root}national/eerste-1000-dagen.json`);
    const population = await loadPopulation(`${root}populations/default.json`);
    const options = { population, cohort: 6_007, seed: 13, batches: 7 };
    const here = JSON.stringify(simulateWithUncertainty(path, options));
    const two = await simulateWithUncertaintyInWorkers(path, { ...options, workers: 2 });
    expect(JSON.stringify(two)).toBe(here);
    expect(JSON.stringify(await simulateWithUncertaintyInWorkers(path, { ...options, workers: 3 }))).toBe(here);
    // not a copy of one run: the batches differ from each other, and the intervals are real
    expect(two.uncertainty.batches).toBe(7);
    const reach = Object.values(two.uncertainty.reach).find((f) => f.se > 0);
    expect(reach).toBeDefined();
    // with another seed the figures change (the pool does not hand back a cached run)
    const other = await simulateWithUncertaintyInWorkers(path, { ...options, seed: 14, workers: 2 });
    expect(JSON.stringify(other)).not.toBe(here);
  }, 120_000);

  it('refuses too few batches as the in-thread run does', async () => {
    const path = await loadPath(`${root}national/eerste-1000-dagen.json`);
    await expect(simulateWithUncertaintyInWorkers(path, { cohort: 100, seed: 1, batches: 1, workers: 2 })).rejects.toThrow(/batches/);
  });
});

describe.skipIf(!built)('--batches with --workers (the built CLI)', () => {
  let dir: string;
  beforeAll(() => void (dir = tempDir()));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('simulate --batches gives the same JSON with --workers 2 as with one thread', () => {
    const args = ['simulate', PATH, '--cohort', '4000', '--seed', '3', '--batches', '5', '--json'];
    const one = runBuilt(args);
    const two = runBuilt([...args, '--workers', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(JSON.parse(one.stdout).uncertainty.batches).toBe(5);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);

  it('report --simulate gives the same tables with --workers 2 as with one thread', () => {
    const tables = (workers: string) => {
      const folder = join(dir, `csv-${workers}`);
      const ran = runBuilt(['report', PATH, '--simulate', '--cohort', '3000', '--seed', '2', '--batches', '6', '--workers', workers, '--format', 'csv', '-o', folder]);
      expect(ran.status, ran.stderr).toBe(0);
      return readFileSync(join(folder, 'samenvatting-bereik.csv'), 'utf8');
    };
    const one = tables('1');
    // the reach has its 95% interval from the batches: two numeric columns, lower and upper bound
    expect(one).toMatch(/: (ondergrens|lower bound)[;,][^\r\n]*: (bovengrens|upper bound)\r\n/);
    expect(one).toMatch(/[;,]\d+[.,]\d[;,]\d+[.,]\d\r\n/);
    expect(tables('2')).toBe(one);
  }, 120_000);
});
