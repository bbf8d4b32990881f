import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';

async function run(argv: string[], stdoutIsTerminal: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), interactive: false, stdoutIsTerminal, cwd: process.cwd() };
  return { code: await runCli(argv, context), stdout, stderr };
}

describe('report on a terminal', () => {
  it('asks for -o instead of printing a whole HTML page', async () => {
    const { code, stdout, stderr } = await run(['report', 'paths/national/zwangerschap.json', '--lang', 'en'], true);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('zorgpaden: report writes a whole HTML page; give the file to write with -o report.html (or redirect it: > report.html).\n');
  });

  it('still prints the page into a pipe or a file', async () => {
    const { code, stdout } = await run(['report', 'paths/national/zwangerschap.json'], false);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/i);
  });
});
