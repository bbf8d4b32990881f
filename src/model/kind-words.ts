import type { DiagnosticParams } from '../diagnostics/index.js';

type Words = { en: string; nl: string };

// what each document kind is called in messages; the `kind` value itself goes in brackets
const KIND_WORDS: Record<string, Words> = {
  carepath: { en: 'care path', nl: 'zorgpad' },
  route: { en: 'klantroute', nl: 'klantroute' },
  population: { en: 'population', nl: 'populatie' },
  menukaart: { en: 'menukaart', nl: 'menukaart' },
  coalition: { en: 'coalition', nl: 'coalitie' },
  sources: { en: 'sources', nl: 'bronnen' },
  targets: { en: 'targets', nl: 'streefwaarden' },
  overlay: { en: 'overlay', nl: 'overlay' },
};

const wordsOf = (kind: string): Words | undefined => (Object.hasOwn(KIND_WORDS, kind) ? KIND_WORDS[kind] : undefined);

/**
 * The params of a `wrong-kind` diagnostic: the kind a file is (its `kind` value, or the kind its
 * shape shows) and the kind that was expected, each also in words in English and Dutch.
 */
export function wrongKindParams(actual: unknown, expected: string): DiagnosticParams {
  const shown = typeof actual === 'string' ? actual : JSON.stringify(actual);
  const is = wordsOf(shown) ?? { en: JSON.stringify(shown), nl: JSON.stringify(shown) };
  const known = wordsOf(expected);
  let want: Words;
  if (expected === 'carepath') want = { en: 'care path (a file without "kind")', nl: 'zorgpad (een bestand zonder "kind")' };
  else if (known) want = { en: `${known.en} (kind: "${expected}")`, nl: `${known.nl} (kind: "${expected}")` };
  else want = { en: `file of a known kind (${expected})`, nl: `bestand van een bekende soort (${expected})` };
  return { actual: shown, expected, kindWords: is.en, kindWordsNl: is.nl, expectedWords: want.en, expectedWordsNl: want.nl };
}
