import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// imports the built package the way a user does; `npm test` builds first and sets ZORGPADEN_REQUIRE_DIST
const ROOT = join(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'index.js')) && existsSync(join(ROOT, 'dist', 'index.cjs'));
const required = process.env.ZORGPADEN_REQUIRE_DIST === '1';
if (!built && !required) console.warn('tests/dist skipped: no dist/ (run `npm run build` first, or `npm test`)');

const CORE_EXPORTS = ['definePath', 'safeParseCarePathData', 'ZorgpadenError', 'CarePathSchema', 'toDay', 'evaluateCondition'];

function node(args: string[], input?: string): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

describe.skipIf(!built && !required)('the built package', () => {
  it('imports as ESM by its name', () => {
    const out = node(['--input-type=module', '-e', `import * as z from 'zorgpaden'; console.log(JSON.stringify(Object.keys(z)))`]);
    const names = JSON.parse(out) as string[];
    for (const name of CORE_EXPORTS) expect(names).toContain(name);
  });

  it('requires as CommonJS by its name, and the same names are there', () => {
    const esm = JSON.parse(node(['--input-type=module', '-e', `import * as z from 'zorgpaden'; console.log(JSON.stringify(Object.keys(z).filter(k => k !== 'default').sort()))`]));
    const cjs = JSON.parse(node(['-e', `console.log(JSON.stringify(Object.keys(require('zorgpaden')).sort()))`]));
    expect(cjs).toEqual(esm);
  });

  it('the core loads neither mermaid nor a browser driver', () => {
    const loaded = JSON.parse(
      node(['-e', `require('zorgpaden'); console.log(JSON.stringify(Object.keys(require.cache).filter(k => /node_modules[\\\\/](mermaid|playwright-core|happy-dom)[\\\\/]/.test(k))))`]),
    );
    expect(loaded).toEqual([]);
    const esmText = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8');
    expect(esmText).not.toMatch(/from\s*["'](?:mermaid|playwright-core)["']|import\(\s*["'](?:mermaid|playwright-core)["']\s*\)/);
  });

  it('runs a definePath example from the built ESM', () => {
    const script = `
      import { definePath } from 'zorgpaden';
      const p = definePath({ schemaVersion: 1, id: 'demo', version: '1.0.0', title: { nl: 'Demo' }, actors: {},
        initial: 'a', steps: { a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'A' }, transitions: [{ to: 'b' }] },
        b: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'B' } } } });
      console.log(Object.keys(p.steps).join(','));`;
    expect(node(['--input-type=module', '-e', script]).trim()).toBe('a,b');
  });

  it('the bin prints its version and help, and exits 2 on an unknown command', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    const bin = join(ROOT, pkg.bin.zorgpaden!);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(node([bin, '--version']).trim()).toBe(pkg.version);
    expect(node([bin, '--help'])).toContain('Usage: zorgpaden');
    const unknown = spawnSync(process.execPath, [bin, 'frobnicate'], { cwd: ROOT, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
