import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { simulateHousehold } from '../../src/household.js';
import { defaultPopulation } from '../../src/simulate/index.js';
import { GEZIN_FILE, gezinInput, parseHousehold } from '../household/fixtures.js';
import { ROOT, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false, cwd: ROOT };
  const code = await runCli(args, context);
  return { code, stdout, stderr };
}

describe('zorgpaden simulate --by on a household path', () => {
  const gezin = relative(ROOT, GEZIN_FILE);
  const shipped = 'paths/households/huishouden-1000-dagen.json';
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    // the fixture without its birth: no household has children
    const data = gezinInput();
    const steps = data.steps as Record<string, Record<string, unknown>>;
    delete steps.bevalling!.emits;
    delete (data.tracks as Record<string, unknown>).jgz;
    for (const id of ['hielprik', 'consultatie', 'jgz-klaar']) delete steps[id];
    delete (data.members as Record<string, unknown>).kind;
    writeFileSync(join(dir, 'zonder-geboorte.json'), JSON.stringify(data));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports multiples against single births, with the groups in the JSON beside the unchanged result', async () => {
    const text = await run(['simulate', shipped, '--cohort', '3000', '--by', 'multiples', '--min-group', '20']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Subgroups of households (reference one child born;');
    expect(text.stdout).toMatch(/ {2}multiple birth \(\d+\):\n {4}reach \(a risk addressed\): \d+\.\d% \[\d+\.\d%, \d+\.\d%\] \(\d+\/\d+\), [+−]\d+\.\d \[[+−]\d+\.\d, [+−]\d+\.\d\], ×\d\.\d\d \[/);
    // in Dutch the groups are named in Dutch; the JSON keeps the keys
    const dutch = await run(['simulate', shipped, '--cohort', '3000', '--by', 'multiples', '--min-group', '20', '--lang', 'nl']);
    expect(dutch.stdout).toContain('(referentie eenling geboren;');
    expect(dutch.stdout).toMatch(/ {2}meerling geboren \(\d+\):\n {4}bereik \(een risico aangepakt\)/);
    const json = JSON.parse((await run(['simulate', shipped, '--cohort', '3000', '--by', 'multiples', '--min-group', '20', '--json'])).stdout);
    // every household of the shipped path gives birth: no group without a birth
    expect(Object.keys(json.subgroups.groups)).toEqual(['single', 'multiple']);
    expect(json.subgroups.groups.multiple.size).toBe(json.births.multiple);
    const { subgroups, ...result } = json;
    expect(subgroups.reference).toBe('single');
    const plain = JSON.parse((await run(['simulate', shipped, '--cohort', '3000', '--json'])).stdout);
    expect(result).toEqual(plain);
  });

  it('takes the subgroups of version 1 too, over the risks the path is about', async () => {
    const json = JSON.parse((await run(['simulate', gezin, '--cohort', '2000', '--by', 'age', '--min-group', '50', '--json'])).stdout);
    expect(Object.keys(json.subgroups.groups)).toEqual(['20-34', 'under-20', '35-plus']);
    expect(json.subgroups.risks).toEqual(['schulden']);
    const expected = simulateHousehold(parseHousehold(gezinInput()), { cohort: 2000, seed: 1, population: defaultPopulation() });
    const sizes = Object.values(json.subgroups.groups as Record<string, { size: number }>).map((g) => g.size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(json.risks).toEqual(expected.risks);
  });

  it('refuses multiples on a path without a birth and on a version 1 path, and an unknown set, with exit 2', async () => {
    const none = await run(['simulate', relative(ROOT, join(dir, 'zonder-geboorte.json')), '--cohort', '10', '--by', 'multiples']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--by multiples needs a step that emits "BIRTH"');
    const v1 = await run(['simulate', 'paths/national/zwangerschap.json', '--cohort', '10', '--by', 'multiples']);
    expect(v1.code).toBe(2);
    expect(v1.stderr).toContain('--by multiples needs a household path');
    const unknown = await run(['simulate', gezin, '--cohort', '10', '--by', 'twins']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--by must be one of language, age, first-child, risk-profile, multiples, not "twins"');
  });
});
