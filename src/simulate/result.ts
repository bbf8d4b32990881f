import { argumentError, isRecord } from '../diagnostics/index.js';
import { PHASES, type Phase } from '../model/index.js';
import type { SimTable } from './table.js';
import type { Tally, TraceSteps } from './tally.js';

/** Reach of one intervention step. */
export interface InterventionReach {
  /** The menukaart entry the step delivers, when it names one. */
  intervention?: string;
  /** Clients who visited the step. */
  reached: number;
  /** Clients the intervention is for: its menukaart `targetGroup` holds, or they have a risk it addresses (everyone when neither is known). */
  eligible: number;
  /** Eligible clients who visited the step. */
  reachedEligible: number;
  /** reachedEligible / eligible (0 when nobody is eligible). */
  share: number;
}

/**
 * Compact traces: journey `i` visited `steps[offsets[i]]` … `steps[offsets[i + 1] - 1]` (indices
 * into `stepIds`, path order) on `days[…]` (days relative to birth, saturated to −32768…32767).
 * A visit takes one byte for the step (two above 255 steps, four above 65535) and two for the day.
 */
export interface SimulationTraces {
  stepIds: string[];
  offsets: Uint32Array;
  steps: TraceSteps;
  days: Int16Array;
}

/** What `simulate` returns: plain JSON of exact integer counts (traces aside), keys in path order. */
export interface SimulationResult {
  /**
   * What the run was: the path's id, version and content hash (`pathHash`) and the coalition applied
   * (null for none), so that a diagram overlay can tell whether the result belongs to a path.
   * `tuned` names the tuned values the path and population were simulated with (the CLI's
   * `simulate --overlay` and `report --tuned`): the overlay file, relative to the working folder,
   * the targets it was fitted to, and each value by its parameter key (or `<file>:<pointer>`).
   */
  meta: {
    pathId: string;
    pathVersion: string;
    pathHash?: string;
    coalition?: string | null;
    populationId: string;
    cohort: number;
    seed: number;
    tuned?: { file: string; targets?: string; values: Record<string, number> };
  };
  cohort: number;
  /** Visits per step (a client may visit a step more than once in a cycle). */
  visits: Record<string, number>;
  /** Distinct clients who visited each step. */
  clients: Record<string, number>;
  /** Times each transition was taken, by step, in the step's transition order. */
  transitionCounts: Record<string, number[]>;
  /** Journeys that ended in each outcome step. */
  outcomes: Record<string, number>;
  /** Journeys that ended stuck in a step: no transition enabled for them (drop-out points; only steps with any). */
  stuck: Record<string, number>;
  /** Journeys ended after the visit limit, by the step they were in (only steps with any). */
  limit: Record<string, number>;
  interventions: Record<string, InterventionReach>;
  /** Days from the first screening step that signals a risk the client has to the first later step addressing one of their risks. */
  timeToSupport: { n: number; median: number | null; p90: number | null };
  /** Per risk: clients with it, and those of them who never visited a step addressing it. */
  unmetNeed: Record<string, { withRisk: number; unmet: number; share: number }>;
  /** Days spent in steps of each phase (until the next step), in total and per client who entered the phase. */
  phaseDays: Record<Phase, { total: number; mean: number }>;
  /** Transitions taken that hand a client over: marked warm or cold, or unmarked (into a handoff step, or to another actor). */
  handoffs: { warm: number; cold: number; unmarked: number };
  traces?: SimulationTraces;
}

