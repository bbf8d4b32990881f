import { argumentError } from '../../diagnostics/index.js';
import { requireCarePath, type CarePath } from '../../model/index.js';
import { historyOf, type CoverageInput } from './coverage-input.js';

export type { CoverageInput } from './coverage-input.js';

/** A transition, named by its step, its index in that step's transitions, and its target. */
export interface TransitionRef {
  from: string;
  index: number;
  to: string;
}

/** How much of a path a set of journeys visited, and what they missed. */
export interface CoverageReport {
  steps: { covered: number; total: number; ratio: number; missed: string[] };
  transitions: { covered: number; total: number; ratio: number; missed: TransitionRef[] };
}


const ratio = (covered: number, total: number) => (total === 0 ? 1 : covered / total);

/**
 * Step and transition coverage of a path by journeys (from `createJourney`, their histories,
 * saved journeys, or the test paths of `testPaths`, which are replayed): counts and ratios, and the steps and transitions never visited.
 *
 * @example
 * const report = coverage(path, journeys);
 * expect(report).toCoverAllTransitions(); // with coverageMatchers
 */
export function coverage(path: CarePath, journeys: Iterable<CoverageInput>): CoverageReport {
  requireCarePath('coverage', 'path', path);
  if (journeys === null || typeof (journeys as Partial<Iterable<CoverageInput>>)[Symbol.iterator] !== 'function') {
    throw argumentError('coverage', 'journeys', { en: 'a list (or other iterable) of journeys', nl: 'een lijst (of ander doorloopbaar object) van routes' }, journeys);
  }
  const steps = new Set<string>();
  const transitions = new Set<string>();
  let index = 0;
  for (const journey of journeys) {
    for (const entry of historyOf(path, journey, index++)) {
      if (entry.removed || !Object.hasOwn(path.steps, entry.step)) continue;
      steps.add(entry.step);
      if (entry.from === undefined || entry.index === undefined) continue;
      // count a transition only when it still leads where the entry went
      if (path.steps[entry.from]?.transitions[entry.index]?.to === entry.step) transitions.add(`${entry.from}\u0000${entry.index}`);
    }
  }
  const allSteps = Object.keys(path.steps);
  const allTransitions = allSteps.flatMap((from) => path.steps[from]!.transitions.map((t, index): TransitionRef => ({ from, index, to: t.to })));
  const missedTransitions = allTransitions.filter((t) => !transitions.has(`${t.from}\u0000${t.index}`));
  return {
    steps: { covered: steps.size, total: allSteps.length, ratio: ratio(steps.size, allSteps.length), missed: allSteps.filter((s) => !steps.has(s)) },
    transitions: {
      covered: allTransitions.length - missedTransitions.length,
      total: allTransitions.length,
      ratio: ratio(allTransitions.length - missedTransitions.length, allTransitions.length),
      missed: missedTransitions,
    },
  };
}
