import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_CODES } from '../../src/validate/index.js';
import { built, ROOT, tempDir } from '../cli/built-cli.js';

/** The files `npm pack` puts in the package, as npm itself decides from package.json `files`. */
function packagedFiles(): Set<string> {
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [pkg] = JSON.parse(packed.stdout) as { files: { path: string }[] }[];
  return new Set(pkg!.files.map((f) => f.path));
}

const mdIn = (folder: string) => readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.md')).map((f) => `${folder}/${f}`);

/** The analysts' pages: their guides (the developers' embedding guide aside), the reference and the rule pages. */
const ANALYST_PAGES = ['README.md', 'docs/README.md', ...mdIn('docs/guide').filter((f) => !f.endsWith('/embedding.md')), ...mdIn('docs/reference'), ...mdIn('docs/rules')];

/** Relative links to files (not to the sources or tests, which are for developers) from a page, resolved from the repository root. */
function linkedFiles(page: string): string[] {
  const text = readFileSync(join(ROOT, page), 'utf8');
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!.split('#')[0]!).filter((u) => u !== '' && !/^[a-z]+:/i.test(u));
  return links.map((u) => normalize(join(dirname(page), u)).replaceAll('\\', '/')).filter((f) => !/^(src|tests|examples|api|bench|scripts)\/|^CONTRIBUTING\.md$/.test(f));
}

describe('the analyst guides in the installed package', () => {
  let packaged: Set<string>;
  beforeAll(() => {
    packaged = packagedFiles();
  }, 120_000);

  it('carries every guide, reference page and rule page', () => {
    for (const page of ANALYST_PAGES) expect(packaged.has(page), page).toBe(true);
    for (const code of RULE_CODES) expect(packaged.has(`docs/rules/${code}.md`), code).toBe(true);
    // the generated API reference stays out, even when it was built locally
    expect([...packaged].filter((f) => f.startsWith('docs/api-reference/'))).toEqual([]);
  });

  it('carries every page and file the analysts’ pages link to, so no link breaks after npm install', () => {
    // a link to a folder holds when the package has files in it
    const inPackage = (file: string) => packaged.has(file) || [...packaged].some((p) => p.startsWith(`${file.replace(/\/$/, '')}/`));
    const broken = ANALYST_PAGES.flatMap((page) => linkedFiles(page).filter((file) => !inPackage(file)).map((file) => `${page} → ${file}`));
    expect(broken).toEqual([]);
  });

  describe.skipIf(!built)('SARIF from the installed CLI', () => {
    let installed: string;
    beforeAll(() => {
      // the packaged files only, as npm install lays them out; its dependencies resolve from the repository's node_modules
      installed = join(tempDir(), 'zorgpaden');
      for (const file of packaged) cpSync(join(ROOT, file), join(installed, file));
    }, 120_000);
    afterAll(() => rmSync(dirname(installed), { recursive: true, force: true }));

    it('links every rule to its page inside the installed package with an absolute helpUri', () => {
      const cli = join(installed, 'dist', 'bin', 'cli.js');
      const ran = spawnSync(process.execPath, [cli, 'validate', join(installed, 'paths', 'national', 'zwangerschap.json'), '--format', 'sarif'], { cwd: installed, encoding: 'utf8', timeout: 60_000 });
      expect(ran.status, ran.stderr).toBe(0);
      const rules = JSON.parse(ran.stdout).runs[0].tool.driver.rules as { id: string; helpUri?: string }[];
      expect(rules.length).toBe(RULE_CODES.length);
      for (const rule of rules) {
        const uri = new URL(rule.helpUri!);
        expect(uri.protocol).toBe('file:');
        const page = fileURLToPath(uri);
        expect(relative(installed, page).replaceAll('\\', '/')).toBe(`docs/rules/${rule.id}.md`);
        expect(existsSync(page), rule.id).toBe(true);
      }
    });
  });
});
