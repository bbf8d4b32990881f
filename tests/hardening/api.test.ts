import { beforeAll, describe, expect, it } from 'vitest';
import { createJourney, isZorgpadenError, loadPath, loadPopulation, type Diagnostic, type Result } from '../support/everything.js';
import { CASES, type ApiFixtures, type CorpusCase } from './corpus/api.js';
import { expectReadable, STACK_FRAME } from './readable.js';

let fixtures: ApiFixtures;

beforeAll(async () => {
  const path = await loadPath('tests/fixtures/load/valid.json');
  const population = await loadPopulation('tests/fixtures/load/population.yaml');
  fixtures = { path, population, snapshot: createJourney(path, {}).persist() };
});

// the Dutch message is a translation, not the English one
function differsFromEnglish(d: Diagnostic): void {
  expect(d.nl.message).not.toBe(d.message);
}

async function outcomeOf(c: CorpusCase): Promise<{ value: unknown } | { error: unknown }> {
  try {
    return { value: await c.call(fixtures) };
  } catch (error) {
    return { error };
  }
}

async function run(c: CorpusCase): Promise<void> {
  const outcome = await outcomeOf(c);
  if ('throws' in c.expect) {
    expect('error' in outcome, `${c.name} returned instead of throwing`).toBe(true);
    const error = (outcome as { error: unknown }).error;
    expect(isZorgpadenError(error), `${c.name} threw ${String(error)}`).toBe(true);
    if (!isZorgpadenError(error)) return;
    for (const fragment of c.expect.throws.fragments) expect(error.message).toContain(fragment);
    expect(error.message).not.toMatch(STACK_FRAME);
    expect(error.message).not.toContain('[object Object]');
    expect(error.message).not.toContain('undefined');
    if (c.expect.throws.code !== undefined) {
      expect(error.diagnostics[0]?.code).toBe(c.expect.throws.code);
      expectReadable(error.diagnostics, differsFromEnglish);
    }
    return;
  }
  expect('value' in outcome, `${c.name} threw ${'error' in outcome ? String(outcome.error) : ''}`).toBe(true);
  const result = (outcome as { value: Result<unknown> }).value;
  expect(result.ok).toBe(false);
  const wanted = (c.expect as { result: { code: string; pointer: string } }).result;
  const found = result.diagnostics.find((d) => d.code === wanted.code && d.pointer === wanted.pointer);
  expect(found, JSON.stringify(result.diagnostics.map((d) => [d.code, d.pointer]))).toBeDefined();
  expectReadable(result.diagnostics, differsFromEnglish);
}

describe('API calls with wrong arguments give a ZorgpadenError or diagnostics, never a TypeError', () => {
  it('has unique case names', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name', run);
});
