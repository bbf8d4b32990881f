import { describe, expect, it } from 'vitest';
import { CASES as API } from './corpus/api.js';
import { CASES as CLI } from './corpus/cli.js';
import { CASES as FILES, type Loader } from './corpus/files.js';
import { CASES as SNAPSHOTS } from './corpus/snapshots.js';

// the bad-input corpus as a whole: every entry point a user or a tool can reach has its cases
const TABLES = { files: FILES, snapshots: SNAPSHOTS, api: API, cli: CLI } as const;

describe('the bad-input corpus', () => {
  it.each(Object.entries(TABLES))('%s: has unique case names', (_table, cases) => {
    const names = cases.map((c) => c.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('has at least 50 cases, and at least 10 per entry point', () => {
    const total = Object.values(TABLES).reduce((sum, cases) => sum + cases.length, 0);
    expect(total).toBeGreaterThanOrEqual(50);
    for (const cases of Object.values(TABLES)) expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it('has bad files of every kind in JSON and in YAML', () => {
    const kinds: Loader[] = ['path', 'population', 'coalition', 'route', 'menukaart'];
    for (const kind of kinds) {
      const files = FILES.filter((c) => c.loader === kind).map((c) => c.file);
      expect(files.some((f) => f.endsWith('.json')), `${kind} in JSON`).toBe(true);
      expect(files.some((f) => /\.ya?ml$/.test(f)), `${kind} in YAML`).toBe(true);
    }
  });

  it('has CLI cases for every command, ending in each documented exit code', () => {
    const commands = ['check', 'validate', 'simulate', 'coverage', 'route', 'render', 'report'];
    for (const command of commands) expect(CLI.filter((c) => c.argv[0] === command).length, command).toBeGreaterThanOrEqual(3);
    expect(new Set(CLI.map((c) => c.exit))).toEqual(new Set([0, 1, 2]));
  });

  it('has journey snapshots restored on another path and migrated', () => {
    expect(SNAPSHOTS.some((c) => 'restore' in c.via && c.via.restore === 'other')).toBe(true);
    expect(SNAPSHOTS.some((c) => 'migrate' in c.via)).toBe(true);
  });
});
