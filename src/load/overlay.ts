import { attachSource, createDiagnostic, didYouMean, hasErrors, locateDiagnostics, requireRecord, sourceOf, suggestionParams, toPointer, ZorgpadenError } from '../diagnostics/index.js';
import { requireCarePath, type CarePath, type Coalition, type Result } from '../model/index.js';
import { requireCoalition } from './arguments.js';
import { OVERLAY_CODES } from './codes.js';
import { applyPartners, checkMenukaartNames, coalitionRecord, NO_SOURCE, replacementOf, routeNotOffered, type OverlayChange, type OverlayOptions, type OverlayWork } from './overlay-parts.js';
import { MappedLocator } from './source-map.js';

export type { OverlayChange, OverlayOptions } from './overlay-parts.js';

/** A path with a coalition applied, and the list of what changed. */
export interface CoalitionOverlay {
  path: CarePath;
  changes: OverlayChange[];
}

/**
 * Applies a coalition over a path: partners fill in actors, local steps and transitions are added,
 * and each replaced intervention's steps are removed after every transition into them is retargeted
 * to the local step. Nothing disappears without a recorded change. The result is an ordinary
 * CarePath whose `coalition` field says what the coalition offers and replaced.
 * @example
 * const result = safeApplyCoalition(path, coalition);
 * if (result.ok) for (const change of result.value.changes) console.log(change.type);
 */
export function safeApplyCoalition(path: CarePath, coalition: Coalition, options: OverlayOptions = {}): Result<CoalitionOverlay> {
  return applyNow('safeApplyCoalition', path, coalition, options);
}

function applyNow(callee: string, path: CarePath, coalition: Coalition, options: OverlayOptions): Result<CoalitionOverlay> {
  requireCarePath(callee, 'path', path);
  requireCoalition(callee, 'coalition', coalition);
  requireRecord(callee, 'options', options, { optional: true });
  options ??= {};
  const coalitionSource = sourceOf(coalition) ?? NO_SOURCE;
  const work: OverlayWork<OverlayChange> = { diagnostics: [], changes: [], locator: new MappedLocator(sourceOf(path) ?? NO_SOURCE), coalitionSource };
  const { diagnostics, changes, locator } = work;
  const result: CarePath = { ...path, steps: { ...path.steps }, actors: { ...path.actors } };
  const stepIds = () => Object.keys(result.steps);

  applyPartners(result.actors, coalition, work);

  for (const [id, step] of Object.entries(coalition.steps)) {
    const pointer = toPointer(['steps', id]);
    if (Object.hasOwn(result.steps, id)) {
      diagnostics.push(createDiagnostic(OVERLAY_CODES.localStepConflict, { step: id }, { pointer }));
      continue;
    }
    const { track, ...own } = step;
    if (track !== undefined) {
      diagnostics.push(createDiagnostic(OVERLAY_CODES.localTrackNotHousehold, { step: id, track }, { pointer: `${pointer}/track` }));
      continue;
    }
    result.steps[id] = own;
    locator.route(pointer, coalitionSource, pointer);
    changes.push({ type: 'step-added', step: id, pointer });
  }

  coalition.transitions.forEach(({ from, ...transition }, index) => {
    const pointer = toPointer(['transitions', index]);
    const step = result.steps[from];
    if (!step) {
      diagnostics.push(createDiagnostic(OVERLAY_CODES.unknownLocalSource, { step: from, ...suggestionParams(didYouMean(from, stepIds()), stepIds()) }, { pointer: pointer + '/from' }));
      return;
    }
    const at = step.transitions.length;
    result.steps[from] = { ...step, transitions: [...step.transitions, transition] };
    locator.route(toPointer(['steps', from, 'transitions', at]), coalitionSource, pointer);
    changes.push({ type: 'transition-added', from, to: transition.to, index: at, pointer });
  });

  for (const [intervention, replacing] of Object.entries(coalition.replaces)) {
    if (replacing === null) continue;
    const pointer = toPointer(['replaces', intervention]);
    const { step: replacement, handoff } = replacementOf(replacing);
    const users = new Set(stepIds().filter((id) => result.steps[id]!.intervention === intervention));
    if (!Object.hasOwn(result.steps, replacement) || users.has(replacement)) {
      const candidates = stepIds().filter((id) => !users.has(id));
      diagnostics.push(createDiagnostic(OVERLAY_CODES.unknownReplacement, { intervention, step: replacement, ...suggestionParams(didYouMean(replacement, candidates), candidates) }, { pointer }));
      continue;
    }
    if (users.size === 0) {
      diagnostics.push(createDiagnostic(OVERLAY_CODES.replacementUnused, { intervention }, { pointer }));
      continue;
    }
    for (const [id, step] of Object.entries(result.steps)) {
      if (users.has(id) || !step.transitions.some((t) => users.has(t.to))) continue;
      const transitions = step.transitions.map((t, index) => {
        if (!users.has(t.to)) return t;
        changes.push({ type: 'transition-retargeted', from: id, index, oldTo: t.to, newTo: replacement, intervention, pointer });
        // the retargeted transition is the coalition's: findings on it (a cold handoff) point at the entry
        locator.route(toPointer(['steps', id, 'transitions', index]), coalitionSource, pointer);
        locator.route(toPointer(['steps', id, 'transitions', index, 'to']), coalitionSource, pointer);
        if (handoff === undefined) return { ...t, to: replacement };
        locator.route(toPointer(['steps', id, 'transitions', index, 'handoff']), coalitionSource, `${pointer}/handoff`);
        return { ...t, to: replacement, handoff };
      });
      result.steps[id] = { ...step, transitions };
    }
    if (users.has(result.initial)) {
      changes.push({ type: 'initial-retargeted', oldInitial: result.initial, newInitial: replacement, intervention, pointer });
      locator.route('/initial', coalitionSource, pointer);
      result.initial = replacement;
    }
    for (const id of users) {
      delete result.steps[id];
      changes.push({ type: 'step-removed', step: id, intervention, replacement, pointer });
    }
  }

  checkMenukaartNames(coalition, options, diagnostics);
  routeNotOffered(result.steps, coalition, work);
  result.coalition = coalitionRecord(coalition, work);
  const located = locateDiagnostics(diagnostics, coalitionSource);
  if (hasErrors(located)) return { ok: false, diagnostics: located };
  return { ok: true, value: { path: attachSource(result, locator), changes }, diagnostics: located };
}

/**
 * Applies a coalition over a path; throws a `ZorgpadenError` when it cannot be applied.
 * @example
 * const { path: local, changes } = applyCoalition(nationalPath, haarlem);
 */
export function applyCoalition(path: CarePath, coalition: Coalition, options: OverlayOptions = {}): CoalitionOverlay {
  const result = applyNow('applyCoalition', path, coalition, options);
  if (!result.ok) throw new ZorgpadenError(`Coalition "${coalition.id}" cannot be applied to path "${path.id}".`, result.diagnostics);
  return result.value;
}
