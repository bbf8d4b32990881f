import { emptyClient } from './client.js';
import { arrivalOf, chooseTransition, choiceScratch } from './choose.js';
import type { ClientSampler } from './population.js';
import { clientKey, newStream, seedStreamOf, STREAM } from './random.js';
import { HANDOFF, type SimTable } from './table-instance.js';
import { createTally, growHistogram, indicatorLayout, type Tally, type TraceSteps } from './tally.js';

/** Most steps one journey may visit before it is ended as "limit" (a cycle that never exits). */
export const DEFAULT_MAX_VISITS = 10_000;

/** What one slice of a run needs besides the table and the sampler. */
export interface ChunkOptions {
  seed: number;
  start: number;
  end: number;
  maxVisits?: number;
  traces?: boolean;
  indicators?: boolean;
  /** Called with the number of clients done in this slice, every few thousand clients. */
  onProgress?: (done: number) => void;
}

/** Longest wait the time-to-support histogram tells apart (about 180 years). */
const MAX_WAIT = 65_535;
const INT16_MIN = -32768;
const INT16_MAX = 32767;

/**
 * Walks clients `start` … `end − 1` through the table and counts what happened. Client `i` is drawn
 * from its own stream and walks on another stream of its own, so a slice gives the same journeys
 * whichever worker runs it.
 */
export function runChunk(table: SimTable, sample: ClientSampler, options: ChunkOptions): Tally {
  const { seed, start, end, maxVisits = DEFAULT_MAX_VISITS } = options;
  const n = end - start;
  const tally = createTally(table, n, options);
  const { outcome, target, handoff, phase, addressFirst, addressRisk, signalFirst, signalRisk, interventionSteps, eligible, eligibleIndex } = table;
  const isEligible = new Uint8Array(eligible.length);
  const { visits, clients, transitions, outcomes, stuck, limit, phaseDays, phaseClients, handoffs, withRisk, unmet, reached, reachedEligible } = tally;
  const eligibleCount = tally.eligible;
  const S = table.stepIds.length;
  const R = table.space.risks.length;
  const client = emptyClient(table.space);
  const scratch = choiceScratch(table);
  const stamp = new Float64Array(S).fill(-1);
  const addressed = new Uint8Array(R);
  const phaseSeen = new Int8Array(3);
  const traces = tally.traces;
  const layout = tally.indicators ? indicatorLayout(table) : undefined;
  let histogram = tally.timeToSupport;
  // one client stream and one journey stream, seeded again in place for every client
  const clientRng = newStream();
  const rng = newStream();

  for (let i = start; i < end; i++) {
    const key = clientKey(seed, i);
    sample(seedStreamOf(clientRng, key, STREAM.client), client);
    seedStreamOf(rng, key, STREAM.journey);
    const risks = client.risks;
    addressed.fill(0);
    phaseSeen.fill(0);
    let s = table.initial;
    let day = table.startDay;
    let signalDay = NaN;
    let supported = false;
    let count = 0;
    let ending = 0; // 0 outcome, 1 stuck, 2 limit
    for (;;) {
      visits[s]!++;
      if (stamp[s] !== i) {
        stamp[s] = i;
        clients[s]!++;
      }
      const p = phase[s]!;
      if (phaseSeen[p] === 0) {
        phaseSeen[p] = 1;
        phaseClients[p]!++;
      }
      if (traces) {
        if (traces.used === traces.steps.length) growTraces(traces);
        traces.steps[traces.used] = s;
        traces.days[traces.used++] = day < INT16_MIN ? INT16_MIN : day > INT16_MAX ? INT16_MAX : day;
      }
      if (signalDay !== signalDay) {
        for (let k = signalFirst[s]!; k < signalFirst[s + 1]!; k++) {
          if (risks[signalRisk[k]!] === 1) {
            signalDay = day;
            break;
          }
        }
      }
      for (let k = addressFirst[s]!; k < addressFirst[s + 1]!; k++) {
        const r = addressRisk[k]!;
        addressed[r] = 1;
        if (!supported && risks[r] === 1 && signalDay === signalDay) {
          supported = true;
          // saturated, so that a pathological cycle cannot blow up the histogram
          const wait = Math.min(day - signalDay, MAX_WAIT);
          if (wait >= histogram.length) histogram = growHistogram(histogram, wait);
          histogram[wait]!++;
        }
      }
      count++;
      if (outcome[s] === 1) {
        outcomes[s]!++;
        break;
      }
      if (count >= maxVisits) {
        limit[s]!++;
        ending = 2;
        break;
      }
      const t = chooseTransition(table, s, client, day, rng, scratch);
      if (t < 0) {
        stuck[s]!++;
        ending = 1;
        break;
      }
      transitions[t]!++;
      const h = handoff[t]!;
      if (h !== HANDOFF.none) handoffs[h]!++;
      const next = arrivalOf(table, t, day);
      phaseDays[p] = phaseDays[p]! + (next - day);
      day = next;
      s = target[t]!;
    }
    for (let r = 0; r < R; r++) {
      if (risks[r] === 1) {
        withRisk[r]!++;
        if (addressed[r] === 0) unmet[r]!++;
      }
    }
    for (let e = 0; e < eligible.length; e++) isEligible[e] = eligible[e]!(client) ? 1 : 0;
    for (let k = 0; k < interventionSteps.length; k++) {
      const visited = stamp[interventionSteps[k]!] === i;
      if (visited) reached[k]!++;
      if (isEligible[eligibleIndex[k]!] === 1) {
        eligibleCount[k]!++;
        if (visited) reachedEligible[k]!++;
      }
    }
    if (traces) traces.lengths[i - start] = count;
    if (layout) writeIndicators(tally.indicators!, (i - start) * layout.bytesPerClient, layout, table, { stamp, i, risks, addressed, last: s, ending });
    if (options.onProgress && (i - start + 1) % 4096 === 0) options.onProgress(i - start + 1);
  }
  tally.journeys = n;
  tally.timeToSupport = histogram;
  options.onProgress?.(n);
  return tally;
}

function growTraces(traces: NonNullable<Tally['traces']>): void {
  const steps = new (traces.steps.constructor as new (n: number) => TraceSteps)(traces.steps.length * 2);
  steps.set(traces.steps);
  const days = new Int16Array(traces.days.length * 2);
  days.set(traces.days);
  traces.steps = steps;
  traces.days = days;
}

function writeIndicators(
  bits: Uint8Array,
  offset: number,
  layout: ReturnType<typeof indicatorLayout>,
  table: SimTable,
  at: { stamp: Float64Array; i: number; risks: Uint8Array; addressed: Uint8Array; last: number; ending: number },
): void {
  const set = (k: number) => (bits[offset + (k >> 3)]! |= 1 << (k & 7));
  table.interventionSteps.forEach((s, k) => at.stamp[s] === at.i && set(layout.reach + k));
  for (let r = 0; r < at.risks.length; r++) {
    if (at.risks[r] !== 1) continue;
    set(layout.risk + r);
    if (at.addressed[r] === 0) set(layout.unmet + r);
  }
  if (at.ending === 0) {
    let k = 0;
    for (let s = 0; s < table.stepIds.length; s++) {
      if (table.outcome[s] !== 1) continue;
      if (s === at.last) set(layout.outcome + k);
      k++;
    }
  } else if (at.ending === 1) set(layout.stuck);
}
