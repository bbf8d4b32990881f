import { toPointer } from '../diagnostics/index.js';
import { ActorSchema, CarePathSchema, eventOf, requireCarePath, StepSchema, TransitionSchema, type CarePath, type Label, type Step, type Transition, type Window } from '../model/index.js';
import { changedFields, jsonEqual, pick, sortedUnion } from './equal.js';

/** Where a change sits: a JSON pointer into the new path (`b`), or into the old one (`a`) for removals. */
interface At {
  pointer: string;
}

/** One difference between two versions of a path; `kind` says what changed. */
export type PathChange =
  | (At & { kind: 'metadata-changed'; field: string; before: unknown; after: unknown })
  | (At & { kind: 'initial-changed'; before: string; after: string })
  | (At & { kind: 'actor-added' | 'actor-removed'; actor: string })
  | (At & { kind: 'actor-changed'; actor: string; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> })
  /** `track` is set on a household path (format version 2), where every step is in a track. */
  | (At & { kind: 'step-added' | 'step-removed'; step: string; label: Label; track?: string })
  | (At & { kind: 'step-changed'; step: string; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> })
  | (At & { kind: 'label-changed'; step: string; before: Label; after: Label })
  | (At & { kind: 'window-changed'; step: string; before: Window | undefined; after: Window | undefined })
  | (At & { kind: 'transition-added' | 'transition-removed'; step: string; index: number; to: string; event: string })
  | (At & { kind: 'transition-retargeted'; step: string; index: number; event: string; before: string; after: string })
  | (At & { kind: 'transition-changed'; step: string; index: number; beforeIndex: number; to: string; event: string; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> });

/** The kinds of change `diffPaths` reports. */
export type PathChangeKind = PathChange['kind'];

// read when a diff is made, not on import: the schemas are built on first use
const pathFields = () => Object.keys(CarePathSchema.shape).filter((k) => k !== 'initial' && k !== 'actors' && k !== 'steps');
const actorFields = () => Object.keys(ActorSchema.shape);
const stepFields = () => Object.keys(StepSchema.shape);
const transitionFields = () => Object.keys(TransitionSchema.shape);

/**
 * The structural differences from path `a` to path `b`, in a fixed order: path fields, initial,
 * actors (by id), then steps (by id; within a step its own fields, label, window, then its
 * transitions). Transitions are matched by (target, event) in order of appearance; an unmatched
 * pair at the same index with the same event is a retarget; the rest are removed or added.
 *
 * @example
 * const changes = diffPaths(before, after);
 * console.log(summarizeDiff(changes, { lang: 'nl' }));
 */
export function diffPaths(a: CarePath, b: CarePath): PathChange[] {
  requireCarePath('diffPaths', 'a', a);
  requireCarePath('diffPaths', 'b', b);
  const changes: PathChange[] = [];
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const field of changedFields(ra, rb, pathFields(), ['initial', 'actors', 'steps'])) {
    changes.push({ kind: 'metadata-changed', pointer: toPointer([field]), field, before: ra[field], after: rb[field] });
  }
  if (a.initial !== b.initial) changes.push({ kind: 'initial-changed', pointer: '/initial', before: a.initial, after: b.initial });
  for (const id of sortedUnion(a.actors, b.actors)) {
    const before = Object.hasOwn(a.actors, id) ? a.actors[id] : undefined;
    const after = Object.hasOwn(b.actors, id) ? b.actors[id] : undefined;
    const pointer = toPointer(['actors', id]);
    if (!before) changes.push({ kind: 'actor-added', pointer, actor: id });
    else if (!after) changes.push({ kind: 'actor-removed', pointer, actor: id });
    else {
      const fields = changedFields(before, after, actorFields());
      if (fields.length > 0) changes.push({ kind: 'actor-changed', pointer, actor: id, fields, before: pick(before, fields), after: pick(after, fields) });
    }
  }
  for (const id of sortedUnion(a.steps, b.steps)) {
    const before = Object.hasOwn(a.steps, id) ? a.steps[id] : undefined;
    const after = Object.hasOwn(b.steps, id) ? b.steps[id] : undefined;
    const pointer = toPointer(['steps', id]);
    if (!before && after) changes.push({ kind: 'step-added', pointer, step: id, label: after.label });
    else if (before && !after) changes.push({ kind: 'step-removed', pointer, step: id, label: before.label });
    else if (before && after) changes.push(...diffStep(id, before, after));
  }
  return changes;
}

