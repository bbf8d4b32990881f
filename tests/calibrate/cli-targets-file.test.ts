import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { tempDir } from '../cli/built-cli.js';
import { stressPopulation, supportPath, supportTargets } from './fixtures.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

let dir: string;
beforeAll(() => {
  dir = tempDir();
  writeFileSync(join(dir, 'path.json'), JSON.stringify(supportPath(0.5), null, 2));
  writeFileSync(join(dir, 'population.json'), JSON.stringify(stressPopulation(0.4), null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Parameter = { file: string; pointer: string; min: number; max: number };

/** The shipped test targets with one parameter changed, written as a person writes it (two spaces); its text. */
function targetsWith(name: string, key: string, change: Partial<Parameter>): string {
  const targets = supportTargets();
  const parameters = targets.parameters as Record<string, Parameter>;
  parameters[key] = { ...parameters[key]!, ...change };
  const text = JSON.stringify(targets, null, 2);
  writeFileSync(join(dir, name), text);
  return text;
}

/** The 1-based line and column of the first `"field"` after `"key": {` in the text. */
function placeOf(text: string, key: string, field: string): { line: number; column: number } {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(`"${key}": {`));
  const index = lines.findIndex((l, i) => i > from && l.includes(`"${field}":`));
  return { line: index + 1, column: lines[index]!.indexOf(`"${field}"`) + 1 };
}

async function calibrate(targets: string, ...flags: string[]) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false, cwd: dir };
  const code = await runCli(['calibrate', 'path.json', '--targets', targets, '--population', 'population.json', '--cohort', '200', '--max-evaluations', '2', ...flags], context);
  return { code, stdout, stderr };
}

/** A finding printed as validate prints it: `file:line:col - error code: message`, the source line, a caret under the column. */
function expectPrintedAt(output: string, file: string, place: { line: number; column: number }, text: string, code: string, message: string): void {
  expect(output).toContain(`${file}:${place.line}:${place.column} - ${code}: ${message}`);
  const source = text.split('\n')[place.line - 1]!;
  expect(output).toContain(`\n${place.line} ${source}\n${' '.repeat(String(place.line).length + place.column)}^\n`);
}

describe('zorgpaden calibrate: findings in the targets file with line, source line and caret', () => {
  it('a parameter that points at nothing is reported at its "pointer", in English and Dutch', async () => {
    const text = targetsWith('missing.json', 'support-weight', { pointer: '/steps/nergens/transitions/0/weight' });
    const place = placeOf(text, 'support-weight', 'pointer');
    const en = await calibrate('missing.json');
    expect(en.code).toBe(1);
    expectPrintedAt(en.stderr, 'missing.json', place, text, 'error overlay-pointer-missing', 'The path has nothing at /steps/nergens/transitions/0/weight, so the value cannot be set there.');
    const nl = await calibrate('missing.json', '--lang', 'nl');
    expectPrintedAt(nl.stderr, 'missing.json', place, text, 'fout overlay-pointer-missing', 'In het pad staat niets op /steps/nergens/transitions/0/weight, dus de waarde kan daar niet worden gezet.');
    const json = await calibrate('missing.json', '--json');
    expect(JSON.parse(json.stdout).diagnostics[0]).toMatchObject({ code: 'overlay-pointer-missing', file: 'missing.json', pointer: '/parameters/support-weight/pointer', ...place });
  });

  it('a parameter that points at a label is reported at its "pointer"', async () => {
    const text = targetsWith('label.json', 'stress-prevalence', { pointer: '/risks/stress/label' });
    const { code, stderr } = await calibrate('label.json');
    expect(code).toBe(1);
    expectPrintedAt(stderr, 'label.json', placeOf(text, 'stress-prevalence', 'pointer'), text, 'error overlay-not-a-number', 'At /risks/stress/label the population holds');
  });

  it('a range the tuned number cannot take is refused before any simulation, at its min or max, in the language asked', async () => {
    const text = targetsWith('overflow.json', 'support-weight', { min: -1e308, max: 1e308 });
    const nl = await calibrate('overflow.json', '--lang', 'nl');
    expect(nl.code).toBe(1);
    expect(nl.stdout).toBe('');
    expectPrintedAt(nl.stderr, 'overflow.json', placeOf(text, 'support-weight', 'min'), text, 'fout parameter-range-not-allowed', 'Parameter "support-weight" begint zijn bereik bij -1e+308, maar het getal dat hij afstelt (/steps/screening/transitions/0/weight in het pad) moet minstens 0 zijn.');
    expect(nl.stderr).toContain('tip: Geef "min" een waarde die minstens 0 is');
    // the cause, not what it leads to: no invalid overlay, and no English inside the Dutch text
    expect(nl.stderr).not.toContain('overlay-invalid-result');
    expect(nl.stderr).not.toContain('Expected');
    const above = targetsWith('above-one.json', 'stress-prevalence', { max: 1.5 });
    const en = await calibrate('above-one.json');
    expect(en.code).toBe(1);
    expectPrintedAt(en.stderr, 'above-one.json', placeOf(above, 'stress-prevalence', 'max'), above, 'error parameter-range-not-allowed', 'Parameter "stress-prevalence" ends its range at 1.5, but the number it tunes (/risks/stress/prevalence in the population) must be between 0 and 1.');
  });
});
