import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

// imports the built package the way a user does; `npm test` builds first and sets ZORGPADEN_REQUIRE_DIST
const ROOT = join(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'index.js')) && existsSync(join(ROOT, 'dist', 'cjs', 'index.cjs'));
const required = process.env.ZORGPADEN_REQUIRE_DIST === '1';
if (!built && !required) console.warn('tests/dist skipped: no dist/ (run `npm run build` first, or `npm test`)');

const CORE_EXPORTS = ['definePath', 'parsePath', 'ZorgpadenError', 'createJourney', 'toDay', 'evaluateCondition'];
const SUBPATHS = ['zorgpaden/node', 'zorgpaden/rules', 'zorgpaden/schema', 'zorgpaden/graph', 'zorgpaden/household', 'zorgpaden/analysis', 'zorgpaden/render'];

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

  it('every subpath entry has the same names as ESM and as CommonJS', () => {
    for (const entry of SUBPATHS) {
      const esm = JSON.parse(node(['--input-type=module', '-e', `import * as z from '${entry}'; console.log(JSON.stringify(Object.keys(z).filter(k => k !== 'default').sort()))`])) as string[];
      const cjs = JSON.parse(node(['-e', `console.log(JSON.stringify(Object.keys(require('${entry}')).sort()))`])) as string[];
      expect(esm.length, entry).toBeGreaterThan(3);
      expect(cjs, entry).toEqual(esm);
    }
  });

  it('an error thrown by the CommonJS copy is recognised by the ESM copy, and the other way round', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { parsePath, isZorgpadenError, ZorgpadenError } from 'zorgpaden';
      const cjs = createRequire(import.meta.url)('zorgpaden');
      const fromCjs = (() => { try { cjs.parsePath('{'); } catch (e) { return e; } })();
      const fromEsm = (() => { try { parsePath('{'); } catch (e) { return e; } })();
      console.log(JSON.stringify([cjs.ZorgpadenError !== ZorgpadenError, isZorgpadenError(fromCjs), fromCjs instanceof ZorgpadenError, cjs.isZorgpadenError(fromEsm), fromEsm instanceof cjs.ZorgpadenError, fromCjs.code, isZorgpadenError(new Error('x'))]));`;
    expect(JSON.parse(node(['--input-type=module', '-e', script]))).toEqual([true, true, true, true, true, 'invalid-json', false]);
  });

  it('zorgpaden/node reads a path with its includes and simulates over worker threads, as ESM and CommonJS', () => {
    const esm = `
      import { loadPath, simulate } from 'zorgpaden/node';
      import { simulateSync } from 'zorgpaden';
      const path = await loadPath('paths/national/eerste-1000-dagen.json');
      const a = await simulate(path, { cohort: 3000, seed: 2, workers: 2 });
      const b = simulateSync(path, { cohort: 3000, seed: 2 });
      console.log(JSON.stringify([Object.keys(path.steps).length > 50, JSON.stringify(a.outcomes) === JSON.stringify(b.outcomes)]));`;
    expect(JSON.parse(node(['--input-type=module', '-e', esm]))).toEqual([true, true]);
    const cjs = `
      const { loadPath, simulate } = require('zorgpaden/node');
      loadPath('paths/national/eerste-1000-dagen.json').then((path) => simulate(path, { cohort: 3000, seed: 2, workers: 2 })).then((r) => console.log(r.cohort));`;
    expect(node(['-e', cjs]).trim()).toBe('3000');
  });

  it('loads the YAML parser only when a YAML text is parsed, as ESM and as CommonJS', () => {
    const yamlText = JSON.stringify('schemaVersion: 1\nid: demo\nversion: 1.0.0\ntitle: { nl: Demo }\nactors: {}\ninitial: a\nsteps:\n  a: { kind: outcome, phase: pregnancy, label: { nl: A } }\n');
    const check = (load: string) => `
      ${load}
      const loaded = () => Object.keys(cache()).some((k) => /node_modules[\\/]yaml[\\/]/.test(k));
      const atImport = loaded();
      z.parsePath('{"schemaVersion":1,"id":"j","version":"1.0.0","title":{"nl":"J"},"actors":{},"initial":"a","steps":{"a":{"kind":"outcome","phase":"pregnancy","label":{"nl":"A"}}}}', { filename: 'j.json' });
      const afterJson = loaded();
      const path = z.parsePath(${yamlText}, { filename: 'demo.yaml' });
      console.log(JSON.stringify([atImport, afterJson, loaded(), Object.keys(path.steps)]));`;
    const esm = check(`import * as z from 'zorgpaden'; import { createRequire } from 'node:module'; const cache = () => createRequire(import.meta.url).cache;`);
    const cjs = check(`const z = require('zorgpaden'); const cache = () => require.cache;`);
    expect(JSON.parse(node(['--input-type=module', '-e', esm]))).toEqual([false, false, true, ['a']]);
    expect(JSON.parse(node(['-e', cjs]))).toEqual([false, false, true, ['a']]);
    // an ES import of yaml would not show in require.cache: the Node builds must have none
    const nodeBuilds = ['node-esm', 'cjs'].flatMap((dir) => readdirSync(join(ROOT, 'dist', dir)).filter((f) => /\.c?js$/.test(f)).map((f) => join(ROOT, 'dist', dir, f)));
    expect(nodeBuilds.filter((file) => /from\s*["']yaml["']|import\(\s*["']yaml["']|require\(\s*["']yaml["']\)/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('loads zod, XState and the JSON parser only when first needed, as ESM and as CommonJS; the app shares its XState', () => {
    const pathText = JSON.stringify(JSON.stringify({ schemaVersion: 1, id: 'j', version: '1.0.0', title: { nl: 'J' }, actors: {}, initial: 'a', steps: { a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'A' }, transitions: [{ to: 'b' }] }, b: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'B' } } } }));
    const check = (load: string, appXState: string) => `
      ${load}
      const loaded = () => ['zod', 'xstate', 'jsonc-parser'].filter((name) => Object.keys(cache()).some((k) => k.includes('node_modules/' + name + '/')));
      const atImport = loaded();
      const path = z.parsePath(${pathText}, { filename: 'j.json' });
      const afterParse = loaded();
      const journey = z.createJourney(path, {});
      const afterJourney = loaded();
      const { createActor } = ${appXState};
      const actor = createActor(z.toMachine(path), { input: { client: { risks: [], protections: [], attributes: {} } } }).start();
      actor.send({ type: 'NEXT' });
      // valid JSON is read with JSON.parse; the parser with positions is for a text with a mistake
      const broken = z.safeParsePath('{ "schemaVersion": }', { filename: 'broken.json' });
      console.log(JSON.stringify([atImport, afterParse, afterJourney, journey.step, actor.getSnapshot().status, broken.ok, loaded()]));`;
    const esm = check(`import * as z from 'zorgpaden'; import { createRequire } from 'node:module'; const cache = () => createRequire(import.meta.url).cache;`, `await import('xstate')`);
    const cjs = check(`const z = require('zorgpaden'); const cache = () => require.cache;`, `require('xstate')`);
    const expected = [[], ['zod'], ['zod', 'xstate'], 'a', 'done', false, ['zod', 'xstate', 'jsonc-parser']];
    expect(JSON.parse(node(['--input-type=module', '-e', esm]))).toEqual(expected);
    expect(JSON.parse(node(['-e', cjs]))).toEqual(expected);
    // an ES import would not show in require.cache: the modules the Node ESM main entry loads import none of them
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["'](\.\/[^"']+)["']/g)) walk(join(ROOT, 'dist', 'node-esm', m[1]!));
    };
    walk(join(ROOT, 'dist', 'node-esm', 'index.js'));
    expect(reached.size).toBeGreaterThan(1);
    expect([...reached].filter((file) => /(?:from|import)\s*["'](?:zod|xstate|jsonc-parser|yaml)["']/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('the core loads neither mermaid nor a browser driver', () => {
    const loaded = JSON.parse(
      node(['-e', `require('zorgpaden'); console.log(JSON.stringify(Object.keys(require.cache).filter(k => /node_modules[\\\\/](mermaid|playwright-core|happy-dom)[\\\\/]/.test(k))))`]),
    );
    expect(loaded).toEqual([]);
    const esmText = readFileSync(join(ROOT, 'dist', 'cjs', 'index.cjs'), 'utf8');
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
