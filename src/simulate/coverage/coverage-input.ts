import { argumentError, isRecord, type Words } from '../../diagnostics/index.js';
import type { CarePath } from '../../model/index.js';
import { createJourney, type JourneyEntry, type JourneyEvent, type PersistedJourney } from '../../machine/index.js';
import type { TestPath } from './test-paths.js';

/** What `coverage` accepts for one journey: a journey object, its history, a saved journey, or a test path. */
export type CoverageInput = { readonly history: readonly JourneyEntry[] } | readonly JourneyEntry[] | PersistedJourney | TestPath;

const JOURNEY: Words = {
  en: 'a journey, its history, a saved journey (journey.persist()) or a test path (testPaths(path))',
  nl: 'een route, haar geschiedenis, een bewaarde route (journey.persist()) of een testpad (testPaths(path))',
};

function isTestPath(input: Record<string, unknown>): input is Record<string, unknown> & TestPath {
  return Array.isArray(input.events) && Array.isArray(input.steps) && isRecord(input.client);
}

// a test path says which events to send; replaying them gives the transitions it takes
function replay(path: CarePath, test: TestPath): readonly JourneyEntry[] {
  const journey = createJourney(path, test.client);
  try {
    for (const event of test.events) journey.send(event as JourneyEvent<CarePath>);
    return journey.history;
  } finally {
    journey.stop();
  }
}

/** The history of one coverage input; anything else is a `ZorgpadenError` naming its place in the list. */
export function historyOf(path: CarePath, input: unknown, index: number): readonly JourneyEntry[] {
  const argument = `journeys[${index}]`;
  let history: unknown;
  if (Array.isArray(input)) history = input;
  else if (isRecord(input) && isTestPath(input)) return replay(path, input);
  else if (isRecord(input) && isRecord(input.snapshot) && isRecord(input.snapshot.context)) history = input.snapshot.context.history;
  else if (isRecord(input)) history = input.history;
  if (!Array.isArray(history)) throw argumentError('coverage', argument, JOURNEY, input);
  const wrong = history.findIndex((entry) => !isRecord(entry) || typeof entry.step !== 'string');
  if (wrong >= 0) throw argumentError('coverage', `${argument}, entry ${wrong}`, { en: 'a history entry { step, … }', nl: 'een geschiedenisregel { step, … }' }, history[wrong]);
  return history as readonly JourneyEntry[];
}
