import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/built-cli.js';

/** Every markdown page of the docs, and the README; not typedoc's generated copies in docs/api-reference (not in git). */
function pages(): string[] {
  const found: string[] = ['README.md'];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
      if (entry.isDirectory() && `${folder}/${entry.name}` === 'docs/api-reference') continue;
      if (entry.isDirectory()) walk(`${folder}/${entry.name}`);
      else if (entry.name.endsWith('.md')) found.push(`${folder}/${entry.name}`);
    }
  };
  walk('docs');
  return found;
}

/** The risk and protection keys a page's examples use: in conditions, client lists, `addresses`, `signals` and `detects`. */
export function keysIn(text: string): { key: string; line: number }[] {
  const keys: { key: string; line: number }[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const m of text.matchAll(/(?:hasRisk|hasProtection|signalled)["']?\s*:\s*["']([a-z0-9-]+)["']/g)) keys.push({ key: m[1]!, line: lineOf(m.index) });
  for (const m of text.matchAll(/(?:risks|protections|addresses|signals)["']?\s*:\s*\[([^\]]*)\]/g)) {
    for (const k of m[1]!.matchAll(/["']([a-z0-9-]+)["']/g)) keys.push({ key: k[1]!, line: lineOf(m.index) });
  }
  for (const m of text.matchAll(/detects["']?\s*:\s*\{([^}]*)\}/g)) {
    for (const k of m[1]!.matchAll(/["']([a-z0-9-]+)["']\s*:/g)) keys.push({ key: k[1]!, line: lineOf(m.index) });
  }
  return keys;
}

/** The pages whose example is the mistake itself: a key that exists nowhere, to show the finding it gets. */
const DELIBERATE: Record<string, string[]> = { 'docs/rules/unknown-key.md': ['schulden'] };

describe('risk keys in the docs’ examples', () => {
  const population = JSON.parse(readFileSync(join(ROOT, 'paths', 'populations', 'default.json'), 'utf8')) as { risks: Record<string, unknown>; protections: Record<string, unknown> };
  const known = new Set([...Object.keys(population.risks), ...Object.keys(population.protections)]);

  it('finds the keys of every form of example', () => {
    const text = '{ "hasRisk": "debts" }\nrisks: [\'stress\', "smoking"]\n"detects": { "low-ses": 0.5 }\n{ hasProtection: "resilience" }';
    expect(keysIn(text)).toEqual([
      { key: 'debts', line: 1 },
      { key: 'resilience', line: 4 },
      { key: 'stress', line: 2 },
      { key: 'smoking', line: 2 },
      { key: 'low-ses', line: 3 },
    ]);
  });

  it('exist in the shipped population, so an example copied into a path works', () => {
    expect(known.size).toBeGreaterThan(20);
    const unknown = pages().flatMap((page) =>
      keysIn(readFileSync(join(ROOT, page), 'utf8'))
        .filter(({ key }) => !known.has(key) && !(DELIBERATE[page] ?? []).includes(key))
        .map(({ key, line }) => `${page}:${line} ${key}`),
    );
    expect(unknown).toEqual([]);
  });
});
