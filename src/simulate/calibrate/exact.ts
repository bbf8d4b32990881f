import type { CarePath, Condition, Target } from '../../model/index.js';
import { exactOutcomes, type ExactOutcomes } from '../markov.js';

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
