import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommand, checkFiles } from '../../src/cli/commands/check.js';
import type { CliContext } from '../../src/cli/context.js';
import { formatDiagnostics, summary } from '../../src/validate/format/index.js';
import { applyConfiguredLang, configuredLang } from '../../src/cli/lang.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const context: CliContext = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), interactive: false, cwd: process.cwd() };
  const program = new Command('zorgpaden').exitOverride().configureOutput({ writeOut: (s) => void (stdout += s), writeErr: (s) => void (stderr += s) });
  checkCommand.register(program, context, (c) => (code = Math.max(code, c)));
  // as runCli does: the language of ZORGPADEN_LANG or the config file
  applyConfiguredLang(program, configuredLang(process.cwd()));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch {
    code = 2;
  }
  return { code, stdout, stderr };
}

const BROKEN = 'tests/fixtures/broken';

describe('zorgpaden check', () => {
  it('exits 0 for good files of several kinds, with a summary', async () => {
    const result = await run(['check', 'tests/fixtures/load/valid.json', 'tests/fixtures/load/valid.yaml', 'tests/fixtures/load/includes/main.json', 'tests/fixtures/load/coalition/haarlem.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('4 files checked: 0 errors, 0 warnings.\n');
  });

  it('prints file:line:col, severity, code and message, then the hint, in the layout of validate, and exits 1', async () => {
    const file = join(BROKEN, 'missing-target.json');
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`${file}:17:25 - error unknown-target: Step "intake" has a transition to "eind", which does not exist.`);
    expect(lines[2]).toContain('"to": "eind"');
    // the caret stands under column 25 of the quoted line, after the gutter "17 "
    expect(lines[3]!.indexOf('^')).toBe('17 '.length + 25 - 1);
    expect(lines[4]).toBe('  hint: Did you mean "einde"?');
    expect(lines.at(-2)).toBe('1 file checked: 1 error, 0 warnings.');
  });

  it('prints the same blocks as validate for the same file, with its own summary instead of validate\'s', async () => {
    const file = join(BROKEN, 'missing-target.json');
    const checked = await run(['check', file]);
    const diagnostics = (await checkFiles([file]))[0]!.diagnostics;
    const validateText = formatDiagnostics(diagnostics, 'text', { lang: 'en', sourceText: (f) => (f === undefined ? undefined : readFileSync(f, 'utf8')) });
    const validateBlocks = validateText.slice(0, validateText.lastIndexOf(summary(diagnostics, 'en')));
    expect(checked.stdout).toBe(`${validateBlocks}1 file checked: 1 error, 0 warnings.\n`);
  });

  it('speaks Dutch with --lang nl', async () => {
    const result = await run(['check', '--lang', 'nl', join(BROKEN, 'initial-unknown.json')]);
    expect(result.stdout).toContain('De beginstap "intak" bestaat niet.');
    expect(result.stdout).toContain('Bedoelde je "intake"?');
    expect(result.stdout).toContain('1 bestand gecontroleerd: 1 fout, 0 waarschuwingen.');
  });

  it('prints { files: [{ file, ok, diagnostics }] } with --json', async () => {
    const good = 'tests/fixtures/load/valid.json';
    const bad = join(BROKEN, 'duplicate-key.yaml');
    const result = await run(['check', '--json', good, bad]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { file: string; ok: boolean; diagnostics: { code: string; line: number }[] }[] };
    expect(report.files.map((f) => [f.file, f.ok, f.diagnostics.map((d) => [d.code, d.line])])).toEqual([
      [good, true, []],
      [bad, false, [['duplicate-key', 17]]],
    ]);
  });

  it('checks a coalition over the path it adapts', async () => {
    const result = await run(['check', '--json', 'tests/fixtures/load/coalition/clash.json']);
    const report = JSON.parse(result.stdout) as { files: { ok: boolean; diagnostics: { code: string }[] }[] };
    expect(report.files[0]!.ok).toBe(false);
    expect(report.files[0]!.diagnostics.map((d) => d.code)).toContain('local-step-conflict');
  });

  it('is a usage error without files', async () => {
    const result = await run(['check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing required argument');
  });
});

describe('check on a file that cannot be read', () => {
  it('names the file and exits 2, as for every command that cannot run on its input', async () => {
    const result = await run(['check', 'tests/fixtures/load/does-not-exist.json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('file-not-found');
  });
});
