import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// the four builds below run side by side into dist/, so dist/ is emptied once, before all of them
rmSync('dist', { recursive: true, force: true });

// the public entries: the browser-safe core, the Node entry and the advanced subpaths
const ENTRIES = {
  index: 'src/index.ts',
  node: 'src/node/index.ts',
  rules: 'src/rules.ts',
  schema: 'src/schema.ts',
  graph: 'src/graph.ts',
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
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: ['mermaid', 'playwright-core'],
  },
]);
