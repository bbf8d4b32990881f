import { isRecord } from '../diagnostics/index.js';
import type { CarePath, Client, HouseholdPath } from '../model/index.js';
import { MACHINE_CODES, machineError } from './codes.js';
import { pathHash } from './path-hash.js';
import { JOURNEY_FORMAT } from './snapshot.js';
import type { JourneyContext } from './types.js';

// the names migration 1 → 2 gives (src/load/migrate-v1.ts); the machine layer may not import the loader
const V1_MEMBER = 'ouder';
/** The one track of a path migrated from version 1. */
export const V1_TRACK = 'zorg';

/** True for what `journey.persist()` of a version 1 journey gives. */
export function isVersionOneJourney(saved: unknown): boolean {
  return isRecord(saved) && saved.format === JOURNEY_FORMAT;
}

/**
 * The version 1 path a household path was migrated from, when it has the shape migration 1 → 2
 * gives (one member `ouder`, one track `zorg` holding every step, `detects` of probability 1, no
 * referrals or events); else undefined. Its hash is the hash a version 1 journey of that path saved.
 */
function versionOnePath(path: HouseholdPath): CarePath | undefined {
  const { schemaVersion: _version, members, tracks, steps, attributes, ...kept } = path;
  const track = tracks[V1_TRACK];
  if (Object.keys(tracks).length !== 1 || !track || track.member !== V1_MEMBER || track.initial === undefined || track.startsOn !== undefined || track.lead !== undefined) return undefined;
  if (Object.keys(members).length !== 1 || members[V1_MEMBER]?.role !== 'parent' || attributes !== undefined) return undefined;
  const v1Steps: Record<string, unknown> = {};
  for (const [id, step] of Object.entries(steps)) {
    const { track: stepTrack, detects, refers, emits, ...rest } = step;
    if (stepTrack !== V1_TRACK || refers !== undefined || emits !== undefined) return undefined;
    if (detects && Object.values(detects).some((p) => p !== 1)) return undefined;
    v1Steps[id] = { ...rest, ...(detects ? { signals: Object.keys(detects) } : {}) };
  }
  for (const table of [path.risks, path.protections]) if (table && Object.values(table).some((factor) => factor.member !== undefined)) return undefined;
  return { ...kept, schemaVersion: 1, initial: track.initial, steps: v1Steps } as unknown as CarePath;
}

/** A version 1 journey read for replay: the client, the first day, and every move with its arrival day. */
export interface VersionOneReplay {
  client: Client;
  startDay: number;
  moves: { event: string; from: string; index: number; to: string; day: number }[];
  step: string;
  day: number;
}

/**
 * Reads a persisted version 1 journey for the household path migrated from its path: refuses
 * another path (`snapshot-path-mismatch`) and a damaged journey (`snapshot-invalid`).
 */
export function readVersionOneJourney(path: HouseholdPath, saved: Record<string, unknown>): VersionOneReplay {
  const invalid = (reason: string, reasonNl: string) => machineError(MACHINE_CODES.snapshotInvalid, { reason, reasonNl });
  const snapshot = saved.snapshot;
  if (saved.formatVersion !== 1 || !isRecord(snapshot) || !isRecord(snapshot.context)) throw invalid('it is not a saved journey', 'het is geen opgeslagen route');
  const context = snapshot.context as unknown as JourneyContext;
  const original = versionOnePath(path);
  if (saved.pathId !== path.id || saved.pathVersion !== path.version || original === undefined || saved.pathHash !== pathHash(original)) {
    const sameName = saved.pathId === path.id && saved.pathVersion === path.version;
    throw machineError(MACHINE_CODES.snapshotPathMismatch, {
      savedId: String(saved.pathId),
      savedVersion: String(saved.pathVersion),
      pathId: path.id,
      pathVersion: path.version,
      hashNote: sameName ? ' (it is not the version 1 path migrated, or the content changed)' : '',
      hashNoteNl: sameName ? ' (het is niet het gemigreerde pad van versie 1, of de inhoud is veranderd)' : '',
    });
  }
  const history = Array.isArray(context.history) ? context.history : [];
  const first = history[0];
  if (!first || !isRecord(context.client) || typeof context.step !== 'string' || typeof context.day !== 'number') throw invalid('its history is missing', 'de geschiedenis ontbreekt');
  const moves: VersionOneReplay['moves'] = [];
  for (const entry of history.slice(1)) {
    if (entry.removed || entry.from === undefined || entry.index === undefined || typeof entry.day !== 'number') {
      throw invalid(`the visit of "${String(entry.step)}" cannot be replayed (a step that is gone, or a damaged entry)`, `het bezoek aan "${String(entry.step)}" kan niet opnieuw worden afgespeeld (een stap die weg is, of een beschadigde regel)`);
    }
    moves.push({ event: entry.event ?? 'NEXT', from: entry.from, index: entry.index, to: entry.step, day: entry.day });
  }
  return { client: context.client, startDay: first.day, moves, step: context.step, day: context.day };
}
