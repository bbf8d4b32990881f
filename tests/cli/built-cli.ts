import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root and the built CLI, run as a user runs it (`npx tsup` builds it). */
export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'bin', 'cli.js');
/** False when there is no build: the process tests are then skipped, unless the build is required. */
export const built = existsSync(CLI) || process.env.ZORGPADEN_REQUIRE_DIST === '1';

/** What a CLI process left behind. */
export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd` (the repository root by default) and returns its exit code and output. */
export function runBuilt(argv: readonly string[], cwd: string = ROOT): Ran {
  const result = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', env: { ...process.env, ZORGPADEN_DEBUG: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A fresh temporary folder inside the repository (test-output/, ignored by git): its files may name
 * the shipped content, as files in a user's own project name node_modules/zorgpaden/paths, without
 * leaving the root that the loaders keep named files in.
 */
export function tempDir(): string {
  const parent = join(ROOT, 'test-output');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'zorgpaden-cli-'));
}
