import { argumentError, attachSource, createDiagnostic, didYouMean, hasErrors, isRecord, locateDiagnostics, requireRecord, sourceOf, suggestionParams, toPointer, ZorgpadenError } from '../diagnostics/index.js';
import { HOUSEHOLD_CODES, HOUSEHOLD_SCHEMA_VERSION, type Coalition, type HouseholdPath, type HouseholdStep, type Result, type Track } from '../model/index.js';
import { requireCoalition } from './arguments.js';
import { OVERLAY_CODES } from './codes.js';
import { intoTrack } from './household-includes.js';
import { applyPartners, checkMenukaartNames, coalitionRecord, NO_SOURCE, replacementOf, routeNotOffered, type OverlayChange, type OverlayOptions, type OverlayWork } from './overlay-parts.js';
import { MappedLocator } from './source-map.js';

/** One change a coalition made to a household path: those of a version 1 path, and retargeted referrals. */
export type HouseholdOverlayChange =
  | OverlayChange
  | { type: 'referral-retargeted'; from: string; index: number; oldTo: string; newTo: string; intervention: string; pointer: string };

/** A household path with a coalition applied, and the list of what changed. */
export interface HouseholdCoalitionOverlay {
  path: HouseholdPath;
  changes: HouseholdOverlayChange[];
}

const HOUSEHOLD_PATH = { en: 'a household path (format version 2, as returned by loadHouseholdPath)', nl: 'een huishoudpad (formaatversie 2, zoals loadHouseholdPath dat geeft)' };

/**
 * Applies a coalition over a household path (format version 2): partners fill in actors, local
 * steps join the track they name, local transitions stay inside the track of the step they leave,
 * and each replaced intervention's steps are removed after every reference into them (transitions,
 * referrals, a track's `initial`) is retargeted to the local step, which must be in their track.
 * Every change is recorded; findings point into the coalition file.
 * @example
 * const result = safeApplyHouseholdCoalition(household, coalition);
 * if (result.ok) for (const change of result.value.changes) console.log(change.type);
 */
export function safeApplyHouseholdCoalition(path: HouseholdPath, coalition: Coalition, options: OverlayOptions = {}): Result<HouseholdCoalitionOverlay> {
  return applyNow('safeApplyHouseholdCoalition', path, coalition, options);
}

/**
 * Applies a coalition over a household path; throws a `ZorgpadenError` when it cannot be applied.
 * @example
 * const { path: local, changes } = applyHouseholdCoalition(household, coalition);
 */
export function applyHouseholdCoalition(path: HouseholdPath, coalition: Coalition, options: OverlayOptions = {}): HouseholdCoalitionOverlay {
  const result = applyNow('applyHouseholdCoalition', path, coalition, options);
  if (!result.ok) throw new ZorgpadenError(`Coalition "${coalition.id}" cannot be applied to household path "${path.id}".`, result.diagnostics);
  return result.value;
}

function applyNow(callee: string, path: HouseholdPath, coalition: Coalition, options: OverlayOptions): Result<HouseholdCoalitionOverlay> {
  if (!isRecord(path) || path.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION || !isRecord(path.steps) || !isRecord(path.tracks) || !isRecord(path.actors)) throw argumentError(callee, 'path', HOUSEHOLD_PATH, path);
  requireCoalition(callee, 'coalition', coalition);
  requireRecord(callee, 'options', options, { optional: true });
  options ??= {};
  const coalitionSource = sourceOf(coalition) ?? NO_SOURCE;
  const work: OverlayWork<HouseholdOverlayChange> = { diagnostics: [], changes: [], locator: new MappedLocator(sourceOf(path) ?? NO_SOURCE), coalitionSource };
  const result: HouseholdPath = { ...path, steps: { ...path.steps }, actors: { ...path.actors }, tracks: { ...path.tracks } };

  applyPartners(result.actors, coalition, work);
  addLocalSteps(result, coalition, work);
  addLocalTransitions(result, coalition, work);
  for (const [intervention, replacing] of Object.entries(coalition.replaces)) {
    if (replacing !== null) replace(result, intervention, replacing, work);
  }
  checkMenukaartNames(coalition, options, work.diagnostics);
  routeNotOffered(result.steps, coalition, work);
  result.coalition = coalitionRecord(coalition, work);

  const located = locateDiagnostics(work.diagnostics, coalitionSource);
  if (hasErrors(located)) return { ok: false, diagnostics: located };
  return { ok: true, value: { path: attachSource(result, work.locator), changes: work.changes }, diagnostics: located };
}

