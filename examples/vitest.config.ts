// Runs the example test of examples/ on its own (the repository's own suite only looks in tests/):
// npx vitest run --config examples/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
  },
});
