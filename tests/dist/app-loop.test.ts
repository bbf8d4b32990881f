import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// compiles an app against the BUILT package's types, as a user's project does
const ROOT = join(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'types', 'index.d.ts'));
const required = process.env.ZORGPADEN_REQUIRE_DIST === '1';

describe.skipIf(!built && !required)('the documented app loop', () => {
  it('compiles under strict and exactOptionalPropertyTypes on a definePath path', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(__dirname, 'app-loop', 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