/** Local steps join the track they name (the only track when the path has one). */
function addLocalSteps(result: HouseholdPath, coalition: Coalition, work: OverlayWork<HouseholdOverlayChange>): void {
  const trackIds = Object.keys(result.tracks);
  for (const [id, step] of Object.entries(coalition.steps)) {
    const pointer = toPointer(['steps', id]);
    if (Object.hasOwn(result.steps, id)) {
      work.diagnostics.push(createDiagnostic(OVERLAY_CODES.localStepConflict, { step: id }, { pointer }));
      continue;
    }
    const { track: named, ...own } = step;
    const track = named ?? (trackIds.length === 1 ? trackIds[0] : undefined);
    if (track === undefined) {
      work.diagnostics.push(createDiagnostic(OVERLAY_CODES.localStepWithoutTrack, { step: id, tracks: trackIds.map((t) => `"${t}"`).join(', ') }, { pointer }));
      continue;
    }
    if (!Object.hasOwn(result.tracks, track)) {
      work.diagnostics.push(createDiagnostic(HOUSEHOLD_CODES.unknownTrack, { step: id, track, ...suggestionParams(didYouMean(track, trackIds), trackIds) }, { pointer: `${pointer}/track` }));
      continue;
    }
    result.steps[id] = intoTrack(own, track);
    work.locator.route(pointer, work.coalitionSource, pointer);
    work.changes.push({ type: 'step-added', step: id, pointer });
  }
}

// a coalition can add neither a referral to a step of the path nor a local step that refers, so
// the path's own advice ("write a referral in refers") does not apply here: it takes a change of the path
const LOCAL_CROSSING_HINT = {
  en: 'A transition stays inside its track, and a coalition cannot add a referral ("refers"): its local steps and transitions have none. Let the transition go to a step of track "{{fromTrack}}"; bringing in "{{to}}" (track "{{toTrack}}") takes a change of the path itself, a step of it that refers there.',
  nl: 'Een overgang blijft binnen het eigen spoor, en een coalitie kan geen verwijzing ("refers") toevoegen: haar lokale stappen en overgangen hebben er geen. Laat de overgang naar een stap van spoor "{{fromTrack}}" gaan; "{{to}}" (spoor "{{toTrack}}") inschakelen vraagt een wijziging van het pad zelf, een stap daarvan die ernaar verwijst.',
};

/** Local transitions join the step they leave from; one into another track is refused (that is a referral). */
function addLocalTransitions(result: HouseholdPath, coalition: Coalition, work: OverlayWork<HouseholdOverlayChange>): void {
  coalition.transitions.forEach(({ from, ...transition }, index) => {
    const pointer = toPointer(['transitions', index]);
    const step = result.steps[from];
    if (!step) {
      const stepIds = Object.keys(result.steps);
      work.diagnostics.push(createDiagnostic(OVERLAY_CODES.unknownLocalSource, { step: from, ...suggestionParams(didYouMean(from, stepIds), stepIds) }, { pointer: `${pointer}/from` }));
      return;
    }
    // an unknown target is left to the reference check of the result, which points here too
    const toTrack = Object.hasOwn(result.steps, transition.to) ? result.steps[transition.to]!.track : undefined;
    if (toTrack !== undefined && toTrack !== step.track) {
      work.diagnostics.push(createDiagnostic(HOUSEHOLD_CODES.transitionAcrossTracks, { from, fromTrack: step.track, to: transition.to, toTrack }, { pointer: `${pointer}/to` }, { hint: LOCAL_CROSSING_HINT }));
      return;
    }
    const at = step.transitions.length;
    result.steps[from] = { ...step, transitions: [...step.transitions, transition] };
    work.locator.route(toPointer(['steps', from, 'transitions', at]), work.coalitionSource, pointer);
    work.changes.push({ type: 'transition-added', from, to: transition.to, index: at, pointer });
  });
}

