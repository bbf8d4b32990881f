import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateClients, journeyOf, simulate, simulateSync, traceJourney } from '../../src/simulate/index.js';
import { path, population } from './fixtures.js';

const script = fileURLToPath(new URL('./determinism-script.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

// separate processes are slow to start on a busy machine: each is spawned once and shared
const outputs = new Map<number, string>();

function inProcess(workers: number): string {
  const cached = outputs.get(workers);
  if (cached !== undefined) return cached;
  const output = spawnOnce(workers);
  outputs.set(workers, output);
  return output;
}

function spawnOnce(workers: number): string {
  const result = spawnSync('npx', ['tsx', script, String(workers)], { cwd: root, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('determinism', () => {
  it('gives byte-identical JSON in two separate processes, and in this one', async () => {
    const first = inProcess(1);
    const second = spawnOnce(1);
    expect(first.length).toBeGreaterThan(1000);
    expect(second).toBe(first);
    const here = await simulate(path, { population, cohort: 20_000, seed: 99 });
    expect(JSON.stringify(here)).toBe(first);
  }, 180_000);

  it('gives byte-identical JSON with 1, 2 and 3 workers (and in a separate process with 2)', async () => {
    const one = JSON.stringify(simulateSync(path, { population, cohort: 30_001, seed: 5 }));
    const two = JSON.stringify(await simulate(path, { population, cohort: 30_001, seed: 5, workers: 2 }));
    const three = JSON.stringify(await simulate(path, { population, cohort: 30_001, seed: 5, workers: 3 }));
    expect(two).toBe(one);
    expect(three).toBe(one);
    expect(inProcess(2)).toBe(inProcess(1));
  }, 180_000);

  it('changes with the seed', () => {
    const a = simulateSync(path, { population, cohort: 5_000, seed: 1 });
    const b = simulateSync(path, { population, cohort: 5_000, seed: 2 });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('gives the same traces with workers, and traceJourney replays journey i of the cohort', async () => {
    const one = simulateSync(path, { population, cohort: 3_000, seed: 4, traces: true });
    const two = await simulate(path, { population, cohort: 3_000, seed: 4, traces: true, workers: 2 });
    expect(Array.from(two.traces!.offsets)).toEqual(Array.from(one.traces!.offsets));
    expect(Array.from(two.traces!.steps)).toEqual(Array.from(one.traces!.steps));
    expect(Array.from(two.traces!.days)).toEqual(Array.from(one.traces!.days));
    const clients = generateClients(population, { n: 3_000, seed: 4 });
    for (const i of [0, 1, 17, 999, 2_999]) {
      const trace = traceJourney(path, clients[i]!, { seed: 4, index: i });
      expect(journeyOf(one.traces!, i)).toEqual({ steps: trace.steps, days: trace.days });
    }
    let visits = 0;
    for (const v of Object.values(one.visits)) visits += v;
    expect(one.traces!.steps.length).toBe(visits);
    // one byte per step index and two per day: at most 4 bytes per visited step with the offsets
    const bytes = one.traces!.steps.byteLength + one.traces!.days.byteLength + one.traces!.offsets.byteLength;
    expect(bytes / visits).toBeLessThanOrEqual(4);
  });

  it('reports progress up to the cohort', async () => {
    const seen: number[] = [];
    await simulate(path, { population, cohort: 10_000, seed: 1, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((x, i) => i === 0 || x >= seen[i - 1]!)).toBe(true);
  });
});
