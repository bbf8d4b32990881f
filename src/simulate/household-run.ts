import { emptyClient, type CompiledClient } from './client.js';
import { holdsMask, MASK_RISKS, MASK_TEST, type CompiledCondition } from './conditions.js';
import { CHECK, MARK, stepAwaits, type HouseholdTable } from './household-table.js';
import { countInto, createHouseholdTally, RISK_COLUMNS, type HouseholdTally } from './household-tally.js';
import type { ClientSampler } from './population.js';
import { clientKey, newStream, seedStreamOf, STREAM, uniform, type Stream } from './random.js';

/** Most steps one household may visit, over all its tracks, before it is ended as "limit". */
export const DEFAULT_HOUSEHOLD_MAX_VISITS = 10_000;

/** What one slice of a household run needs besides the table and the sampler. */
export interface HouseholdChunkOptions {
  seed: number;
  start: number;
  end: number;
  maxVisits?: number;
  /** Called with the number of households done in this slice, every few thousand households. */
  onProgress?: (done: number) => void;
  /** Called at the end of every household's walk, after its counts are in the tally (for figures per household, such as subgroups). */
  observe?: (household: number, seen: HouseholdObservation) => void;
}

/**
 * What an observer sees of a household at the end of its walk. The arrays are reused for the next
 * household: read them during the call. Per risk (in the order of the table's risk space):
 * signalled, addressed, supported (addressed after a signal), and the days of the first signal and
 * of that support.
 */
export interface HouseholdObservation {
  readonly client: CompiledClient;
  readonly children: number;
  readonly signalled: Uint8Array;
  readonly addressed: Uint8Array;
  readonly supported: Uint8Array;
  readonly firstSignal: Float64Array;
  readonly supportDay: Float64Array;
  readonly tally: HouseholdTally;
}

// the random streams of a household: one draw of the birth, and per track instance one stream per
// purpose, so that what one track draws never shifts what another draws (a detour in the social
// domain leaves the medical track's journey as it was)
const BIRTH_STREAM = 5;
const PURPOSE = { walk: 0, detect: 1, refer: 2 } as const;

/** Seeds `rng` in place as the stream of one track instance for one purpose, for the household with key `household` (`clientKey`). */
function seedInstanceStream(rng: Stream, household: number, track: number, child: number, episode: number, purpose: number): Stream {
  // the first track's first instance walks on the version 1 journey stream: a migrated version 1
  // path draws exactly the numbers it drew before
  if (track === 0 && child === 0 && episode === 0 && purpose === PURPOSE.walk) return seedStreamOf(rng, household, STREAM.journey);
  return seedStreamOf(rng, household, 1024 + (((track * 256 + child) * 64 + Math.min(episode, 63)) * 4 + purpose));
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
  const walker = new HouseholdWalker(table, sample, options);
  const { start, end, onProgress } = options;
  for (let h = start; h < end; h++) {
    walker.walk(h);
    if (onProgress && (h - start + 1) % 4096 === 0) onProgress(h - start + 1);
  }
  walker.tally.households = end - start;
  onProgress?.(end - start);
  return walker.tally;
}

/**
 * The state of one household's walk, kept in arrays that are allocated once per slice and reset
 * per household: no objects, closures or maps per household or per visited step (the walk of a
 * national cohort visits millions of steps). Track instances are parallel typed arrays that grow
 * when a household needs more of them.
 */