/**
 * Replaces the steps of an intervention by a local step of their track: every transition, referral
 * and track `initial` that leads into them is retargeted (with the entry's handoff, if it has one),
 * then they are removed. What was retargeted points at the `replaces` entry.
 */
function replace(result: HouseholdPath, intervention: string, replacing: Parameters<typeof replacementOf>[0], work: OverlayWork<HouseholdOverlayChange>): void {
  const { diagnostics, changes, locator, coalitionSource } = work;
  const pointer = toPointer(['replaces', intervention]);
  const { step: replacement, handoff } = replacementOf(replacing);
  const stepIds = Object.keys(result.steps);
  const users = new Set(stepIds.filter((id) => result.steps[id]!.intervention === intervention));
  if (!Object.hasOwn(result.steps, replacement) || users.has(replacement)) {
    const candidates = stepIds.filter((id) => !users.has(id));
    diagnostics.push(createDiagnostic(OVERLAY_CODES.unknownReplacement, { intervention, step: replacement, ...suggestionParams(didYouMean(replacement, candidates), candidates) }, { pointer }));
    return;
  }
  if (users.size === 0) {
    diagnostics.push(createDiagnostic(OVERLAY_CODES.replacementUnused, { intervention }, { pointer }));
    return;
  }
  const track = result.steps[replacement]!.track;
  const stray = [...users].find((id) => result.steps[id]!.track !== track);
  if (stray !== undefined) {
    diagnostics.push(createDiagnostic(OVERLAY_CODES.replacementOtherTrack, { intervention, step: replacement, track, replaced: stray, replacedTrack: result.steps[stray]!.track }, { pointer }));
    return;
  }
  const retarget = <T extends { to: string; handoff?: HouseholdStep['transitions'][number]['handoff'] }>(at: string, item: T): T => {
    // the retargeted reference is the coalition's: findings on it (a cold handoff) point at the entry
    locator.route(at, coalitionSource, pointer);
    locator.route(`${at}/to`, coalitionSource, pointer);
    if (handoff === undefined) return { ...item, to: replacement };
    locator.route(`${at}/handoff`, coalitionSource, `${pointer}/handoff`);
    return { ...item, to: replacement, handoff };
  };
  for (const [id, step] of Object.entries(result.steps)) {
    if (users.has(id)) continue;
    const intoUsers = step.transitions.some((t) => users.has(t.to)) || (step.refers ?? []).some((r) => users.has(r.to));
    if (!intoUsers) continue;
    const transitions = step.transitions.map((t, index) => {
      if (!users.has(t.to)) return t;
      changes.push({ type: 'transition-retargeted', from: id, index, oldTo: t.to, newTo: replacement, intervention, pointer });
      return retarget(toPointer(['steps', id, 'transitions', index]), t);
    });
    const refers = step.refers?.map((r, index) => {
      if (!users.has(r.to)) return r;
      changes.push({ type: 'referral-retargeted', from: id, index, oldTo: r.to, newTo: replacement, intervention, pointer });
      return retarget(toPointer(['steps', id, 'refers', index]), r);
    });
    result.steps[id] = { ...step, transitions, ...(refers !== undefined ? { refers } : {}) };
  }
  for (const [trackId, track] of Object.entries(result.tracks)) {
    if (track.initial === undefined || !users.has(track.initial)) continue;
    changes.push({ type: 'initial-retargeted', track: trackId, oldInitial: track.initial, newInitial: replacement, intervention, pointer });
    locator.route(toPointer(['tracks', trackId, 'initial']), coalitionSource, pointer);
    result.tracks[trackId] = { ...track, initial: replacement } satisfies Track;
  }
  for (const id of users) {
    delete result.steps[id];
    changes.push({ type: 'step-removed', step: id, intervention, replacement, pointer });
  }
}
