import type { HouseholdTable } from './household-table.js';
import { RISK_COLUMNS, type HouseholdTally } from './household-tally.js';

/** Days from the first signal of a risk to the first support for it after that signal. */
export interface SignalToSupport {
  n: number;
  median: number | null;
  p90: number | null;
}

/** What became of one risk over the households of a run. */
export interface RiskResult {
  /** Households where the risk is present (drawn from the population). */
  present: number;
  /** Households where it was signalled (always present: there are no false signals). */
  signalled: number;
  /** Households where it is present and a step addressing it was visited. */
  addressed: number;
  /** Present but never signalled: the missed signals. */
  neverSignalled: number;
  /** Signalled but never addressed: signals without follow-up. */
  signalledNotAddressed: number;
  /** Present and addressed without having been signalled (universal care). */
  addressedUnsignalled: number;
  timeToSupport: SignalToSupport;
}

/** What `simulateHousehold` returns: exact integer counts over households, keys in path order. */
export interface HouseholdSimulationResult {
  /** What the run was: the path, the coalition applied over it (its id, when one was), the population, cohort and seed. */
  meta: { pathId: string; pathVersion: string; coalition?: string; populationId: string; cohort: number; seed: number };
  /** Households simulated. */
  cohort: number;
  /** Visits per step; a step of a child's track counts once per child. */
  visits: Record<string, number>;
  /** Households that visited each step. */
  households: Record<string, number>;
  /** Times each transition was taken, by step, in the step's transition order. */
  transitionCounts: Record<string, number[]>;
  /** Track instances that ended in each outcome step. */
  outcomes: Record<string, number>;
  /** Track instances that ended stuck in a step: nothing enabled and nothing to wait for (only steps with any). */
  stuck: Record<string, number>;
  /** Track instances still waiting for an event when the household's journey ended (only steps with any). */
  waiting: Record<string, number>;
  /** Track instances ended by the visit limit, by the step they were in (only steps with any). */
  limit: Record<string, number>;
  /** Per track: instances started (one per child for a child's track), households where it ran, and mean days from start to end per instance. */
  tracks: Record<string, { instances: number; households: number; days: { total: number; mean: number } }>;
  /** Households with a birth, children born, and births that brought twins. */
  births: { households: number; children: number; multiple: number };
  /** Per risk: present, signalled, addressed, and the two ways a family falls through the chain. */
  risks: Record<string, RiskResult>;
  /** Handoffs as what they are: transfers of responsibility within a track, and referrals into another. */
  handoffs: {
    transfers: { warm: number; cold: number };
    referrals: { made: number; warm: number; cold: number; unmarked: number; accepted: number; started: number };
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function quantile(histogram: Float64Array, n: number, q: number): number | null {
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let cumulative = 0;
  for (let days = 0; days < histogram.length; days++) {
    cumulative += histogram[days]!;
    if (cumulative >= rank) return days;
  }
  return null;
}

/** Turns the merged tally of a whole cohort of households into the result. */
export function finalizeHouseholdResult(table: HouseholdTable, tally: HouseholdTally, meta: HouseholdSimulationResult['meta']): HouseholdSimulationResult {
  const { stepIds, first, outcome } = table.base;
  const perStep = (values: Float64Array, keep: (s: number) => boolean = () => true) => {
    const out: Record<string, number> = {};
    stepIds.forEach((id, s) => keep(s) && (out[id] = values[s]!));
    return out;
  };
  const transitionCounts: Record<string, number[]> = {};
  stepIds.forEach((id, s) => (transitionCounts[id] = Array.from(tally.transitions.subarray(first[s]!, first[s + 1]!))));
  const tracks: HouseholdSimulationResult['tracks'] = {};
  table.tracks.forEach((track, t) => {
    const instances = tally.trackInstances[t]!;
    tracks[track.id] = { instances, households: tally.trackHouseholds[t]!, days: { total: tally.trackDays[t]!, mean: ratio(tally.trackDays[t]!, instances) } };
  });
  const risks: Record<string, RiskResult> = {};
  table.base.space.risks.forEach((risk, r) => (risks[risk] = riskResultOf(tally.risks, r, tally.supportWait[r]!)));
  const [none, warm, cold, accepted, started] = Array.from(tally.referrals);
  return {
    meta,
    cohort: tally.households,
    visits: perStep(tally.visits),
    households: perStep(tally.householdsAt),
    transitionCounts,
    outcomes: perStep(tally.outcomes, (s) => outcome[s] === 1),
    stuck: perStep(tally.stuck, (s) => tally.stuck[s]! > 0),
    waiting: perStep(tally.waiting, (s) => tally.waiting[s]! > 0),
    limit: perStep(tally.limit, (s) => tally.limit[s]! > 0),
    tracks,
    births: { households: tally.births[0]!, children: tally.births[1]!, multiple: tally.births[2]! },
    risks,
    handoffs: {
      transfers: { warm: tally.transfers[1]!, cold: tally.transfers[2]! },
      referrals: { made: none! + warm! + cold!, warm: warm!, cold: cold!, unmarked: none!, accepted: accepted!, started: started! },
    },
  };
}

/** The counts of risk `r` in a tally's risk columns (`RISK_COLUMNS` per risk), with its days from signal to support. */
export function riskResultOf(columns: ArrayLike<number>, r: number, supportWait: Float64Array): RiskResult {
  const column = (name: (typeof RISK_COLUMNS)[number]) => columns[r * RISK_COLUMNS.length + RISK_COLUMNS.indexOf(name)]!;
  return {
    present: column('present'),
    signalled: column('signalled'),
    addressed: column('addressed'),
    neverSignalled: column('neverSignalled'),
    signalledNotAddressed: column('signalledNotAddressed'),
    addressedUnsignalled: column('addressedUnsignalled'),
    timeToSupport: signalToSupportOf(supportWait),
  };
}

/** Days from signal to support (count, median, p90) from a histogram of waits in days. */
export function signalToSupportOf(histogram: Float64Array): SignalToSupport {
  const n = histogram.reduce((a, b) => a + b, 0);
  return { n, median: quantile(histogram, n, 0.5), p90: quantile(histogram, n, 0.9) };
}
