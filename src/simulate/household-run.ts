import { emptyClient } from './client.js';
import { MARK, startingDay, type HouseholdTable } from './household-table.js';
import { countInto, createHouseholdTally, RISK_COLUMNS, type HouseholdTally } from './household-tally.js';
import type { ClientSampler } from './population.js';
import { clientStream, STREAM, uniform, type RandomGenerator } from './random.js';

/** Most steps one household may visit, over all its tracks, before it is ended as "limit". */
export const DEFAULT_HOUSEHOLD_MAX_VISITS = 10_000;

/** What one slice of a household run needs besides the table and the sampler. */
export interface HouseholdChunkOptions {
  seed: number;
  start: number;
  end: number;
  maxVisits?: number;
}

// the random streams of a household: one draw of the birth, and per track instance one stream per
// purpose, so that what one track draws never shifts what another draws (a detour in the social
// domain leaves the medical track's journey as it was)
const BIRTH_STREAM = 5;
const PURPOSE = { walk: 0, detect: 1, refer: 2 } as const;

function instanceStream(seed: number, household: number, track: number, child: number, episode: number, purpose: number): RandomGenerator {
  // the first track's first instance walks on the version 1 journey stream: a migrated version 1
  // path draws exactly the numbers it drew before
  if (track === 0 && child === 0 && episode === 0 && purpose === PURPOSE.walk) return clientStream(seed, household, STREAM.journey);
  return clientStream(seed, household, 1024 + (((track * 256 + child) * 64 + Math.min(episode, 63)) * 4 + purpose));
}

const READY = 0; // waiting to be visited at its step
const VISITED = 1; // visited; chooses its next step
const WAITING = 2; // waits for a household event
const ENDED = 3;

/**
 * Walks households `start` … `end − 1` through the table. Each track instance moves on its own
 * clock; the instance with the earliest day always moves first (ties: track order, then child), so
 * signals, events and referrals cross between tracks in the order of days.
 */