class HouseholdWalker {
  readonly tally: HouseholdTally;
  private readonly client: CompiledClient;
  private readonly signalled: Uint8Array;
  private readonly addressed: Uint8Array;
  private readonly supported: Uint8Array;
  private readonly firstSignal: Float64Array;
  private readonly supportDay: Float64Array;
  private readonly raised: Uint8Array;
  private readonly stamp: Float64Array;
  private readonly trackStamp: Float64Array;
  // conditions that cannot change within a household are evaluated once per household:
  // `known[c] === serial` when `holds[c]` is this household's answer
  private readonly known: Int32Array;
  private readonly holds: Uint8Array;
  private readonly conditions: CompiledCondition[];
  private readonly fixed: Uint8Array;
  // conditions over risks alone are one test of the household's risk mask, without a closure call
  private readonly maskTest: Uint8Array;
  private readonly mask: Int32Array;
  private riskMask = 0;
  // the signalled risks within the mask, so that a detecting step that can signal nothing new is one test
  private signalledMask = 0;
  // the addressed risks within the mask; when every risk of the space is within it, the masks say
  // which risks a household touched, and its counts and the reset for the next visit only look at those
  private addressedMask = 0;
  private readonly allInMask: boolean;
  private scratch: Int32Array;
  // the track instances of the current household
  private n = 0;
  private iTrack = new Int32Array(8);
  private iChild = new Int32Array(8);
  private iStep = new Int32Array(8);
  private iState = new Uint8Array(8);
  private iEpisode = new Int32Array(8);
  private iDay = new Float64Array(8);
  private iStart = new Float64Array(8);
  // the streams of the instances, seeded again in place for each instance (detect and refer only
  // when first drawn from: `iDetectSeeded[k]`, `iReferSeeded[k]`), so a household creates no object
  private iWalk: Stream[] = [];
  private iDetect: Stream[] = [];
  private iRefer: Stream[] = [];
  private iDetectSeeded = new Uint8Array(8);
  private iReferSeeded = new Uint8Array(8);
  private readonly clientRng = newStream();
  private readonly birthRng = newStream();
  private birthSeeded = false;
  private h = 0;
  private key = 0;
  // visits of the current household, and whether the last event woke a waiting instance
  private count = 0;
  private woke = false;
  private serial = 0;
  private children = 0;

  constructor(
    private readonly table: HouseholdTable,
    private readonly sample: ClientSampler,
    private readonly options: HouseholdChunkOptions,
  ) {
    const S = table.base.stepIds.length;
    const R = table.base.space.risks.length;
    this.tally = createHouseholdTally(table);
    this.client = emptyClient(table.base.space);
    this.signalled = new Uint8Array(R);
    this.client.signalled = this.signalled;
    this.addressed = new Uint8Array(R);
    this.supported = new Uint8Array(R);
    this.firstSignal = new Float64Array(R);
    this.supportDay = new Float64Array(R);
    this.raised = new Uint8Array(table.events.length);
    this.allInMask = R <= MASK_RISKS;
    this.stamp = new Float64Array(S).fill(-1);
    this.trackStamp = new Float64Array(table.tracks.length).fill(-1);
    this.conditions = table.conditions;
    this.fixed = table.conditionFixed;
    this.maskTest = table.conditionTest;
    this.mask = table.conditionMask;
    this.known = new Int32Array(table.conditions.length);
    this.holds = new Uint8Array(table.conditions.length);
    let most = 1;
    for (let s = 0; s < S; s++) most = Math.max(most, table.base.first[s + 1]! - table.base.first[s]!);
    this.scratch = new Int32Array(most);
  }

  /** Whether condition `c` holds for the current household now. */
  private test(c: number): boolean {
    const mask = this.maskTest[c]!;
    if (mask !== MASK_TEST.closure) return holdsMask(mask, this.mask[c]!, this.riskMask);
    if (this.fixed[c] === 0) return this.conditions[c]!(this.client);
    if (this.known[c] !== this.serial) {
      this.known[c] = this.serial;
      this.holds[c] = this.conditions[c]!(this.client) ? 1 : 0;
    }
    return this.holds[c] === 1;
  }

  private running(track: number, child: number): boolean {
    for (let k = 0; k < this.n; k++) if (this.iTrack[k] === track && this.iChild[k] === child && this.iState[k] !== ENDED) return true;
    return false;
  }

