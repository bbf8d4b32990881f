import { CONCEPTION_DAY, toDay, type Phase, type Step } from '../model/index.js';

/** Gestational week 0 (the last menstrual period) and 45 (the latest a pregnancy lasts), in days relative to birth. */
const GW0_DAY = -280;
const GW45_DAY = 35;

/**
 * The days a step of each phase can take place on, generously: preconception ends at conception,
 * a pregnancy runs from gestational week 0 to 45 (a birth may be late), and after the birth any day counts.
 */
export const PHASE_DAYS: Record<Phase, { from: number; to: number }> = {
  preconception: { from: -Infinity, to: CONCEPTION_DAY },
  pregnancy: { from: GW0_DAY, to: GW45_DAY },
  postpartum: { from: 0, to: Infinity },
};

/** Whether a step's window lies wholly before or after its phase; undefined when it overlaps the phase or is open. */
export function windowOutsidePhase(step: Pick<Step, 'phase' | 'window'>): 'before' | 'after' | undefined {
  const window = step.window;
  if (!window || !Object.hasOwn(PHASE_DAYS, step.phase)) return undefined;
  const phase = PHASE_DAYS[step.phase];
  if (window.to && toDay(window.to) < phase.from) return 'before';
  if (window.from && toDay(window.from) > phase.to) return 'after';
  return undefined;
}
