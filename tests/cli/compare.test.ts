import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

/** A small path: clients with debts are referred to support with the given weight, or go straight on. */
function pathWith(supportWeight: number | undefined): object {
  const toSupport = supportWeight === undefined ? [] : [{ to: 'schuldhulp', when: { hasRisk: 'debts' }, weight: supportWeight }];
  return {
    schemaVersion: 1,
    id: 'test/schulden',
    version: '1.0.0',
    title: { nl: 'Schulden', en: 'Debts' },
    actors: { wijkteam: { label: { nl: 'Wijkteam', en: 'Social team' }, domain: 'social' } },
    risks: { debts: { label: { nl: 'Schulden', en: 'Debts' } } },
    initial: 'gesprek',
    steps: {
      gesprek: { kind: 'screening', phase: 'pregnancy', actor: 'wijkteam', label: { nl: 'Gesprek', en: 'Talk' }, signals: ['debts'], transitions: [...toSupport, { to: 'einde', weight: 1 - (supportWeight ?? 0) }] },
      schuldhulp: { kind: 'intervention', phase: 'pregnancy', actor: 'wijkteam', addresses: ['debts'], label: { nl: 'Schuldhulp', en: 'Debt counselling' }, transitions: [{ to: 'einde' }] },
      einde: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Einde', en: 'End' }, transitions: [] },
    },
  };
}

interface Figure {
  key: string;
  estimate: number;
  lower: number;
  upper: number;
  significant: boolean;
}

describe.skipIf(!built)('zorgpaden compare (the built CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(pathWith(0.6)));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(pathWith(0.3)));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(pathWith(undefined)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the known change in unmet need, with an interval around it, on the same clients', () => {
    const ran = runBuilt(['compare', 'a.json', 'b.json', 'c.json', '--cohort', '40000', '--json'], dir);
    expect(ran.status, ran.stderr).toBe(0);
    const out = JSON.parse(ran.stdout);
    expect(out.cohort).toBe(40000);
    expect(out.baseline.file).toBe('a.json');
    const [b, c] = out.comparisons;
    // unmet need for debts: 40% of the clients with debts in a, 70% in b, 100% in c
    const unmetB = b.differences.find((f: Figure) => f.key === 'unmet:debts') as Figure;
    expect(unmetB.lower).toBeLessThan(0.3);
    expect(unmetB.upper).toBeGreaterThan(0.3);
    expect(unmetB.estimate).toBeGreaterThan(unmetB.lower);
    expect(unmetB.estimate).toBeLessThan(unmetB.upper);
    expect(unmetB.significant).toBe(true);
    const unmetC = c.differences.find((f: Figure) => f.key === 'unmet:debts') as Figure;
    expect(unmetC.lower).toBeLessThan(0.6);
    expect(unmetC.upper).toBeGreaterThan(0.6);
    // only c took all support away
    expect(b.lostSupport).toEqual([]);
    expect(c.lostSupport).toEqual([expect.objectContaining({ risk: 'debts', namedByScenario: true })]);
    expect(c.lostSupport[0].supportedBefore).toBeCloseTo(0.6, 1);
  });

  it('finds no change between a scenario and itself: every interval is exactly zero', () => {
    const ran = runBuilt(['compare', 'a.json', 'a.json', '--cohort', '5000', '--json'], dir);
    expect(ran.status, ran.stderr).toBe(0);
    const figures = JSON.parse(ran.stdout).comparisons[0].differences as Figure[];
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect([f.estimate, f.lower, f.upper, f.significant]).toEqual([0, 0, 0, false]);
    const text = runBuilt(['compare', 'a.json', 'a.json', '--cohort', '5000'], dir);
    expect(text.stdout).toContain('No figure changed by more than its uncertainty.');
  });

  it('flags significant changes and lost support in the text, in Dutch', () => {
    const ran = runBuilt(['compare', 'a.json', 'c.json', '--cohort', '20000', '--lang', 'nl'], dir);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toContain("2 scenario's vergeleken op dezelfde 20.000 cliënten");
    expect(ran.stdout).toMatch(/\n {2}\* Schulden +\d+,\d% → 100,0% +\+\d+,\d \[\+\d+,\d; \+\d+,\d\]\n/);
    expect(ran.stdout).toContain('Risico’s die alle steun verloren:\n    Schulden: steun voor');
  });

  it('needs two scenarios and refuses a file that is not a path or coalition', () => {
    expect(runBuilt(['compare', 'a.json'], dir).status).toBe(2);
    const wrong = runBuilt(['compare', 'a.json', join(ROOT, 'paths', 'routes', 'kim.json')], dir);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('wrong-kind');
  });
});

describe.skipIf(!built)('zorgpaden compare --set (a screening choice, the built CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(pathWith(0.6)));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(pathWith(0.3)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compares the baseline with the screening’s branch weights changed: the same answer as the file written with them', () => {
    const set = ['--set', '/steps/gesprek/transitions/0/weight=0.3', '--set', '/steps/gesprek/transitions/1/weight=0.7'];
    const withSet = runBuilt(['compare', 'a.json', ...set, '--cohort', '20000', '--json'], dir);
    expect(withSet.status, withSet.stderr).toBe(0);
    const written = runBuilt(['compare', 'a.json', 'b.json', '--cohort', '20000', '--json'], dir);
    const [bySet] = JSON.parse(withSet.stdout).comparisons;
    const [byFile] = JSON.parse(written.stdout).comparisons;
    expect(bySet.scenario).toEqual({ file: 'a.json', id: 'test/schulden', version: '1.0.0', set: ['/steps/gesprek/transitions/0/weight=0.3', '/steps/gesprek/transitions/1/weight=0.7'] });
    // the same clients and the same path: every figure and interval is identical
    expect(bySet.differences).toEqual(byFile.differences);
    const unmet = (bySet.differences as Figure[]).find((f) => f.key === 'unmet:debts')!;
    expect(unmet.lower).toBeLessThan(0.3);
    expect(unmet.upper).toBeGreaterThan(0.3);
    const text = runBuilt(['compare', 'a.json', ...set, '--cohort', '20000'], dir);
    expect(text.stdout).toContain('Scenario: a.json --set /steps/gesprek/transitions/0/weight=0.3 --set /steps/gesprek/transitions/1/weight=0.7 (test/schulden 1.0.0)');
  });

  it('refuses a setting that is not a pointer and a number, or names no number in the path', () => {
    const malformed = runBuilt(['compare', 'a.json', '--set', 'weight=0.3'], dir);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('--set takes a JSON pointer and a number');
    const missing = runBuilt(['compare', 'a.json', '--set', '/steps/gesprk/transitions/0/weight=0.3'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--set /steps/gesprk/transitions/0/weight:');
    const invalid = runBuilt(['compare', 'a.json', '--set', '/steps/gesprek/transitions/0/weight=-1'], dir);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
  });
});
