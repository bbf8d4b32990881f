import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

// the four builds below run side by side into dist/, so dist/ is emptied once, before all of them
rmSync('dist', { recursive: true, force: true });

// In the Node builds the YAML parser, the JSON-with-positions parser, zod and XState are loaded on
// first use (src/node/yaml-module.ts, jsonc-module.ts, zod-module.ts, xstate-module.ts) instead of
// on import; browser bundles keep the plain imports of the modules of the same names in src/load/,
// src/model/ and src/machine/.
const lazyModules: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /\/yaml-module\.js$/ }, (args) =>
      args.importer.includes('/src/load/') ? { path: fileURLToPath(new URL('./src/node/yaml-module.ts', import.meta.url)) } : undefined,
    );
    build.onResolve({ filter: /\/jsonc-module\.js$/ }, (args) =>
      /\/src\/(load|validate)\//.test(args.importer) ? { path: fileURLToPath(new URL('./src/node/jsonc-module.ts', import.meta.url)) } : undefined,
    );
    build.onResolve({ filter: /\/xstate-module\.js$/ }, (args) =>
      args.importer.includes('/src/machine/') ? { path: fileURLToPath(new URL('./src/node/xstate-module.ts', import.meta.url)) } : undefined,
    );
    build.onResolve({ filter: /\/zod-module\.js$/ }, (args) =>
      args.importer.includes('/src/model/') ? { path: fileURLToPath(new URL('./src/node/zod-module.ts', import.meta.url)) } : undefined,
    );
  },
};

// the public entries: the browser-safe core, the Node entry and the advanced subpaths
const ENTRIES = {
  index: 'src/index.ts',
  node: 'src/node/index.ts',
  rules: 'src/rules.ts',
  schema: 'src/schema.ts',
  graph: 'src/graph.ts',
  household: 'src/household.ts',
  analysis: 'src/analysis.ts',
  render: 'src/render/index.ts',
};

export default defineConfig([
  {
    // ESM, one output file per source file: with "sideEffects": false a bundler keeps only the
    // modules an app uses (createJourney alone brings no YAML parser and no validation rules)
    entry: ['src/**/*.ts', '!src/cli/**'],
    bundle: false,
    format: ['esm'],
    outDir: 'dist',
    dts: false,
    sourcemap: true,
    // esnext keeps the import attribute of the bundled default population (`with { type: 'json' }`)
    target: 'esnext',
    platform: 'neutral',
  },
  {
    // ESM for Node, bundled per entry with shared chunks: one file per entry loads much faster than
    // two hundred small modules, and Node does not tree-shake anyway
    entry: ENTRIES,
    format: ['esm'],
    outDir: 'dist/node-esm',
    esbuildPlugins: [lazyModules],
    dts: false,
    splitting: true,
    sourcemap: true,
    target: 'node20',
    external: ['mermaid', 'playwright-core'],
  },
  {
    // ESM types, one bundled declaration file per entry
    entry: ENTRIES,
    format: ['esm'],
    outDir: 'dist/types',
    dts: { only: true },
    target: 'es2022',
    external: ['mermaid', 'playwright-core'],
  },
  {
    // CommonJS, bundled per entry
    entry: ENTRIES,
    format: ['cjs'],
    outDir: 'dist/cjs',
    esbuildPlugins: [lazyModules],
    dts: true,
    sourcemap: true,
    target: 'node20',
    // the renderer's heavy dependencies stay external and are loaded only when called
    external: ['mermaid', 'playwright-core'],
  },
  {
    entry: { cli: 'src/cli/main.ts', 'simulate-worker': 'src/simulate/worker.ts' },
    format: ['esm'],
    outDir: 'dist/bin',
    esbuildPlugins: [lazyModules],
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: ['mermaid', 'playwright-core'],
  },
]);
