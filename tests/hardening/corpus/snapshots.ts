import type { CarePath, JourneyMapping, PersistedJourney } from '../../support/everything.js';

/** The paths a snapshot case works with: the basic path, and the next version of it. */
export interface SnapshotFixtures {
  /** tests/fixtures/machine/basic.json, version 1.0.0. */
  v1: CarePath;
  /** Version 2.0.0: "wijkteam.steun" renamed to "wijkteam.gezinscoach", "jgz/extra-huisbezoek" removed. */
  v2: CarePath;
  /** Another path altogether (tests/fixtures/machine/loop.json). */
  other: CarePath;
}

/** A damaged or foreign saved journey and the error restoring (or migrating) it must give. */
export interface CorpusCase {
  name: string;
  /** Builds the input from a fresh copy of a real saved journey of v1, standing in step `at`. */
  snapshot: (saved: PersistedJourney & Record<string, unknown>, fx: SnapshotFixtures) => unknown;
  /** Where the saved journey stands: after 0 events (intake), 4 (in wijkteam.steun), or finished. */
  at?: 'intake' | 'wijkteam.steun' | 'finished';
  /** Restore it with createJourney(path), or move it with migrateJourney(snapshot, v1, v2, mapping). */
  via: { restore: keyof SnapshotFixtures } | { migrate: JourneyMapping; from?: keyof SnapshotFixtures };
  code: string;
  /** Fragments of the English and the Dutch message. */
  message: readonly string[];
  nl?: string;
}

type Saved = PersistedJourney & Record<string, unknown>;
const context = (s: Saved) => s.snapshot.context as unknown as Record<string, unknown>;

