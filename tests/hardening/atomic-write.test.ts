import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { CliError, TEMPORARY_FILE_PATTERN, writeOutputFile } from '../../src/cli/context.js';
import { SIGNAL_EXIT } from '../../src/cli/exit-codes.js';
import { reachableCli, reachableNode } from './reachable-cli.js';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'bin', 'cli.js');
const built = existsSync(CLI);
const required = process.env.ZORGPADEN_REQUIRE_DIST === '1';
if (!built && !required) console.warn('tests/hardening/atomic-write: the process tests are skipped without dist/ (run `npm run build` first, or `npm test`)');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

const PREVIOUS = 'the previous output, which must survive an interrupted write\n';
const temporaryFiles = (dir: string) => readdirSync(dir).filter((f) => TEMPORARY_FILE_PATTERN.test(f));

/** A path of `n` steps with labels near the length limit: its diagram is about 2 kB a step. */
function bigPath(n: number): string {
  const label = (i: number) => `Stap ${i} ${'zorg en ondersteuning voor het gezin '.repeat(60)}`.slice(0, 1990);
  const steps: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) steps[`s${i}`] = { kind: 'contact', phase: 'pregnancy', label: { nl: label(i) }, transitions: [{ to: i + 1 < n ? `s${i + 1}` : 'end' }] };
  steps['end'] = { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Einde' } };
  return JSON.stringify({ schemaVersion: 1, id: 'big', version: '1.0.0', title: { nl: 'Groot' }, initial: 's0', steps });
}

