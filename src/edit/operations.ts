import type { Draft } from 'immer';
import { createDiagnostic, didYouMean, requireText, suggestionParams, toPointer, ZorgpadenError } from '../diagnostics/index.js';
import { issuesToDiagnostics, StepSchema, type CarePath, type Step, type StepInput, type Window } from '../model/index.js';
import { EDIT_CODES } from './codes.js';
import { editPath, requireEditArguments, type EditOptions, type PathEdit } from './edit.js';
import { referencesTo, rewriteReferences } from './references.js';

function refuse(path: CarePath, what: string, diagnostic: ReturnType<typeof createDiagnostic>): never {
  throw new ZorgpadenError(`Cannot ${what} in path "${path.id}".`, [diagnostic]);
}

function requireStep(path: CarePath, stepId: string, what: string): Step {
  const step = Object.hasOwn(path.steps, stepId) ? path.steps[stepId] : undefined;
  if (step) return step;
  const known = Object.keys(path.steps);
  const params = { step: stepId, ...suggestionParams(didYouMean(stepId, known), known) };
  return refuse(path, what, createDiagnostic(EDIT_CODES.stepNotFound, params, { pointer: toPointer(['steps', stepId]) }));
}

/**
 * Adds a step under `stepId` (defaults such as `transitions: []` are filled in); throws when the
 * id is taken or the step is not valid. Transitions into the new step are added separately.
 * @example
 * const { path: next } = addStep(path, 'nazorg', { kind: 'contact', phase: 'postpartum', label: { nl: 'Nazorg' }, transitions: [] });
 */
export function addStep(path: CarePath, stepId: string, step: StepInput, options: EditOptions = {}): PathEdit {
  requireEditArguments('addStep', path, options);
  requireText('addStep', 'stepId', stepId);
  const pointer = toPointer(['steps', stepId]);
  if (Object.hasOwn(path.steps, stepId)) refuse(path, 'add a step', createDiagnostic(EDIT_CODES.stepExists, { step: stepId }, { pointer }));
  const parsed = StepSchema.safeParse(step);
  if (!parsed.success) {
    throw new ZorgpadenError(`Cannot add step "${stepId}" to path "${path.id}".`, issuesToDiagnostics(parsed.error.issues, step, StepSchema, ['steps', stepId]));
  }
  return editPath(
    path,
    (draft) => {
      draft.steps[stepId] = parsed.data as Draft<Step>;
    },
    options,
  );
}

/** How `removeStep` treats the transitions (and `initial`) that lead to the removed step. */
export interface RemoveStepOptions extends EditOptions {
  /** Send every reference to the removed step here instead; without it, such references make the removal fail. */
  retarget?: string;
}

/**
 * Removes a step. Refuses while transitions, `initial`, an include's `connect` or a coalition
 * replacement still name it, unless `retarget` names the step they should lead to instead.
 * @example
 * const { path: next } = removeStep(path, 'buurtmoeder');
 */
export function removeStep(path: CarePath, stepId: string, options: RemoveStepOptions = {}): PathEdit {
  requireEditArguments('removeStep', path, options);
  requireText('removeStep', 'stepId', stepId);
  if (options.retarget !== undefined) requireText('removeStep', 'options.retarget', options.retarget);
  const { retarget: replacement, ...editOptions } = options;
  requireStep(path, stepId, 'remove a step');
  const pointer = toPointer(['steps', stepId]);
  const incoming = referencesTo(path, stepId).filter((r) => r.from !== stepId);
  if (replacement === undefined) {
    if (path.initial === stepId) refuse(path, 'remove a step', createDiagnostic(EDIT_CODES.stepIsInitial, { step: stepId }, { pointer: '/initial' }));
    if (incoming.length > 0) {
      const sources = [...new Set(incoming.map((r) => (r.from !== undefined ? `"${r.from}"` : r.pointer)))];
      const params = { step: stepId, count: incoming.length, sources: sources.join(', ') };
      refuse(path, 'remove a step', createDiagnostic(EDIT_CODES.stepStillTargeted, params, { pointer }));
    }
  } else {
    if (replacement === stepId) refuse(path, 'remove a step', createDiagnostic(EDIT_CODES.retargetToSelf, { step: stepId }, { pointer }));
    requireStep(path, replacement, 'retarget to a step');
  }
  return editPath(
    path,
    (draft) => {
      if (replacement !== undefined) rewriteReferences(draft, path, stepId, replacement);
      delete draft.steps[stepId];
    },
    editOptions,
  );
}

/**
 * Renames a step everywhere: its key (keeping its place in `steps`), `initial`, every transition
 * target, include `connect` targets and coalition replacements.
 * @example
 * const { path: next } = renameStep(path, 'intake', 'eerste-contact');
 */
export function renameStep(path: CarePath, from: string, to: string, options: EditOptions = {}): PathEdit {
  requireEditArguments('renameStep', path, options);
  requireText('renameStep', 'from', from);
  requireText('renameStep', 'to', to);
  requireStep(path, from, 'rename a step');
  if (from === to) return editPath(path, () => undefined, options);
  if (Object.hasOwn(path.steps, to)) refuse(path, 'rename a step', createDiagnostic(EDIT_CODES.stepExists, { step: to }, { pointer: toPointer(['steps', to]) }));
  return editPath(
    path,
    (draft) => {
      rewriteReferences(draft, path, from, to, { transitions: false });
      // rebuild the record from the base so the step keeps its place (files written back keep
      // their order) and only the steps that name it are copied
      const steps: Record<string, Step> = {};
      for (const [id, step] of Object.entries(path.steps)) {
        const named = step.transitions.some((t) => t.to === from);
        steps[id === from ? to : id] = named ? { ...step, transitions: step.transitions.map((t) => (t.to === from ? { ...t, to } : t)) } : step;
      }
      draft.steps = steps as Draft<Record<string, Step>>;
    },
    options,
  );
}

/**
 * Points transition `index` of step `stepId` at another step; an unknown target fails the re-check with a did-you-mean hint.
 * @example
 * const { path: next } = retarget(path, 'intake', 0, 'signalering');
 */
export function retarget(path: CarePath, stepId: string, index: number, to: string, options: EditOptions = {}): PathEdit {
  requireEditArguments('retarget', path, options);
  requireText('retarget', 'stepId', stepId);
  requireText('retarget', 'to', to);
  const step = requireStep(path, stepId, 'retarget a transition');
  if (!Number.isInteger(index) || index < 0 || index >= step.transitions.length) {
    const params = { step: stepId, index, count: step.transitions.length };
    refuse(path, 'retarget a transition', createDiagnostic(EDIT_CODES.transitionNotFound, params, { pointer: toPointer(['steps', stepId, 'transitions', index]) }));
  }
  return editPath(
    path,
    (draft) => {
      draft.steps[stepId]!.transitions[index]!.to = to;
    },
    options,
  );
}

/**
 * Sets the time window of a step, or removes it when `window` is undefined.
 * @example
 * const { path: next } = setWindow(path, 'intake', { from: { gw: 6 }, to: { gw: 12 } });
 */
export function setWindow(path: CarePath, stepId: string, window: Window | undefined, options: EditOptions = {}): PathEdit {
  requireEditArguments('setWindow', path, options);
  requireText('setWindow', 'stepId', stepId);
  requireStep(path, stepId, 'set a window');
  return editPath(
    path,
    (draft) => {
      const step = draft.steps[stepId]!;
      if (window === undefined) delete step.window;
      else step.window = structuredClone(window);
    },
    options,
  );
}
