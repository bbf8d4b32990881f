import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { safeParseHouseholdPath, validateHouseholdPath } from '../../src/household.js';
import type { CliContext } from '../../src/cli/context.js';
import { ConditionSchema, parseValidateConfig, safeParsePath, TransitionSchema, validatePath, WindowSchema } from '../support/everything.js';

// the guides' code must be right: TypeScript runs and prints what its comments say, JSON is valid
// for what it shows, and every `npx zorgpaden …` line names a real command and real options
const ROOT = join(__dirname, '..', '..');
const GUIDES = ['docs/README.md', 'docs/decisions/0005-executable-docs.md', 'docs/guide/writing-a-path.md', 'docs/guide/writing-a-household-path.md', 'docs/guide/conditions.md', 'docs/guide/time-windows.md', 'docs/guide/reading-diagnostics.md', 'docs/guide/embedding.md', 'docs/guide/comparing-and-adapting.md', 'docs/reference/cli.md', 'examples/README.md'];
mkdirSync(join(ROOT, 'out'), { recursive: true });
// inside the repository, so that require.resolve('zorgpaden/paths/…') finds the package itself
const scratch = mkdtempSync(join(ROOT, 'out', 'guide-snippets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Block { lang: string; code: string; check?: string; line: number }
function blocks(file: string): Block[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:<!-- check: ([a-z]+) -->\n)?```([a-z]*)\n([\s\S]*?)```/g)].map((m) => ({
    check: m[1], lang: m[2]!, code: m[3]!, line: text.slice(0, m.index).split('\n').length,
  }));
}
const all = GUIDES.flatMap((file) => blocks(file).map((block) => ({ file, ...block })));

function runTs(code: string, name: string): string {
  const file = join(scratch, `${name}.mts`);
  const source = code
    .replaceAll("from 'zorgpaden/render'", `from '${join(ROOT, 'src', 'render', 'index.ts')}'`)
    .replaceAll("from 'zorgpaden/node'", `from '${join(ROOT, 'src', 'node', 'index.ts')}'`)
    .replace(/from 'zorgpaden\/(rules|schema|graph|household|analysis)'/g, (_, entry: string) => `from '${join(ROOT, 'src', `${entry}.ts`)}'`)
    .replaceAll("from 'zorgpaden'", `from '${join(ROOT, 'src', 'index.ts')}'`)
    .replaceAll("'node_modules/zorgpaden/paths/", `'${join(ROOT, 'paths')}/`);
  writeFileSync(file, source);
  return execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the guides', () => {
  const ts = all.filter((b) => b.lang === 'ts');
  it('have TypeScript to run', () => expect(ts.length).toBeGreaterThanOrEqual(8));

  it.each(ts.map((b) => [`${b.file}:${b.line}`, b] as const))('%s runs and prints what its comments say', (name, block) => {
    const output = runTs(block.code, name.replace(/[^a-z0-9]+/gi, '-'));
    expect(output).not.toMatch(/\bundefined\b|NaN/);
    const said = [...block.code.matchAll(/console\.log\(.*\);\s*\/\/ (.+)$/gm)].map((m) => squash(m[1]!.replace(/\(.*\)/g, '')));
    const printed = squash(output);
    for (const expected of said) expect(printed).toContain(expected);
  });

  it.each(all.filter((b) => b.check).map((b) => [`${b.file}:${b.line} (${b.check})`, b] as const))('%s is valid', (_name, block) => {
    const code = block.code;
    if (block.check === 'path') {
      const result = safeParsePath(code.replace('./node_modules/zorgpaden/schema/', '../../schema/'), { filename: join(ROOT, 'docs', 'guide', 'snippet.json') });
      expect(result.diagnostics).toEqual([]);
      expect(result.ok && validatePath(result.value).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    } else if (block.check === 'household') {
      const result = safeParseHouseholdPath(code.replace('./node_modules/zorgpaden/schema/', '../../schema/'), { filename: join(ROOT, 'docs', 'guide', 'snippet.json') });
      expect(result.diagnostics).toEqual([]);
      expect(result.ok && validateHouseholdPath(result.value).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    } else if (block.check === 'condition') {
      expect(ConditionSchema.safeParse(JSON.parse(code)).success).toBe(true);
    } else if (block.check === 'window') {
      expect(WindowSchema.safeParse((JSON.parse(code) as { window: unknown }).window).success).toBe(true);
    } else if (block.check === 'transitions') {
      const { transitions } = JSON.parse(`{${code}}`) as { transitions: unknown[] };
      for (const t of transitions) expect(TransitionSchema.safeParse(t).success).toBe(true);
    } else if (block.check === 'config') {
      expect(parseValidateConfig(code).diagnostics).toEqual([]);
    } else {
      throw new Error(`unknown check "${block.check}"`);
    }
  });

  it('have JSON fragments that parse, and YAML paths that load', () => {
    for (const block of all.filter((b) => b.lang === 'json' && !b.check)) {
      const text = block.code.trim();
      expect(() => JSON.parse(text.startsWith('"') ? `{${text}}` : text), `${block.file}:${block.line}`).not.toThrow();
    }
    for (const block of all.filter((b) => b.lang === 'yaml')) {
      const result = safeParsePath(block.code, { filename: 'snippet.yaml' });
      expect(result.diagnostics, `${block.file}:${block.line}`).toEqual([]);
    }
  });

  it('use only real commands and options in their shell lines', async () => {
    const helps = new Map<string, string>();
    const help = async (command: string) => {
      if (!helps.has(command)) {
        let out = '';
        const context: CliContext = { stdout: (t) => void (out += t), stderr: (t) => void (out += t), interactive: false, cwd: ROOT };
        expect(await runCli([command, '--help'], context), `zorgpaden ${command}`).toBe(0);
        helps.set(command, out);
      }
      return helps.get(command)!;
    };
    let lines = 0;
    for (const block of all.filter((b) => b.lang === 'sh')) {
      for (const [, command, rest] of block.code.matchAll(/npx zorgpaden ([a-z]+)([^\n#]*)/g)) {
        const text = await help(command!);
        for (const [option] of rest!.matchAll(/(?<=\s)--?[a-z][a-z-]*/g)) expect(text, `${block.file}:${block.line} ${command} ${option}`).toMatch(new RegExp(`(^|[ ,])${option}[ ,<\\n]`, 'm'));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(10);
  });

  it('list every entry of the package’s exports in the embedding guide, one line each', () => {
    const exports = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports);
    const rows = readFileSync(join(ROOT, 'docs/guide/embedding.md'), 'utf8').split('\n').filter((l) => l.startsWith('| `zorgpaden'));
    const listed = rows.map((r) => /^\| `([^`]+)`/.exec(r)![1]!);
    expect(exports.length).toBeGreaterThan(8);
    expect(listed.sort()).toEqual(exports.map((e) => (e === '.' ? 'zorgpaden' : `zorgpaden/${e.slice(2)}`)).sort());
  });

  it('link only to files and headings that exist', () => {
    const slug = (h: string) => h.toLowerCase().replace(/[`*]/g, '').replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-');
    for (const file of GUIDES) {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#');
        const absolute = path ? resolve(dirname(join(ROOT, file)), path) : join(ROOT, file);
        expect(existsSync(absolute), `${file} → ${target}`).toBe(true);
        if (anchor && absolute.endsWith('.md')) {
          const headings = [...readFileSync(absolute, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!));
          expect(headings, `${file} → ${target}`).toContain(anchor);
        }
      }
    }
  });
});