export function runHouseholdChunk(table: HouseholdTable, sample: ClientSampler, options: HouseholdChunkOptions): HouseholdTally {
  const { seed, start, end, maxVisits = DEFAULT_HOUSEHOLD_MAX_VISITS } = options;
  const tally = createHouseholdTally(table);
  const { base } = table;
  const { first, target, weight, latest, when, after, targetFrom, outcome, addressFirst, addressRisk } = base;
  const S = base.stepIds.length;
  const R = base.space.risks.length;
  const E = table.events.length;
  const K = table.tracks.length;
  const C = RISK_COLUMNS.length;
  const client = emptyClient(base.space);
  const signalled = new Uint8Array(R);
  client.signalled = signalled;
  const addressed = new Uint8Array(R);
  const firstSignal = new Float64Array(R);
  const supported = new Uint8Array(R);
  const raised = new Uint8Array(E);
  const raisedDay = new Float64Array(E);
  const stamp = new Float64Array(S).fill(-1);
  const trackStamp = new Float64Array(K).fill(-1);
  const episodes = new Map<number, number>();
  let scratch = new Int32Array(8);

  // track instances of the current household, as parallel arrays
  const iTrack: number[] = [];
  const iChild: number[] = [];
  const iStep: number[] = [];
  const iDay: number[] = [];
  const iStart: number[] = [];
  const iState: number[] = [];
  const iWalk: RandomGenerator[] = [];
  const iEpisode: number[] = [];
  const iDetect: (RandomGenerator | undefined)[] = [];
  const iRefer: (RandomGenerator | undefined)[] = [];

  for (let h = start; h < end; h++) {
    sample(clientStream(seed, h, STREAM.client), client);
    signalled.fill(0);
    addressed.fill(0);
    supported.fill(0);
    firstSignal.fill(NaN);
    raised.fill(0);
    episodes.clear();
    iTrack.length = iChild.length = iStep.length = iDay.length = iStart.length = iState.length = iWalk.length = iEpisode.length = iDetect.length = iRefer.length = 0;
    let children = 0;
    let count = 0;
    let limited = false;
    let birthRng: RandomGenerator | undefined;

    const running = (track: number, child: number) => {
      for (let k = 0; k < iTrack.length; k++) if (iTrack[k] === track && iChild[k] === child && iState[k] !== ENDED) return true;
      return false;
    };
    const begin = (track: number, child: number, step: number, day: number) => {
      const key = track * 65536 + child;
      const episode = episodes.get(key) ?? 0;
      episodes.set(key, episode + 1);
      iTrack.push(track);
      iChild.push(child);
      iStep.push(step);
      iDay.push(day);
      iStart.push(day);
      iState.push(READY);
      iEpisode.push(episode);
      iWalk.push(instanceStream(seed, h, track, child, episode, PURPOSE.walk));
      iDetect.push(undefined);
      iRefer.push(undefined);
      tally.trackInstances[track]!++;
      if (trackStamp[track] !== h) {
        trackStamp[track] = h;
        tally.trackHouseholds[track]!++;
      }
    };
    const finish = (k: number) => {
      iState[k] = ENDED;
      tally.trackDays[iTrack[k]!] = tally.trackDays[iTrack[k]!]! + (iDay[k]! - iStart[k]!);
    };
    const raise = (e: number, day: number) => {
      if (raised[e] === 0) {
        raised[e] = 1;
        raisedDay[e] = day;
      }
      let born = 0;
      if (e === table.birth) {
        birthRng ??= clientStream(seed, h, BIRTH_STREAM);
        born = table.multipleBirths > 0 && uniform(birthRng) < table.multipleBirths ? 2 : 1;
        tally.births[1] = tally.births[1]! + born;
        if (born > 1) tally.births[2]!++;
        children += born;
      }
      for (let t = 0; t < K; t++) {
        const track = table.tracks[t]!;
        if (track.startsOn !== e || track.initial < 0) continue;
        const from = startingDay(table, track.initial, day);
        if (!track.child) {
          if (!running(t, 0)) begin(t, 0, track.initial, from);
        } else if (e === table.birth) {
          for (let c = children - born + 1; c <= children; c++) begin(t, c, track.initial, from);
        } else {
          for (let c = 1; c <= children; c++) if (!running(t, c)) begin(t, c, track.initial, from);
        }
      }
      // every waiting instance looks again, from the day the event was raised
      for (let k = 0; k < iState.length; k++) {
        if (iState[k] !== WAITING) continue;
        iState[k] = VISITED;
        if (iDay[k]! < day) iDay[k] = day;
      }
    };

    for (let t = 0; t < K; t++) {
      const track = table.tracks[t]!;
      if (track.initial >= 0 && track.startsOn < 0 && !track.child) begin(t, 0, track.initial, startingDay(table, track.initial, -Infinity));
    }

    for (;;) {
      // the instance that moves next: earliest day, then track order, then child
      let k = -1;
      for (let j = 0; j < iState.length; j++) {
        if (iState[j]! > VISITED) continue;
        if (k < 0 || iDay[j]! < iDay[k]! || (iDay[j] === iDay[k] && (iTrack[j]! < iTrack[k]! || (iTrack[j] === iTrack[k] && iChild[j]! < iChild[k]!)))) k = j;
      }
      if (k < 0) break;
      const s = iStep[k]!;
      const day = iDay[k]!;
      if (iState[k] === READY) {
        iState[k] = VISITED;
        count++;
        tally.visits[s]!++;
        if (stamp[s] !== h) {
          stamp[s] = h;
          tally.householdsAt[s]!++;
        }
        for (let d = table.detectFirst[s]!; d < table.detectFirst[s + 1]!; d++) {
          const r = table.detectRisk[d]!;
          if (client.risks[r] !== 1 || signalled[r] === 1) continue;
          const p = table.detectChance[d]!;
          if (p < 1 && !(uniform((iDetect[k] ??= instanceStream(seed, h, iTrack[k]!, iChild[k]!, iEpisode[k]!, PURPOSE.detect))) < p)) continue;
          signalled[r] = 1;
          firstSignal[r] = day;
        }
        for (let a = addressFirst[s]!; a < addressFirst[s + 1]!; a++) {
          const r = addressRisk[a]!;
          addressed[r] = 1;
          if (supported[r] === 0 && client.risks[r] === 1 && signalled[r] === 1) {
            supported[r] = 1;
            tally.supportWait[r] = countInto(tally.supportWait[r]!, Math.min(Math.max(day - firstSignal[r]!, 0), 65_535));
          }
        }
        for (let x = table.emitFirst[s]!; x < table.emitFirst[s + 1]!; x++) raise(table.emitEvent[x]!, day);
        for (let q = table.referFirst[s]!; q < table.referFirst[s + 1]!; q++) {
          const condition = table.referWhen[q];
          if (condition !== null && !condition!(client)) continue;
          tally.referrals[table.referMark[q]!]!++;
          const p = table.referAccepted[q]!;
          if (p < 1 && !(uniform((iRefer[k] ??= instanceStream(seed, h, iTrack[k]!, iChild[k]!, iEpisode[k]!, PURPOSE.refer))) < p)) continue;
          tally.referrals[3]!++;
          const into = table.referTrack[q]!;
          const to = table.referTo[q]!;
          const from = startingDay(table, to, day);
          if (!table.tracks[into]!.child) {
            if (!running(into, 0)) {
              begin(into, 0, to, from);
              tally.referrals[4]!++;
            }
          } else {
            // into a child's track: that child from its own track, else every child
            const own = table.tracks[iTrack[k]!]!.child ? iChild[k]! : 0;
            for (let c = own > 0 ? own : 1; c <= (own > 0 ? own : children); c++) {
              if (running(into, c)) continue;
              begin(into, c, to, from);
              tally.referrals[4]!++;
            }
          }
        }
        if (outcome[s] === 1) {
          tally.outcomes[s]!++;
          finish(k);
          continue;
        }
        if (count >= maxVisits) {
          limited = true;
          break;
        }
      }
      // choose the way on, as version 1 does (src/simulate/choose.ts), among transitions not waiting for an event
      const last = first[s + 1]!;
      if (scratch.length < last - first[s]!) scratch = new Int32Array(last - first[s]!);
      let n = 0;
      let total = 0;
      let awaits = false;
      for (let t = first[s]!; t < last; t++) {
        const w = weight[t]!;
        if (!(w > 0) || day > latest[t]!) continue;
        const e = table.waitEvent[t]!;
        if (e >= 0 && raised[e] === 0) {
          awaits = true;
          continue;
        }
        const condition = when[t];
        if (condition === null || condition!(client)) {
          scratch[n++] = t;
          total += w;
        }
      }
      if (n === 0) {
        if (awaits) iState[k] = WAITING;
        else {
          tally.stuck[s]!++;
          finish(k);
        }
        continue;
      }
      let chosen = scratch[n - 1]!;
      if (n === 1) chosen = scratch[0]!;
      else {
        const u = uniform(iWalk[k]!) * total;
        let cumulative = 0;
        for (let j = 0; j < n - 1; j++) {
          cumulative += weight[scratch[j]!]!;
          if (u < cumulative) {
            chosen = scratch[j]!;
            break;
          }
        }
      }
      tally.transitions[chosen]!++;
      const mark = table.transfer[chosen]!;
      if (mark !== MARK.none) tally.transfers[mark]!++;
      const next = day + after[chosen]!;
      const from = targetFrom[chosen]!;
      iDay[k] = next > from ? next : from;
      iStep[k] = target[chosen]!;
      iState[k] = READY;
    }

    for (let k = 0; k < iState.length; k++) {
      if (iState[k] === ENDED) continue;
      if (limited) tally.limit[iStep[k]!]!++;
      else tally.waiting[iStep[k]!]!++;
      finish(k);
    }
    if (children > 0) tally.births[0]!++;
    for (let r = 0; r < R; r++) {
      const present = client.risks[r] === 1;
      const o = r * C;
      if (present) tally.risks[o]!++;
      if (signalled[r] === 1) tally.risks[o + 1]!++;
      if (present && addressed[r] === 1) tally.risks[o + 2]!++;
      if (present && signalled[r] === 0) tally.risks[o + 3]!++;
      if (signalled[r] === 1 && addressed[r] === 0) tally.risks[o + 4]!++;
      if (present && addressed[r] === 1 && signalled[r] === 0) tally.risks[o + 5]!++;
    }
  }
  tally.households = end - start;
  return tally;
}
