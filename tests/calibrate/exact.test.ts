import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TargetsSchema } from '../../src/model/index.js';
import { safeCalibrate } from '../../src/simulate/calibrate/calibrate.js';
import { allowsExact, exactForEveryone, exactShare } from '../../src/simulate/calibrate/exact.js';
import { wilsonInterval } from '../../src/simulate/calibrate/measure.js';
import { simulateSync } from '../../src/simulate/index.js';
import { parsePath } from '../simulate/fixtures.js';
import { built, runBuilt, tempDir } from '../cli/built-cli.js';
import { stressPopulation, supportPath } from './fixtures.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const label = (text: string) => ({ nl: text, en: text });

/** Every client goes on to support with weight `w` against 0.4 for usual care: reach of support is w / (w + 0.4). */
const everyonePath = (w: number) =>
  parsePath({
    schemaVersion: 1,
    id: 'test/everyone',
    version: '1.0.0',
    title: label('Everyone'),
    actors: { midwife: { label: label('Midwife'), domain: 'medical' } },
    initial: 'intake',
    steps: {
      intake: { kind: 'contact', phase: 'pregnancy', actor: 'midwife', label: label('Intake'), transitions: [{ to: 'support', weight: w }, { to: 'usual', weight: 0.4 }] },
      support: { kind: 'intervention', phase: 'pregnancy', actor: 'midwife', label: label('Support'), transitions: [{ to: 'birth' }] },
      usual: { kind: 'contact', phase: 'pregnancy', actor: 'midwife', label: label('Usual care'), transitions: [{ to: 'birth' }] },
      birth: { kind: 'outcome', phase: 'postpartum', label: label('Birth'), result: 'good' },
    },
  });

const targets = TargetsSchema.parse({
  schemaVersion: 1,
  kind: 'targets',
  id: 'test/everyone-targets',
  version: '1.0.0',
  title: label('Targets'),
  targets: {
    'support-reach': { label: label('Support'), measure: { numerator: { reached: 'support' } }, value: 0.6, tolerance: 0.01, status: 'assumption' },
    // the same count, written as a choice between journey events, which the exact engine does not take: simulated
    'support-reach-counted': { label: label('Support, counted'), measure: { numerator: { any: [{ reached: 'support' }] } }, value: 0.6, tolerance: 0.01, status: 'assumption', use: 'validate' },
  },
  parameters: { 'support-weight': { file: 'path', pointer: '/steps/intake/transitions/0/weight', min: 0.05, max: 2 } },
});

describe('the exact engine in calibration', () => {
  it('knows which targets and paths allow it', () => {
    expect(allowsExact(targets.targets['support-reach']!)).toBe(true);
    expect(allowsExact(targets.targets['support-reach-counted']!)).toBe(false);
    expect(exactForEveryone(everyonePath(1))).toBeDefined();
    // a condition on a transition makes the chances depend on the client
    expect(exactForEveryone(supportPath(1))).toBeUndefined();
  });

  it('gives the probability the simulation estimates', () => {
    const path = everyonePath(0.9);
    const share = exactShare(targets.targets['support-reach']!, exactForEveryone(path)!)!;
    expect(share).toBeCloseTo(0.9 / 1.3, 12);
    const run = simulateSync(path, { cohort: 20_000, seed: 5 });
    const [lo, hi] = wilsonInterval(run.transitionCounts['intake']![0]!, 20_000)!;
    expect(share).toBeGreaterThan(lo);
    expect(share).toBeLessThan(hi);
  });

  it('recovers the true weight from a tiny cohort, where counting could not (known answer w = 0.6)', () => {
    const result = safeCalibrate(everyonePath(0.2), targets, { population: stressPopulation(0.2), cohort: 300, seed: 2 });
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
    const fitted = result.value;
    const exact = fitted.targets['support-reach']!;
    expect(exact.exact).toBe(true);
    expect(exact.interval).toEqual([exact.share, exact.share]);
    expect(Math.abs(exact.share! - 0.6)).toBeLessThan(0.002);
    // share = w / (w + 0.4) = 0.6 ⇔ w = 0.6
    expect(Math.abs(fitted.parameters['support-weight']!.value - 0.6)).toBeLessThan(0.01);
    // the held-out count of the same thing is simulated, with its Monte-Carlo interval around the truth
    const counted = fitted.targets['support-reach-counted']!;
    expect(counted.exact).toBeUndefined();
    expect(counted.interval![1] - counted.interval![0]).toBeGreaterThan(0.05);
    expect(counted.interval![0]).toBeLessThan(0.6);
    expect(counted.interval![1]).toBeGreaterThan(0.6);
  });
});

describe.skipIf(!built)('zorgpaden calibrate with a target the exact engine computes (the built CLI)', () => {
  it('prints the exact share instead of a Monte-Carlo interval, and fits it', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'path.json'), JSON.stringify(everyonePath(0.2)));
      writeFileSync(join(dir, 'targets.json'), JSON.stringify(targets));
      const ran = runBuilt(['calibrate', 'path.json', '--targets', 'targets.json', '--cohort', '300', '--seed', '2'], dir);
      expect(ran.status, ran.stderr).toBe(0);
      expect(ran.stdout).toMatch(/\n {2}Support: 60\.0% \(exact\) vs 60\.0% ± 1\.0% \(assumption\); before 33\.3% {2}within\n/);
      expect(ran.stdout).toMatch(/\n {2}Support, counted: \d+\.\d% \[\d+\.\d%, \d+\.\d%\] vs 60\.0%/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
