import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestionParams } from '../../src/diagnostics/index.js';

const STEP_FIELDS = ['kind', 'phase', 'actor', 'label', 'description', 'window', 'intervention', 'addresses', 'signals', 'receiver', 'result', 'transitions', 'tags'];

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('intake', 'intake')).toBe(0);
  });

  it('property: is symmetric, zero only for equal strings, and bounded by the lengths', () => {
    const s = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    fc.assert(
      fc.property(s, s, (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
});

describe('didYouMean', () => {
  it('finds the field a typo was meant to be', () => {
    expect(didYouMean('tranistions', STEP_FIELDS)).toBe('transitions');
    expect(didYouMean('transition', STEP_FIELDS)).toBe('transitions');
    expect(didYouMean('actr', STEP_FIELDS)).toBe('actor');
    expect(didYouMean('Label', STEP_FIELDS)).toBe('label');
  });

  it('suggests nothing when no candidate is close, or there are none', () => {
    expect(didYouMean('zzzzzz', STEP_FIELDS)).toBeUndefined();
    expect(didYouMean('to', ['from'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });

  // a swap of two neighbouring letters would cost 2 in plain Levenshtein, too much for short words
  it('treats a swap of two neighbouring letters as one typo ("titel" → "title")', () => {
    expect(didYouMean('titel', ['title', 'version', 'initial'])).toBe('title');
  });

  it('property: a candidate itself is always its own suggestion', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}$/), { minLength: 1, maxLength: 8 }), fc.nat(), (candidates, i) => {
        const pick = candidates[i % candidates.length]!;
        expect(didYouMean(pick, candidates)).toBe(pick);
      }),
    );
  });

  it('suggestionParams gives a hint in both languages, or the known names', () => {
    expect(suggestionParams('intake', [])).toEqual({ suggestion: 'Did you mean "intake"?', suggestionNl: 'Bedoelde je "intake"?' });
    expect(suggestionParams(undefined, ['a', 'b'])).toEqual({ suggestion: 'Known: "a", "b".', suggestionNl: 'Bekend: "a", "b".' });
    expect(suggestionParams(undefined, []).suggestion).toBe('There is nothing to refer to yet.');
    expect(suggestionParams(undefined, 'abcdefghij'.split('')).suggestion).toBe('Known: "a", "b", "c", "d", "e", "f", "g", "h", ….');
  });
});
