import type { EventObject, MetaObject, StateMachine, StateSchema, StateValue } from 'xstate';
import { hasErrors, requireRecord, requireText } from '../diagnostics/index.js';
import type { CarePath } from '../model/index.js';
import { requireCarePath } from '../model/arguments.js';
import { requireAttributeNames } from '../model/condition-eval.js';
import { checkReferences } from '../model/references.js';
import { arrivalDay, startDay } from '../model/semantics.js';
import { checkShape } from '../model/shape-check.js';
import { ClientShape } from '../model/shapes.js';
import { eventOf } from '../model/transition-events.js';
import { clientError, MACHINE_CODES, machineError } from './codes.js';
import { describeRejection } from './reject.js';
import { decisionDay, takesTransition } from './select.js';
import { stateKeyMap, type StateKeyMap } from './state-keys.js';
import type { JourneyContext, JourneyEntry, JourneyEvent, JourneyInput, JourneyOutput } from './types.js';
import { xstate } from './xstate-module.js';

/** Options of `toMachine`. */
export interface MachineOptions {
  /** The machine's id (default `"journey"`). */
  id?: string;
}

function initialContext(path: CarePath, input: JourneyInput): JourneyContext {
  const client = input?.client ?? {};
  requireAttributeNames('createJourney', (client as { attributes?: unknown }).attributes);
  const parsed = checkShape(ClientShape, client);
  if (!parsed.success) throw clientError(client, parsed.issues);
  const day = input.startDay ?? startDay(path);
  const step = path.steps[path.initial]!;
  return { client: parsed.data, day, step: path.initial, history: [{ step: path.initial, phase: step.phase, day }], rejected: [] };
}

function machineTypes<P>() {
  return {
    context: {} as JourneyContext,
    events: {} as JourneyEvent<P>,
    input: {} as JourneyInput,
    output: {} as JourneyOutput,
  };
}

function buildSetup<P extends CarePath>(path: P) {
  const { assign, setup } = xstate();
  return setup({
    types: machineTypes<P>(),
    guards: {
      takes: ({ context, event }, params: { index: number }) => takesTransition(path, context, event, params.index),
    },
    actions: {
      take: assign(({ context, event }, params: { index: number }) => {
        const transition = path.steps[context.step]!.transitions[params.index]!;
        const target = path.steps[transition.to]!;
        const day = arrivalDay(decisionDay(context, event), transition, target);
        const entry: JourneyEntry = { step: transition.to, phase: target.phase, day, from: context.step, index: params.index, event: eventOf(transition) };
        if (transition.handoff !== undefined) entry.handoff = transition.handoff;
        return { day, step: transition.to, history: [...context.history, entry] };
      }),
      reject: assign(({ context, event }) => ({ rejected: [...context.rejected, describeRejection(path, context, event)] })),
    },
  });
}

/** The XState machine of a path: its context is the journey, its events the path's events and NEXT. */
export type JourneyMachine<P extends CarePath = CarePath> = StateMachine<
  JourneyContext,
  JourneyEvent<P>,
  Record<string, never>,
  never,
  { type: 'take'; params: { index: number } } | { type: 'reject'; params: unknown },
  { type: 'takes'; params: { index: number } },
  never,
  StateValue,
  string,
  JourneyInput,
  JourneyOutput,
  EventObject,
  MetaObject,
  StateSchema
>;

function stepStates(path: CarePath, keys: StateKeyMap) {
  const phases: Record<string, { initial?: string; states: Record<string, unknown> }> = {};
  const roots: Record<string, unknown> = {};
  for (const [stepId, step] of Object.entries(path.steps)) {
    const key = keys.toKey.get(stepId)!;
    const meta = { step: stepId, phase: step.phase, kind: step.kind };
    if (step.kind === 'outcome') {
      // outcomes sit at the root so that reaching one finishes the actor (status "done")
      roots[key] = { id: key, type: 'final', meta };
      continue;
    }
    const on: Record<string, unknown[]> = {};
    step.transitions.forEach((transition, index) => {
      (on[eventOf(transition)] ??= []).push({
        target: `#${keys.toKey.get(transition.to)!}`,
        guard: { type: 'takes', params: { index } },
        actions: { type: 'take', params: { index } },
      });
    });
    const phase = (phases[step.phase] ??= { states: {} });
    phase.initial ??= key;
    if (stepId === path.initial) phase.initial = key;
    phase.states[key] = { id: key, meta, on };
  }
  return { ...phases, ...roots };
}

/**
 * Compiles a care path to an XState v5 machine built with `setup()`: phases are compound states,
 * outcomes final states, each step's transitions guarded by the shared semantics (semantics.ts),
 * delays advance `context.day` (a simulated clock), and events no transition takes land in
 * `context.rejected` with a reason.
 *
 * @example
 * const machine = toMachine(path);
 * const actor = createActor(machine, { input: { client: { risks: ['debts'] } } }).start();
 * actor.send({ type: 'NEXT' });
 */
export function toMachine<P extends CarePath>(path: P, options: MachineOptions = {}): JourneyMachine<P> {
  requireCarePath('toMachine', 'path', path);
  requireRecord('toMachine', 'options', options, { optional: true });
  if (options?.id !== undefined) requireText('toMachine', 'options.id', options.id);
  // paths are used as immutable values: one machine per path object and id, compiled once
  const id = options?.id ?? 'journey';
  const compiled = machines.get(path) ?? new Map<string, JourneyMachine>();
  machines.set(path, compiled);
  const known = compiled.get(id);
  if (known) return known as unknown as JourneyMachine<P>;
  const machine = compile(path, id);
  compiled.set(id, machine as unknown as JourneyMachine);
  return machine;
}

const machines = new WeakMap<CarePath, Map<string, JourneyMachine>>();

function compile<P extends CarePath>(path: P, id: string): JourneyMachine<P> {
  const problems = checkReferences(path).filter((d) => d.severity === 'error');
  if (hasErrors(problems)) {
    const error = machineError(MACHINE_CODES.pathInvalid, { path: path.id, count: problems.length });
    error.diagnostics.push(...problems);
    throw error;
  }
  const keys = stateKeyMap(path);
  const initial = path.steps[path.initial]!;
  const rootInitial = initial.kind === 'outcome' ? keys.toKey.get(path.initial)! : initial.phase;
  const config = {
    id,
    context: ({ input }: { input: JourneyInput }) => initialContext(path, input),
    initial: rootInitial,
    states: stepStates(path, keys),
    on: { '*': { actions: 'reject' } },
    output: ({ context }: { context: JourneyContext }) => ({ step: context.step, day: context.day, history: context.history }),
  };
  // the config is built from data, so its shape is known only at run time
  return buildSetup(path).createMachine(config as never) as unknown as JourneyMachine<P>;
}
