import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEMPORARY_FILE_PATTERN } from '../../src/cli/context.js';
import { CASES, prepareWorkspace, type CliCase } from './corpus/cli.js';
import { reachableCli, reachableNode } from './reachable-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

// the built CLI, run as a user runs it; `npm test` builds first and sets ZORGPADEN_REQUIRE_DIST
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'bin', 'cli.js');
const built = existsSync(CLI);
const required = process.env.ZORGPADEN_REQUIRE_DIST === '1';
if (!built && !required) console.warn('tests/hardening/cli-process skipped: no dist/ (run `npm run build` first, or `npm test`)');

const isRoot = process.getuid?.() === 0;
/** As root, file permissions do not bite; the permission cases then run as `nobody`. */
const NOBODY = 65534;

/** The corpus cases also run as real processes: every kind of failure, every command, and every exit code. */
const SUBSET = [
  'unknown command',
  'simulate: misspelt --cohort is suggested',
  'check: no file given',
  'simulate: --cohort 1e99 is out of range, not "below 1"',
  'simulate: --workers 0',
  'coverage: --min 150',
  'render: --format xx',
  'validate: --json with --format sarif',
  'simulate: the path does not exist',
  'validate: a folder instead of a file',
  'check: an unreadable file',
  'check: a binary file',
  'check: a path with errors, with file:line:column',
  'simulate --json: a path with errors is still one JSON document',
  'route: a route that deviates',
  'report: --simulate with --overlay',
  'validate: -o is the input file',
  'render: -o is a hard link to the input',
  'simulate: -o into a folder that does not exist',
  'validate: -o into a read-only folder',
  'simulate: -o replaces an earlier output whole',
  'check: a FIFO is refused at once, not waited on',
  'render: --overlay /dev/zero is refused without reading it',
  'validate: -c a FIFO is refused at once',
  'check: an include outside the root is refused, naming the root',
  'check: an include of a secrets file shows none of it',
  'render: an overlay simulated on another path is refused',
  'check: a file name with terminal escapes is printed escaped',
];

let dir: string;
// the CLI as `nobody` can reach it: a copy when the clone lies in a folder only root may enter
let cliAsNobody = CLI;
beforeAll(() => {
  dir = prepareWorkspace();
  if (isRoot && built) cliAsNobody = reachableCli(ROOT, NOBODY);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (cliAsNobody !== CLI) rmSync(dirname(dirname(cliAsNobody)), { recursive: true, force: true });
});

