import { argumentError, isRecord, toPointer } from '../diagnostics/index.js';
import {
  ActorSchema,
  emitsOf,
  HOUSEHOLD_SCHEMA_VERSION,
  HouseholdPathSchema,
  HouseholdStepSchema,
  MemberSchema,
  ReferralSchema,
  TrackSchema,
  type HouseholdPath,
  type HouseholdStep,
  type Label,
  type Member,
  type MemberRole,
  type Referral,
  type Track,
} from '../model/index.js';
import { diffTransitions, type PathChange } from './diff.js';
import { changedFields, jsonEqual, pick, sortedUnion } from './equal.js';

/** Where a change sits: a JSON pointer into the new path (`b`), or into the old one (`a`) for removals. */
interface At {
  pointer: string;
}

/**
 * One difference between two versions of a household path (format version 2). The kinds a
 * version 1 path has too keep their shape (a step added or removed names its `track`); `initial` is
 * a field of each track here, so there is no `initial-changed`.
 */
export type HouseholdPathChange =
  | Exclude<PathChange, { kind: 'initial-changed' }>
  | (At & { kind: 'member-added' | 'member-removed'; member: string; role: MemberRole; label: Label })
  | (At & { kind: 'member-changed'; member: string; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> })
  | (At & { kind: 'track-added' | 'track-removed'; track: string; label: Label })
  | (At & { kind: 'track-changed'; track: string; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> })
  | (At & { kind: 'step-track-changed'; step: string; before: string; after: string })
  | (At & { kind: 'referral-added' | 'referral-removed'; step: string; index: number; to: string })
  | (At & { kind: 'referral-retargeted'; step: string; index: number; before: string; after: string })
  | (At & { kind: 'referral-changed'; step: string; index: number; beforeIndex: number; to: string; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> })
  | (At & { kind: 'emit-added' | 'emit-removed'; step: string; event: string })
  | (At & { kind: 'detection-added' | 'detection-removed'; step: string; risk: string; probability: number })
  | (At & { kind: 'detection-changed'; step: string; risk: string; before: number; after: number });

/** The kinds of change `diffHouseholdPaths` reports. */
export type HouseholdPathChangeKind = HouseholdPathChange['kind'];

// read when a diff is made, not on import: the schemas are built on first use
const OWN_PARTS = ['actors', 'members', 'tracks', 'steps'];
const pathFields = () => Object.keys(HouseholdPathSchema.shape).filter((k) => !OWN_PARTS.includes(k));
const STEP_PARTS = ['label', 'window', 'transitions', 'track', 'refers', 'emits', 'detects'];
const stepFields = () => Object.keys(HouseholdStepSchema.shape).filter((k) => !STEP_PARTS.includes(k));

const HOUSEHOLD_PATH = { en: 'a household path (format version 2, as returned by loadHouseholdPath)', nl: 'een huishoudpad (formaatversie 2, zoals loadHouseholdPath dat geeft)' };

function requireHouseholdPath(argument: string, path: unknown): asserts path is HouseholdPath {
  const plain = (v: unknown) => isRecord(v) && Object.values(v).every(isRecord);
  if (!isRecord(path) || path.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION || !plain(path.steps) || !plain(path.tracks) || !plain(path.members) || (path.actors !== undefined && !plain(path.actors))) {
    throw argumentError('diffHouseholdPaths', argument, HOUSEHOLD_PATH, path);
  }
}

