import type { SnapshotFrom } from 'xstate';
import type { CarePath } from '../model/index.js';
import { requireCarePath } from '../model/arguments.js';
import { eventOf } from '../model/transition-events.js';
import type { JourneyMachine } from './compile.js';
import type { JourneyEvent } from './types.js';

/** The options `journeyGraphOptions` gives for XState's graph functions. */
export interface JourneyGraphOptions<P extends CarePath = CarePath> {
  /** Every transition of the current step, by index (the machine's guards decide which are taken). */
  events: (snapshot: SnapshotFrom<JourneyMachine<P>>) => JourneyEvent<P>[];
  /** The status, step and day of a snapshot: what makes two snapshots the same state. */
  serializeState: (snapshot: SnapshotFrom<JourneyMachine<P>>) => string;
}

/**
 * Options that let XState's graph functions (`getShortestPaths`, `getSimplePaths` from
 * `xstate/graph`) walk a journey machine and finish. Snapshots compare by what decides the next
 * move (status, current step and day), not by the history and rejected events, which grow with
 * every event; the events are every transition of the current step, by index.
 * @example
 * import { getShortestPaths } from 'xstate/graph';
 * const paths = getShortestPaths(toMachine(path), { input: { client: {} }, ...journeyGraphOptions(path) });
 */
export function journeyGraphOptions<P extends CarePath>(path: P): JourneyGraphOptions<P> {
  requireCarePath('journeyGraphOptions', 'path', path);
  return {
    events: (snapshot) => (path.steps[snapshot.context.step]?.transitions ?? []).map((transition, index) => ({ type: eventOf(transition), index }) as JourneyEvent<P>),
    serializeState: (snapshot) => JSON.stringify([snapshot.status, snapshot.context.step, snapshot.context.day]),
  };
}