  private grow(): void {
    const size = this.iTrack.length * 2;
    const more = <A extends Int32Array | Uint8Array | Float64Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(size);
      b.set(a);
      return b;
    };
    this.iTrack = more(this.iTrack);
    this.iChild = more(this.iChild);
    this.iStep = more(this.iStep);
    this.iState = more(this.iState);
    this.iEpisode = more(this.iEpisode);
    this.iDay = more(this.iDay);
    this.iStart = more(this.iStart);
    this.iDetectSeeded = more(this.iDetectSeeded);
    this.iReferSeeded = more(this.iReferSeeded);
  }

  private begin(track: number, child: number, step: number, day: number): void {
    // the episode: how many times this track ran for this member before, in this household
    let episode = 0;
    for (let k = 0; k < this.n; k++) if (this.iTrack[k] === track && this.iChild[k] === child) episode++;
    if (this.n === this.iTrack.length) this.grow();
    const k = this.n++;
    this.iTrack[k] = track;
    this.iChild[k] = child;
    this.iStep[k] = step;
    this.iDay[k] = day;
    this.iStart[k] = day;
    this.iState[k] = READY;
    this.iEpisode[k] = episode;
    if (this.iWalk.length === k) {
      this.iWalk.push(newStream());
      this.iDetect.push(newStream());
      this.iRefer.push(newStream());
    }
    seedInstanceStream(this.iWalk[k]!, this.key, track, child, episode, PURPOSE.walk);
    this.iDetectSeeded[k] = 0;
    this.iReferSeeded[k] = 0;
    this.tally.trackInstances[track]!++;
    if (this.trackStamp[track] !== this.h) {
      this.trackStamp[track] = this.h;
      this.tally.trackHouseholds[track]!++;
    }
  }

  private finish(k: number): void {
    this.iState[k] = ENDED;
    const t = this.iTrack[k]!;
    this.tally.trackDays[t] = this.tally.trackDays[t]! + (this.iDay[k]! - this.iStart[k]!);
  }

  /** The day a track starting in step `s` on `day` begins: the later of that day and the step's window start. */
  private startOn(s: number, day: number): number {
    const from = this.table.windowFrom[s]!;
    return day > from ? day : from;
  }

  private raise(e: number, day: number): void {
    const { table, tally } = this;
    this.raised[e] = 1;
    let born = 0;
    if (e === table.birth) {
      if (!this.birthSeeded) {
        seedStreamOf(this.birthRng, this.key, BIRTH_STREAM);
        this.birthSeeded = true;
      }
      born = table.multipleBirths > 0 && uniform(this.birthRng) < table.multipleBirths ? 2 : 1;
      tally.births[1] = tally.births[1]! + born;
      if (born > 1) tally.births[2]!++;
      this.children += born;
    }
    const children = this.children;
    for (let t = 0; t < table.tracks.length; t++) {
      const track = table.tracks[t]!;
      if (track.startsOn !== e || track.initial < 0) continue;
      const from = this.startOn(track.initial, day);
      if (!track.child) {
        if (!this.running(t, 0)) this.begin(t, 0, track.initial, from);
      } else if (e === table.birth) {
        for (let c = children - born + 1; c <= children; c++) this.begin(t, c, track.initial, from);
      } else {
        for (let c = 1; c <= children; c++) if (!this.running(t, c)) this.begin(t, c, track.initial, from);
      }
    }
    // every instance waiting for this event looks again, from the day it was raised (an event
    // no transition of its step waits for leaves it waiting: decision 0006 §3)
    for (let k = 0; k < this.n; k++) {
      if (this.iState[k] !== WAITING || !stepAwaits(this.table, this.iStep[k]!, e)) continue;
      this.woke = true;
      this.iState[k] = VISITED;
      if (this.iDay[k]! < day) this.iDay[k] = day;
    }
  }

  /** The detect or refer stream of instance `k`, seeded when it is first drawn from. */
  private instanceStream(streams: Stream[], seeded: Uint8Array, k: number, purpose: number): Stream {
    const rng = streams[k]!;
    if (seeded[k] === 0) {
      seeded[k] = 1;
      seedInstanceStream(rng, this.key, this.iTrack[k]!, this.iChild[k]!, this.iEpisode[k]!, purpose);
    }
    return rng;
  }

  /** The referrals of step `s`, visited by instance `k` on `day`. */
  private refer(k: number, s: number, day: number): void {
    const { table, tally } = this;
    for (let q = table.referFirst[s]!; q < table.referFirst[s + 1]!; q++) {
      const slot = table.referSlot[q]!;
      if (slot >= 0 && !this.test(slot)) continue;
      tally.referrals[table.referMark[q]!]!++;
      const p = table.referAccepted[q]!;
      if (p < 1 && !(uniform(this.instanceStream(this.iRefer, this.iReferSeeded, k, PURPOSE.refer)) < p)) continue;
      tally.referrals[3]!++;
      const into = table.referTrack[q]!;
      const to = table.referTo[q]!;
      const from = this.startOn(to, day);
      if (!table.tracks[into]!.child) {
        if (!this.running(into, 0)) {
          this.begin(into, 0, to, from);
          tally.referrals[4]!++;
        }
      } else {
        // into a child's track: that child from its own track, else every child
        const own = table.tracks[this.iTrack[k]!]!.child ? this.iChild[k]! : 0;
        const last = own > 0 ? own : this.children;
        for (let c = own > 0 ? own : 1; c <= last; c++) {
          if (this.running(into, c)) continue;
          this.begin(into, c, to, from);
          tally.referrals[4]!++;
        }
      }
    }
  }

  /** The risks step `s` detects, visited by instance `k` on `day`. */
  private detect(k: number, s: number, day: number): void {
    const { table, client, signalled } = this;
    for (let d = table.detectFirst[s]!; d < table.detectFirst[s + 1]!; d++) {
      const r = table.detectRisk[d]!;
      if (client.risks[r] !== 1 || signalled[r] === 1) continue;
      const p = table.detectChance[d]!;
      if (p < 1 && !(uniform(this.instanceStream(this.iDetect, this.iDetectSeeded, k, PURPOSE.detect)) < p)) continue;
      signalled[r] = 1;
      if (r < MASK_RISKS) this.signalledMask |= 1 << r;
      this.firstSignal[r] = day;
    }
  }

  /** What a visit of step `s` by instance `k` on `day` does besides counting: detect, address, emit, refer. */
  private visit(k: number, s: number, day: number): void {
    const { table, tally, signalled, addressed, supported } = this;
    const { addressFirst, addressRisk } = table.base;
    const risks = this.client.risks;
    if ((table.detectMask[s]! & this.riskMask & ~this.signalledMask) !== 0 || table.detectWide[s] === 1) this.detect(k, s, day);
    for (let a = addressFirst[s]!; a < addressFirst[s + 1]!; a++) {
      const r = addressRisk[a]!;
      addressed[r] = 1;
      if (r < MASK_RISKS) this.addressedMask |= 1 << r;
      if (supported[r] === 0 && risks[r] === 1 && signalled[r] === 1) {
        supported[r] = 1;
        this.supportDay[r] = day;
        tally.supportWait[r] = countInto(tally.supportWait[r]!, Math.min(Math.max(day - this.firstSignal[r]!, 0), 65_535));
      }
    }
    for (let x = table.emitFirst[s]!; x < table.emitFirst[s + 1]!; x++) this.raise(table.emitEvent[x]!, day);
    if (table.referFirst[s]! < table.referFirst[s + 1]!) this.refer(k, s, day);
  }

  /** Whether instance `a` moves before instance `b` on the same day: track order, then child. */
  private precedes(a: number, b: number): boolean {
    const { iTrack, iChild } = this;
    return iTrack[a]! < iTrack[b]! || (iTrack[a] === iTrack[b] && iChild[a]! < iChild[b]!);
  }

  /** The instance that moves next (earliest day, then track order, then child), leaving out `except`; −1 when none can move. */
  private next(except: number): number {
    const { iState, iDay } = this;
    let k = -1;
    for (let j = 0; j < this.n; j++) {
      if (iState[j]! > VISITED || j === except) continue;
      if (k < 0 || iDay[j]! < iDay[k]! || (iDay[j] === iDay[k] && this.precedes(j, k))) k = j;
    }
    return k;
  }

  /**
   * Moves instance `k` step by step while it stays the first to move: until its day passes
   * `rivalDay` (or reaches it, when the rival goes first on the same day), it waits or ends, or a
   * visit may have started or woken other instances. Returns false when the household reached
   * its most visits.
   */
  private advance(k: number, rivalDay: number, rivalFirst: boolean): boolean {
    const { table, tally, stamp, scratch, riskMask, h } = this;
    const { first, target, weight, latest, after, targetFrom, outcome } = table.base;
    const { busy, check, waitEvent, whenSlot, whenTest, whenMask, transfer } = table;
    const { visits, householdsAt, transitions } = tally;
    const raised = this.raised;
    const maxVisits = this.options.maxVisits ?? DEFAULT_HOUSEHOLD_MAX_VISITS;
    const walkRng = this.iWalk[k]!;
    let s = this.iStep[k]!;
    let day = this.iDay[k]!;
    // whether instance k has still to be visited at step s (else it chooses its way on from s)
    let ready = this.iState[k] === READY;
    let others = false;
    for (;;) {
      if (ready) {
        this.count++;
        visits[s]!++;
        if (stamp[s] !== h) {
          stamp[s] = h;
          householdsAt[s]!++;
        }
        if (busy[s] === 1) {
          this.iStep[k] = s;
          this.iDay[k] = day;
          this.iState[k] = VISITED;
          const n = this.n;
          this.woke = false;
          this.visit(k, s, day);
          // a visit that started or woke an instance hands the choice of who moves next back
          others = this.n !== n || this.woke;
        }
        if (outcome[s] === 1) {
          tally.outcomes[s]!++;
          this.iStep[k] = s;
          this.iDay[k] = day;
          this.finish(k);
          return true;
        }
        if (this.count >= maxVisits) {
          this.iStep[k] = s;
          this.iState[k] = VISITED;
          return false;
        }
      }
      // choose the way on, as version 1 does (src/simulate/choose.ts), among transitions not waiting for an event
      const last = first[s + 1]!;
      let n = 0;
      let total = 0;
      let awaits = false;
      for (let t = first[s]!; t < last; t++) {
        const c = check[t]!;
        if (c === CHECK.never || day > latest[t]!) continue;
        if (c === CHECK.mask) {
          if (!holdsMask(whenTest[t]!, whenMask[t]!, riskMask)) continue;
        } else if (c === CHECK.condition) {
          if (!this.test(whenSlot[t]!)) continue;
        } else if (c === CHECK.event) {
          if (raised[waitEvent[t]!] === 0) {
            awaits = true;
            continue;
          }
          const slot = whenSlot[t]!;
          if (slot >= 0 && !this.test(slot)) continue;
        }
        scratch[n++] = t;
        total += weight[t]!;
      }
      if (n === 0) {
        this.iStep[k] = s;
        this.iDay[k] = day;
        this.iState[k] = VISITED;
        if (awaits) this.iState[k] = WAITING;
        else {
          tally.stuck[s]!++;
          this.finish(k);
        }
        return true;
      }
      let chosen = scratch[n - 1]!;
      if (n === 1) chosen = scratch[0]!;
      else {
        const u = uniform(walkRng) * total;
        let cumulative = 0;
        for (let j = 0; j < n - 1; j++) {
          cumulative += weight[scratch[j]!]!;
          if (u < cumulative) {
            chosen = scratch[j]!;
            break;
          }
        }
      }
      transitions[chosen]!++;
      const mark = transfer[chosen]!;
      if (mark !== MARK.none) tally.transfers[mark]!++;
      const next = day + after[chosen]!;
      const from = targetFrom[chosen]!;
      day = next > from ? next : from;
      s = target[chosen]!;
      ready = true;
      if (others || day > rivalDay || (day === rivalDay && rivalFirst)) {
        this.iStep[k] = s;
        this.iDay[k] = day;
        this.iState[k] = READY;
        return true;
      }
    }
  }

  /** Clears what the previous household signalled, addressed and supported. */
  private resetRisks(): void {
    const { signalled, addressed, supported } = this;
    if (this.allInMask) {
      for (let bits = this.signalledMask | this.addressedMask; bits !== 0; bits &= bits - 1) {
        const r = 31 - Math.clz32(bits & -bits);
        signalled[r] = 0;
        addressed[r] = 0;
        supported[r] = 0;
      }
    } else {
      signalled.fill(0);
      addressed.fill(0);
      supported.fill(0);
    }
    this.signalledMask = 0;
    this.addressedMask = 0;
  }

  /** Counts risk `r` of the household just walked: present, signalled, addressed and the combinations the result reports. */
  private countRisk(r: number): void {
    const present = this.client.risks[r] === 1;
    const signalled = this.signalled[r] === 1;
    const addressed = this.addressed[r] === 1;
    const counts = this.tally.risks;
    const o = r * RISK_COLUMNS.length;
    if (present) counts[o]!++;
    if (signalled) counts[o + 1]!++;
    if (present && addressed) counts[o + 2]!++;
    if (present && !signalled) counts[o + 3]!++;
    if (signalled && !addressed) counts[o + 4]!++;
    if (present && addressed && !signalled) counts[o + 5]!++;
  }

  /** Walks household `h` and adds what happened to the tally. */
  walk(h: number): void {
    const { table, tally, client, signalled, addressed, supported } = this;
    const { tracks } = table;
    const risks = client.risks;
    const R = risks.length;

    // the household's streams share the part of their seeding that depends on the seed and the household
    this.key = clientKey(this.options.seed, h);
    this.riskMask = this.sample(seedStreamOf(this.clientRng, this.key, STREAM.client), client);
    this.h = h;
    this.serial++;
    this.resetRisks();
    const raised = this.raised;
    for (let e = 0; e < raised.length; e++) raised[e] = 0;
    this.n = 0;
    this.children = 0;
    this.birthSeeded = false;
    this.count = 0;

    for (let t = 0; t < tracks.length; t++) {
      const track = tracks[t]!;
      if (track.initial >= 0 && track.startsOn < 0 && !track.child) this.begin(t, 0, track.initial, table.journeyStart[track.initial]!);
    }

    let limited = false;
    for (;;) {
      // the instance that moves next: earliest day, then track order, then child; it moves on
      // until the first of the others is due before it
      const k = this.next(-1);
      if (k < 0) break;
      const rival = this.next(k);
      if (!this.advance(k, rival < 0 ? Infinity : this.iDay[rival]!, rival >= 0 && this.precedes(rival, k))) {
        limited = true;
        break;
      }
    }

    for (let k = 0; k < this.n; k++) {
      if (this.iState[k] === ENDED) continue;
      if (limited) tally.limit[this.iStep[k]!]!++;
      else tally.waiting[this.iStep[k]!]!++;
      this.finish(k);
    }
    if (this.children > 0) tally.births[0]!++;
    if (this.allInMask) {
      // most risks are absent and never signalled nor addressed: only the touched ones count
      for (let bits = this.riskMask | this.signalledMask | this.addressedMask; bits !== 0; bits &= bits - 1) this.countRisk(31 - Math.clz32(bits & -bits));
    } else {
      for (let r = 0; r < R; r++) if (risks[r] === 1 || signalled[r] === 1 || addressed[r] === 1) this.countRisk(r);
    }
    if (this.options.observe) this.options.observe(h, { client, children: this.children, signalled, addressed, supported, firstSignal: this.firstSignal, supportDay: this.supportDay, tally });
  }
}