function diffStep(id: string, a: Step, b: Step): PathChange[] {
  // after an edit most steps are shared with the old path; two loaded files are mostly equal
  if (a === b || jsonEqual(a, b)) return [];
  const changes: PathChange[] = [];
  const at = (...rest: (string | number)[]) => toPointer(['steps', id, ...rest]);
  const fields = changedFields(a, b, stepFields(), ['label', 'window', 'transitions']);
  if (fields.length > 0) changes.push({ kind: 'step-changed', pointer: at(), step: id, fields, before: pick(a, fields), after: pick(b, fields) });
  if (!jsonEqual(a.label, b.label)) changes.push({ kind: 'label-changed', pointer: at('label'), step: id, before: a.label, after: b.label });
  if (!jsonEqual(a.window, b.window)) changes.push({ kind: 'window-changed', pointer: at('window'), step: id, before: a.window, after: b.window });
  // tolerate unparsed input, where `transitions` may still be missing
  changes.push(...diffTransitions(id, a.transitions ?? [], b.transitions ?? []));
  return changes;
}

const keyOf = (t: Transition) => JSON.stringify([t.to, eventOf(t)]);

/** Matches transitions by (target, event), then retargets by index; see `diffPaths`. */
export function diffTransitions(stepId: string, a: readonly Transition[], b: readonly Transition[]): PathChange[] {
  const at = (index: number) => toPointer(['steps', stepId, 'transitions', index]);
  const matchOf: (number | undefined)[] = b.map(() => undefined); // index in b → index in a
  const matched = new Set<number>();
  const queues = new Map<string, number[]>();
  a.forEach((t, i) => queues.set(keyOf(t), [...(queues.get(keyOf(t)) ?? []), i]));
  b.forEach((t, j) => {
    const i = queues.get(keyOf(t))?.shift();
    if (i !== undefined) {
      matchOf[j] = i;
      matched.add(i);
    }
  });
  const removed: PathChange[] = [];
  const later: PathChange[] = [];
  const retargetedFrom = new Set<number>();
  b.forEach((t, j) => {
    const i = matchOf[j];
    const old = i === undefined ? undefined : a[i];
    if (i !== undefined && old) {
      const fields = changedFields(old, t, transitionFields(), ['to']);
      if (fields.length > 0) later.push({ kind: 'transition-changed', pointer: at(j), step: stepId, index: j, beforeIndex: i, to: t.to, event: eventOf(t), fields, before: pick(old, fields), after: pick(t, fields) });
      return;
    }
    const sameIndex = a[j];
    if (sameIndex && !matched.has(j) && eventOf(sameIndex) === eventOf(t)) {
      retargetedFrom.add(j);
      later.push({ kind: 'transition-retargeted', pointer: at(j), step: stepId, index: j, event: eventOf(t), before: sameIndex.to, after: t.to });
      const fields = changedFields(sameIndex, t, transitionFields(), ['to']);
      if (fields.length > 0) later.push({ kind: 'transition-changed', pointer: at(j), step: stepId, index: j, beforeIndex: j, to: t.to, event: eventOf(t), fields, before: pick(sameIndex, fields), after: pick(t, fields) });
      return;
    }
    later.push({ kind: 'transition-added', pointer: at(j), step: stepId, index: j, to: t.to, event: eventOf(t) });
  });
  a.forEach((t, i) => {
    if (!matched.has(i) && !retargetedFrom.has(i)) removed.push({ kind: 'transition-removed', pointer: at(i), step: stepId, index: i, to: t.to, event: eventOf(t) });
  });
  return [...removed, ...later];
}
