/**
 * The long fuzz run (`npm run fuzz`): runs every property in tests/fuzz with 10,000 cases each
 * (tests/fuzz/budget.ts caps the Mermaid-parsing property, whose cases take tens of milliseconds),
 * one test file at a time through vitest, and prints a table: property, runs, failures, time.
 * Exits 1 when a property fails or a file does not finish within its time limit (a hang).
 *
 * Usage: npm run fuzz [-- --runs <n>] [--seed <n>] [--only <file name part>] [--file-minutes <n>]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDER = join(ROOT, 'tests', 'fuzz');

interface Args {
  runs: number;
  seed?: number;
  only?: string;
  fileMinutes: number;
}

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run fuzz [-- --runs <n>] [--seed <n>] [--only <file name part>] [--file-minutes <n>]`);
  process.exit(2);
}

function wholeNumber(flag: string, raw: string | undefined, min: number): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isSafeInteger(value) || value < min) usage(`${flag} needs a whole number of at least ${min}, got ${raw ?? 'nothing'}.`);
  return value;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 10_000, fileMinutes: 60 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (flag === '--runs') args.runs = wholeNumber(flag, value, 1);
    else if (flag === '--seed') args.seed = wholeNumber(flag, value, Number.MIN_SAFE_INTEGER);
    else if (flag === '--only') args.only = value ?? usage('--only needs part of a file name.');
    else if (flag === '--file-minutes') args.fileMinutes = wholeNumber(flag, value, 1);
    else usage(`Unknown option "${flag}".`);
    i++;
  }
  return args;
}

interface FileOutcome {
  file: string;
  code: number | null;
  timedOut: boolean;
  ms: number;
  output: string;
}

/** Runs one test file in its own vitest process; a file that runs past the limit is killed and counts as a hang. */
function runFile(file: string, env: NodeJS.ProcessEnv, limitMs: number): Promise<FileOutcome> {
  const start = performance.now();
  const vitest = join(ROOT, 'node_modules', '.bin', 'vitest');
  // the test timeout is the file's limit: the per-file guard below is what catches a hang
  const child = spawn(vitest, ['run', join('tests', 'fuzz', file), `--testTimeout=${limitMs}`, '--reporter=dot', '--typecheck.enabled=false'], { cwd: ROOT, env, detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // the whole process group: vitest runs its tests in worker processes
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, limitMs + 60_000);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ file, code, timedOut, ms: performance.now() - start, output });
    });
  });
}

interface Stat {
  name: string;
  runs: number;
  skipped: number;
  failed: boolean;
  seed: number;
  ms: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r, i) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ') + (i === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = readdirSync(FOLDER)
    .filter((f) => f.endsWith('.test.ts') && (args.only === undefined || f.includes(args.only)))
    .sort();
  if (files.length === 0) usage(`No fuzz test file matches "${args.only}".`);
  const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-fuzz-'));
  const statsFile = join(dir, 'stats.jsonl');
  const env = { ...process.env, ZORGPADEN_FUZZ_RUNS: String(args.runs), ZORGPADEN_FUZZ_STATS: statsFile, ...(args.seed !== undefined ? { ZORGPADEN_FUZZ_SEED: String(args.seed) } : {}) };
  console.log(`Fuzzing ${files.length} files with ${args.runs} cases per property${args.seed !== undefined ? `, seed ${args.seed}` : ''}.`);
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const outcome = await runFile(file, env, args.fileMinutes * 60_000);
    const verdict = outcome.timedOut ? `killed after ${args.fileMinutes} min (hang?)` : outcome.code === 0 ? 'ok' : 'FAILED';
    console.log(`  ${file}: ${verdict} in ${seconds(outcome.ms)}`);
    if (outcome.code !== 0 || outcome.timedOut) console.log(outcome.output.replace(/\x1b\[[0-9;]*m/g, ''));
    outcomes.push(outcome);
  }
  const stats: Stat[] = existsSync(statsFile)
    ? readFileSync(statsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Stat)
    : [];
  rmSync(dir, { recursive: true, force: true });
  const rows = [['property', 'runs', 'failures', 'time', 'seed'], ...stats.map((s) => [s.name, String(s.runs), s.failed ? '1' : '0', seconds(s.ms), String(s.seed)])];
  const total = stats.reduce((sum, s) => sum + s.ms, 0);
  rows.push(['total', String(stats.reduce((sum, s) => sum + s.runs, 0)), String(stats.filter((s) => s.failed).length), seconds(total), '']);
  console.log(`\n${table(rows)}`);
  const broken = outcomes.filter((o) => o.code !== 0 || o.timedOut);
  if (broken.length > 0 || stats.some((s) => s.failed)) {
    console.log(`\nFailed: ${broken.map((o) => o.file).join(', ')}. Each failure above names its seed; replay with --seed <seed> --only <file>.`);
    process.exit(1);
  }
}

await main();
