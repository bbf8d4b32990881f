import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';

const docPath = fileURLToPath(new URL('../../docs/api/editing.md', import.meta.url));
const src = (layer: string) => fileURLToPath(new URL(`../../src/${layer}/index.ts`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the example in docs/api/editing.md runs and its assertions hold', async () => {
  const blocks = [...readFileSync(docPath, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  // the example imports the package; here it gets the same exports from the sources
  const barrel = join(dir, 'zorgpaden.ts');
  writeFileSync(barrel, ['diagnostics', 'model', 'edit'].map((layer) => `export * from ${JSON.stringify(src(layer))};`).join('\n'));
  const example = join(dir, 'example.ts');
  writeFileSync(example, blocks[0]!.replace(/from 'zorgpaden'/g, `from ${JSON.stringify(barrel)}`));
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import(/* @vite-ignore */ example);
  expect(log).toHaveBeenCalledWith(expect.stringContaining('Tijdvenster van stap "intake" gewijzigd: zwangerschapsweek 6–10 → zwangerschapsweek 8–12.'));
  // given the two paths, the same change names the step by its label
  expect(log).toHaveBeenCalledWith(expect.stringContaining('Tijdvenster van stap "Intake verloskundige" gewijzigd: zwangerschapsweek 6–10 → zwangerschapsweek 8–12.'));
  log.mockRestore();
});