function quantile(histogram: Float64Array, n: number, q: number): number | null {
  if (n === 0) return null;
  // nearest rank: the smallest value with at least ceil(q·n) observations at or below it
  const rank = Math.max(1, Math.ceil(q * n));
  let cumulative = 0;
  for (let days = 0; days < histogram.length; days++) {
    cumulative += histogram[days]!;
    if (cumulative >= rank) return days;
  }
  return null;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Turns the merged tally of a whole cohort into the result. */
export function finalizeResult(table: SimTable, tally: Tally, meta: SimulationResult['meta']): SimulationResult {
  const { stepIds } = table;
  const perStep = (values: Float64Array, keep: (s: number) => boolean = () => true) => {
    const out: Record<string, number> = {};
    stepIds.forEach((id, s) => keep(s) && (out[id] = values[s]!));
    return out;
  };
  const transitionCounts: Record<string, number[]> = {};
  stepIds.forEach((id, s) => (transitionCounts[id] = Array.from(tally.transitions.subarray(table.first[s]!, table.first[s + 1]!))));
  const interventions: Record<string, InterventionReach> = {};
  table.interventionSteps.forEach((s, k) => {
    const entry: InterventionReach = { reached: tally.reached[k]!, eligible: tally.eligible[k]!, reachedEligible: tally.reachedEligible[k]!, share: ratio(tally.reachedEligible[k]!, tally.eligible[k]!) };
    const key = table.interventionKeys[k];
    interventions[stepIds[s]!] = key === undefined ? entry : { intervention: key, ...entry };
  });
  const unmetNeed: SimulationResult['unmetNeed'] = {};
  table.space.risks.forEach((risk, r) => (unmetNeed[risk] = { withRisk: tally.withRisk[r]!, unmet: tally.unmet[r]!, share: ratio(tally.unmet[r]!, tally.withRisk[r]!) }));
  const phaseDays = {} as SimulationResult['phaseDays'];
  PHASES.forEach((phase, p) => (phaseDays[phase] = { total: tally.phaseDays[p]!, mean: ratio(tally.phaseDays[p]!, tally.phaseClients[p]!) }));
  const ttsN = tally.timeToSupport.reduce((sum, c) => sum + c, 0);
  const result: SimulationResult = {
    meta,
    cohort: tally.journeys,
    visits: perStep(tally.visits),
    clients: perStep(tally.clients),
    transitionCounts,
    outcomes: perStep(tally.outcomes, (s) => table.outcome[s] === 1),
    stuck: perStep(tally.stuck, (s) => tally.stuck[s]! > 0),
    limit: perStep(tally.limit, (s) => tally.limit[s]! > 0),
    interventions,
    timeToSupport: { n: ttsN, median: quantile(tally.timeToSupport, ttsN, 0.5), p90: quantile(tally.timeToSupport, ttsN, 0.9) },
    unmetNeed,
    phaseDays,
    handoffs: { warm: tally.handoffs[1]!, cold: tally.handoffs[2]!, unmarked: tally.handoffs[3]! },
  };
  if (tally.traces) {
    const { lengths, steps, days, used } = tally.traces;
    const offsets = new Uint32Array(lengths.length + 1);
    for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i]! + lengths[i]!;
    result.traces = { stepIds: [...stepIds], offsets, steps: steps.slice(0, used), days: days.slice(0, used) };
  }
  return result;
}

/**
 * The steps and days of journey `i` in compact traces, as step ids.
 * @example
 * const result = simulateSync(path, { cohort: 100, seed: 1, traces: true });
 * const { steps, days } = journeyOf(result.traces!, 0);
 */
export function journeyOf(traces: SimulationTraces, i: number): { steps: string[]; days: number[] } {
  if (!isRecord(traces) || !(traces.offsets instanceof Uint32Array) || !Array.isArray(traces.stepIds)) {
    throw argumentError('journeyOf', 'traces', { en: 'the traces of a simulation (result.traces, with traces: true)', nl: 'de sporen van een simulatie (result.traces, met traces: true)' }, traces);
  }
  if (!Number.isSafeInteger(i) || i < 0) throw argumentError('journeyOf', 'i', { en: 'a journey number (0 or more)', nl: 'een routenummer (0 of meer)' }, i);
  const from = traces.offsets[i] ?? 0;
  const to = traces.offsets[i + 1] ?? from;
  return { steps: Array.from(traces.steps.subarray(from, to), (s) => traces.stepIds[s]!), days: Array.from(traces.days.subarray(from, to)) };
}
