import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migratePathV1 } from '../../src/load/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { HouseholdPathSchema } from '../../src/model/index.js';
import { validateHouseholdPath, validatePath } from '../../src/validate/index.js';
import { buildPath, pathSpec } from '../simulate/random-paths.js';
import { GEZIN_FILE, gezinInput } from './fixtures.js';

// the version 1 rules that look at the household as a whole are not run per track
const HOUSEHOLD_WIDE = new Set(['unreachable-step', 'phase-uncovered', 'risk-without-intervention', 'missing-source']);

describe('validating household paths', () => {
  it('finds nothing in the household fixture', async () => {
    expect(validateHouseholdPath(await loadHouseholdPath(GEZIN_FILE)).diagnostics).toEqual([]);
  });

  it('runs the version 1 rules on a migrated path with the same findings, per track', () => {
    fc.assert(
      fc.property(pathSpec({ conditions: true, windows: true }), (spec) => {
        const v1 = buildPath(spec);
        const expected = validatePath(v1).diagnostics.filter((d) => !HOUSEHOLD_WIDE.has(d.code)).map((d) => [d.code, d.pointer, d.severity]);
        const found = validateHouseholdPath(migratePathV1(v1).path).diagnostics.map((d) => [d.code, d.pointer, d.severity]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('finds a dead end inside one track of several', () => {
    const data = gezinInput();
    (data.steps as Record<string, { transitions: unknown[] }>).schuldhulp!.transitions = [];
    const result = validateHouseholdPath(HouseholdPathSchema.parse(data));
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual(['dead-end', '/steps/schuldhulp']);
  });

  it('locates findings in the file a path was loaded from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-validate-'));
    const file = join(dir, 'gezin.json');
    const data = gezinInput();
    (data.steps as Record<string, Record<string, unknown>>).hielprik!.detects = { huilbaby: 0.5 };
    const text = JSON.stringify(data, null, 2);
    writeFileSync(file, text);
    const finding = validateHouseholdPath(await loadHouseholdPath(file)).diagnostics.find((d) => d.code === 'signal-without-support');
    expect(finding).toMatchObject({ code: 'signal-without-support', file, line: text.slice(0, text.indexOf('"huilbaby"')).split('\n').length });
  });

  it('points a finding on a detected risk at its key under detects, in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-validate-'));
    const file = join(dir, 'gezin.json');
    const data = gezinInput();
    (data.steps as Record<string, Record<string, unknown>>).intake!.detects = { schulden: 0.5, schuldn: 0.3 };
    const text = JSON.stringify(data, null, 2);
    writeFileSync(file, text);
    const finding = validateHouseholdPath(await loadHouseholdPath(file)).diagnostics.find((d) => d.code === 'unknown-key');
    expect(finding).toMatchObject({ pointer: '/steps/intake/detects/schuldn', file, line: text.slice(0, text.indexOf('"schuldn"')).split('\n').length });
  });

  it('gives schema diagnostics for what is not a household path, and honours rule settings', () => {
    expect(validateHouseholdPath({} as never).ok).toBe(false);
    const data = gezinInput();
    delete (data.steps as Record<string, { refers?: unknown }>).intake!.refers;
    const path = HouseholdPathSchema.parse(data);
    expect(validateHouseholdPath(path).diagnostics.map((d) => [d.code, d.severity])).toEqual([['signal-without-support', 'warning']]);
    expect(validateHouseholdPath(path, { rules: { 'signal-without-support': 'error' } }).ok).toBe(false);
    expect(validateHouseholdPath(path, { rules: { 'signal-without-support': 'off' } }).diagnostics).toEqual([]);
  });
});
