import { argumentError, attachSource, isRecord, joinPointer, parsePointer, sourceOf, toPointer } from '../diagnostics/index.js';
import { HOUSEHOLD_SCHEMA_VERSION, requireCarePath, type CarePath, type HouseholdPath, type HouseholdStep } from '../model/index.js';

/** The member a version 1 path's client becomes. */
export const V1_MEMBER = 'ouder';
/** The one track a version 1 path becomes. */
export const V1_TRACK = 'zorg';

/** A migrated path, with the way back from its pointers to the file the user wrote. */
export interface MigratedPath {
  path: HouseholdPath;
  /** Maps a JSON pointer into the migrated path to the closest pointer into the original document. */
  sourcePointer: (pointer: string) => string;
}

/** One numbered migration of the path format, from `from` to `from + 1`. */
export interface PathMigration {
  from: number;
  to: number;
  description: string;
}

/** The migrations of the path format, in order; a document is migrated by each in turn. */
export const PATH_MIGRATIONS: readonly PathMigration[] = [
  { from: 1, to: 2, description: 'One parent member and one track "zorg" holding every step; "signals" becomes "detects" with probability 1.' },
];

/**
 * Migration 1 → 2: a version 1 path becomes a household path with one member (the parent) and one
 * track holding every step, starting at the version 1 `initial`. `signals: [r]` becomes
 * `detects: { r: 1 }`; everything else is kept, so the path walks and simulates as before.
 * `includes` are already resolved by the loader and are left out.
 *
 * @example
 * const { path, sourcePointer } = migratePathV1(await loadPath('zwangerschap.json'));
 * sourcePointer('/tracks/zorg/initial'); // → '/initial'
 */
export function migratePathV1(path: CarePath): MigratedPath {
  requireCarePath('migratePathV1', 'path', path);
  if (!isRecord(path.steps)) throw argumentError('migratePathV1', 'path', { en: 'a version 1 care path', nl: 'een zorgpad van versie 1' }, path);
  const steps: Record<string, HouseholdStep> = {};
  for (const [id, step] of Object.entries(path.steps)) {
    const { signals, ...rest } = step;
    const migrated: HouseholdStep = { ...rest, track: V1_TRACK };
    if (signals !== undefined && signals.length > 0) migrated.detects = Object.fromEntries(signals.map((risk) => [risk, 1]));
    steps[id] = migrated;
  }
  const { schemaVersion: _version, initial, includes: _includes, steps: _steps, ...kept } = path;
  const household: HouseholdPath = {
    ...kept,
    schemaVersion: HOUSEHOLD_SCHEMA_VERSION,
    members: { [V1_MEMBER]: { role: 'parent', label: { nl: 'Ouder', en: 'Parent' } } },
    tracks: { [V1_TRACK]: { label: { nl: 'Zorg', en: 'Care' }, member: V1_MEMBER, initial } },
    steps,
  };
  const sourcePointer = (pointer: string) => sourcePointerV1(path, pointer);
  // a loaded version 1 path knows its file: the migrated one points into that same file
  const source = sourceOf(path);
  if (source) attachSource(household, { ...(source.file !== undefined ? { file: source.file } : {}), locate: (pointer) => source.locate(sourcePointer(pointer)), textOf: (file) => source.textOf(file) });
  return { path: household, sourcePointer };
}

/** Where a pointer into the migrated path came from in the version 1 document. */
function sourcePointerV1(original: CarePath, pointer: string): string {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return '';
  }
  const [head, key, field, ...rest] = segments;
  if (head === 'members') return '';
  if (head === 'tracks') return key === V1_TRACK && field === 'initial' ? '/initial' : '';
  if (head !== 'steps' || key === undefined || !Object.hasOwn(original.steps, key)) return pointer;
  const step = toPointer(['steps', key]);
  if (field === 'track') return step;
  if (field === 'detects') {
    const index = rest[0] === undefined ? -1 : (original.steps[key]!.signals ?? []).indexOf(rest[0]);
    return index < 0 ? joinPointer(step, 'signals') : joinPointer(step, 'signals', index);
  }
  return pointer;
}