export const CASES: readonly CorpusCase[] = [
  // not a saved journey at all
  { name: 'restore: null', snapshot: () => null, via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['cannot be restored: it is null, not an object.'], nl: 'het is null, geen object' },
  { name: 'restore: a list', snapshot: (s) => [s], via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['it is a list, not an object'], nl: 'het is een lijst, geen object' },
  { name: 'restore: the JSON text instead of the parsed object', snapshot: (s) => JSON.stringify(s), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['it is text', 'parse it with JSON.parse first'], nl: 'lees het eerst in met JSON.parse' },
  { name: 'restore: truncated JSON text', snapshot: (s) => JSON.stringify(s).slice(0, 60), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['it is text, not the object journey.persist() returned'] },
  { name: 'restore: a save cut off after pathId', snapshot: (s) => ({ format: s.format, formatVersion: s.formatVersion, pathId: s.pathId }), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['Field "pathVersion" is required (at /pathVersion)'], nl: 'Veld "pathVersion" is verplicht (bij /pathVersion)' },
  { name: 'restore: an XState snapshot without the journey envelope', snapshot: (s) => s.snapshot, via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['(at /format)'] },

  // fields missing or of the wrong type
  { name: 'restore: no pathHash', snapshot: (s) => ({ ...s, pathHash: undefined }), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['Field "pathHash" is required (at /pathHash)'] },
  { name: 'restore: formatVersion as text', snapshot: (s) => ({ ...s, formatVersion: '1' }), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['(at /formatVersion)'] },
  { name: 'restore: a later format version', snapshot: (s) => ({ ...s, formatVersion: 2 }), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['2 is not allowed here; use one of 1', '(at /formatVersion)'] },
  { name: 'restore: another format tag', snapshot: (s) => ({ ...s, format: 'xstate/snapshot' }), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['"xstate/snapshot" is not allowed here; use one of "zorgpaden/journey"'] },
  { name: 'restore: day as text', snapshot: (s) => ((context(s).day = '-200'), s), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['Expected a number but found text (at /snapshot/context/day)'], nl: 'Verwacht: een getal, gevonden: tekst (bij /snapshot/context/day)' },
  { name: 'restore: day is Infinity', snapshot: (s) => ((context(s).day = Infinity), s), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['(at /snapshot/context/day)'] },
  { name: 'restore: an empty history', snapshot: (s) => ((context(s).history = []), s), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['The list needs at least 1 item(s) (at /snapshot/context/history)'] },
  { name: 'restore: status neither active nor done', snapshot: (s) => ({ ...s, snapshot: { ...s.snapshot, status: 'error' } }), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['"error" is not allowed here', '(at /snapshot/status)'] },
  { name: 'restore: a client risk that is not a key', snapshot: (s) => ((context(s).client = { risks: ['Debts!'], protections: [], attributes: {} }), s), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['(at /snapshot/context/client/risks/0)'] },
  { name: 'restore: an unknown rejection reason', snapshot: (s) => ((context(s).rejected = [{ event: 'NEXT', step: 'intake', day: -200, reason: 'bored', message: 'x', nl: 'x' }]), s), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['"bored" is not allowed here', '(at /snapshot/context/rejected/0/reason)'] },
  { name: 'restore: a "__proto__" key in the context (from JSON.parse)', snapshot: (s) => JSON.parse(JSON.stringify(s).replace('"context":{', '"context":{"__proto__":{"admin":true},')), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['Field "__proto__" is not part of the format here (at /snapshot/context/__proto__)'] },

  // steps that do not fit the path
  { name: 'restore: a current step the path does not have', snapshot: (s) => ((context(s).step = 'nergens'), s), via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['its current step "nergens" is not a step of path "test/basic"'], nl: 'de huidige stap "nergens" is geen stap van pad "test/basic"' },
  { name: 'restore: a history step the path does not have', snapshot: (s) => (((context(s).history as { step: string }[])[0]!.step = 'oud-intake'), s), at: 'wijkteam.steun', via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['its history names step "oud-intake"'] },
  { name: 'restore: a history that ends elsewhere than the current step', snapshot: (s) => ((context(s).step = 'signalering'), s), at: 'wijkteam.steun', via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['its history ends in "wijkteam.steun" but its current step is "signalering"'] },
  { name: 'restore: finished, but not in an outcome', snapshot: (s) => ({ ...s, snapshot: { ...s.snapshot, status: 'done' } }), at: 'wijkteam.steun', via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['status "done" does not match step "wijkteam.steun"'], nl: 'status "done" past niet bij stap "wijkteam.steun"' },
  { name: 'restore: a state value of another step', snapshot: (s) => ({ ...s, snapshot: { ...s.snapshot, value: { pregnancy: 'intake' } } }), at: 'wijkteam.steun', via: { restore: 'v1' }, code: 'snapshot-invalid', message: ['its state value does not match its current step "wijkteam.steun"'] },

  // another path, another version, changed content
  { name: 'restore: a journey of another path', snapshot: (s) => s, via: { restore: 'other' }, code: 'snapshot-path-mismatch', message: ['belongs to path "test/basic" version 1.0.0, not to "test/loop" version 1.0.0.'], nl: 'hoort bij pad "test/basic" versie 1.0.0, niet bij "test/loop"' },
  { name: 'restore: a journey of the previous version', snapshot: (s) => s, via: { restore: 'v2' }, code: 'snapshot-path-mismatch', message: ['version 1.0.0, not to "test/basic" version 2.0.0'] },
  { name: 'restore: same id and version, but the path changed since', snapshot: (s) => ({ ...s, pathHash: '0'.repeat(64) }), via: { restore: 'v1' }, code: 'snapshot-path-mismatch', message: ['(same id and version, but the content of the path changed)'], nl: 'zelfde id en versie, maar de inhoud van het pad is veranderd' },

  // migrations
  { name: 'migrate: a mapping to a step the new version does not have', snapshot: (s) => s, at: 'wijkteam.steun', via: { migrate: { steps: { 'wijkteam.steun': 'wijkteam.coach' } } }, code: 'migration-target-unknown', message: ['The mapping sends "wijkteam.steun" to "wijkteam.coach", which is not a step of the new version.'] },
  { name: 'migrate: the current step was renamed and the mapping does not say so', snapshot: (s) => s, at: 'wijkteam.steun', via: { migrate: {} }, code: 'migration-step-missing', message: ['Step "wijkteam.steun" of the saved journey does not exist in "test/basic" version 2.0.0'] },
  { name: 'migrate: the current step mapped to null', snapshot: (s) => s, at: 'wijkteam.steun', via: { migrate: { steps: { 'wijkteam.steun': null } } }, code: 'migration-current-removed', message: ['The journey is now in step "wijkteam.steun", which the mapping marks as removed'] },
  { name: 'migrate: an open journey mapped onto an outcome', snapshot: (s) => s, at: 'wijkteam.steun', via: { migrate: { steps: { 'wijkteam.steun': 'uitkomst/goed' } } }, code: 'snapshot-invalid', message: ['step "wijkteam.steun" maps to "uitkomst/goed", which is an outcome while the journey has not finished'], nl: 'die een uitkomst is terwijl de route nog niet is afgelopen' },
  { name: 'migrate: a journey of another path given as the old version', snapshot: (s) => s, via: { migrate: {}, from: 'other' }, code: 'snapshot-path-mismatch', message: ['belongs to path "test/basic" version 1.0.0, not to "test/loop"'] },
  { name: 'migrate: a damaged save', snapshot: (s) => ((context(s).step = 7), s), via: { migrate: {} }, code: 'snapshot-invalid', message: ['Expected text but found a whole number (at /snapshot/context/step)'] },
];
