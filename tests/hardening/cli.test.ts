import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEMPORARY_FILE_PATTERN, type CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { CASES, prepareWorkspace, SECRET, type CliCase } from './corpus/cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const isRoot = process.getuid?.() === 0;
let dir: string;
beforeAll(() => {
  dir = prepareWorkspace();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), interactive: false, cwd: dir };
  const code = await runCli(argv, context);
  return { code, stdout, stderr };
}

/** Every file under the workspace whose name is a leftover temporary output file. */
function leftovers(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => TEMPORARY_FILE_PATTERN.test(f.split(/[\\/]/).at(-1)!));
}

/** The checks every case gets, whatever it is about. */
function assertCleanOutput(c: CliCase, result: { code: number; stdout: string; stderr: string }): void {
  expect([0, 1, 2]).toContain(result.code);
  expect(result.code, `${c.name}\n${result.stderr}`).toBe(c.exit);
  for (const [stream, text] of [['stderr', result.stderr], ['stdout', result.stdout]] as const) {
    expect(text, `${c.name}: a stack frame on ${stream}`).not.toMatch(/\n\s+at /);
    expect(text, `${c.name}: an object printed as text on ${stream}`).not.toContain('[object Object]');
    // "undefined" or "NaN" where a value should be
    expect(text, `${c.name}: a missing value on ${stream}`).not.toMatch(/\bundefined\b|\bNaN\b|"null"/);
    // a name from outside never reaches the terminal raw, and nothing a path names leaks
    expect(text, `${c.name}: a raw control character on ${stream}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text, `${c.name}: a secret on ${stream}`).not.toContain(SECRET);
    expect(text, `${c.name}: the environment on ${stream}`).not.toMatch(/\bPATH=/);
  }
  if (c.stderr !== undefined) expect(result.stderr, c.name).toContain(c.stderr);
  if (c.stdout !== undefined) expect(result.stdout, c.name).toContain(c.stdout);
  if (c.stdoutEmpty) expect(result.stdout, c.name).toBe('');
  if (c.json !== undefined) expect(JSON.parse(result.stdout), c.name).toMatchObject(c.json);
  // whatever --json prints is one JSON document and nothing else
  if (c.argv.includes('--json') && result.stdout !== '') expect(() => JSON.parse(result.stdout), c.name).not.toThrow();
}

describe('the CLI bad-input corpus (in-process)', () => {
  it('has at least 40 cases with unique names, over all seven commands', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    for (const command of ['check', 'validate', 'simulate', 'coverage', 'route', 'render', 'report']) {
      expect(CASES.filter((c) => c.argv[0] === command).length, command).toBeGreaterThanOrEqual(3);
    }
    for (const code of [0, 1, 2]) expect(CASES.some((c) => c.exit === code)).toBe(true);
  });

  it.for(CASES.map((c) => [c.name, c] as const))('%s', async ([, c], { skip }) => {
    // root reads and writes anything: tests/hardening/cli-process.test.ts runs these as another user
    if (c.needsPermissions && isRoot) skip();
    const before = new Map([...(c.unchanged ?? [])].map((f) => [f, readFileSync(join(dir, f))]));
    vi.stubEnv('ZORGPADEN_LANG', c.lang ?? 'en');
    const result = await run(c.argv);
    assertCleanOutput(c, result);
    for (const [file, bytes] of before) expect(readFileSync(join(dir, file)).equals(bytes), `${file} changed`).toBe(true);
    for (const file of c.absent ?? []) expect(() => readFileSync(join(dir, file)), `${file} exists`).toThrow();
    if (c.writes !== undefined) expect(readFileSync(join(dir, c.writes), 'utf8')).toBe(result.stdout);
    expect(leftovers(dir)).toEqual([]);
  });
});
