import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeLoadCoalition, safeLoadCoalitionPath, safeLoadMenukaart, safeLoadPath, safeLoadPopulation, safeLoadRoute, type Diagnostic, type Result } from '../support/everything.js';
import { CASES, type CorpusCase, type Loader } from './corpus/files.js';
import { expectReadable } from './readable.js';

const FIXTURES = 'tests/fixtures/corpus';
let generated: string;

beforeAll(() => {
  generated = mkdtempSync(join(tmpdir(), 'zorgpaden-files-corpus-'));
  for (const c of CASES) if (c.generate) writeFileSync(join(generated, c.file), c.generate());
});

afterAll(() => rmSync(generated, { recursive: true, force: true }));

const LOADERS: Record<Loader, (file: string) => Promise<Result<unknown>>> = {
  path: safeLoadPath,
  population: safeLoadPopulation,
  coalition: safeLoadCoalition,
  route: safeLoadRoute,
  menukaart: safeLoadMenukaart,
  coalitionPath: safeLoadCoalitionPath,
};

// a wrong shape says how to write it right, and the Dutch text has no English words or unfilled placeholders
function saysHowToFixInBothLanguages(d: Diagnostic): void {
  if (['invalid-type', 'invalid-value', 'missing-field', 'unknown-field'].includes(d.code)) {
    expect(d.hint?.trim(), `${d.code} at ${d.pointer} has no hint`).toBeTruthy();
    expect(d.nl.hint?.trim(), `${d.code} at ${d.pointer} has no Dutch hint`).toBeTruthy();
  }
  for (const text of [d.message, d.hint ?? '', d.nl.message, d.nl.hint ?? '']) expect(text).not.toMatch(/\{\{\w+\}\}/);
  // English words in the Dutch text, outside what it quotes from the file
  for (const text of [d.nl.message, d.nl.hint ?? '']) expect(text.replace(/"[^"]*"/g, '""')).not.toMatch(/\b(the|from|is not|which|does not)\b/i);
}

const fileOf = (c: CorpusCase) => (c.generate ? join(generated, c.file) : join(FIXTURES, c.file));

describe('bad files of every kind give one exact diagnostic at the exact place', () => {
  it('has unique case names and covers every kind of file in JSON and in YAML', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    for (const kind of ['population', 'coalition', 'route', 'menukaart', 'path']) {
      for (const ext of ['.json', '.yaml']) expect(CASES.some((c) => c.name.startsWith(kind) && c.file.endsWith(ext)), `${kind} ${ext}`).toBe(true);
    }
  });

  it.each(CASES)('$name → $code at "$pointer"', { timeout: 20_000 }, async (c) => {
    const file = fileOf(c);
    const result = await LOADERS[c.loader](file);
    expect(result.ok).toBe(false);
    const found = result.diagnostics.find((d) => d.code === c.code && d.pointer === c.pointer);
    expect(found, JSON.stringify(result.diagnostics.map((d) => [d.code, d.pointer, d.line, d.column]))).toBeDefined();
    if (c.only) expect(result.diagnostics).toHaveLength(1);
    const d = found!;
    const inFile = c.in === undefined ? file : join(FIXTURES, c.in);
    expect(d.file).toBe(inFile);
    expect(d.line).toBe(c.line);
    if (c.column !== undefined) expect(d.column).toBe(c.column);
    if (c.at !== undefined) {
      // the reported place really is where the fragment is in the file (read apart from the loader)
      const lines = readFileSync(inFile, 'utf8').replace(/^\uFEFF/, ' ').split('\n');
      expect(lines[d.line! - 1]!.slice(d.column! - 1).startsWith(c.at), `line ${d.line}:${d.column} is "${lines[d.line! - 1]!.slice(d.column! - 1, d.column! + 40)}"`).toBe(true);
    }
    if (c.message) expect(d.message).toContain(c.message);
    if (c.nl) expect(d.nl.message).toContain(c.nl);
    if (c.hint) expect(d.hint).toContain(c.hint);
    if (c.nlHint) expect(d.nl.hint).toContain(c.nlHint);
    expectReadable(result.diagnostics, saysHowToFixInBothLanguages);
  });
});
