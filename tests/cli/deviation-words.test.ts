import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVIATION_WORDS, deviationWords } from '../../src/cli/deviation-words.js';

// the kinds the API documentation lists, in its tables of checkRoute's and checkHouseholdRoute's kinds
const documented = [...readFileSync(join(__dirname, '..', '..', 'docs', 'api', 'coverage.md'), 'utf8').matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);

describe('the words of a route deviation', () => {
  it('has words for every documented kind, and no kind the documentation leaves out', () => {
    expect(documented.length).toBeGreaterThanOrEqual(13);
    expect(Object.keys(DEVIATION_WORDS).sort()).toEqual([...documented].sort());
  });

  it('gives each kind its own words in both languages, never the key itself', () => {
    for (const lang of ['en', 'nl'] as const) {
      const words = documented.map((kind) => deviationWords(kind, lang));
      expect(new Set(words).size).toBe(words.length);
      for (const [i, kind] of documented.entries()) {
        expect(words[i]).not.toBe(kind);
        expect(words[i]).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
      }
    }
    expect(deviationWords('missing-handoff', 'nl')).not.toBe(deviationWords('missing-handoff', 'en'));
  });

  it('falls back to the key for a kind it does not know', () => {
    expect(deviationWords('some-new-kind', 'nl')).toBe('some-new-kind');
    expect(deviationWords('toString', 'en')).toBe('toString');
  });
});
