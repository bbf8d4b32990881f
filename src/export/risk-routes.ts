import type { CarePath, Condition, HandoffKind, Step } from '../model/index.js';
import { labelText, organisationOf } from '../model/index.js';
import type { ExportLang } from './condition-words.js';
import { organisationName } from './graph.js';

/** Who does a step: the step, its actor and the actor's organisation, in words. */
export interface RouteParty {
  step: string;
  stepLabel: string;
  actor?: string;
  actorLabel?: string;
  /** The organisation (a coalition's partner name once applied). */
  organisation?: string;
  /** The menukaart intervention the step delivers, when it names one. */
  intervention?: string;
}

/** One handoff on the way from signal to support. */
export interface RouteHandoff {
  from: string;
  to: string;
  /** `warm`, `cold`, or absent when the path does not say. */
  kind?: HandoffKind;
  /** The contact or desk that receives the client: the transition's, else the receiving actor's. */
  contact?: string;
  /** The receiving organisation. */
  receiver?: string;
  /** Days of delay the path gives the transition. */
  after?: number;
}

/** One way from a step that signals the risk to a step that supports it. */
export interface RiskLink {
  signal: RouteParty;
  support: RouteParty;
  /** The step ids in between, in order. */
  via: string[];
  /** Every change of organisation or marked handoff on the way. */
  handoffs: RouteHandoff[];
  /** Days of delay along the way (the sum of the transitions' `after`). */
  waitingDays: number;
}

/** The route of one risk factor: who signals it, who supports it, and how the client gets there. */
export interface RiskRoute {
  risk: string;
  label: string;
  signals: RouteParty[];
  supports: RouteParty[];
  links: RiskLink[];
  /** Signalling steps from which no supporting step is reachable. */
  unlinked: RouteParty[];
}

/** How many transitions a route from signal to support may take before it is not counted as one. */
export const MAX_ROUTE_STEPS = 12;

/**
 * Whether a condition can hold for a client whose only risk is `risk` (attributes and protective
 * factors as needed): a transition that only opens for other risks is not this risk's way.
 */
function openFor(condition: Condition | undefined, risk: string): boolean {
  if (!condition) return true;
  if (condition.hasRisk !== undefined) return condition.hasRisk === risk;
  if (condition.all !== undefined) return condition.all.every((c) => openFor(c, risk));
  if (condition.any !== undefined) return condition.any.some((c) => openFor(c, risk));
  if (condition.not !== undefined) return !(condition.not.hasRisk === risk);
  return true;
}

function party(path: CarePath, id: string, lang: ExportLang): RouteParty {
  const step = path.steps[id] as Step;
  const actor = step.actor !== undefined ? path.actors[step.actor] : undefined;
  const out: RouteParty = { step: id, stepLabel: labelText(step.label, lang) };
  if (step.intervention !== undefined) out.intervention = step.intervention;
  if (step.actor !== undefined) {
    out.actor = step.actor;
    out.actorLabel = actor ? labelText(actor.label, lang) : step.actor;
    out.organisation = organisationName(path, step.actor, lang);
  }
  return out;
}

/** The risk keys a path signals or supports, in the order of its `risks` labels, then first use. */
export function risksOfRoutes(path: CarePath): string[] {
  const seen = new Set<string>(Object.keys(path.risks ?? {}));
  for (const step of Object.values(path.steps)) for (const r of [...(step.signals ?? []), ...(step.addresses ?? [])]) seen.add(r);
  return [...seen].filter((r) => Object.values(path.steps).some((s) => s.signals?.includes(r) || s.addresses?.includes(r)));
}

/**
 * The route of each risk factor through a path, as a collaboration document reads it: the steps
 * that signal it, the steps that support it, and for each signal the shortest way (at most
 * `MAX_ROUTE_STEPS` transitions within the signal's phase, skipping transitions that only open
 * for other risks) to each
 * supporting step, with the handoffs, contacts and delays on the way.
 */
