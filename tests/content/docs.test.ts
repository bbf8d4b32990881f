import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesOfKind, loadContentPath } from './content-files.js';
import { renderPathDoc, type SourceEntry } from './path-docs.js';

const DOCS_DIR = fileURLToPath(new URL('../../docs/paths/', import.meta.url));
const UPDATE = process.env.UPDATE_PATH_DOCS === '1';
const sources = (filesOfKind('sources')[0]!.data as { sources: Record<string, SourceEntry> }).sources;

describe('the generated docs of the shipped paths (docs/paths/)', () => {
  for (const { file } of filesOfKind('carepath')) {
    const target = join(DOCS_DIR, basename(file).replace(/\.json$/, '.md'));
    it(`are up to date for ${file}`, async () => {
      const text = renderPathDoc(file, await loadContentPath(file), sources);
      if (UPDATE) {
        mkdirSync(DOCS_DIR, { recursive: true });
        writeFileSync(target, text);
      }
      expect(existsSync(target), `${target} is missing; run UPDATE_PATH_DOCS=1 npx vitest run tests/content/docs.test.ts`).toBe(true);
      const current = readFileSync(target, 'utf8');
      expect(current === text, `${target} is stale; run UPDATE_PATH_DOCS=1 npx vitest run tests/content/docs.test.ts`).toBe(true);
    });
  }

  it('render a table row for every step and a Mermaid block, for every path', async () => {
    for (const { file } of filesOfKind('carepath')) {
      const path = await loadContentPath(file);
      const text = renderPathDoc(file, path, sources);
      expect(text.match(/^```mermaid$/gm)?.length, file).toBe(1);
      for (const id of Object.keys(path.steps)) expect(text, `${file}: ${id}`).toContain(`| \`${id}\` |`);
      expect(text, file).not.toContain('(not in sources.json)');
    }
  });
});