function cli(argv: readonly string[], options: { env?: Record<string, string>; execArgv?: string[]; uid?: number } = {}): SpawnSyncReturns<string> {
  const cli = options.uid === NOBODY ? cliAsNobody : CLI;
  return spawnSync(options.uid === undefined ? process.execPath : reachableNode(options.uid), [...(options.execArgv ?? []), cli, ...argv], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 20_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, ZORGPADEN_DEBUG: '', ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
}

function noHangNoStack(result: SpawnSyncReturns<string>, label: string): void {
  expect(result.error, `${label}: did not finish`).toBeUndefined();
  expect(result.signal, label).toBeNull();
  expect(result.stderr, `${label}: a stack trace`).not.toMatch(/\n\s+at /);
}

describe.skipIf(!built && !required)('the built CLI as a process', () => {
  const cases = SUBSET.map((name) => CASES.find((c) => c.name === name));

  it('runs a subset of the corpus that names only real cases', () => {
    expect(cases.every((c) => c !== undefined)).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.for(cases.filter((c): c is CliCase => c !== undefined).map((c) => [c.name, c] as const))('%s', ([, c]) => {
    const result = cli(c.argv, { env: { ZORGPADEN_LANG: c.lang ?? 'en' }, ...(c.needsPermissions && isRoot ? { uid: NOBODY } : {}) });
    noHangNoStack(result, c.name);
    expect(result.status, `${c.name}\n${result.stderr}`).toBe(c.exit);
    if (c.stderr !== undefined) expect(result.stderr).toContain(c.stderr);
    if (c.stdout !== undefined) expect(result.stdout).toContain(c.stdout);
    if (c.stdoutEmpty) expect(result.stdout).toBe('');
    if (c.json !== undefined) expect(JSON.parse(result.stdout)).toMatchObject(c.json);
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => TEMPORARY_FILE_PATTERN.test(f.split('/').at(-1)!))).toEqual([]);
  });

  /** Runs the CLI with a reader that closes stdout after the first chunk, as `| head` does. */
  async function withReaderClosingEarly(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const hang = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    clearTimeout(hang);
    return { code, signal, stderr };
  }

  it('ends quietly with exit 0 when the reader closes the pipe early (| head)', async () => {
    // a diagram of a few MB, far more than one pipe buffer
    const label = 'zorg en ondersteuning voor het gezin '.repeat(50);
    const steps: Record<string, unknown> = { end: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Einde' } } };
    for (let i = 0; i < 2000; i++) steps[`s${i}`] = { kind: 'contact', phase: 'pregnancy', label: { nl: `${i} ${label}` }, transitions: [{ to: i < 1999 ? `s${i + 1}` : 'end' }] };
    writeFileSync(join(dir, 'long.json'), JSON.stringify({ schemaVersion: 1, id: 'long', version: '1.0.0', title: { nl: 'Lang' }, initial: 's0', steps }));
    const { code, signal, stderr } = await withReaderClosingEarly(['render', 'long.json']);
    expect(signal).toBeNull();
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('keeps its own exit code when the reader closes the pipe early (validate with errors | head)', async () => {
    const steps: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) steps[`s${i}`] = { kind: 'contact', phase: 'pregnancy', label: { nl: `Stap ${i}` }, transitions: [{ to: `nergens${i}` }] };
    writeFileSync(join(dir, 'broken-long.json'), JSON.stringify({ schemaVersion: 1, id: 'broken', version: '1.0.0', title: { nl: 'Kapot' }, initial: 's0', steps }));
    const { code, signal, stderr } = await withReaderClosingEarly(['validate', 'broken-long.json']);
    expect(signal).toBeNull();
    expect(stderr).not.toMatch(/internal error|EPIPE/);
    expect(code).toBe(1);
  });

  describe('an internal error', () => {
    // a preloaded module breaks the process in three ways the CLI did not plan for
    const BOOM = `
      const mode = process.env.BOOM;
      const stringify = JSON.stringify;
      // the command's JSON output is where the CLI is surely running
      JSON.stringify = function (value, ...rest) {
        if (value && typeof value === 'object' && 'cohort' in value) {
          if (mode === 'action') throw new TypeError('boom in stringify');
          if (mode === 'uncaught') setTimeout(() => { throw new RangeError('boom in a timer'); }, 0);
          if (mode === 'rejection') Promise.reject(new Error('boom in a promise'));
        }
        return stringify.call(this, value, ...rest);
      };
    `;

    let boom: string;
    beforeAll(() => {
      boom = join(dir, 'boom.mjs');
      writeFileSync(boom, BOOM);
    });
    const argv = ['simulate', 'path.json', '--cohort', '50', '--json'];

    it.for([
      ['action', 'TypeError: boom in stringify'],
      ['uncaught', 'RangeError: boom in a timer'],
      ['rejection', 'Error: boom in a promise'],
    ] as const)('%s: one short message with where to report it, exit 2, no stack', ([mode, what]) => {
      const result = cli(argv, { env: { BOOM: mode }, execArgv: ['--import', boom] });
      noHangNoStack(result, mode);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`zorgpaden: internal error (${what}).`);
      expect(result.stderr).toContain('This is a bug in zorgpaden, not a problem in your files: please report it');
      expect(result.stderr).toContain('ZORGPADEN_DEBUG=1');
      expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(3);
    });

    it('shows the stack with ZORGPADEN_DEBUG=1', () => {
      const result = cli(argv, { env: { BOOM: 'action', ZORGPADEN_DEBUG: '1' }, execArgv: ['--import', boom] });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('zorgpaden: internal error (TypeError: boom in stringify).');
      expect(result.stderr).toMatch(/\n\s+at /);
    });
  });
});
