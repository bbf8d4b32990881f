import { createDiagnostic, didYouMean, LOAD_CODES, suggestionParams, toPointer, type Diagnostic, type SourceLocator } from '../diagnostics/index.js';
import type { Actor, Coalition, CoalitionInfo, Intervention, Menukaart, Replacement } from '../model/index.js';
import { OVERLAY_CODES } from './codes.js';
import type { MappedLocator } from './source-map.js';

/*
 * The parts of applying a coalition that do not depend on the path's format: partners, the
 * menukaart names, the replacement entries and the `coalition` record. A version 1 path
 * (overlay.ts) and a household path (household-overlay.ts) share them.
 */

/** One change a coalition made to a path; together they account for every difference. */
export type OverlayChange =
  | { type: 'actor-updated'; actor: string; fields: string[]; pointer: string }
  | { type: 'actor-added'; actor: string; pointer: string }
  | { type: 'step-added'; step: string; pointer: string }
  | { type: 'transition-added'; from: string; to: string; index: number; pointer: string }
  | { type: 'transition-retargeted'; from: string; index: number; oldTo: string; newTo: string; intervention: string; pointer: string }
  /** `track` is set on a household path, where every track has an initial step of its own. */
  | { type: 'initial-retargeted'; oldInitial: string; newInitial: string; intervention: string; pointer: string; track?: string }
  | { type: 'step-removed'; step: string; intervention: string; replacement: string; pointer: string };

/** What applying a coalition may check besides the path. */
export interface OverlayOptions {
  /** The menukaart (or its interventions); when given, `offers` and `replaces` must name its entries. */
  menukaart?: Menukaart | Readonly<Record<string, Intervention>>;
}

/** Where an overlay records what it found and changed, and where its findings point. */
export interface OverlayWork<Change> {
  diagnostics: Diagnostic[];
  changes: Change[];
  /** The locator of the result: the path's, with what the coalition wrote routed into the coalition file. */
  locator: MappedLocator;
  /** The coalition file's locator. */
  coalitionSource: SourceLocator;
}

/** The locator of a document read without one: pointers only. */
export const NO_SOURCE: SourceLocator = { locate: (pointer) => ({ pointer }), textOf: () => undefined };

/** Partners fill in the actors of the path (`actors` is changed in place) or add new ones. */
export function applyPartners<Change>(actors: Record<string, Actor>, coalition: Coalition, work: OverlayWork<Change | OverlayChange>): void {
  const known = Object.keys(actors);
  const { locator, coalitionSource } = work;
  for (const [key, partner] of Object.entries(coalition.partners)) {
    const pointer = toPointer(['partners', key]);
    const existing = actors[key];
    if (existing) {
      const updated: Actor = { ...existing, organisation: partner.organisation };
      const fields = ['organisation'];
      if (partner.contact !== undefined) {
        updated.contact = partner.contact;
        fields.push('contact');
      }
      for (const field of fields) locator.route(toPointer(['actors', key, field]), coalitionSource, toPointer(['partners', key, field]));
      actors[key] = updated;
      work.changes.push({ type: 'actor-updated', actor: key, fields, pointer });
    } else if (partner.label && partner.domain) {
      const { label, domain, organisation, contact, source } = partner;
      actors[key] = { label, domain, organisation, ...(contact !== undefined ? { contact } : {}), ...(source !== undefined ? { source } : {}) };
      locator.route(toPointer(['actors', key]), coalitionSource, pointer);
      work.changes.push({ type: 'actor-added', actor: key, pointer });
    } else {
      const absent = [partner.label ? undefined : '"label"', partner.domain ? undefined : '"domain"'].filter(Boolean);
      const params = { actor: key, missing: absent.join(' and '), missingNl: absent.join(' en '), ...suggestionParams(didYouMean(key, known), known) };
      work.diagnostics.push(createDiagnostic(OVERLAY_CODES.partnerIncomplete, params, { pointer }));
    }
  }
}

/** The local step of a `replaces` entry, and the handoff it sets (undefined: left as it is). */
export function replacementOf(replacing: string | Replacement): { step: string; handoff: Replacement['handoff'] } {
  return typeof replacing === 'string' ? { step: replacing, handoff: undefined } : { step: replacing.step, handoff: replacing.handoff };
}

function interventionsOf(menukaart: OverlayOptions['menukaart']): Readonly<Record<string, Intervention>> | undefined {
  if (!menukaart) return undefined;
  return 'kind' in menukaart && menukaart.kind === 'menukaart' ? (menukaart as Menukaart).interventions : (menukaart as Record<string, Intervention>);
}

/** With a menukaart, the names in `offers` and `replaces` must be its entries (`unknown-intervention`). */
export function checkMenukaartNames(coalition: Coalition, options: OverlayOptions, diagnostics: Diagnostic[]): void {
  const interventions = interventionsOf(options.menukaart);
  if (!interventions) return;
  const known = Object.keys(interventions);
  const check = (name: string, pointer: string) => {
    if (!Object.hasOwn(interventions, name)) {
      diagnostics.push(createDiagnostic(LOAD_CODES.unknownIntervention, { intervention: name, ...suggestionParams(didYouMean(name, known), known) }, { pointer }));
    }
  };
  coalition.offers.forEach((name, index) => check(name, toPointer(['offers', index])));
  for (const name of Object.keys(coalition.replaces)) check(name, toPointer(['replaces', name]));
}

/** The `coalition` record of the result (what it offers and replaced), routed to the coalition file. */
export function coalitionRecord(coalition: Coalition, work: Pick<OverlayWork<unknown>, 'locator' | 'coalitionSource'>): CoalitionInfo {
  const replaced = Object.fromEntries(Object.entries(coalition.replaces).map(([k, v]) => [k, v === null ? null : replacementOf(v).step]));
  work.locator.route('/coalition', work.coalitionSource, '');
  work.locator.route('/coalition/replaced', work.coalitionSource, '/replaces');
  return { id: coalition.id, municipality: coalition.municipality, offers: [...coalition.offers], replaced };
}

/** The parts of a step that lead elsewhere: transitions, and on a household path referrals. */
interface Leading {
  intervention?: string | undefined;
  transitions: readonly { to: string }[];
  refers?: readonly { to: string }[] | undefined;
}

/**
 * A transition (or referral) into a step whose intervention the coalition does not offer is a finding
 * the coalition caused: it points at the coalition's `replaces` entry for the intervention, or else at its `offers`.
 */
export function routeNotOffered(steps: Readonly<Record<string, Leading>>, coalition: Coalition, work: Pick<OverlayWork<unknown>, 'locator' | 'coalitionSource'>): void {
  const offered = new Set(coalition.offers);
  const route = (at: (string | number)[], to: string) => {
    const intervention = Object.hasOwn(steps, to) ? steps[to]!.intervention : undefined;
    if (intervention === undefined || offered.has(intervention)) return;
    const entry = Object.hasOwn(coalition.replaces, intervention) ? toPointer(['replaces', intervention]) : '/offers';
    work.locator.route(toPointer([...at, 'to']), work.coalitionSource, entry);
  };
  for (const [id, step] of Object.entries(steps)) {
    step.transitions.forEach((t, index) => route(['steps', id, 'transitions', index], t.to));
    step.refers?.forEach((r, index) => route(['steps', id, 'refers', index], r.to));
  }
}