const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined => (record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * The structural differences from household path `a` to household path `b`, in a fixed order: path
 * fields, actors, members, tracks (each by id), then steps (by id; within a step its own fields,
 * its track, label, window, transitions, referrals, emitted events and detected risks).
 * Transitions are matched as by `diffPaths`; referrals by their target in order of appearance, and
 * an unmatched referral at the same index as an unmatched one of `a` is a retarget. A version 1
 * path is compared after `migratePathV1`.
 *
 * @example
 * const changes = diffHouseholdPaths(before, after);
 * console.log(summarizeDiff(changes, { lang: 'nl', before, after }));
 */
export function diffHouseholdPaths(a: HouseholdPath, b: HouseholdPath): HouseholdPathChange[] {
  requireHouseholdPath('a', a);
  requireHouseholdPath('b', b);
  const changes: HouseholdPathChange[] = [];
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const field of changedFields(ra, rb, pathFields(), OWN_PARTS)) {
    changes.push({ kind: 'metadata-changed', pointer: toPointer([field]), field, before: ra[field], after: rb[field] });
  }
  const actorsA = a.actors ?? {};
  const actorsB = b.actors ?? {};
  for (const id of sortedUnion(actorsA, actorsB)) {
    const before = own(actorsA, id);
    const after = own(actorsB, id);
    const pointer = toPointer(['actors', id]);
    if (!before) changes.push({ kind: 'actor-added', pointer, actor: id });
    else if (!after) changes.push({ kind: 'actor-removed', pointer, actor: id });
    else {
      const fields = changedFields(before, after, Object.keys(ActorSchema.shape));
      if (fields.length > 0) changes.push({ kind: 'actor-changed', pointer, actor: id, fields, before: pick(before, fields), after: pick(after, fields) });
    }
  }
  for (const id of sortedUnion(a.members, b.members)) changes.push(...diffMember(id, own(a.members, id), own(b.members, id)));
  for (const id of sortedUnion(a.tracks, b.tracks)) changes.push(...diffTrack(id, own(a.tracks, id), own(b.tracks, id)));
  for (const id of sortedUnion(a.steps, b.steps)) {
    const before = own(a.steps, id);
    const after = own(b.steps, id);
    const pointer = toPointer(['steps', id]);
    if (!before && after) changes.push({ kind: 'step-added', pointer, step: id, label: after.label, track: after.track });
    else if (before && !after) changes.push({ kind: 'step-removed', pointer, step: id, label: before.label, track: before.track });
    else if (before && after) changes.push(...diffStep(id, before, after));
  }
  return changes;
}

function diffMember(id: string, before: Member | undefined, after: Member | undefined): HouseholdPathChange[] {
  const pointer = toPointer(['members', id]);
  if (!before && after) return [{ kind: 'member-added', pointer, member: id, role: after.role, label: after.label }];
  if (before && !after) return [{ kind: 'member-removed', pointer, member: id, role: before.role, label: before.label }];
  if (!before || !after) return [];
  const fields = changedFields(before, after, Object.keys(MemberSchema.shape));
  return fields.length === 0 ? [] : [{ kind: 'member-changed', pointer, member: id, fields, before: pick(before, fields), after: pick(after, fields) }];
}

function diffTrack(id: string, before: Track | undefined, after: Track | undefined): HouseholdPathChange[] {
  const pointer = toPointer(['tracks', id]);
  if (!before && after) return [{ kind: 'track-added', pointer, track: id, label: after.label }];
  if (before && !after) return [{ kind: 'track-removed', pointer, track: id, label: before.label }];
  if (!before || !after) return [];
  const fields = changedFields(before, after, Object.keys(TrackSchema.shape));
  return fields.length === 0 ? [] : [{ kind: 'track-changed', pointer, track: id, fields, before: pick(before, fields), after: pick(after, fields) }];
}

