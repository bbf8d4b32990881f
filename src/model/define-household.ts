import { requireRecord, ZorgpadenError } from '../diagnostics/index.js';
import type { z } from 'zod';
import type { HouseholdPath, HouseholdPathInput, HouseholdStepInput, ReferralSchema, TrackSchema } from './household.js';
import { safeParseHouseholdPathData } from './parse-data.js';
import type { TransitionSchema } from './transition.js';

type TransitionInput = z.input<typeof TransitionSchema>;
/** A referral as written in a file (the input form of `ReferralSchema`). */
export type ReferralInput = z.input<typeof ReferralSchema>;
/** A track as written in a file (the input form of `TrackSchema`). */
export type TrackInput = z.input<typeof TrackSchema>;

/** A household step whose track, targets, referrals and events are checked against the path's own ids. */
export type TypedHouseholdStepInput<S extends string, T extends string, E extends string> = Omit<HouseholdStepInput, 'track' | 'transitions' | 'refers' | 'emits'> & {
  track: T;
  transitions?: readonly (Omit<TransitionInput, 'to' | 'on'> & { to: S; on?: E })[];
  refers?: readonly (Omit<ReferralInput, 'to'> & { to: S })[];
  emits?: E | readonly E[];
};

/** A household path as written in TypeScript, with step, track and event ids inferred as literal unions. */
export type TypedHouseholdPathInput<S extends string, T extends string, E extends string> = Omit<HouseholdPathInput, 'tracks' | 'steps'> & {
  tracks: { [K in T]: Omit<TrackInput, 'initial' | 'startsOn'> & { initial?: NoInfer<S>; startsOn?: NoInfer<E> } };
  steps: { [K in S]: TypedHouseholdStepInput<NoInfer<S>, NoInfer<T>, E> };
};

/** A parsed household path that remembers its step ids, track ids and event names as types. */
export type TypedHouseholdPath<S extends string = string, T extends string = string, E extends string = string> = HouseholdPath & {
  readonly __ids?: { steps: S; tracks: T; events: E };
};

/** The step ids of a typed household path. */
export type HouseholdStepIdOf<P> = P extends TypedHouseholdPath<infer S, string, string> ? S : string;
/** The track ids of a typed household path. */
export type TrackIdOf<P> = P extends TypedHouseholdPath<string, infer T, string> ? T : string;
/** The event names of a typed household path (events steps emit or transitions wait for). */
export type HouseholdEventOf<P> = P extends TypedHouseholdPath<string, string, infer E> ? E : string;

/**
 * Defines a household path (format version 2) in TypeScript. Step ids, track ids and event names
 * become literal types, so a step in a misspelt track or a referral to an unknown step is a compile
 * error; at run time the path is checked like a file and a `ZorgpadenError` lists every problem.
 *
 * @example
 * const path = defineHouseholdPath({
 *   schemaVersion: 2, id: 'demo', version: '1.0.0', title: { nl: 'Demo' },
 *   members: { ouder: { role: 'parent', label: { nl: 'Ouder' } } },
 *   tracks: { zorg: { label: { nl: 'Zorg' }, member: 'ouder', initial: 'intake' } },
 *   steps: {
 *     intake: { kind: 'contact', phase: 'pregnancy', track: 'zorg', label: { nl: 'Intake' }, transitions: [{ to: 'klaar' }] },
 *     klaar: { kind: 'outcome', phase: 'pregnancy', track: 'zorg', label: { nl: 'Klaar' } },
 *   },
 * });
 */
export function defineHouseholdPath<const S extends Lowercase<string>, const T extends Lowercase<string>, const E extends Uppercase<string> = never>(
  path: TypedHouseholdPathInput<S, T, E>,
): TypedHouseholdPath<S, T, E> {
  requireRecord('defineHouseholdPath', 'path', path, { expected: { en: 'a household path object', nl: 'een huishoudpad-object' } });
  const result = safeParseHouseholdPathData(path);
  if (!result.ok) throw new ZorgpadenError(`Household path "${String((path as { id?: unknown }).id)}" is not valid.`, result.diagnostics);
  return result.value as TypedHouseholdPath<S, T, E>;
}
