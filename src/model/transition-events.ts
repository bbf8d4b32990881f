import type { Transition } from './transition.js';

// no zod here: the machines and journeys use these without the schemas (transition.ts)

/** How a client is handed from one organisation to another. */
export const HANDOFF_KINDS = ['warm', 'cold'] as const;

/** The event every transition without `on` is taken on. */
export const NEXT_EVENT = 'NEXT';

/** The event that takes a transition. */
export function eventOf(transition: Transition): string {
  return transition.on ?? NEXT_EVENT;
}

/** The simulation weight of a transition (1 when not given). */
export function weightOf(transition: Transition): number {
  return transition.weight ?? 1;
}
