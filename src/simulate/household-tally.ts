import type { HouseholdTable } from './household-table.js';

/**
 * The integer counts of a household run over a slice of the cohort. Every field is a sum over
 * households, so slices run apart merge by addition into exactly the counts of one run.
 */
export interface HouseholdTally {
  households: number;
  /** Per step: visits (a child step once per child), households that visited it, endings there. */
  visits: Float64Array;
  householdsAt: Float64Array;
  outcomes: Float64Array;
  stuck: Float64Array;
  waiting: Float64Array;
  limit: Float64Array;
  /** Per transition: times taken. */
  transitions: Float64Array;
  /** Per track: instances started, households where it ran, and days from start to end summed over instances. */
  trackInstances: Float64Array;
  trackHouseholds: Float64Array;
  trackDays: Float64Array;
  /** Households with a birth, children born, births with twins. */
  births: Float64Array;
  /** Per risk: present, signalled, addressed, neverSignalled, signalledNotAddressed, addressedUnsignalled (R × 6). */
  risks: Float64Array;
  /** Per risk: histogram of days from the first signal to the first support after it. */
  supportWait: Float64Array[];
  /** Transfers of responsibility by mark (none, warm, cold), referrals made by mark, then accepted and started. */
  transfers: Float64Array;
  referrals: Float64Array;
}

/** The columns of `risks` in a tally. */
export const RISK_COLUMNS = ['present', 'signalled', 'addressed', 'neverSignalled', 'signalledNotAddressed', 'addressedUnsignalled'] as const;

/** An empty tally for a household table. */
export function createHouseholdTally(table: HouseholdTable): HouseholdTally {
  const S = table.base.stepIds.length;
  const T = table.base.target.length;
  const K = table.tracks.length;
  const R = table.base.space.risks.length;
  return {
    households: 0,
    visits: new Float64Array(S),
    householdsAt: new Float64Array(S),
    outcomes: new Float64Array(S),
    stuck: new Float64Array(S),
    waiting: new Float64Array(S),
    limit: new Float64Array(S),
    transitions: new Float64Array(T),
    trackInstances: new Float64Array(K),
    trackHouseholds: new Float64Array(K),
    trackDays: new Float64Array(K),
    births: new Float64Array(3),
    risks: new Float64Array(R * RISK_COLUMNS.length),
    supportWait: Array.from({ length: R }, () => new Float64Array(16)),
    transfers: new Float64Array(3),
    referrals: new Float64Array(5),
  };
}

const ARRAYS = ['visits', 'householdsAt', 'outcomes', 'stuck', 'waiting', 'limit', 'transitions', 'trackInstances', 'trackHouseholds', 'trackDays', 'births', 'risks', 'transfers', 'referrals'] as const;

function added(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(a.length, b.length));
  for (let i = 0; i < a.length; i++) out[i] = a[i]!;
  for (let i = 0; i < b.length; i++) out[i] = out[i]! + b[i]!;
  return out;
}

/** Adds two tallies of the same table. */
export function mergeHouseholdTallies(a: HouseholdTally, b: HouseholdTally): HouseholdTally {
  const out = { ...a, households: a.households + b.households };
  for (const key of ARRAYS) out[key] = added(a[key], b[key]);
  out.supportWait = a.supportWait.map((h, r) => added(h, b.supportWait[r]!));
  return out;
}

/** Counts one observation in a growable histogram; returns the (possibly new) histogram. */
export function countInto(histogram: Float64Array, index: number): Float64Array {
  let h = histogram;
  if (index >= h.length) {
    let size = h.length;
    while (size <= index) size *= 2;
    h = new Float64Array(size);
    h.set(histogram);
  }
  h[index]!++;
  return h;
}
