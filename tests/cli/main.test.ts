import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../../src/cli/main.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

/** Runs the whole CLI in-process and captures what it prints. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), interactive: false, cwd: process.cwd() };
  const code = await runCli(argv, context);
  return { code, stdout, stderr };
}

describe('usage errors of the CLI', () => {
  it('points at the help of the command after a missing argument, exits 2 and shows no stack', async () => {
    const { code, stderr } = await run(['validate']);
    expect(code).toBe(EXIT.usage);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe("error: missing required argument 'files'");
    expect(lines.at(-1)).toBe('Run "zorgpaden validate --help" for the usage.');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names the command for an unknown option or a bad choice of that command', async () => {
    for (const argv of [['check', '--nope', 'x.json'], ['check', '--lang', 'xx', 'x.json']]) {
      const { code, stderr } = await run(argv);
      expect(code).toBe(EXIT.usage);
      expect(stderr.trimEnd().split('\n').at(-1)).toBe('Run "zorgpaden check --help" for the usage.');
    }
  });

  it('points at the general help when no command is known', async () => {
    for (const argv of [['nope'], ['--bogus']]) {
      const { code, stderr } = await run(argv);
      expect(code).toBe(EXIT.usage);
      expect(stderr.trimEnd().split('\n').at(-1)).toBe('Run "zorgpaden --help" for the usage.');
    }
  });

  it('adds nothing after help or the version', async () => {
    for (const argv of [['--help'], ['validate', '--help'], ['--version']]) {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(EXIT.ok);
      expect(stdout.length).toBeGreaterThan(0);
      expect(stdout + stderr).not.toContain('for the usage');
    }
  });
});
