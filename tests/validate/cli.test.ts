import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateCommand } from '../../src/cli/commands/validate.js';
import type { CliContext } from '../../src/cli/context.js';
import { applyConfiguredLang, configuredLang } from '../../src/cli/lang.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

let dir: string;

const path = (steps: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ schemaVersion: 1, id: 'cli', version: '1.0.0', title: { nl: 'CLI' }, initial: 'a', ...extra, steps }, null, 2);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = 0;
  const context: CliContext = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), interactive: false, cwd: dir };
  const program = new Command('zorgpaden').exitOverride().configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
  validateCommand.register(program, context, (c) => (code = Math.max(code, c)));
  // as runCli does: the language of ZORGPADEN_LANG or the config file
  applyConfiguredLang(program, configuredLang(process.cwd()));
  try {
    await program.parseAsync(['validate', ...argv], { from: 'user' });
  } catch (error) {
    return { code: 2, out, err: err + String((error as Error).message) };
  }
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zorgpaden-validate-'));
  const ok = { a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'a' }, transitions: [{ to: 'b' }] }, b: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'b' } } };
  writeFileSync(join(dir, 'ok.json'), path(ok));
  writeFileSync(join(dir, 'warn.json'), path({ ...ok, a: { ...ok.a, transitions: [{ to: 'b', weight: 0.5 }] } }));
  writeFileSync(join(dir, 'bad.json'), path({ ...ok, los: { kind: 'contact', phase: 'pregnancy', label: { nl: 'los' }, transitions: [{ to: 'b' }] } }));
  writeFileSync(join(dir, 'typo.json'), path({ ...ok, a: { ...ok.a, transitions: [{ to: 'bb' }] } }));
  writeFileSync(join(dir, 'menukaart.json'), JSON.stringify({ schemaVersion: 1, kind: 'menukaart', id: 'm', version: '1.0.0', title: { nl: 'M' }, interventions: { i: { label: { nl: 'I' }, phases: ['pregnancy'], actor: 'a', recognition: 'regular-care' } } }));
  writeFileSync(join(dir, 'strict.config.json'), JSON.stringify({ rules: { 'missing-source': 'error' } }));
  writeFileSync(join(dir, 'typo.config.json'), JSON.stringify({ rules: { 'missing-sorce': 'off' } }));
});

describe('zorgpaden validate', () => {
  it('exits 0 for a clean path and for warnings only; 1 when errors remain', async () => {
    expect((await run('ok.json')).code).toBe(0);
    const warned = await run('warn.json');
    expect(warned.code).toBe(0);
    expect(warned.out).toContain('warning missing-source');
    const bad = await run('bad.json', 'ok.json');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/bad\.json:\d+:\d+ - error unreachable-step/);
    expect(bad.out).toContain('^');
  });

  it('--rule switches a rule off or raises it; --lang nl prints Dutch', async () => {
    expect((await run('bad.json', '--rule', 'unreachable-step=off')).code).toBe(0);
    expect((await run('warn.json', '-r', 'missing-source=error')).code).toBe(1);
    expect((await run('bad.json', '--lang', 'nl')).out).toContain('fout unreachable-step: Geen cliënt');
  });

  it('applies settings to reference errors found while loading', async () => {
    const typo = await run('typo.json');
    expect(typo.code).toBe(1);
    expect(typo.out).toContain('Did you mean "b"?');
    expect((await run('typo.json', '--rule', 'unknown-target=warn')).code).toBe(0);
  });

  it('reads a config file; an unknown rule in it is a usage error with a hint', async () => {
    expect((await run('warn.json', '--config', 'strict.config.json')).code).toBe(1);
    const typo = await run('ok.json', '--config', 'typo.config.json');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('Did you mean "missing-source"?');
  });

  it('rejects a malformed --rule and an unknown rule name', async () => {
    expect((await run('ok.json', '--rule', 'dead-end')).code).toBe(2);
    const unknown = await run('ok.json', '--rule', 'dead-ends=off');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Did you mean "dead-end"?');
  });

  it('writes JSON and SARIF, to stdout or to a file', async () => {
    const json = JSON.parse((await run('bad.json', '--json')).out);
    expect(json.summary.errors).toBe(1);
    const sarif = JSON.parse((await run('bad.json', '--format', 'sarif')).out);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'unreachable-step', level: 'error' });
    expect((await run('bad.json', '--format', 'sarif', '-o', 'out.sarif')).out).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('validates a menukaart file with its own rules', async () => {
    const result = await run('menukaart.json');
    expect(result.code).toBe(0);
    expect(result.out).toContain('missing-source');
  });

  it('reports a missing file without crashing, and exits 2: it could not run on that input', async () => {
    const result = await run('nope.json');
    expect(result.code).toBe(2);
    expect(result.out).toContain('file-not-found');
  });
});
