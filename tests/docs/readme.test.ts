import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { safeParsePath, validatePath } from '../support/everything.js';

// the README's code must run as written; snippets import 'zorgpaden', mapped here to the source
const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = (lang: string) => [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const scratch = mkdtempSync(join(tmpdir(), 'zorgpaden-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const outputs = new Map<string, string>();
function runSnippet(code: string, name: string): string {
  const cached = outputs.get(code);
  if (cached !== undefined) return cached;
  const file = join(scratch, `${name}.mts`);
  writeFileSync(file, code.replaceAll("from 'zorgpaden'", `from '${join(ROOT, 'src', 'index.ts')}'`).replaceAll("from 'zorgpaden/node'", `from '${join(ROOT, 'src', 'node', 'index.ts')}'`));
  const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  outputs.set(code, output);
  return output;
}

describe('README', () => {
  it('has the TypeScript examples it promises', () => {
    expect(blocks('ts').length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks('ts').map((code, index) => [index, code] as const))('TypeScript example %i runs', (index, code) => {
    const output = runSnippet(code, `example-${index}`);
    expect(output).not.toMatch(/undefined|NaN/);
    expect(output.trim().length).toBeGreaterThan(0);
  });

  it('the developer example prints a restored journey in the same step', () => {
    const code = blocks('ts').find((c) => c.includes('createJourney(path, undefined'))!;
    expect(runSnippet(code, 'developer').split('\n')).toContain('true');
  });

  it('the coverage example reaches full transition coverage', () => {
    const code = blocks('ts').find((c) => c.includes('testPaths('))!;
    expect(runSnippet(code, 'coverage').trim()).toBe('1');
  });

  it('the analyst path example is a valid path with no findings', () => {
    const json = blocks('json').find((b) => b.includes('"schemaVersion"'))!;
    const parsed = safeParsePath(json, { filename: 'README.md' });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.ok && validatePath(parsed.value).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('every CLI command it shows exists', async () => {
    const commands = [...README.matchAll(/npx zorgpaden (\w+)/g)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(3);
    for (const command of new Set(commands)) {
      let help = '';
      const code = await runCli([command, '--help', '--lang', 'en'], { stdout: (t) => (help += t), stderr: (t) => (help += t), interactive: false, cwd: ROOT });
      expect(code).toBe(0);
      expect(help).toContain(`Usage: zorgpaden ${command}`);
    }
  });
});
