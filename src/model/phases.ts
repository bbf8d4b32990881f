import { AGE_TWO_DAY, CONCEPTION_DAY } from './days.js';

// no zod here: the machines and journeys use these without the schemas (phase.ts)

/** The three phases of the 1000 days, in order: the programme's three action lines. */
export const PHASES = ['preconception', 'pregnancy', 'postpartum'] as const;
/** A phase of the 1000 days. */
export type Phase = (typeof PHASES)[number];

/** The days each phase spans on the reference timeline (preconception: the year before conception). */
export const PHASE_RANGE: Record<Phase, { from: number; to: number }> = {
  preconception: { from: CONCEPTION_DAY - 365, to: CONCEPTION_DAY },
  pregnancy: { from: CONCEPTION_DAY, to: 0 },
  postpartum: { from: 0, to: AGE_TWO_DAY },
};

/** Position of a phase in the 1000 days (0, 1, 2). */
export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}
