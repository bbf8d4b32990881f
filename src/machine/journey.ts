import type { Actor, InspectionEvent, SnapshotFrom } from 'xstate';
import { argumentError, isRecord, requireFinite, requireRecord } from '../diagnostics/index.js';
import type { CarePath, ClientInput, EventNameOf, Phase, StepIdOf } from '../model/index.js';
import { requireCarePath } from '../model/arguments.js';
import { requireAttributeNames, viewClient } from '../model/condition-eval.js';
import { enabledTransitions } from '../model/semantics.js';
import { checkShape } from '../model/shape-check.js';
import { ClientShape } from '../model/shapes.js';
import { eventOf } from '../model/transition-events.js';
import { clientError, MACHINE_CODES, machineError } from './codes.js';
import { toMachine, type JourneyMachine } from './compile.js';
import { takesTransition } from './select.js';
import { pathHash } from './path-hash.js';
import { JOURNEY_FORMAT, readPersistedJourney, type PersistedJourney } from './snapshot.js';
import type { JourneyContext, JourneyEntry, JourneyEvent, RejectedEvent } from './types.js';
import { xstate } from './xstate-module.js';

/** Options of `createJourney`. */
export interface JourneyOptions<P extends CarePath = CarePath> {
  /** A saved journey (`journey.persist()`, possibly after JSON) to continue; its client wins over the `client` argument. */
  snapshot?: PersistedJourney | unknown;
  /** The day the journey starts (new journeys only); defaults to `startDay(path)`. */
  startDay?: number;
  /** A machine compiled earlier with `toMachine(path)`; by default the machine compiled (once) for this path object. */
  machine?: JourneyMachine<P>;
  /** XState's inspection callback, passed to the actor (for the Stately inspector or logging). */
  inspect?: (event: InspectionEvent) => void;
}

/** What `journey.send` did with an event. */
export type SendResult<P extends CarePath = CarePath> = { accepted: true; entry: JourneyEntry<P> } | { accepted: false; rejected: RejectedEvent };

/** A transition the current step offers the client now; on a `definePath` path `to` and `event` are typed. */
export interface AvailableTransition<P extends CarePath = CarePath> {
  index: number;
  to: StepIdOf<P>;
  event: EventNameOf<P> | 'NEXT';
}

/** A family's journey through a path: a thin wrapper over an XState actor. */
export interface Journey<P extends CarePath = CarePath> {
  readonly path: P;
  readonly actor: Actor<JourneyMachine<P>>;
  /** Sends an event; events no transition takes are recorded in `rejected`. Throws on a finished journey. */
  send(event: JourneyEvent<P>): SendResult<P>;
  readonly step: StepIdOf<P>;
  /** True when the journey is in `step` now. */
  matches(step: StepIdOf<P>): boolean;
  readonly phase: Phase;
  readonly day: number;
  readonly history: readonly JourneyEntry<P>[];
  readonly rejected: readonly RejectedEvent[];
  readonly done: boolean;
  /** The transitions the client can take now, for an app's menu. */
  available(): AvailableTransition<P>[];
  /** True when `send(event)` would move the journey now (a transition takes it), false when it would be rejected. */
  can(event: JourneyEvent<P>): boolean;
  /** Calls `listener` with the journey's context after every change. */
  subscribe(listener: (context: JourneyContext<P>) => void): { unsubscribe(): void };
  /** The journey as JSON-safe data, to be restored with `createJourney(path, client, { snapshot })`. */
  persist(): PersistedJourney;
  stop(): void;
}

/**
 * Starts (or, with `options.snapshot`, restores) a journey of `client` through `path`. A snapshot
 * made with another path, another version or changed content is refused (`snapshot-path-mismatch`),
 * a damaged one too (`snapshot-invalid`).
 *
 * @example
 * const journey = createJourney(path, { risks: ['financial-stress'] });
 * journey.send({ type: 'NEXT' });
 * const saved = JSON.stringify(journey.persist());
 * const again = createJourney(path, undefined, { snapshot: JSON.parse(saved) });
 */
