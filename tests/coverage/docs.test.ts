import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

it('the vitest example in docs/api/coverage.md is the test file tests/coverage/docs-snippet.test.ts', () => {
  const blocks = [...read('../../docs/api/coverage.md').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]).toBe(read('./docs-snippet.test.ts').replace("from '../../src/index.js'", "from 'zorgpaden'").replace("from '../../src/node/index.js'", "from 'zorgpaden/node'"));
});
