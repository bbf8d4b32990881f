import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadHouseholdPath } from '../../src/node/index.js';
import { filesOfKind, loadContentPath, PATHS_DIR } from './content-files.js';
import { renderHouseholdDoc, renderPathDoc, type SourceEntry } from './path-docs.js';

const DOCS_DIR = fileURLToPath(new URL('../../docs/paths/', import.meta.url));
const UPDATE = process.env.UPDATE_PATH_DOCS === '1';
const sources = (filesOfKind('sources')[0]!.data as { sources: Record<string, SourceEntry> }).sources;

async function render(file: string, kind: string): Promise<string> {
  return kind === 'household' ? renderHouseholdDoc(file, await loadHouseholdPath(join(PATHS_DIR, file)), sources) : renderPathDoc(file, await loadContentPath(file), sources);
}

describe('the generated docs of the shipped paths (docs/paths/)', () => {
  for (const { file, kind } of [...filesOfKind('carepath'), ...filesOfKind('household')]) {
    const target = join(DOCS_DIR, basename(file).replace(/\.json$/, '.md'));
    it(`are up to date for ${file}`, async () => {
      const text = await render(file, kind);
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
    for (const { file, kind } of [...filesOfKind('carepath'), ...filesOfKind('household')]) {
      const path = kind === 'household' ? await loadHouseholdPath(join(PATHS_DIR, file)) : await loadContentPath(file);
      const text = await render(file, kind);
      expect(text.match(/^```mermaid$/gm)?.length, file).toBe(1);
      for (const id of Object.keys(path.steps)) expect(text, `${file}: ${id}`).toContain(`| \`${id}\` |`);
      expect(text, file).not.toContain('(not in sources.json)');
      // Dutch pages: no English kind or result names in the table
      expect(text, file).not.toMatch(/\| (decision|handoff|wait|outcome) \|/);
      expect(text, file).not.toMatch(/uitkomst: (good|neutral|adverse)/);
    }
  });
});