export function riskRoutes(path: CarePath, lang: ExportLang = 'nl', only?: readonly string[]): RiskRoute[] {
  const ids = Object.keys(path.steps);
  const risks = only ?? risksOfRoutes(path);
  return risks.map((risk) => {
    const signals = ids.filter((id) => path.steps[id]!.signals?.includes(risk));
    const supports = ids.filter((id) => path.steps[id]!.addresses?.includes(risk));
    const links: RiskLink[] = [];
    const unlinked: RouteParty[] = [];
    for (const start of signals) {
      const found = shortestRoutes(path, start, risk);
      if (found.length === 0) unlinked.push(party(path, start, lang));
      for (const route of found) links.push(link(path, route, lang));
    }
    const label = path.risks?.[risk] ? labelText(path.risks[risk].label, lang) : risk;
    return { risk, label, signals: signals.map((id) => party(path, id, lang)), supports: supports.map((id) => party(path, id, lang)), links, unlinked };
  });
}

interface Hop {
  step: string;
  /** The transition index taken from the previous step (absent for the start). */
  previous?: { step: string; index: number };
}

/** Breadth-first from a signalling step: the shortest route to each supporting step, not going past one. */
function shortestRoutes(path: CarePath, start: string, risk: string): { step: string; index: number }[][] {
  const reached = new Map<string, Hop>([[start, { step: start }]]);
  const routes: { step: string; index: number }[][] = [];
  let frontier = [start];
  const phase = path.steps[start]!.phase;
  // the signalling step itself may already support the risk
  if (path.steps[start]!.addresses?.includes(risk)) return [[]];
  for (let depth = 0; depth < MAX_ROUTE_STEPS && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      path.steps[id]!.transitions.forEach((t, index) => {
        // a route stays in the phase of its signal: a later phase is a new chapter, not a handoff
        if (reached.has(t.to) || !path.steps[t.to] || path.steps[t.to]!.phase !== phase || !openFor(t.when, risk)) return;
        reached.set(t.to, { step: t.to, previous: { step: id, index } });
        if (path.steps[t.to]!.addresses?.includes(risk)) routes.push(trail(reached, t.to));
        else next.push(t.to);
      });
    }
    frontier = next;
  }
  return routes;
}

function trail(reached: Map<string, Hop>, end: string): { step: string; index: number }[] {
  const out: { step: string; index: number }[] = [];
  let hop = reached.get(end);
  while (hop?.previous) {
    out.unshift(hop.previous);
    hop = reached.get(hop.previous.step);
  }
  return out;
}

function link(path: CarePath, route: { step: string; index: number }[], lang: ExportLang): RiskLink {
  const first = route[0]?.step;
  const lastHop = route[route.length - 1];
  const start = first ?? '';
  const end = lastHop ? path.steps[lastHop.step]!.transitions[lastHop.index]!.to : start;
  const handoffs: RouteHandoff[] = [];
  let waitingDays = 0;
  for (const { step, index } of route) {
    const from = path.steps[step] as Step;
    const t = from.transitions[index]!;
    const to = path.steps[t.to] as Step;
    waitingDays += t.after ?? 0;
    const receiverActor = t.receiver ?? from.receiver ?? to.actor;
    const fromOrg = from.actor !== undefined ? organisationOf(from.actor, path.actors[from.actor]) : undefined;
    const toOrg = receiverActor !== undefined ? organisationOf(receiverActor, path.actors[receiverActor]) : undefined;
    if (t.handoff === undefined && (fromOrg === toOrg || toOrg === undefined || fromOrg === undefined)) continue;
    const actor = receiverActor !== undefined ? path.actors[receiverActor] : undefined;
    const handoff: RouteHandoff = { from: step, to: t.to };
    if (t.handoff) handoff.kind = t.handoff;
    const contact = t.contact ?? actor?.contact;
    if (contact !== undefined) handoff.contact = contact;
    if (actor && receiverActor !== undefined) handoff.receiver = organisationName(path, receiverActor, lang);
    if (t.after) handoff.after = t.after;
    handoffs.push(handoff);
  }
  return { signal: party(path, start || end, lang), support: party(path, end, lang), via: route.slice(1).map((h) => h.step), handoffs, waitingDays };
}
