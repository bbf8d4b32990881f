import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePathV1 } from '../../src/load/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { HouseholdPathSchema } from '../../src/model/index.js';
import { validateHouseholdPath, validatePath } from '../../src/validate/index.js';
import { buildPath, pathSpec } from '../simulate/random-paths.js';
import { GEZIN_FILE, gezinInput } from './fixtures.js';

// the version 1 rules that look at the household as a whole are not run per track
const HOUSEHOLD_WIDE = new Set(['unreachable-step', 'phase-uncovered', 'risk-without-intervention', 'missing-source']);

const INCLUDES = join('tests', 'fixtures', 'household', 'includes');
const OUT = join('test-output', 'household-validate');

/** The household fixture with includes, copied under test-output with its main file changed by `edit`. */
function includesVariant(name: string, edit: (text: string) => string): string {
  const dir = join(OUT, name);
  cpSync(INCLUDES, dir, { recursive: true });
  const main = join(dir, 'gezin.json');
  writeFileSync(main, edit(readFileSync(main, 'utf8')));
  return main;
}

function lineOf(file: string, needle: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;
}

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('validating household paths', () => {
  it('finds nothing in the household fixture', async () => {
    expect(validateHouseholdPath(await loadHouseholdPath(GEZIN_FILE)).diagnostics).toEqual([]);
  });

  it('runs the version 1 rules on a migrated path with the same findings, per track', () => {
    fc.assert(
      fc.property(pathSpec({ conditions: true, windows: true }), (spec) => {
        const v1 = buildPath(spec);
        const expected = validatePath(v1).diagnostics.filter((d) => !HOUSEHOLD_WIDE.has(d.code)).map((d) => [d.code, d.pointer, d.severity]);
        const found = validateHouseholdPath(migratePathV1(v1).path).diagnostics.filter((d) => !HOUSEHOLD_WIDE.has(d.code)).map((d) => [d.code, d.pointer, d.severity]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the same unreachable steps on a migrated path as on the version 1 path, besides the other rules', () => {
    // the random conditions can all be met, so weighing them (version 1) or not (households) agrees
    fc.assert(
      fc.property(pathSpec({ conditions: true, windows: true }), (spec) => {
        const v1 = buildPath(spec);
        const unreachable = (diagnostics: { code: string; pointer: string; severity: string }[]) => diagnostics.filter((d) => d.code === 'unreachable-step').map((d) => [d.pointer, d.severity]);
        const household = validateHouseholdPath(migratePathV1(v1).path).diagnostics;
        expect(unreachable(household)).toEqual(unreachable(validatePath(v1).diagnostics));
      }),
      { numRuns: 150 },
    );
  });

  it('runs the per-track rules beside an unreachable step, but not beside a broken track', () => {
    const data = gezinInput();
    const steps = data.steps as Record<string, Record<string, unknown>>;
    steps.schuldhulp!.transitions = [];
    steps.wees = { kind: 'contact', phase: 'pregnancy', track: 'zorg', label: { nl: 'Wees' }, transitions: [{ to: 'zorg-klaar' }] };
    const found = validateHouseholdPath(HouseholdPathSchema.parse(data)).diagnostics.map((d) => [d.code, d.pointer, d.severity]);
    expect(found).toEqual([
      ['dead-end', '/steps/schuldhulp', 'error'],
      ['unreachable-step', '/steps/sociaal-klaar', 'error'],
      ['unreachable-step', '/steps/wees', 'error'],
    ]);
    // a referral into its own track is a structural error: the per-track findings would mislead
    (steps.intake!.refers as Record<string, unknown>[])[0]!.to = 'controles';
    const broken = validateHouseholdPath(HouseholdPathSchema.parse(data)).diagnostics.map((d) => d.code);
    expect(broken).toContain('referral-into-own-track');
    expect(broken).not.toContain('dead-end');
  });

  it('locates an unreachable step that came in through an include in the file that wrote it', async () => {
    const main = includesVariant('unreachable', (text) => text.replace('"to": "schuld/wijkteam-intake"', '"to": "schuld/schuldhulp"'));
    const found = validateHouseholdPath(await loadHouseholdPath(main)).diagnostics.filter((d) => d.code === 'unreachable-step');
    const included = join(OUT, 'unreachable', 'gedeeld', 'schuldhulp.json');
    expect(found).toEqual([expect.objectContaining({ file: included, pointer: '/steps/wijkteam-intake', line: lineOf(included, '"wijkteam-intake": {'), params: { step: 'schuld/wijkteam-intake', track: 'sociaal' } })]);
  });

  it('points a finding on a risk an included step detects at the risk in its signals, in the included file', async () => {
    // only households without schulden are referred to the social team, whose debt counselling (included) signals it
    const main = includesVariant('risk', (text) => text.replace('"when": { "signalled": "schulden" }', '"when": { "not": { "hasRisk": "schulden" } }'));
    const found = validateHouseholdPath(await loadHouseholdPath(main)).diagnostics.filter((d) => d.code === 'risk-without-intervention');
    const included = join(OUT, 'risk', 'gedeeld', 'schuldhulp.json');
    expect(found.map((d) => [d.file, d.pointer, d.line])).toEqual([
      [included, '/steps/schuldhulp/signals/0', lineOf(included, '"signals": ["schulden"]')],
      [main, '/steps/intake/detects/schulden', lineOf(main, '"detects": { "schulden"')],
    ]);
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
    (data.risks as Record<string, unknown>).huilbaby = { label: { nl: 'Huilbaby' }, member: 'household' };
    (data.steps as Record<string, Record<string, unknown>>).hielprik!.detects = { huilbaby: 0.5 };
    const text = JSON.stringify(data, null, 2);
    writeFileSync(file, text);
    const finding = validateHouseholdPath(await loadHouseholdPath(file)).diagnostics.find((d) => d.code === 'signal-without-support');
    expect(finding).toMatchObject({ code: 'signal-without-support', file, line: text.slice(0, text.lastIndexOf('"huilbaby"')).split('\n').length });
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
    delete (data.steps as Record<string, { addresses?: unknown }>).schuldhulp!.addresses;
    const path = HouseholdPathSchema.parse(data);
    expect(validateHouseholdPath(path).diagnostics.map((d) => [d.code, d.severity])).toEqual([['signal-without-support', 'warning']]);
    expect(validateHouseholdPath(path, { rules: { 'signal-without-support': 'error' } }).ok).toBe(false);
    expect(validateHouseholdPath(path, { rules: { 'signal-without-support': 'off' } }).diagnostics).toEqual([]);
  });
});
