import { createHouseholdJourney, RECORD_SIGNALS, type HouseholdAvailable, type HouseholdEntry, type HouseholdEvent, type HouseholdJourney } from '../../machine/index.js';
import { eventOf, type Client, type HouseholdPath, type RouteStep } from '../../model/index.js';

/** One move of a household test journey: the event sent to one track instance, and where it leads. */
export interface HouseholdMove {
  type: string;
  track: string;
  to: string;
}

/**
 * A household journey driven as an app (and `checkHouseholdRoute`) drives it: moves are sent to one
 * track instance each, and after every start or move the client's risks that the visited step
 * detects are signalled. It keeps the route it made and, for each move, the transition it took.
 */
export class HouseholdWalker {
  readonly journey: HouseholdJourney;
  readonly route: RouteStep[] = [];
  readonly moves: HouseholdMove[] = [];
  /** The transition index taken for a history entry made by a move, by the entry's position. */
  readonly taken = new Map<number, number>();
  /** The signals made: a risk at the step whose visit signalled it (`signalItem`). */
  readonly signals = new Set<CoverageItem>();

  constructor(
    readonly path: HouseholdPath,
    readonly client: Client,
    snapshot?: unknown,
  ) {
    this.journey = createHouseholdJourney(path, client, snapshot === undefined ? {} : { snapshot });
    if (snapshot === undefined) this.listAndSignal();
  }

  /** The moves the journey offers now, one per track instance, target and event: the first such transition is the one taken. */
  offered(): (HouseholdAvailable & { from: string })[] {
    const seen = new Set<string>();
    const out: (HouseholdAvailable & { from: string })[] = [];
    for (const move of this.journey.available()) {
      const key = `${move.track}\u0000${move.to}\u0000${move.event}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...move, from: this.journey.context.tracks[move.track]!.step });
    }
    return out;
  }

  /** Takes one move; false when the journey did not take it. */
  take(move: HouseholdAvailable): boolean {
    const before = this.journey.history.length;
    const event: HouseholdEvent = { type: move.event, track: move.track, to: move.to };
    this.journey.send(event);
    const moved = this.journey.history.findIndex((e, i) => i >= before && e.track === move.track && e.step === move.to && e.referral === undefined);
    if (moved < 0) return false;
    this.moves.push({ type: move.event, track: move.track, to: move.to });
    this.taken.set(moved, move.index);
    this.listAndSignal();
    return true;
  }

  /**
   * Lists the new history entries as route steps, signalling at each what it detects of the
   * client's risks. A signal can make a referral that starts a track: its entry is listed (and
   * signals) in the same turn.
   */
  private listAndSignal(): void {
    while (this.route.length < this.journey.history.length) {
      const entry = this.journey.history[this.route.length]!;
      this.route.push({ step: entry.step, track: entry.track, ...(entry.event !== undefined ? { on: entry.event } : {}) });
      const risks = risksSignalledAt(this.path, this.client, entry.step, this.journey.signalled);
      if (risks.length === 0) continue;
      for (const risk of risks) this.signals.add(signalItem(entry.step, risk));
      this.journey.actor.send({ type: RECORD_SIGNALS, risks });
    }
  }

  /** What identifies the journey's state: positions, signals, children, raised events and pending starts. */
  stateKey(): string {
    const c = this.journey.context;
    return JSON.stringify([c.tracks, [...c.signalled].sort(), c.children, c.raised, c.starts]);
  }

  stop(): void {
    this.journey.stop();
  }
}

/** The client's risks that a visit of `step` signals: those it detects and that are not signalled yet. */
export function risksSignalledAt(path: HouseholdPath, client: Client, step: string, signalled: readonly string[]): string[] {
  const detects = path.steps[step]!.detects ?? {};
  return Object.keys(detects).filter((r) => detects[r]! > 0 && client.risks.includes(r) && !signalled.includes(r));
}

/** A covered item of a household path: a step, a transition, a referral, or a risk signalled at a step. */
export type CoverageItem = string;
export const stepItem = (step: string): CoverageItem => `s\u0000${step}`;
export const transitionItem = (from: string, index: number): CoverageItem => `t\u0000${from}\u0000${index}`;
export const referralItem = (from: string, index: number): CoverageItem => `r\u0000${from}\u0000${index}`;
export const signalItem = (step: string, risk: string): CoverageItem => `g\u0000${step}\u0000${risk}`;
/** The risk a signal item is about; undefined for any other item. */
export const riskOfSignal = (item: CoverageItem): string | undefined => (item.startsWith('g\u0000') ? item.split('\u0000')[2] : undefined);

/**
 * The steps, transitions and referrals a household history went through. A transition is the one
 * `taken` says, or else the first of its step that leads to the entry's step on the entry's event
 * (a history does not say which of two such transitions it took).
 */
export function itemsOfHistory(path: HouseholdPath, history: readonly HouseholdEntry[], taken?: ReadonlyMap<number, number>): Set<CoverageItem> {
  const items = new Set<CoverageItem>();
  history.forEach((entry, position) => {
    if (!Object.hasOwn(path.steps, entry.step)) return;
    items.add(stepItem(entry.step));
    if (entry.from === undefined || !Object.hasOwn(path.steps, entry.from)) return;
    const from = path.steps[entry.from]!;
    if (entry.referral !== undefined) {
      const index = (from.refers ?? []).findIndex((r) => r.to === entry.step);
      if (index >= 0) items.add(referralItem(entry.from, index));
      return;
    }
    const known = taken?.get(position);
    const index = known ?? from.transitions.findIndex((t) => t.to === entry.step && (entry.event === undefined || eventOf(t) === entry.event));
    if (index >= 0 && from.transitions[index]?.to === entry.step) items.add(transitionItem(entry.from, index));
  });
  return items;
}
