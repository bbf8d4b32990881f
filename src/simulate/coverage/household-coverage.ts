import { argumentError, isRecord } from '../../diagnostics/index.js';
import type { HouseholdEntry } from '../../machine/index.js';
import { ClientSchema, HOUSEHOLD_SCHEMA_VERSION, type HouseholdPath } from '../../model/index.js';
import type { TransitionRef } from './coverage.js';
import type { HouseholdTestJourney } from './household-test-journeys.js';
import { HouseholdWalker, itemsOfHistory, referralItem, stepItem, transitionItem, type CoverageItem } from './household-walker.js';

/** A referral, named by its step, its index in that step's `refers`, and the step it refers to. */
export interface ReferralRef {
  from: string;
  index: number;
  to: string;
}

/** Covered of total, as a ratio, and what was missed. */
export interface CoveragePart<T> {
  covered: number;
  total: number;
  ratio: number;
  missed: T[];
}

/** Steps, transitions and referrals covered: of a whole household path, or of one track (a referral counts in the track that makes it). */
export interface HouseholdCoverageCounts {
  steps: CoveragePart<string>;
  transitions: CoveragePart<TransitionRef>;
  referrals: CoveragePart<ReferralRef>;
}

/** How much of a household path a set of journeys went through: in all, and per track. */
export interface HouseholdCoverageReport extends HouseholdCoverageCounts {
  tracks: Record<string, HouseholdCoverageCounts>;
}

/** What `householdCoverage` accepts for one journey: a test journey (replayed), a household journey, or its history. */
export type HouseholdCoverageInput = HouseholdTestJourney | { readonly history: readonly HouseholdEntry[] } | readonly HouseholdEntry[];

const INPUT = {
  en: 'a household test journey (householdTestJourneys), a household journey, or its history',
  nl: 'een testroute van een huishouden (householdTestJourneys), een route van een huishouden, of haar geschiedenis',
};

function isTestJourney(input: Record<string, unknown>): boolean {
  return Array.isArray(input.moves) && Array.isArray(input.steps) && isRecord(input.client);
}

// a test journey says which moves to send; replaying them says which transitions they take
function replayItems(path: HouseholdPath, input: Record<string, unknown>, argument: string): Set<CoverageItem> {
  const client = ClientSchema.safeParse(input.client);
  if (!client.success) throw argumentError('householdCoverage', `${argument}.client`, { en: 'a client { risks, protections, attributes }', nl: 'een cliënt { risks, protections, attributes }' }, input.client);
  const walker = new HouseholdWalker(path, client.data);
  try {
    (input.moves as unknown[]).forEach((move, m) => {
      const wanted = isRecord(move) ? walker.offered().find((o) => o.track === move.track && o.to === move.to && o.event === move.type) : undefined;
      if (!wanted || !walker.take(wanted)) {
        throw argumentError('householdCoverage', `${argument}.moves[${m}]`, { en: 'a move { type, track, to } the household journey offers at that point', nl: 'een stap { type, track, to } die de route van het huishouden op dat moment aanbiedt' }, move);
      }
    });
    return itemsOfHistory(path, walker.journey.history, walker.taken);
  } finally {
    walker.stop();
  }
}

function historyItems(path: HouseholdPath, input: unknown, argument: string): Set<CoverageItem> {
  const history = Array.isArray(input) ? input : isRecord(input) ? input.history : undefined;
  if (!Array.isArray(history)) throw argumentError('householdCoverage', argument, INPUT, input);
  const wrong = history.findIndex((e) => !isRecord(e) || typeof e.step !== 'string' || typeof e.track !== 'string');
  if (wrong >= 0) throw argumentError('householdCoverage', `${argument}, entry ${wrong}`, { en: 'a history entry { track, step, … }', nl: 'een geschiedenisregel { track, step, … }' }, history[wrong]);
  return itemsOfHistory(path, history as HouseholdEntry[]);
}

function part<T>(all: readonly T[], covered: (item: T) => boolean): CoveragePart<T> {
  const missed = all.filter((item) => !covered(item));
  const count = all.length - missed.length;
  return { covered: count, total: all.length, ratio: all.length === 0 ? 1 : count / all.length, missed };
}

/**
 * Step, transition and referral coverage of a household path by journeys: in all and per track
 * (child tracks once, whichever child went through them). Test journeys from
 * `householdTestJourneys` are replayed, so their moves count as the transitions they take; for a
 * plain history, a move counts as the first transition of its step to that target on that event.
 *
 * @example
 * const report = householdCoverage(path, householdTestJourneys(path));
 * console.log(report.tracks.sociaal.transitions.ratio);
 */
export function householdCoverage(path: HouseholdPath, journeys: Iterable<HouseholdCoverageInput>): HouseholdCoverageReport {
  if (!isRecord(path) || path.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION || !isRecord(path.steps) || !isRecord(path.tracks)) {
    throw argumentError('householdCoverage', 'path', { en: 'a household path (format version 2, as returned by loadHouseholdPath)', nl: 'een huishoudpad (formaatversie 2, zoals loadHouseholdPath dat geeft)' }, path);
  }
  if (journeys === null || typeof (journeys as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
    throw argumentError('householdCoverage', 'journeys', { en: 'a list (or other iterable) of journeys', nl: 'een lijst (of ander doorloopbaar object) van routes' }, journeys);
  }
  const covered = new Set<CoverageItem>();
  let index = 0;
  for (const journey of journeys as Iterable<unknown>) {
    const argument = `journeys[${index++}]`;
    const items = isRecord(journey) && isTestJourney(journey) ? replayItems(path, journey, argument) : historyItems(path, journey, argument);
    for (const item of items) covered.add(item);
  }
  const steps = Object.keys(path.steps);
  const transitions = steps.flatMap((from) => path.steps[from]!.transitions.map((t, i): TransitionRef => ({ from, index: i, to: t.to })));
  const referrals = steps.flatMap((from) => (path.steps[from]!.refers ?? []).map((r, i): ReferralRef => ({ from, index: i, to: r.to })));
  const counts = (inTrack: (step: string) => boolean): HouseholdCoverageCounts => ({
    steps: part(steps.filter(inTrack), (s) => covered.has(stepItem(s))),
    transitions: part(transitions.filter((t) => inTrack(t.from)), (t) => covered.has(transitionItem(t.from, t.index))),
    referrals: part(referrals.filter((r) => inTrack(r.from)), (r) => covered.has(referralItem(r.from, r.index))),
  });
  const tracks: Record<string, HouseholdCoverageCounts> = {};
  for (const track of Object.keys(path.tracks)) tracks[track] = counts((s) => path.steps[s]!.track === track);
  return { ...counts(() => true), tracks };
}
