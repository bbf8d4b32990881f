import { requireRecord, ZorgpadenError } from '../diagnostics/index.js';
import type { Actor } from './actor.js';
import type { CarePath, CarePathInput } from './care-path.js';
import { safeParseCarePathData } from './parse-data.js';
import type { Step, StepInput } from './step.js';
import type { Transition } from './transition.js';
import type { z } from 'zod';
import type { ActorSchema } from './actor.js';
import type { TransitionSchema } from './transition.js';

type ActorInput = z.input<typeof ActorSchema>;
type TransitionInput = z.input<typeof TransitionSchema>;

/** A transition whose target, event and receiver are checked against the path's own ids. */
export type TypedTransitionInput<S extends string, A extends string, E extends string> = Omit<TransitionInput, 'to' | 'on' | 'receiver'> & {
  to: S;
  on?: E;
  receiver?: A;
};

/** A step whose actor and transitions are checked against the path's own ids. */
export type TypedStepInput<S extends string, A extends string, E extends string> = Omit<StepInput, 'actor' | 'receiver' | 'transitions'> & {
  actor?: A;
  receiver?: A;
  transitions?: readonly TypedTransitionInput<S, A, E>[];
};

/** A care path as written in TypeScript, with step, actor and event ids inferred as literal unions. */
export type TypedPathInput<S extends string, A extends string, E extends string> = Omit<CarePathInput, 'actors' | 'steps' | 'initial'> & {
  actors?: { [K in A]: ActorInput };
  initial: NoInfer<S>;
  steps: { [K in S]: TypedStepInput<NoInfer<S>, NoInfer<A>, E> };
};

/** A parsed care path that remembers its step ids, actor ids and event names as types. */
export type TypedCarePath<S extends string = string, A extends string = string, E extends string = string> = Omit<CarePath, 'actors' | 'steps' | 'initial'> & {
  actors: Record<A, Actor>;
  initial: S;
  steps: Record<S, Omit<Step, 'actor' | 'transitions'> & { actor?: A; transitions: (Omit<Transition, 'to' | 'on'> & { to: S; on?: E })[] }>;
};

/** The step ids of a typed path. */
export type StepIdOf<P> = P extends TypedCarePath<infer S, string, string> ? S : string;
/** The event names of a typed path (without the generic NEXT). */
export type EventNameOf<P> = P extends TypedCarePath<string, string, infer E> ? E : string;

/**
 * Defines a care path in TypeScript. Step ids, actor ids and event names become literal types,
 * so a transition to a misspelt step or an unknown actor is a compile error; at run time the path
 * is checked like a file and a `ZorgpadenError` lists every problem.
 *
 * @example
 * const path = definePath({
 *   schemaVersion: 1, id: 'demo', version: '1.0.0', title: { nl: 'Demo' },
 *   actors: { verloskundige: { label: { nl: 'Verloskundige' }, domain: 'medical' } },
 *   initial: 'intake',
 *   steps: {
 *     intake: { kind: 'contact', phase: 'pregnancy', actor: 'verloskundige', label: { nl: 'Intake' }, transitions: [{ to: 'klaar' }] },
 *     klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
 *   },
 * });
 */
export function definePath<const S extends Lowercase<string>, const A extends Lowercase<string> = never, const E extends Uppercase<string> = never>(
  path: TypedPathInput<S, A, E>,
): TypedCarePath<S, A, E> {
  requireRecord('definePath', 'path', path, { expected: { en: 'a care path object', nl: 'een zorgpad-object' } });
  const result = safeParseCarePathData(path);
  if (!result.ok) throw new ZorgpadenError(`Path "${String((path as { id?: unknown }).id)}" is not valid.`, result.diagnostics);
  return result.value as unknown as TypedCarePath<S, A, E>;
}
