// What embedding costs an app: the minified size of a browser bundle that imports one function from
// the BUILT package (esbuild, as an app's bundler would), and the time `import('zorgpaden')` adds to
// a fresh Node process. Baselines in the same run: a bundle of xstate's `createActor` alone, and an
// empty Node start. Needs `npx tsup` first. Run with `npx tsx bench/embed.ts`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
  console.error('bench/embed.ts measures the built package: run `npx tsup` first.');
  process.exit(1);
}
// inside the repository, so that `zorgpaden` resolves to the package itself, through its exports
const WORK = join(ROOT, 'out', 'bench-embed');
mkdirSync(WORK, { recursive: true });

interface Bundle {
  bytes: number;
  gzip: number;
  yaml: boolean;
  packages: Record<string, number>;
}

async function bundle(name: string, source: string): Promise<Bundle> {
  const entry = join(WORK, `${name}.mjs`);
  writeFileSync(entry, source);
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
  const text = result.outputFiles[0]!.contents;
  const output = Object.values((result.metafile as Metafile).outputs)[0]!;
  const packages: Record<string, number> = {};
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = file.includes('node_modules/') ? file.split('node_modules/').pop()!.split('/')[0]! : 'zorgpaden';
    packages[key] = (packages[key] ?? 0) + bytesInOutput;
  }
  return { bytes: text.length, gzip: gzipSync(text).length, yaml: 'yaml' in packages, packages };
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
// the targets of docs/guide/embedding.md, printed beside the figures
const TARGETS: Record<string, number> = { 'createJourney only': 120_000 };
const cases: [string, string][] = [
  ['xstate createActor only (baseline)', `import { createActor } from 'xstate'; console.log(createActor);`],
  // what a journey needs of xstate anyway: the floor under createJourney
  ['xstate setup+assign+createActor (baseline)', `import { assign, createActor, setup } from 'xstate'; console.log(assign, createActor, setup);`],
  ['isZorgpadenError only', `import { isZorgpadenError } from 'zorgpaden'; console.log(isZorgpadenError);`],
  ['createJourney only', `import { createJourney } from 'zorgpaden'; console.log(createJourney);`],
  ['validatePath only', `import { validatePath } from 'zorgpaden'; console.log(validatePath);`],
  ['parsePath only', `import { parsePath } from 'zorgpaden'; console.log(parsePath);`],
  ['whole main entry', `import * as z from 'zorgpaden'; console.log(z);`],
];
console.log('browser bundle, minified (esbuild --bundle --minify --platform=browser):');
for (const [label, source] of cases) {
  const b = await bundle(label.replace(/\W+/g, '-'), source);
  const top = Object.entries(b.packages).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${kB(v)}`).join(', ');
  const target = TARGETS[label] === undefined ? '' : ` [target <= ${kB(TARGETS[label])}: ${b.bytes <= TARGETS[label] ? 'met' : 'NOT met'}]`;
  console.log(`  ${label.padEnd(42)} ${kB(b.bytes).padStart(9)} (gzip ${kB(b.gzip)}), yaml: ${b.yaml ? 'yes' : 'no'}; zod: ${'zod' in b.packages ? 'yes' : 'no'}; ${top}${target}`);
}

// import time: 5 fresh processes each, alternating so that a change in machine load hits both alike.
// Wall time of the whole process against an empty start (what a CLI user waits), and the CPU time
// of the import inside the process (steadier on a busy machine).
function wall(args: string[]): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}
const INSIDE = (specifiers: string[]) =>
  `const c = process.cpuUsage(); const t = performance.now(); ${specifiers.map((s) => `await import('${s}');`).join(' ')} const u = process.cpuUsage(c); console.log(JSON.stringify([performance.now() - t, (u.user + u.system) / 1000]));`;
function inside(specifiers: string[]): [number, number] {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', INSIDE(specifiers)], { cwd: ROOT, encoding: 'utf8' })) as [number, number];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs = { empty: [] as number[], core: [] as number[], coreWall: [] as number[], coreCpu: [] as number[], nodeWall: [] as number[], nodeCpu: [] as number[], zodCpu: [] as number[], xstateCpu: [] as number[] };
wall(['--input-type=module', '-e', `await import('zorgpaden')`]); // warm the file system cache
for (let i = 0; i < 5; i++) {
  runs.empty.push(wall(['--input-type=module', '-e', '0']));
  runs.core.push(wall(['--input-type=module', '-e', `await import('zorgpaden')`]));
  const [coreWall, coreCpu] = inside(['zorgpaden']);
  runs.coreWall.push(coreWall);
  runs.coreCpu.push(coreCpu);
  const [nodeWall, nodeCpu] = inside(['zorgpaden', 'zorgpaden/node']);
  runs.nodeWall.push(nodeWall);
  runs.nodeCpu.push(nodeCpu);
  runs.zodCpu.push(inside(['zod'])[1]);
  runs.xstateCpu.push(inside(['xstate'])[1]);
}
// the packages the Node builds load on first use (src/node/*-module.ts), as CommonJS, so that they show in require.cache
const LAZY = ['yaml', 'zod', 'xstate', 'jsonc-parser'];
const loadedOnImport = (load: string, args: string[]) =>
  execFileSync(process.execPath, [...args, `${load} console.log(${JSON.stringify(LAZY)}.filter((p) => Object.keys(cache).some((k) => k.includes('node_modules/' + p + '/'))).join(', ') || 'none')`], { cwd: ROOT, encoding: 'utf8' }).trim();
const lazyOnEsmImport = loadedOnImport(`await import('zorgpaden'); const cache = (await import('node:module')).createRequire(import.meta.url).cache;`, ['--input-type=module', '-e']);
const lazyOnRequire = loadedOnImport(`require('zorgpaden'); const cache = require.cache;`, ['-e']);
const empty = median(runs.empty);
const ms = (n: number) => `${n.toFixed(0)} ms`;
console.log(`\nimport time, median of 5 fresh processes (Node ${process.version}):`);
console.log(`  empty node start (baseline)                 ${ms(empty)}`);
const added = median(runs.core) - empty;
console.log(`  node start + import('zorgpaden')            ${ms(median(runs.core))} (+${ms(added)}) [target <= +50 ms: ${added <= 50 ? 'met' : 'NOT met'}]`);
console.log(`  import('zorgpaden') inside the process      ${ms(median(runs.coreWall))} wall, ${ms(median(runs.coreCpu))} CPU`);
console.log(`  ... and zorgpaden/node                      ${ms(median(runs.nodeWall))} wall, ${ms(median(runs.nodeCpu))} CPU`);
console.log(`  ${"import('zod') alone (on first parse)".padEnd(44)}${ms(median(runs.zodCpu))} CPU`);
console.log(`  ${"import('xstate') alone (on first machine)".padEnd(44)}${ms(median(runs.xstateCpu))} CPU`);
console.log(`  of ${LAZY.join(', ')}, importing loads:  ${lazyOnEsmImport} (ESM), ${lazyOnRequire} (CommonJS)`);
rmSync(WORK, { recursive: true, force: true });