function diffStep(id: string, a: HouseholdStep, b: HouseholdStep): HouseholdPathChange[] {
  // two loaded versions of a path share most steps unchanged
  if (a === b || jsonEqual(a, b)) return [];
  const changes: HouseholdPathChange[] = [];
  const at = (...rest: (string | number)[]) => toPointer(['steps', id, ...rest]);
  const fields = changedFields(a, b, stepFields(), STEP_PARTS);
  if (fields.length > 0) changes.push({ kind: 'step-changed', pointer: at(), step: id, fields, before: pick(a, fields), after: pick(b, fields) });
  if (a.track !== b.track) changes.push({ kind: 'step-track-changed', pointer: at('track'), step: id, before: a.track, after: b.track });
  if (!jsonEqual(a.label, b.label)) changes.push({ kind: 'label-changed', pointer: at('label'), step: id, before: a.label, after: b.label });
  if (!jsonEqual(a.window, b.window)) changes.push({ kind: 'window-changed', pointer: at('window'), step: id, before: a.window, after: b.window });
  // tolerate unparsed input, where the lists may still be missing
  // diffTransitions reports transition changes only, never `initial-changed`
  changes.push(...(diffTransitions(id, a.transitions ?? [], b.transitions ?? []) as HouseholdPathChange[]));
  changes.push(...diffReferrals(id, a.refers ?? [], b.refers ?? []));
  const emitsA = emitsOf(a);
  const emitsB = emitsOf(b);
  for (const event of emitsA) if (!emitsB.includes(event)) changes.push({ kind: 'emit-removed', pointer: at('emits'), step: id, event });
  for (const event of emitsB) if (!emitsA.includes(event)) changes.push({ kind: 'emit-added', pointer: at('emits'), step: id, event });
  const detectsA = a.detects ?? {};
  const detectsB = b.detects ?? {};
  for (const risk of sortedUnion(detectsA, detectsB)) {
    const before = own(detectsA, risk);
    const after = own(detectsB, risk);
    if (before === after) continue;
    if (after === undefined) changes.push({ kind: 'detection-removed', pointer: at('detects', risk), step: id, risk, probability: before! });
    else if (before === undefined) changes.push({ kind: 'detection-added', pointer: at('detects', risk), step: id, risk, probability: after });
    else changes.push({ kind: 'detection-changed', pointer: at('detects', risk), step: id, risk, before, after });
  }
  return changes;
}

/**
 * Matches referrals by target in order of appearance; an unmatched referral of `b` at an index
 * where `a` has an unmatched one is that referral retargeted; the rest are removed or added.
 */
function diffReferrals(stepId: string, a: readonly Referral[], b: readonly Referral[]): HouseholdPathChange[] {
  const at = (index: number) => toPointer(['steps', stepId, 'refers', index]);
  const fieldsOf = (before: Referral, after: Referral) => changedFields(before, after, Object.keys(ReferralSchema.shape), ['to']);
  const matchOf: (number | undefined)[] = b.map(() => undefined);
  const matched = new Set<number>();
  const queues = new Map<string, number[]>();
  a.forEach((r, i) => queues.set(r.to, [...(queues.get(r.to) ?? []), i]));
  b.forEach((r, j) => {
    const i = queues.get(r.to)?.shift();
    if (i !== undefined) {
      matchOf[j] = i;
      matched.add(i);
    }
  });
  const later: HouseholdPathChange[] = [];
  const retargetedFrom = new Set<number>();
  const changed = (r: Referral, j: number, old: Referral, i: number) => {
    const fields = fieldsOf(old, r);
    if (fields.length > 0) later.push({ kind: 'referral-changed', pointer: at(j), step: stepId, index: j, beforeIndex: i, to: r.to, fields, before: pick(old, fields), after: pick(r, fields) });
  };
  b.forEach((r, j) => {
    const i = matchOf[j];
    const old = i === undefined ? undefined : a[i];
    if (i !== undefined && old) return changed(r, j, old, i);
    const sameIndex = a[j];
    if (sameIndex && !matched.has(j)) {
      retargetedFrom.add(j);
      later.push({ kind: 'referral-retargeted', pointer: at(j), step: stepId, index: j, before: sameIndex.to, after: r.to });
      return changed(r, j, sameIndex, j);
    }
    later.push({ kind: 'referral-added', pointer: at(j), step: stepId, index: j, to: r.to });
  });
  const removed: HouseholdPathChange[] = [];
  a.forEach((r, i) => {
    if (!matched.has(i) && !retargetedFrom.has(i)) removed.push({ kind: 'referral-removed', pointer: at(i), step: stepId, index: i, to: r.to });
  });
  return [...removed, ...later];
}
