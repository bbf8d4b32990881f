import { wilsonInterval } from './calibrate/interval.js';
import type { HouseholdSimulationResult } from './household-result.js';
import type { FigureUncertainty } from './uncertainty.js';

/**
 * The Monte-Carlo error of the shares of a household simulation. Households are drawn and walked
 * independently, so a count of households is binomial: every share over households gets the 95%
 * Wilson score interval of its count (it stays inside 0–100% and keeps its coverage for shares
 * near 0 or 1, where estimate ± 1.96·se does not).
 */
export interface HouseholdUncertainty {
  /** How the intervals are computed. */
  method: 'wilson';
  /** Households simulated: the denominator of the shares over the cohort. */
  households: number;
  /** Per risk (only risks some household had): shares of the cohort, and `fallsThrough` of the households with the risk. */
  risks: Record<
    string,
    {
      present: FigureUncertainty;
      signalled: FigureUncertainty;
      addressed: FigureUncertainty;
      neverSignalled: FigureUncertainty;
      signalledNotAddressed: FigureUncertainty;
      /** Of the households with the risk: never signalled, or signalled without follow-up. */
      fallsThrough: FigureUncertainty;
    }
  >;
  /** Per step: the share of the households that visited it. */
  visited: Record<string, FigureUncertainty>;
  /** Per track: the share of the households where it ran. */
  tracks: Record<string, FigureUncertainty>;
  /** Households with a birth (of the cohort), and births that brought twins (of the households with a birth). */
  births: { households: FigureUncertainty; multiple: FigureUncertainty | null };
}

// the rule of `batchUncertainty` (uncertainty.ts): an interval is too wide to use when its
// half-width exceeds both a quarter of the figure and one percentage point
const SHARE_FLOOR = 0.01;

/** A share of `count` out of `n` independent households with its 95% Wilson interval; null when `n` is 0. */
export function householdShare(count: number, n: number): FigureUncertainty | null {
  const interval = wilsonInterval(count, n);
  if (interval === null) return null;
  const estimate = count / n;
  // at none and at all of them the formula gives its bound up to a rounding error: keep the exact bound
  if (count === 0) interval[0] = 0;
  if (count === n) interval[1] = 1;
  const half = (interval[1] - interval[0]) / 2;
  return { estimate, se: Math.sqrt((estimate * (1 - estimate)) / n), interval, tooWide: half > SHARE_FLOOR && half > estimate / 4 };
}

/** The 95% interval of every share of a household simulation (shares over households; counts of visits and means per household have none). */
export function householdUncertainty(result: HouseholdSimulationResult): HouseholdUncertainty {
  const n = result.cohort;
  const ofCohort = (count: number) => householdShare(count, n)!;
  const risks: HouseholdUncertainty['risks'] = {};
  for (const [key, r] of Object.entries(result.risks)) {
    if (r.present === 0) continue;
    risks[key] = {
      present: ofCohort(r.present),
      signalled: ofCohort(r.signalled),
      addressed: ofCohort(r.addressed),
      neverSignalled: ofCohort(r.neverSignalled),
      signalledNotAddressed: ofCohort(r.signalledNotAddressed),
      // never signalled and signalled-not-addressed exclude each other: one count over the households with the risk
      fallsThrough: householdShare(r.neverSignalled + r.signalledNotAddressed, r.present)!,
    };
  }
  const steps: Record<string, FigureUncertainty> = {};
  for (const [step, count] of Object.entries(result.households)) steps[step] = ofCohort(count);
  const tracks: Record<string, FigureUncertainty> = {};
  for (const [track, t] of Object.entries(result.tracks)) tracks[track] = ofCohort(t.households);
  return {
    method: 'wilson',
    households: n,
    risks,
    visited: steps,
    tracks,
    births: { households: ofCohort(result.births.households), multiple: householdShare(result.births.multiple, result.births.households) },
  };
}