describe('writeOutputFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zorgpaden-write-'));
    writeFileSync(join(dir, 'input.json'), '{"input":true}\n');
    mkdirSync(join(dir, 'sub'));
    symlinkSync('input.json', join(dir, 'symlink.json'));
    linkSync(join(dir, 'input.json'), join(dir, 'hardlink.json'));
    symlinkSync(dir, join(dir, 'sub', 'back'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.for(['input.json', './input.json', 'sub/../input.json', 'symlink.json', 'hardlink.json', 'sub/back/input.json'])('refuses %s as the output of input.json', async (spelling) => {
    const before = readFileSync(join(dir, 'input.json'));
    const attempt = writeOutputFile(join(dir, spelling), 'overwritten', [join(dir, 'input.json')]);
    await expect(attempt).rejects.toThrow(CliError);
    await expect(attempt).rejects.toThrow(/it is one of the input files/);
    expect(readFileSync(join(dir, 'input.json')).equals(before)).toBe(true);
    expect(readFileSync(join(dir, 'hardlink.json')).equals(before)).toBe(true);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('replaces an earlier output whole, and leaves no temporary file', async () => {
    const target = join(dir, 'out.txt');
    writeFileSync(target, PREVIOUS);
    const data = 'x'.repeat(3 * 1024 * 1024 + 17); // more than one chunk, not a whole number of them
    await writeOutputFile(target, data, [join(dir, 'input.json')]);
    expect(readFileSync(target, 'utf8')).toBe(data);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const target = join(dir, 'private.txt');
    writeFileSync(target, PREVIOUS);
    chmodSync(target, 0o600);
    await writeOutputFile(target, 'new content');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('new content');
  });

  it('writes through a symlink to an earlier output: the link stays, the file it points at is replaced', async () => {
    writeFileSync(join(dir, 'real-out.txt'), PREVIOUS);
    symlinkSync('real-out.txt', join(dir, 'linked-out.txt'));
    await writeOutputFile(join(dir, 'linked-out.txt'), 'through the link');
    expect(lstatSync(join(dir, 'linked-out.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real-out.txt'), 'utf8')).toBe('through the link');
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('writes into a FIFO (like -o /dev/stdout) instead of replacing it, without hanging', async () => {
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    await writeOutputFile(fifo, 'into the pipe\n');
    await closed;
    expect(read).toBe('into the pipe\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('names a missing folder, and writes nothing', async () => {
    const attempt = writeOutputFile(join(dir, 'missing', 'out.txt'), 'data');
    await expect(attempt).rejects.toThrow(/the folder ".*missing" does not exist; create it first or choose another file with -o\. Nothing was written\./);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it.skipIf(isRoot)('refuses a read-only folder and a read-only file, and leaves no temporary file', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    await expect(writeOutputFile(join(locked, 'out.txt'), 'data')).rejects.toThrow(/no permission to write in/);
    expect(readdirSync(locked)).toEqual([]);
    const readOnly = join(dir, 'read-only.txt');
    writeFileSync(readOnly, PREVIOUS);
    chmodSync(readOnly, 0o444);
    await expect(writeOutputFile(readOnly, 'data')).rejects.toThrow(/the file is read-only/);
    expect(readFileSync(readOnly, 'utf8')).toBe(PREVIOUS);
    expect(temporaryFiles(dir)).toEqual([]);
  });
});

describe.skipIf(!built && !required)('the built CLI interrupted while it writes', () => {
  let dir: string;
  let reference: Buffer;
  const argv = ['render', 'big.json', '-o', 'out.mmd'];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zorgpaden-interrupt-'));
    chmodSync(dir, 0o777);
    // about 10 MB of diagram: a write of several chunks and an fsync, long enough to be caught in
    writeFileSync(join(dir, 'big.json'), bigPath(5000));
    const clean = spawnSync(process.execPath, [CLI, 'render', 'big.json', '-o', 'reference.mmd'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(clean.status, clean.stderr).toBe(0);
    reference = readFileSync(join(dir, 'reference.mmd'));
    expect(reference.length).toBeGreaterThan(8 * 1024 * 1024);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI and sends `signal` `delay` ms after its temporary file appears. */
  function interrupt(signal: NodeJS.Signals, delay: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sent: boolean }> {
    writeFileSync(join(dir, 'out.mmd'), PREVIOUS);
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...argv], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let sent = false;
      const watcher = watch(dir, (_event, file) => {
        if (sent || file === null || !TEMPORARY_FILE_PATTERN.test(file)) return;
        sent = true;
        if (delay === 0) child.kill(signal);
        else setTimeout(() => child.kill(signal), delay);
      });
      const hang = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('exit', (code, killedBy) => {
        watcher.close();
        clearTimeout(hang);
        resolve({ code, signal: killedBy, stderr, sent });
      });
    });
  }

  /** The target is the old file or the whole new one, never a part; returns true when it is still the old one. */
  function targetIsWhole(): boolean {
    const now = readFileSync(join(dir, 'out.mmd'));
    const old = now.equals(Buffer.from(PREVIOUS));
    expect(old || now.equals(reference), `out.mmd is ${now.length} bytes: neither the old file nor the whole new one`).toBe(true);
    return old;
  }

  // one run over every delay: on a fast machine the later kills all land after the rename, and
  // the test proves something as long as some kill in the whole series lands before it
  const delays = [0, 0, 1, 3, 5, 8, 12, 20, 30, 45];
  it('SIGKILL mid-write never leaves a partial target, only a temporary file', async () => {
    let caught = 0;
    for (const delay of delays) {
      const run = await interrupt('SIGKILL', delay);
      expect(run.sent, 'the temporary file never appeared').toBe(true);
      const leftovers = temporaryFiles(dir);
      // only the temporary file of this run, named after the target, may be left behind
      expect(leftovers.length).toBeLessThanOrEqual(1);
      for (const file of leftovers) expect(file.startsWith('.out.mmd.')).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['big.json', 'out.mmd', 'reference.mmd', ...leftovers].sort());
      if (run.signal === 'SIGKILL' && targetIsWhole()) caught++;
      else targetIsWhole();
      for (const file of leftovers) rmSync(join(dir, file));
    }
    // the test proves something only if some kills landed before the rename
    expect(caught).toBeGreaterThan(0);
  });

  it.for(['SIGINT', 'SIGTERM'] as const)('%s mid-write removes the temporary file, keeps the old target and exits 128 + signal', async (signal) => {
    let caught = 0;
    for (const delay of [0, 2, 10]) {
      const run = await interrupt(signal, delay);
      expect(run.sent).toBe(true);
      expect(temporaryFiles(dir)).toEqual([]);
      const old = targetIsWhole();
      if (run.code === SIGNAL_EXIT[signal]) {
        caught++;
        expect(old).toBe(true);
        expect(run.stderr).toContain(`zorgpaden: stopped by ${signal} while writing; the unfinished output file was removed`);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      } else {
        // the signal came after the rename: the run finished, or the signal ended it after the write
        expect(old).toBe(false);
      }
    }
    expect(caught).toBeGreaterThan(0);
  });

  it('SIGINT before the write (while simulating) ends the process as the signal does, and writes nothing', async () => {
    writeFileSync(join(dir, 'small.json'), bigPath(3));
    writeFileSync(join(dir, 'sim.json'), PREVIOUS);
    const child = spawn(process.execPath, [CLI, 'simulate', 'small.json', '--cohort', '20000000', '-o', 'sim.json'], { cwd: dir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGINT'), 1500);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    clearTimeout(timer);
    // killed by the signal itself, which a shell reports as 130
    expect([code, signal]).toEqual([null, 'SIGINT']);
    expect(readFileSync(join(dir, 'sim.json'), 'utf8')).toBe(PREVIOUS);
    expect(temporaryFiles(dir)).toEqual([]);
    rmSync(join(dir, 'small.json'));
    rmSync(join(dir, 'sim.json'));
  });

  it('a folder that refuses the write gives exit 2, a clear message and no temporary file', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // as root, nobody runs it; a clone in a folder only root may enter gets nobody a copy of the CLI
    const cli = isRoot ? reachableCli(ROOT, NOBODY) : CLI;
    onTestFinished(() => {
      if (cli !== CLI) rmSync(dirname(dirname(cli)), { recursive: true, force: true });
    });
    const result = spawnSync(isRoot ? reachableNode(NOBODY) : process.execPath, [cli, 'render', 'big.json', '-o', 'locked/out.mmd'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
      ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Kan "${join(dir, 'locked', 'out.mmd')}" niet schrijven: geen toestemming om te schrijven in "${locked}"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(locked)).toEqual([]);
    rmSync(locked, { recursive: true });
  });
});