export function createJourney<P extends CarePath>(path: P, client: ClientInput | undefined, options: JourneyOptions<P> = {}): Journey<P> {
  requireCarePath('createJourney', 'path', path);
  requireRecord('createJourney', 'options', options, { optional: true });
  options ??= {};
  requireFinite('createJourney', 'options.startDay', options.startDay, { optional: true });
  requireRecord('createJourney', 'options.machine', options.machine, { optional: true, expected: { en: 'a machine made by toMachine(path)', nl: 'een machine van toMachine(path)' } });
  if (options.inspect !== undefined && typeof options.inspect !== 'function') throw argumentError('createJourney', 'options.inspect', { en: 'a function', nl: 'een functie' }, options.inspect);
  const machine = options.machine ?? toMachine(path);
  const inspect = options.inspect ? { inspect: options.inspect } : {};
  const { createActor } = xstate();
  let actor: Actor<JourneyMachine<P>>;
  if (options.snapshot !== undefined) {
    const saved = readPersistedJourney(path, options.snapshot);
    // JSON round trips keep the snapshot intact; XState rebuilds the state nodes from `value`
    const snapshot = structuredClone(saved.snapshot) as unknown as SnapshotFrom<JourneyMachine<P>>;
    actor = createActor(machine, { snapshot, input: { client: saved.snapshot.context.client }, ...inspect });
  } else {
    requireAttributeNames('createJourney', client?.attributes);
    const parsed = checkShape(ClientShape, client ?? {});
    if (!parsed.success) throw clientError(client ?? {}, parsed.issues);
    const input = options.startDay === undefined ? { client: parsed.data } : { client: parsed.data, startDay: options.startDay };
    actor = createActor(machine, { input, ...inspect });
  }
  actor.start();
  const context = () => actor.getSnapshot().context;

  return {
    path,
    actor,
    send(event) {
      // XState rethrows a malformed event outside the call, where nobody can catch it
      if (!isRecord(event) || typeof event.type !== 'string' || event.type === '') {
        throw argumentError('journey.send', 'event', { en: 'an event object such as { type: "NEXT" }', nl: 'een gebeurtenis-object zoals { type: "NEXT" }' }, isRecord(event) ? { en: 'an object without a text "type"', nl: 'een object zonder tekst in "type"' } : event);
      }
      const before = context();
      if (actor.getSnapshot().status === 'done') throw machineError(MACHINE_CODES.journeyFinished, { step: before.step, event: String(event.type) });
      actor.send(event);
      const after = context();
      if (after.history.length > before.history.length) return { accepted: true, entry: after.history[after.history.length - 1]! as JourneyEntry<P> };
      return { accepted: false, rejected: after.rejected[after.rejected.length - 1]! };
    },
    get step() {
      return context().step as StepIdOf<P>;
    },
    matches(step) {
      return context().step === step;
    },
    get phase() {
      return path.steps[context().step]!.phase;
    },
    get day() {
      return context().day;
    },
    get history() {
      // the machine is compiled from data: its entries name the path's steps, as the types say
      return context().history as JourneyEntry<P>[];
    },
    get rejected() {
      return context().rejected;
    },
    get done() {
      return actor.getSnapshot().status === 'done';
    },
    available() {
      const { step, client: c, day } = context();
      const transitions = path.steps[step]?.transitions ?? [];
      return enabledTransitions(path, step, viewClient(c), day).map((index) => ({ index, to: transitions[index]!.to as StepIdOf<P>, event: eventOf(transitions[index]!) as EventNameOf<P> | 'NEXT' }));
    },
    can(event) {
      if (!isRecord(event) || typeof event.type !== 'string' || actor.getSnapshot().status === 'done') return false;
      const now = context();
      // the same check as the machine's guard, over every transition of the current step
      return (path.steps[now.step]?.transitions ?? []).some((_, index) => takesTransition(path, now, event, index));
    },
    subscribe(listener) {
      const subscription = actor.subscribe((snapshot) => listener(snapshot.context as JourneyContext<P>));
      return { unsubscribe: () => subscription.unsubscribe() };
    },
    persist() {
      const snapshot = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as PersistedJourney['snapshot'];
      return { format: JOURNEY_FORMAT, formatVersion: 1, pathId: path.id, pathVersion: path.version, pathHash: pathHash(path), snapshot };
    },
    stop() {
      actor.stop();
    },
  };
}
