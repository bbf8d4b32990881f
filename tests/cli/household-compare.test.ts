import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GEZIN_FILE, gezinInput } from '../household/fixtures.js';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const POPULATION = {
  schemaVersion: 1, kind: 'population', id: 'test/huishoudens', version: '1.0.0', title: { nl: 'Huishoudens' },
  risks: { schulden: { label: { nl: 'Schulden' }, prevalence: 0.4 } },
};

interface Figure { key: string; kind: string; n: number; baseline: number; scenario: number; estimate: number; lower: number; upper: number; significant: boolean; absentIn?: 'baseline' | 'scenario' }
interface Compared { cohort: number; seed: number; batches: number; comparisons: { scenario: { file: string }; differences: Figure[] }[] }

describe.skipIf(!built)('zorgpaden compare on household paths (the built CLI)', () => {
  let dir: string;
  let populationFile: string;
  let fewerAccept: string;
  const gezin = relative(ROOT, GEZIN_FILE);
  beforeAll(() => {
    dir = tempDir();
    populationFile = join(dir, 'population.json');
    writeFileSync(populationFile, JSON.stringify(POPULATION));
    // the same household path, with three in four households accepting the referral to the social team replaced by one in five
    const data = gezinInput();
    (data.steps as Record<string, { refers: { accepted: number }[] }>).intake!.refers[0]!.accepted = 0.2;
    fewerAccept = join(dir, 'minder.json');
    writeFileSync(fewerAccept, JSON.stringify(data, null, 2));
    vi.stubEnv('ZORGPADEN_LANG', 'nl');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  const compare = (...args: string[]) => {
    const ran = runBuilt(['compare', ...args, '--population', populationFile, '--json']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    return JSON.parse(ran.stdout) as Compared;
  };

  it('finds no difference at all between a household path and itself: the same households walk the same way', () => {
    const out = compare(gezin, gezin, '--cohort', '1000');
    expect(out.batches).toBe(20);
    const figures = out.comparisons[0]!.differences;
    expect(figures.length).toBeGreaterThan(5);
    for (const f of figures) expect([f.estimate, f.lower, f.upper, f.significant], f.key).toEqual([0, 0, 0, false]);
  });

  it('measures what fewer accepted referrals cost, and leaves the other tracks exactly as they were', () => {
    const out = compare(gezin, fewerAccept, '--cohort', '4000', '--seed', '3');
    const figure = (key: string) => out.comparisons[0]!.differences.find((f) => f.key === key)!;
    const addressed = figure('addressed:schulden');
    const signalled = 1 - figure('missed:schulden').baseline;
    // the only support for debts is by referral after a signal at the intake: addressed = signalled × accepted, in expectation
    expect(addressed.estimate).toBeCloseTo(addressed.scenario - addressed.baseline, 12);
    const half = (addressed.upper - addressed.lower) / 2;
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(0.05);
    expect(Math.abs(addressed.estimate - -(0.75 - 0.2) * signalled)).toBeLessThanOrEqual(1.5 * half);
    expect(Math.abs(addressed.baseline - 0.75 * signalled)).toBeLessThan(0.03);
    expect(Math.abs(addressed.scenario - 0.2 * signalled)).toBeLessThan(0.03);
    expect(addressed.significant).toBe(true);
    expect(figure('noFollowUp:schulden').estimate).toBeGreaterThan(0);
    // the signal at the intake is drawn the same in both: the households with a missed signal do not change
    expect(figure('missed:schulden')).toMatchObject({ estimate: 0, lower: 0, upper: 0, significant: false });
    // the midwife's and the child's tracks walk on streams of their own: not one household walks them differently
    for (const key of ['outcome:zorg-klaar', 'outcome:jgz-klaar']) expect(figure(key), key).toMatchObject({ estimate: 0, lower: 0, upper: 0 });
    expect(figure('handoff:accepted')).toMatchObject({ significant: true });
    expect(figure('handoff:accepted').estimate).toBeLessThan(0);
  });

  it('says it in words, marking the changes larger than their uncertainty', () => {
    const ran = runBuilt(['compare', gezin, fewerAccept, '--cohort', '4000', '--population', populationFile]);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("2 huishoudscenario's vergeleken op dezelfde 4.000 huishoudens");
    expect(ran.stdout).toMatch(/Aangepakt \(aandeel van de huishoudens met het risico\):\n {2}\* Schulden {2}/);
    expect(ran.stdout).not.toMatch(/schulden|zorg-klaar/);
  });

  describe('two household paths with different steps (the shipped path against the test family)', () => {
    const shipped = 'paths/households/huishouden-1000-dagen.json';
    const both = (lang: string, json: boolean) => runBuilt(['compare', shipped, gezin, '--cohort', '1000', '--lang', lang, ...(json ? ['--json'] : [])]);
    let out: Compared;
    beforeAll(() => {
      const ran = both('nl', true);
      expect(ran.status).toBe(0);
      out = JSON.parse(ran.stdout) as Compared;
    });

    it('keeps every interval within the range the difference can take, around its estimate', () => {
      const figures = out.comparisons[0]!.differences;
      expect(figures.length).toBeGreaterThan(20);
      for (const f of figures) {
        const share = ['addressed', 'missed', 'noFollowUp'].includes(f.kind);
        expect(typeof f.lower, f.key).toBe('number');
        expect(typeof f.upper, f.key).toBe('number');
        expect(f.lower, f.key).toBeGreaterThanOrEqual(-f.baseline);
        if (share) expect(f.upper, f.key).toBeLessThanOrEqual(1 - f.baseline);
        expect(f.lower, f.key).toBeLessThanOrEqual(f.estimate);
        expect(f.upper, f.key).toBeGreaterThanOrEqual(f.estimate);
        expect(f.significant, f.key).toBe(f.lower > 0 || f.upper < 0);
      }
    });

    it('lists the outcomes of both paths, 0 where a path lacks the step, and says which', () => {
      const figure = (key: string) => out.comparisons[0]!.differences.find((f) => f.key === key);
      // the shipped path ends its births in geboortezorg-afgerond; the test family ends its in steps of its own
      expect(figure('outcome:geboortezorg-afgerond')).toMatchObject({ baseline: 1, scenario: 0, estimate: -1, absentIn: 'scenario', significant: true });
      const own = out.comparisons[0]!.differences.filter((f) => f.absentIn === 'baseline');
      expect(own.length).toBeGreaterThan(0);
      for (const f of own) expect([f.kind, f.baseline], f.key).toEqual(['outcome', 0]);
      expect(own.some((f) => f.scenario > 0 && f.significant)).toBe(true);
      for (const f of out.comparisons[0]!.differences.filter((d) => !d.absentIn)) expect(f.key.startsWith('outcome:') ? f.baseline + f.scenario : 1, f.key).toBeGreaterThan(0);
    });

    it('says in words that a step is not in a path, in Dutch and in English, and gives no infinite interval', () => {
      const nl = both('nl', false).stdout;
      expect(nl).toMatch(/\* Geboortezorg afgerond +1,000 → 0,000 +−1,000 \(stap niet in dit scenario\)/);
      expect(nl).toContain('(stap niet in de basis)');
      expect(nl).not.toContain('∞');
      const en = both('en', false).stdout;
      expect(en).toContain('(step not in this scenario)');
      expect(en).toContain('(step not in the baseline)');
      expect(en).not.toContain('∞');
    });

    it('prints a count per household with enough decimals that its difference reads as the JSON gives it', () => {
      const en = both('en', false).stdout;
      const rows = [...en.matchAll(/ (\d+\.\d+) → (\d+\.\d+) +([+−]?\d+\.\d+) /g)];
      expect(rows.length).toBeGreaterThan(5);
      for (const [row, from, to, difference] of rows) {
        const d = Number(difference!.replace('−', '-'));
        // the printed difference is that of the printed figures, to a unit in the last decimal
        expect(Math.abs(Number(to) - Number(from) - d), row).toBeLessThanOrEqual(0.0015);
        expect(out.comparisons[0]!.differences.some((f) => Math.abs(f.estimate - d) <= 0.0005), row).toBe(true);
      }
    });
  });

  it('never marks a change that it prints as nothing: a tiny marked change keeps its first digit', () => {
    // Haarlem over the shipped path changes the informal-support outcome by a few households in 170,000
    const ran = runBuilt(['compare', 'paths/households/huishouden-1000-dagen.json', 'paths/coalitions/haarlem-huishouden.json', '--json']);
    expect(ran.status, ran.stderr).toBe(0);
    const figures = (JSON.parse(ran.stdout) as Compared).comparisons[0]!.differences;
    const tiny = figures.filter((f) => f.significant && f.kind === 'outcome' && Math.abs(f.estimate) < 0.0005);
    expect(tiny.length).toBeGreaterThan(0);
    const text = runBuilt(['compare', 'paths/households/huishouden-1000-dagen.json', 'paths/coalitions/haarlem-huishouden.json']).stdout;
    const marked = text.split('\n').filter((line) => line.startsWith('  * '));
    expect(marked.length).toBeGreaterThan(0);
    for (const line of marked) expect(line, line).toMatch(/ [+−]\d+,\d*[1-9]\d* \[/);
  });

  it('refuses what a household comparison does not take, and a cohort too small for its intervals', () => {
    const set = runBuilt(['compare', gezin, '--set', '/steps/intake/detects/schulden=0.9']);
    expect(set.status).toBe(2);
    expect(set.stderr).toContain('compare --set kan nog niet bij een huishoudpad');
    const small = runBuilt(['compare', gezin, gezin, '--cohort', '3']);
    expect(small.status).toBe(2);
    expect(small.stderr).toContain('--cohort 4 of meer');
    expect(small.stderr).not.toMatch(/\n\s+at /);
  });
});
