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
    expect(ran.stdout).toMatch(/\n {2}\* debts +\d+,\d% → 100,0% +\+\d+,\d \[\+\d+,\d; \+\d+,\d\]\n/);
    expect(ran.stdout).toContain('Risico’s die alle steun verloren:\n    debts: steun voor');
  });

  it('needs two scenarios and refuses a file that is not a path or coalition', () => {
    expect(runBuilt(['compare', 'a.json'], dir).status).toBe(2);
    const wrong = runBuilt(['compare', 'a.json', join(ROOT, 'paths', 'routes', 'kim.json')], dir);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('wrong-kind');
  });
});
