import type { SimTable } from './table-instance.js';

/** Step indices of traces: one byte per visit when the path has at most 255 steps, else two or four. */
export type TraceSteps = Uint8Array | Uint16Array | Uint32Array;

/** Per-client yes/no indicators, kept only for paired comparisons (`indicators: true`). */
export interface IndicatorLayout {
  keys: string[];
  reach: number;
  risk: number;
  unmet: number;
  outcome: number;
  stuck: number;
  bytesPerClient: number;
}

/**
 * The integer counts of a run over a slice of the cohort. Every field is a sum over clients, so
 * slices run apart (in workers) merge by addition into exactly the counts of one run.
 */
export interface Tally {
  journeys: number;
  visits: Float64Array;
  clients: Float64Array;
  transitions: Float64Array;
  outcomes: Float64Array;
  stuck: Float64Array;
  limit: Float64Array;
  reached: Float64Array;
  eligible: Float64Array;
  reachedEligible: Float64Array;
  withRisk: Float64Array;
  unmet: Float64Array;
  phaseDays: Float64Array;
  phaseClients: Float64Array;
  handoffs: Float64Array;
  /** Histogram of days from first risk signal to first support: index = days. */
  timeToSupport: Float64Array;
  traces?: { lengths: Uint32Array; steps: TraceSteps; days: Int16Array; used: number };
  indicators?: Uint8Array;
}

/** The layout of the per-client indicators of a table. */
export function indicatorLayout(table: SimTable): IndicatorLayout {
  const reachKeys = Array.from(table.interventionSteps, (s) => `reach:${table.stepIds[s]!}`);
  const riskKeys = table.space.risks.map((r) => `risk:${r}`);
  const unmetKeys = table.space.risks.map((r) => `unmet:${r}`);
  const outcomeKeys = table.stepIds.filter((_, s) => table.outcome[s] === 1).map((id) => `outcome:${id}`);
  const keys = [...reachKeys, ...riskKeys, ...unmetKeys, ...outcomeKeys, 'stuck'];
  return {
    keys,
    reach: 0,
    risk: reachKeys.length,
    unmet: reachKeys.length + riskKeys.length,
    outcome: reachKeys.length + 2 * riskKeys.length,
    stuck: keys.length - 1,
    bytesPerClient: Math.ceil(keys.length / 8),
  };
}

/** An empty tally for `n` clients of a table. */
export function createTally(table: SimTable, n: number, options: { traces?: boolean; indicators?: boolean } = {}): Tally {
  const S = table.stepIds.length;
  const R = table.space.risks.length;
  const I = table.interventionSteps.length;
  const tally: Tally = {
    journeys: 0,
    visits: new Float64Array(S),
    clients: new Float64Array(S),
    transitions: new Float64Array(table.target.length),
    outcomes: new Float64Array(S),
    stuck: new Float64Array(S),
    limit: new Float64Array(S),
    reached: new Float64Array(I),
    eligible: new Float64Array(I),
    reachedEligible: new Float64Array(I),
    withRisk: new Float64Array(R),
    unmet: new Float64Array(R),
    phaseDays: new Float64Array(3),
    phaseClients: new Float64Array(3),
    handoffs: new Float64Array(4),
    timeToSupport: new Float64Array(64),
  };
  if (options.traces) {
    const initial = Math.max(16, n * 8);
    tally.traces = { lengths: new Uint32Array(n), steps: S <= 0xff ? new Uint8Array(initial) : S <= 0xffff ? new Uint16Array(initial) : new Uint32Array(initial), days: new Int16Array(initial), used: 0 };
  }
  if (options.indicators) tally.indicators = new Uint8Array(n * indicatorLayout(table).bytesPerClient);
  return tally;
}

function addInto(a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < b.length; i++) a[i] = a[i]! + b[i]!;
}

function concat<T extends Uint8Array | Uint16Array | Uint32Array | Int16Array>(a: T, aLength: number, b: T, bLength: number): T {
  const out = new (a.constructor as new (n: number) => T)(aLength + bLength);
  out.set(a.subarray(0, aLength));
  out.set(b.subarray(0, bLength), aLength);
  return out;
}

/** Adds tally `b` (the clients right after `a`'s) into a new tally. */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const out: Tally = { ...a, journeys: a.journeys + b.journeys };
  for (const key of ['visits', 'clients', 'transitions', 'outcomes', 'stuck', 'limit', 'reached', 'eligible', 'reachedEligible', 'withRisk', 'unmet', 'phaseDays', 'phaseClients', 'handoffs'] as const) {
    out[key] = a[key].slice();
    addInto(out[key], b[key]);
  }
  const tts = new Float64Array(Math.max(a.timeToSupport.length, b.timeToSupport.length));
  addInto(tts, a.timeToSupport);
  addInto(tts, b.timeToSupport);
  out.timeToSupport = tts;
  if (a.traces && b.traces) {
    out.traces = {
      lengths: concat(a.traces.lengths, a.traces.lengths.length, b.traces.lengths, b.traces.lengths.length),
      steps: concat(a.traces.steps, a.traces.used, b.traces.steps, b.traces.used),
      days: concat(a.traces.days, a.traces.used, b.traces.days, b.traces.used),
      used: a.traces.used + b.traces.used,
    };
  }
  if (a.indicators && b.indicators) out.indicators = concat(a.indicators, a.indicators.length, b.indicators, b.indicators.length);
  return out;
}

/** Grows the time-to-support histogram so that index `days` exists. */
export function growHistogram(histogram: Float64Array, days: number): Float64Array {
  let size = histogram.length;
  while (size <= days) size *= 2;
  const grown = new Float64Array(size);
  grown.set(histogram);
  return grown;
}
