import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../cli/built-cli.js';

// a reader copies a command or a snippet from the docs and runs it in the clone: every shipped
// file the docs name must be there
function markdownFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : [],
  );
}
const PAGES = ['README.md', ...markdownFiles('docs')];
const text = (page: string) => readFileSync(join(ROOT, page), 'utf8');

/** The shipped content files a page names: `paths/…` from the repository root, and `../<folder>/…` as a coalition's `adapts` names them. */
function namedShippedFiles(page: string): string[] {
  const content = text(page);
  const fromRoot = [...content.matchAll(/(?<![\w./-])paths\/[\w./-]+\.(?:json|ya?ml)/g)].map((m) => m[0]);
  const adapted = [...content.matchAll(/"adapts":\s*"\.\.\/((?:national|households)\/[\w.-]+\.(?:json|ya?ml))"/g)].map((m) => `paths/${m[1]!}`);
  return [...new Set([...fromRoot, ...adapted])];
}

describe('the shipped files the docs name', () => {
  it('finds names to check', () => {
    expect(PAGES.flatMap(namedShippedFiles).length).toBeGreaterThan(20);
  });

  it.each(PAGES.filter((page) => namedShippedFiles(page).length > 0))('%s names only files that exist', (page) => {
    expect(namedShippedFiles(page).filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });
});

// the guide's snippets load shipped files; they run as written, with the package names mapped to the sources
const ENTRY_SOURCES: Record<string, string> = {
  zorgpaden: 'src/index.ts',
  'zorgpaden/node': 'src/node/index.ts',
  'zorgpaden/household': 'src/household.ts',
};
const snippets = (page: string) => [...text(page).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => /'paths\//.test(code));

describe('the coalition guide\'s snippets', () => {
  const page = 'docs/guide/includes-and-coalitions.md';
  it.each(snippets(page).map((code, index) => [index, code] as const))('snippet %i runs', (index, code) => {
    const scratch = tempDir();
    const file = join(scratch, `snippet-${index}.mts`);
    const mapped = code.replace(/from '(zorgpaden(?:\/\w+)?)'/g, (whole, name: string) => {
      const source = ENTRY_SOURCES[name];
      if (source === undefined) throw new Error(`the snippet imports ${name}, which this test does not map`);
      return `from '${relative(scratch, join(ROOT, source)).replaceAll('\\', '/')}'`;
    });
    writeFileSync(file, mapped);
    const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    expect(output).not.toMatch(/undefined|NaN/);
    expect(output.trim().length).toBeGreaterThan(0);
  }, 180_000);
});
