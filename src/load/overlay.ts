import {
  attachSource,
  createDiagnostic,
  didYouMean,
  hasErrors,
  LOAD_CODES,
  locateDiagnostics,
  requireRecord,
  sourceOf,
  suggestionParams,
  toPointer,
  ZorgpadenError,
  type Diagnostic,
  type SourceLocator,
} from '../diagnostics/index.js';
import { requireCarePath, type Actor, type CarePath, type Coalition, type Intervention, type Menukaart, type Result } from '../model/index.js';
import { requireCoalition } from './arguments.js';
import { OVERLAY_CODES } from './codes.js';
import { MappedLocator } from './source-map.js';

/** One change a coalition made to a path; together they account for every difference. */
export type OverlayChange =
  | { type: 'actor-updated'; actor: string; fields: string[]; pointer: string }
  | { type: 'actor-added'; actor: string; pointer: string }
  | { type: 'step-added'; step: string; pointer: string }
  | { type: 'transition-added'; from: string; to: string; index: number; pointer: string }
  | { type: 'transition-retargeted'; from: string; index: number; oldTo: string; newTo: string; intervention: string; pointer: string }
  | { type: 'initial-retargeted'; oldInitial: string; newInitial: string; intervention: string; pointer: string }
  | { type: 'step-removed'; step: string; intervention: string; replacement: string; pointer: string };

/** A path with a coalition applied, and the list of what changed. */
export interface CoalitionOverlay {
  path: CarePath;
  changes: OverlayChange[];
}

/** What applying a coalition may check besides the path. */
export interface OverlayOptions {
  /** The menukaart (or its interventions); when given, `offers` and `replaces` must name its entries. */
  menukaart?: Menukaart | Readonly<Record<string, Intervention>>;
}

const NO_SOURCE: SourceLocator = { locate: (pointer) => ({ pointer }), textOf: () => undefined };

function interventionsOf(menukaart: OverlayOptions['menukaart']): Readonly<Record<string, Intervention>> | undefined {
  if (!menukaart) return undefined;
  return 'kind' in menukaart && menukaart.kind === 'menukaart' ? (menukaart as Menukaart).interventions : (menukaart as Record<string, Intervention>);
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
  const diagnostics: Diagnostic[] = [];
  const changes: OverlayChange[] = [];
  const coalitionSource = sourceOf(coalition) ?? NO_SOURCE;
  const locator = new MappedLocator(sourceOf(path) ?? NO_SOURCE);
  const result: CarePath = { ...path, steps: { ...path.steps }, actors: { ...path.actors } };
  const stepIds = () => Object.keys(result.steps);

  for (const [key, partner] of Object.entries(coalition.partners)) {
    const pointer = toPointer(['partners', key]);
    const existing = result.actors[key];
    if (existing) {
      const updated: Actor = { ...existing, organisation: partner.organisation };
      const fields = ['organisation'];
      if (partner.contact !== undefined) {
        updated.contact = partner.contact;
        fields.push('contact');
      }
      for (const field of fields) locator.route(toPointer(['actors', key, field]), coalitionSource, toPointer(['partners', key, field]));
      result.actors[key] = updated;
      changes.push({ type: 'actor-updated', actor: key, fields, pointer });
    } else if (partner.label && partner.domain) {
      const { label, domain, organisation, contact, source } = partner;
      result.actors[key] = { label, domain, organisation, ...(contact !== undefined ? { contact } : {}), ...(source !== undefined ? { source } : {}) };
      locator.route(toPointer(['actors', key]), coalitionSource, pointer);
      changes.push({ type: 'actor-added', actor: key, pointer });
    } else {
      const absent = [partner.label ? undefined : '"label"', partner.domain ? undefined : '"domain"'].filter(Boolean);
      const known = Object.keys(path.actors);
      const params = { actor: key, missing: absent.join(' and '), missingNl: absent.join(' en '), ...suggestionParams(didYouMean(key, known), known) };
      diagnostics.push(createDiagnostic(OVERLAY_CODES.partnerIncomplete, params, { pointer }));
    }
  }

  for (const [id, step] of Object.entries(coalition.steps)) {
    const pointer = toPointer(['steps', id]);
    if (Object.hasOwn(result.steps, id)) {
      diagnostics.push(createDiagnostic(OVERLAY_CODES.localStepConflict, { step: id }, { pointer }));
      continue;
    }
    result.steps[id] = step;
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
    const replacement = typeof replacing === 'string' ? replacing : replacing.step;
    const handoff = typeof replacing === 'string' ? undefined : replacing.handoff;
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

  const interventions = interventionsOf(options.menukaart);
  if (interventions) {
    const known = Object.keys(interventions);
    const check = (name: string, pointer: string) => {
      if (!Object.hasOwn(interventions, name)) {
        diagnostics.push(createDiagnostic(LOAD_CODES.unknownIntervention, { intervention: name, ...suggestionParams(didYouMean(name, known), known) }, { pointer }));
      }
    };
    coalition.offers.forEach((name, index) => check(name, toPointer(['offers', index])));
    for (const name of Object.keys(coalition.replaces)) check(name, toPointer(['replaces', name]));
  }

  routeNotOffered(result, coalition, locator, coalitionSource);
  const replaced = Object.fromEntries(Object.entries(coalition.replaces).map(([k, v]) => [k, v === null || typeof v === 'string' ? v : v.step]));
  result.coalition = { id: coalition.id, municipality: coalition.municipality, offers: [...coalition.offers], replaced };
  locator.route('/coalition', coalitionSource, '');
  locator.route('/coalition/replaced', coalitionSource, '/replaces');
  const located = locateDiagnostics(diagnostics, coalitionSource);
  if (hasErrors(located)) return { ok: false, diagnostics: located };
  return { ok: true, value: { path: attachSource(result, locator), changes }, diagnostics: located };
}

/**
 * A transition into a step whose intervention the coalition does not offer is a finding the coalition
 * caused: it points at the coalition's `replaces` entry for the intervention, or else at its `offers`.
 */
function routeNotOffered(path: CarePath, coalition: Coalition, locator: MappedLocator, coalitionSource: SourceLocator): void {
  const offered = new Set(coalition.offers);
  for (const [id, step] of Object.entries(path.steps)) {
    step.transitions.forEach((t, index) => {
      const intervention = path.steps[t.to]?.intervention;
      if (intervention === undefined || offered.has(intervention)) return;
      const entry = Object.hasOwn(coalition.replaces, intervention) ? toPointer(['replaces', intervention]) : '/offers';
      locator.route(toPointer(['steps', id, 'transitions', index, 'to']), coalitionSource, entry);
    });
  }
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
