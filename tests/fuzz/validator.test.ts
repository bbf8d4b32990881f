import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortDiagnostics, validatePath, type CarePath } from '../support/everything.js';
import { hostilePath } from '../export/helpers/hostile.js';
import { fuzz } from './budget.js';
import { expectDocumentedDiagnostics, expectReturnsOrDocumentedThrow } from './contract.js';
import { generatedSeed, mutantArb, readMutant } from './mutations.js';
import { safeParseCarePathData } from '../../src/model/index.js';

/** Validates twice and checks: no throw, the same findings both times, sorted, no internal error, documented. */
function expectCleanValidation(path: CarePath, origin: { data?: unknown; filename?: string; text?: string }): void {
  const first = expectReturnsOrDocumentedThrow(() => validatePath(path), origin);
  expect('value' in first, 'validatePath threw').toBe(true);
  const result = (first as { value: ReturnType<typeof validatePath> }).value;
  expect(validatePath(path)).toEqual(result);
  expect(result.diagnostics).toEqual(sortDiagnostics(result.diagnostics));
  expect(result.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
  expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
  expectDocumentedDiagnostics(result.diagnostics, origin);
}

describe('the validator', () => {
  it('every mutated document that still loads as a path validates without throwing, deterministically and sorted', () => {
    fuzz(
      'validator: mutated documents that load',
      fc.property(mutantArb(), (m) => {
        if (m.kind !== 'carepath') return;
        const { result } = readMutant(m);
        if (!result.ok) return;
        expectCleanValidation(result.value as CarePath, { data: result.value, filename: m.filename, text: m.text });
      }),
      0.3,
    );
  });

  it('generated paths validate without throwing, deterministically and sorted', () => {
    fuzz(
      'validator: generated paths',
      fc.property(generatedSeed, (seed) => {
        const parsed = safeParseCarePathData(seed.data);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expectCleanValidation(parsed.value, { data: parsed.value });
      }),
    );
  });

  it('any value passed as a path gives diagnostics, never a throw (hostile objects and arbitrary JSON)', () => {
    fuzz(
      'validator: arbitrary values as a path',
      fc.property(fc.oneof(hostilePath as fc.Arbitrary<unknown>, fc.jsonValue(), fc.record({ steps: fc.jsonValue(), initial: fc.jsonValue(), actors: fc.jsonValue() }, { requiredKeys: [] })), (value) => {
        const outcome = expectReturnsOrDocumentedThrow(() => validatePath(value as CarePath), { data: value });
        expect('value' in outcome, 'validatePath threw').toBe(true);
        const result = (outcome as { value: ReturnType<typeof validatePath> }).value;
        expect(validatePath(value as CarePath)).toEqual(result);
        expect(result.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
      }),
    );
  });
});
