import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', render: 'src/render/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    // the renderer's heavy dependencies stay external and are loaded only when called
    external: ['mermaid', 'playwright-core'],
  },
  {
    entry: { cli: 'src/cli/main.ts', 'simulate-worker': 'src/simulate/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: ['mermaid', 'playwright-core'],
  },
]);
