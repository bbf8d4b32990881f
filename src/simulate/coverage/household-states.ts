import { RECORD_SIGNALS, cachedHouseholdMachine, type HouseholdEntry, type HouseholdEvent, type HouseholdJourneyContext } from '../../machine/index.js';
import { openTransitions } from '../../machine/household-events.js';
import { householdView } from '../../machine/household-machine.js';
import { xstate } from '../../machine/xstate-module.js';
import { eventOf, windowDays, type Client, type HouseholdPath } from '../../model/index.js';
import { itemsOfHistory, risksSignalledAt, signalItem, type CoverageItem } from './household-walker.js';

/** A move a household state offers: one track instance, one target, one event (the first such transition is taken). */
export interface OfferedMove {
  track: string;
  from: string;
  index: number;
  to: string;
  event: string;
}

/** One state of a household journey, as the compiled machine holds it, every visit listed and signalled. */
export interface HouseholdState {
  readonly snapshot: unknown;
  readonly context: HouseholdJourneyContext;
}

interface Logic {
  transition(snapshot: unknown, event: unknown, scope: unknown): { context: HouseholdJourneyContext };
  getInitialSnapshot(scope: unknown, input: unknown): { context: HouseholdJourneyContext };
}

/**
 * The states of one client's household journey, stepped without an actor: the compiled machine's
 * own transition function (the journey's semantics, not a copy of them), with the walker's
 * signalling after every move. Branching from a state costs one transition, not a new journey.
 */
export class HouseholdStates {
  private readonly logic: Logic;
  private readonly scope: unknown;
  /** Above this day no window can still be reached or be waited for: later days are all alike. */
  private readonly lastWindowDay: number;

  constructor(
    readonly path: HouseholdPath,
    readonly client: Client,
  ) {
    const machine = cachedHouseholdMachine(path);
    this.logic = machine as unknown as Logic;
    // an actor that is never started gives the machine the scope its transitions ask for
    const self = xstate().createActor(machine, { input: { client } }) as unknown as { system: unknown };
    this.scope = { self, system: self.system, id: '', sessionId: '', defer() {}, logger() {}, stopChild() {}, emit() {}, actionExecutor() {} };
    const ends = Object.values(path.steps).flatMap((s) => [windowDays(s.window).to, windowDays(s.window).from]).filter(Number.isFinite);
    this.lastWindowDay = ends.length === 0 ? -Infinity : Math.max(...ends);
  }

  /** The journey's first state, its first visits signalled, and what they went through. */
  initial(): { state: HouseholdState; items: Set<CoverageItem> } {
    const first = this.logic.getInitialSnapshot(this.scope, { client: this.client });
    const listed = this.listAndSignal({ snapshot: first, context: first.context }, 0);
    const items = itemsOfHistory(this.path, listed.state.context.history);
    for (const item of listed.signals) items.add(item);
    return { state: listed.state, items };
  }

  /** The moves a state offers, one per track instance, target and event, as the walker offers them. */
  offered(state: HouseholdState): OfferedMove[] {
    const c = state.context;
    const view = householdView(c);
    const seen = new Set<string>();
    const out: OfferedMove[] = [];
    for (const [track, position] of Object.entries(c.tracks)) {
      for (const { index, transition: t } of openTransitions(this.path, c, track, view)) {
        const event = eventOf(t);
        const key = `${track}\u0000${t.to}\u0000${event}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ track, from: position.step, index, to: t.to, event });
      }
    }
    return out;
  }

  /** Takes a move: the next state and what the move went through, or undefined when the journey does not take it. */
  take(state: HouseholdState, move: OfferedMove): { state: HouseholdState; items: Set<CoverageItem> } | undefined {
    const before = state.context.history.length;
    const event: HouseholdEvent = { type: move.event, track: move.track, to: move.to };
    const next = this.logic.transition(state.snapshot, event, this.scope);
    const history = next.context.history;
    const moved = history.findIndex((e, i) => i >= before && e.track === move.track && e.step === move.to && e.referral === undefined);
    if (moved < 0) return undefined;
    const listed = this.listAndSignal({ snapshot: next, context: next.context }, before);
    const entries = listed.state.context.history.slice(before);
    const items = itemsOfHistory(this.path, entries, new Map([[moved - before, move.index]]));
    for (const item of listed.signals) items.add(item);
    return { state: listed.state, items };
  }

  /** Whether every track the journey started stands in an outcome. */
  finished(state: HouseholdState): boolean {
    return Object.values(state.context.tracks).every((p) => this.path.steps[p.step]!.kind === 'outcome');
  }

  /**
   * What decides the journey from here on: positions and days (days past the last window day are
   * alike), signals, children, raised events and their days, pending starts and the referrals made
   * in the current visits.
   * Histories that differ only in how they got here share a key.
   */
  key(state: HouseholdState): string {
    const c = state.context;
    const day = (d: number) => (d > this.lastWindowDay ? 'late' : d);
    const tracks = Object.entries(c.tracks).map(([id, p]) => [id, p.step, day(p.day)]).sort();
    const starts = Object.entries(c.starts).map(([id, s]) => [id, s.step, day(s.day), s.from ?? '', s.handoff ?? '']).sort();
    const made = c.made.filter((m) => {
      const [instance, visit] = m.split(':');
      return c.tracks[instance!]?.visit === Number(visit);
    }).map((m) => m.replace(/:\d+:/, ':')).sort();
    const raised = Object.entries(c.raised).map(([e, d]) => [e, day(d)]).sort();
    return JSON.stringify([tracks, [...c.signalled].sort(), c.children, raised, starts, made]);
  }

  // as the walker does: at every listed visit, the client's risks it detects are signalled
  private listAndSignal(state: HouseholdState, from: number): { state: HouseholdState; signals: Set<CoverageItem> } {
    let snapshot = state.snapshot;
    let context = state.context;
    const signals = new Set<CoverageItem>();
    for (let listed = from; listed < context.history.length; listed++) {
      const entry: HouseholdEntry = context.history[listed]!;
      const risks = risksSignalledAt(this.path, this.client, entry.step, context.signalled);
      if (risks.length === 0) continue;
      for (const risk of risks) signals.add(signalItem(entry.step, risk));
      const next = this.logic.transition(snapshot, { type: RECORD_SIGNALS, risks }, this.scope);
      snapshot = next;
      context = next.context;
    }
    return { state: { snapshot, context }, signals };
  }
}
