import type { Draft } from 'immer';
import { toPointer } from '../diagnostics/index.js';
import type { CarePath } from '../model/index.js';

/** A place in a path that names a step id, and the step that holds it (when it is a transition). */
export interface StepReference {
  pointer: string;
  /** The step whose transition this is; undefined for `initial`, includes and coalition records. */
  from?: string;
}

/**
 * Every place a path names `stepId`: `initial`, transition targets, the `connect` targets of
 * includes and the local replacements a coalition overlay recorded.
 */
export function referencesTo(path: CarePath, stepId: string): StepReference[] {
  const found: StepReference[] = [];
  if (path.initial === stepId) found.push({ pointer: '/initial' });
  for (const [from, step] of Object.entries(path.steps)) {
    step.transitions.forEach((t, index) => {
      if (t.to === stepId) found.push({ pointer: toPointer(['steps', from, 'transitions', index, 'to']), from });
    });
  }
  path.includes?.forEach((include, index) => {
    for (const [outcome, target] of Object.entries(include.connect ?? {})) {
      if (target === stepId) found.push({ pointer: toPointer(['includes', index, 'connect', outcome]) });
    }
  });
  for (const [intervention, target] of Object.entries(path.coalition?.replaced ?? {})) {
    if (target === stepId) found.push({ pointer: toPointer(['coalition', 'replaced', intervention]) });
  }
  return found;
}

/** Rewrites every reference to `from` in a draft so that it names `to`; `skip` leaves the transitions of one step alone. */
export function rewriteReferences(draft: Draft<CarePath>, from: string, to: string, skip?: string): void {
  if (draft.initial === from) draft.initial = to;
  for (const [stepId, step] of Object.entries(draft.steps)) {
    if (stepId === skip) continue;
    for (const transition of step.transitions) if (transition.to === from) transition.to = to;
  }
  for (const include of draft.includes ?? []) {
    const connect = include.connect;
    if (!connect) continue;
    for (const [outcome, target] of Object.entries(connect)) if (target === from) connect[outcome] = to;
  }
  const replaced = draft.coalition?.replaced;
  if (replaced) for (const [intervention, target] of Object.entries(replaced)) if (target === from) replaced[intervention] = to;
}
