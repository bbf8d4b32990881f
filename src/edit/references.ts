import type { Draft } from 'immer';
import { requireText, toPointer } from '../diagnostics/index.js';
import { requireCarePath, type CarePath } from '../model/index.js';

/** A place in a path that names a step id, and the step that holds it (when it is a transition). */
export interface StepReference {
  pointer: string;
  /** The step whose transition this is; undefined for `initial`, includes and coalition records. */
  from?: string;
}

/**
 * Every place a path names `stepId`: `initial`, transition targets, the `connect` targets of
 * includes and the local replacements a coalition overlay recorded.
 * @example
 * for (const ref of referencesTo(path, 'intake')) console.log(ref);
 */
export function referencesTo(path: CarePath, stepId: string): StepReference[] {
  requireCarePath('referencesTo', 'path', path);
  requireText('referencesTo', 'stepId', stepId);
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

/**
 * Rewrites every reference to `from` so that it names `to`. The base path says where the
 * references are, so that only those places are drafted (drafting every step of a large path is slow).
 * With `transitions: false` the transition targets are left to the caller.
 */
export function rewriteReferences(draft: Draft<CarePath>, base: CarePath, from: string, to: string, options: { transitions?: boolean } = {}): void {
  if (base.initial === from) draft.initial = to;
  if (options.transitions !== false) {
    for (const [stepId, step] of Object.entries(base.steps)) {
      step.transitions.forEach((transition, index) => {
        if (transition.to === from) draft.steps[stepId]!.transitions[index]!.to = to;
      });
    }
  }
  base.includes?.forEach((include, index) => {
    for (const [outcome, target] of Object.entries(include.connect ?? {})) if (target === from) draft.includes![index]!.connect![outcome] = to;
  });
  for (const [intervention, target] of Object.entries(base.coalition?.replaced ?? {})) {
    if (target === from) draft.coalition!.replaced[intervention] = to;
  }
}
