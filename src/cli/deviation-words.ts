import type { Lang } from '../diagnostics/index.js';
import type { HouseholdDeviationKind } from '../simulate/coverage/index.js';

/**
 * What each kind of route deviation means, in the words of the verdict line of `zorgpaden route`
 * ("… at step 3 ("intake"): <phrase>."). Keyed by every kind, so a new kind cannot go without words.
 */
export const DEVIATION_WORDS: Readonly<Record<HouseholdDeviationKind, { en: string; nl: string }>> = {
  'wrong-start': { en: 'the route does not start where the path (or this track) starts', nl: 'de route begint niet waar het pad (of dit spoor) begint' },
  'not-allowed-next': { en: 'the path does not go to this step from the previous one', nl: 'het pad gaat vanuit de vorige stap niet naar deze stap' },
  'missing-handoff': { en: 'the route skips a handoff the path goes through', nl: 'de route slaat een overdracht over die in het pad zit' },
  'guard-blocks': { en: 'a condition of the path does not hold for this client', nl: 'een voorwaarde van het pad geldt niet voor deze cliënt' },
  'outside-window': { en: 'the step falls outside its time window', nl: 'de stap valt buiten zijn tijdvenster' },
  'not-finished': { en: 'the route stops before an outcome', nl: 'de route stopt vóór een uitkomst' },
  'unknown-step': { en: 'the path has no such step', nl: 'het pad heeft zo’n stap niet' },
  'unknown-track': { en: 'the path has no such track', nl: 'het pad heeft zo’n spoor niet' },
  'unknown-child': { en: 'that child has not been born', nl: 'dat kind is niet geboren' },
  'wrong-track': { en: 'the step belongs to another track', nl: 'de stap hoort bij een ander spoor' },
  'track-not-started': { en: 'the track has not started', nl: 'het spoor is niet begonnen' },
  'out-of-order': { en: 'the step comes before the previous one in time', nl: 'de stap ligt in de tijd vóór de vorige' },
  'not-detected': { en: 'the route has this step signal a risk it does not detect', nl: 'de route laat deze stap een risico signaleren dat de stap niet opspoort' },
};

/** The words of a deviation kind in a language; the kind itself for a kind this version does not know. */
export function deviationWords(kind: string, lang: Lang): string {
  return Object.hasOwn(DEVIATION_WORDS, kind) ? DEVIATION_WORDS[kind as HouseholdDeviationKind][lang] : kind;
}
