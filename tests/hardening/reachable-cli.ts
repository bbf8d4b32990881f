import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const nodes = new Map<number, string>();

/**
 * A Node binary user `uid` can run: this process's own, or, when that lies in a folder `uid` may not
 * enter (the Node 22 and 24 binaries CI installs inside a clone only root may read), a copy of it
 * in a fresh folder anyone may enter.
 */
export function reachableNode(uid: number): string {
  const known = nodes.get(uid);
  if (known) return known;
  let node = process.execPath;
  if (spawnSync(node, ['-e', '0'], { uid, gid: uid, timeout: 20_000 }).error) {
    const folder = mkdtempSync(join(tmpdir(), 'zorgpaden-node-copy-'));
    chmodSync(folder, 0o755);
    node = join(folder, basename(process.execPath));
    cpSync(process.execPath, node);
    chmodSync(node, 0o755);
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  nodes.set(uid, node);
  return node;
}

/** True when user `uid` can read `file` (every folder above it included). */
export function canRead(uid: number, file: string): boolean {
  const probe = spawnSync(reachableNode(uid), ['-e', `require('fs').accessSync(${JSON.stringify(file)}, require('fs').constants.R_OK)`], { uid, gid: uid, timeout: 20_000 });
  return probe.status === 0;
}

// the packages the built CLI imports, and theirs, as npm placed them in node_modules
function runtimePackages(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
  // a required peer (xstate) is imported like a dependency; optional peers (mermaid) are not
  const peers = Object.keys(manifest.peerDependencies ?? {}).filter((name) => manifest.peerDependenciesMeta?.[name]?.optional !== true);
  const wanted = [...Object.keys(manifest.dependencies ?? {}), ...peers];
  const found = new Set<string>();
  while (wanted.length > 0) {
    const name = wanted.pop()!;
    if (found.has(name) || !existsSync(join(root, 'node_modules', name, 'package.json'))) continue;
    found.add(name);
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    wanted.push(...Object.keys(manifest.dependencies ?? {}));
  }
  return [...found];
}

function openUp(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) openUp(join(path, entry));
}

/**
 * The built CLI as user `uid` can run it. A clone in a folder only its owner may enter (a 0700
 * temporary folder, as root) is out of reach of `nobody`: then dist/, package.json and the runtime
 * packages are copied to a fresh folder anyone may read, and that copy is run instead.
 */
export function reachableCli(root: string, uid: number): string {
  const cli = join(root, 'dist', 'bin', 'cli.js');
  if (canRead(uid, cli)) return cli;
  const copy = mkdtempSync(join(tmpdir(), 'zorgpaden-cli-copy-'));
  cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  for (const name of runtimePackages(root)) cpSync(join(root, 'node_modules', name), join(copy, 'node_modules', name), { recursive: true, dereference: true });
  openUp(copy);
  return join(copy, 'dist', 'bin', 'cli.js');
}
