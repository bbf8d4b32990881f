import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/diagnostics/index.js';

const STEPS = ['preconceptie/start', 'zwangerschap/aanmelding', 'zwangerschap/intake', 'na-de-geboorte/geboorteaangifte', 'na-de-geboorte/intake', 'einde'];

describe('didYouMean with the step ids of included paths', () => {
  it('finds an included step from its own id, misspelt or not', () => {
    expect(didYouMean('aanmelding', STEPS)).toBe('zwangerschap/aanmelding');
    expect(didYouMean('aanmeldnig', STEPS)).toBe('zwangerschap/aanmelding');
    expect(didYouMean('geboorteaangfite', STEPS)).toBe('na-de-geboorte/geboorteaangifte');
  });

  it('suggests nothing when the id is in more than one included path', () => {
    expect(didYouMean('intake', STEPS)).toBeUndefined();
  });

  it('keeps a close match on the whole id first', () => {
    expect(didYouMean('zwangerschap/aanmeldng', STEPS)).toBe('zwangerschap/aanmelding');
    expect(didYouMean('eind', STEPS)).toBe('einde');
  });

  it('maps every unique last segment to its whole id', () => {
    const segment = fc.stringMatching(/^[a-z]{3,10}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(segment, segment), { minLength: 1, maxLength: 8, selector: ([, tail]) => tail }), (pairs) => {
        const ids = pairs.map(([space, tail]) => `${space}/${tail}`);
        for (const [space, tail] of pairs) expect(didYouMean(tail, ids)).toBe(`${space}/${tail}`);
      }),
    );
  });
});
