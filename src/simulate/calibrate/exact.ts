import type { CarePath, Condition, CountSelector, Population, Target } from '../../model/index.js';
import type { ClientSpace, CompiledClient } from '../client.js';
import { exactOutcomes, type ExactOutcomes } from '../markov.js';
import { outcomeWhere, profileChain, reachWhere, shareWhere, type NoChain, type ProfileChain } from '../markov-profiles.js';

/**
 * Whether a path sends every client the same way: no transition has a condition, so a journey's
 * chances do not depend on who walks it. (A menukaart's target groups only say who is eligible;
 * they do not route.)
 */
export function treatsEveryClientAlike(path: CarePath): boolean {
  return Object.values(path.steps).every((step) => step.transitions.every((t) => (t.when as Condition | undefined) === undefined));
}

/**
 * Whether a target can be computed exactly: it counts the journeys that reach (or end in) one step,
 * over everyone. Its share is then one probability of the absorbing Markov chain.
 */
export function allowsExact(target: Target): boolean {
  const { numerator, denominator, unit } = target.measure;
  if ((unit ?? 'households') !== 'households') return false;
  if (denominator !== undefined && !('everyone' in denominator)) return false;
  return 'reached' in numerator || 'outcome' in numerator;
}

/**
 * The exact probabilities of a path that treats every client alike, or undefined when it does not,
 * when the chain is too large, or when journeys can go round without end (the simulator stops
 * those at its visit limit, which the chain does not model).
 */
export function exactForEveryone(path: CarePath): ExactOutcomes | undefined {
  if (!treatsEveryClientAlike(path)) return undefined;
  const exact = exactOutcomes(path, {});
  if (!exact.ok || exact.value.neverEnds > 0) return undefined;
  return exact.value;
}

/** The exact share of a target that allows it, from the chain's probabilities. */
export function exactShare(target: Target, exact: ExactOutcomes): number | undefined {
  if (!allowsExact(target)) return undefined;
  const { numerator } = target.measure;
  if ('reached' in numerator) return exact.reach[numerator.reached];
  if ('outcome' in numerator) return exact.outcomes[numerator.outcome] ?? 0;
  return undefined;
}

/** A selector as the exact engine reads it: a test of who the client is, and at most one event of the journey. */
interface ExactForm {
  test: (client: CompiledClient, space: ClientSpace) => boolean;
  risks: string[];
  event?: { kind: 'reached' | 'outcome' | 'notReached'; step: string };
}

const sameEvent = (a: ExactForm['event'], b: ExactForm['event']) => a === undefined || b === undefined || (a.kind === b.kind && a.step === b.step);

function both(parts: readonly ExactForm[]): ExactForm | undefined {
  const events = parts.flatMap((p) => (p.event ? [p.event] : []));
  // the chance of two journey events together is not a product of the chain's per-step figures
  if (!events.every((e) => sameEvent(e, events[0]))) return undefined;
  return { test: (c, space) => parts.every((p) => p.test(c, space)), risks: parts.flatMap((p) => p.risks), ...(events[0] ? { event: events[0] } : {}) };
}

/** How the exact engine computes a selector, or undefined when it cannot (unmet needs, births, or several journey events). */
function formOf(selector: CountSelector): ExactForm | undefined {
  if ('everyone' in selector) return { test: () => true, risks: [] };
  if ('hasRisk' in selector) {
    const key = selector.hasRisk;
    return { test: (c, space) => c.risks[space.riskIndex.get(key) ?? -1] === 1, risks: [key] };
  }
  if ('reached' in selector) return { test: () => true, risks: [], event: { kind: 'reached', step: selector.reached } };
  if ('outcome' in selector) return { test: () => true, risks: [], event: { kind: 'outcome', step: selector.outcome } };
  if ('not' in selector) {
    const inner = formOf(selector.not);
    if (!inner) return undefined;
    if (!inner.event) return { test: (c, space) => !inner.test(c, space), risks: inner.risks };
    // "never reached X" of everyone is one minus the reach; anything more is not one event
    if (inner.event.kind === 'reached' && inner.risks.length === 0) return { test: () => true, risks: [], event: { kind: 'notReached', step: inner.event.step } };
    return undefined;
  }
  if ('all' in selector) {
    const parts = selector.all.map(formOf);
    return parts.every((p) => p !== undefined) ? both(parts as ExactForm[]) : undefined;
  }
  if ('any' in selector) {
    const parts = selector.any.map(formOf);
    if (!parts.every((p) => p !== undefined && p.event === undefined)) return undefined;
    return { test: (c, space) => parts.some((p) => p!.test(c, space)), risks: parts.flatMap((p) => p!.risks) };
  }
  return undefined;
}

/** A target the exact engine can compute: the forms of its numerator-and-denominator and of its denominator. */
export interface ExactTarget {
  key: string;
  joint: ExactForm;
  denominator: ExactForm;
}

/** The targets (over households) the exact engine can compute, in their forms. */
export function exactTargets(targets: readonly { key: string; target: Target }[]): ExactTarget[] {
  return targets.flatMap(({ key, target }) => {
    if ((target.measure.unit ?? 'households') !== 'households') return [];
    const numerator = formOf(target.measure.numerator);
    const denominator = formOf(target.measure.denominator ?? { everyone: true });
    const joint = numerator && denominator ? both([numerator, denominator]) : undefined;
    return joint && denominator ? [{ key, joint, denominator }] : [];
  });
}

function chanceOf(form: ExactForm, chain: ProfileChain): number | undefined {
  const filter = (c: CompiledClient) => form.test(c, chain.space);
  if (!form.event) return shareWhere(chain, filter);
  const s = chain.table.stepIds.indexOf(form.event.step);
  if (s < 0) return undefined;
  if (form.event.kind === 'reached') return reachWhere(chain, s, filter);
  if (form.event.kind === 'notReached') return shareWhere(chain, filter) - reachWhere(chain, s, filter);
  return outcomeWhere(chain, s, filter);
}

/** What the exact engine gave: the shares it computed, or why it fell back to simulation. */
export interface ExactResult {
  shares: Map<string, number>;
  /** Why no share was computed exactly: the chain's reason (see `profileChain`). */
  fallback?: NoChain;
}

/**
 * The exact shares of the targets that allow them, for clients drawn from the population: the
 * mixture over client profiles of the path's Markov chain. Falls back (no shares, with the reason)
 * when the chain has more than `maxStates` states or the path is outside what it models.
 */
export function exactTargetShares(path: CarePath, population: Population, targets: readonly ExactTarget[], maxStates: number): ExactResult {
  if (targets.length === 0) return { shares: new Map() };
  const risks = [...new Set(targets.flatMap((t) => [...t.joint.risks, ...t.denominator.risks]))];
  const chain = profileChain(path, population, { pinned: { risks }, maxStates });
  if (typeof chain === 'string') return { shares: new Map(), fallback: chain };
  const shares = new Map<string, number>();
  for (const t of targets) {
    const joint = chanceOf(t.joint, chain);
    const denominator = chanceOf(t.denominator, chain);
    // an empty denominator has no share; the count says so
    if (joint === undefined || denominator === undefined || !(denominator > 1e-12)) continue;
    shares.set(t.key, Math.min(1, Math.max(0, joint / denominator)));
  }
  return { shares };
}
