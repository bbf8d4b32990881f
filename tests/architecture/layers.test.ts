import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md: data flows one way; a layer imports only the layers before it
const LAYERS = ['diagnostics', 'model', 'load', 'edit', 'validate', 'machine', 'simulate', 'export', 'node', 'render', 'cli'] as const;
const RANK: Record<string, number> = { diagnostics: 0, model: 1, load: 2, edit: 2, validate: 3, machine: 4, simulate: 5, export: 6, node: 7, render: 7, cli: 8 };
const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function layerOf(file: string): string | undefined {
  const first = relative(SRC, file).split(sep)[0];
  return first && (LAYERS as readonly string[]).includes(first) ? first : undefined;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!).filter((s) => s.startsWith('.'));
}

describe('layers', () => {
  const files = sourceFiles(SRC);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no layer imports a later layer, and load and edit stay apart', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue;
      for (const specifier of importsOf(file)) {
        const target = layerOf(join(file, '..', specifier));
        if (!target || target === from) continue;
        if (RANK[target]! >= RANK[from]!) violations.push(`${relative(SRC, file)} imports ${specifier} (${from} → ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the core never imports mermaid, a browser driver or the render entry', () => {
    const offenders = files
      .filter((file) => layerOf(file) !== 'render' && layerOf(file) !== 'cli')
      .filter((file) => /from\s+['"](?:mermaid|playwright-core|happy-dom)['"]|import\(\s*['"](?:mermaid|playwright-core)['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('the browser-safe core imports no Node built-in: file reading and workers live in src/node', () => {
    // the worker pool and the worker itself are Node's, reached only from src/node
    const nodeOnly = new Set([join(SRC, 'simulate', 'workers.ts'), join(SRC, 'simulate', 'worker.ts')]);
    const offenders = files
      .filter((file) => !['node', 'render', 'cli'].includes(layerOf(file) ?? '') && !nodeOnly.has(file))
      .filter((file) => /from\s+['"](?:node:)?(?:fs|fs\/promises|path|os|url|module|crypto|worker_threads|child_process)['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
    const reachesPool = files.filter((file) => layerOf(file) !== 'node' && layerOf(file) !== 'cli' && !nodeOnly.has(file)).filter((file) => importsOf(file).some((s) => /workers?\.js$/.test(s)));
    expect(reachesPool.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('no source evaluates text as code', () => {
    const offenders = files.filter((file) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(file, 'utf8'))).map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
