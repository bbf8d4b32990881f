import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const ROOT = join(__dirname, '..', '..');
// gezin.json declares the risk "schulden", which the shipped default population does not have
const GEZIN = 'tests/fixtures/household/gezin.json';
const dir = join(ROOT, 'test-output', 'household-population-warning');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false, cwd: ROOT };
  const code = await runCli(args, context);
  return { code, stdout, stderr };
}

const WARNING = /warning risk-not-in-population: The risk "schulden" does not occur in the population "kansrijke-start\/default"/g;

describe('risk-not-in-population on a household path, beyond validate', () => {
  let population: string;
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    const shipped = JSON.parse(readFileSync(join(ROOT, 'paths/populations/default.json'), 'utf8')) as { risks: Record<string, unknown> };
    shipped.risks.schulden = { ...(shipped.risks.debts as object) };
    population = relative(ROOT, join(dir, 'populatie.json'));
    writeFileSync(join(ROOT, population), JSON.stringify(shipped, null, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('check warns once, as validate does, and the file still passes', async () => {
    const ran = await run(['check', GEZIN]);
    expect(ran.code).toBe(0);
    expect(ran.stdout.match(WARNING)).toHaveLength(1);
    expect(ran.stdout).toContain('1 file checked: 0 errors, 1 warning.');
    const json = JSON.parse((await run(['check', GEZIN, '--json'])).stdout) as { files: { ok: boolean; diagnostics: { code: string; severity: string; pointer: string; line?: number }[] }[] };
    expect(json.files[0]!.ok).toBe(true);
    expect(json.files[0]!.diagnostics.filter((d) => d.code === 'risk-not-in-population')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    // the same finding validate gives for the same file
    const validated = JSON.parse((await run(['validate', GEZIN, '--json'])).stdout) as { diagnostics: { code: string; pointer: string; line: number }[] };
    const pick = (d: { code: string; pointer: string; line?: number }) => ({ code: d.code, pointer: d.pointer, line: d.line });
    expect(json.files[0]!.diagnostics.map(pick)).toEqual(validated.diagnostics.map(pick));
  });

  it('simulate warns once on stderr and simulates, and says nothing with a population that has the risk', async () => {
    const ran = await run(['simulate', GEZIN, '--cohort', '50', '--json']);
    expect(ran.code).toBe(0);
    expect(ran.stderr.match(WARNING)).toHaveLength(1);
    expect(ran.stderr).toContain('0 errors, 1 warning');
    expect(JSON.parse(ran.stdout).cohort).toBe(50);
    const text = await run(['simulate', GEZIN, '--cohort', '50', '--lang', 'nl']);
    expect(text.stderr).toContain('waarschuwing risk-not-in-population: Het risico "schulden" komt niet voor');
    const withIt = await run(['simulate', GEZIN, '--cohort', '50', '--population', population, '--json']);
    expect(withIt.code).toBe(0);
    expect(withIt.stderr).toBe('');
  });
});
