import { requireText } from '../diagnostics/index.js';
import type { CarePath } from '../model/index.js';
import { requireCarePath } from '../model/arguments.js';

/*
 * XState reads "." in a target as a path separator and "#" as an id marker, so step ids such as
 * "zwangerschap/intake" or "stap.1" become safe keys. The encoding is reversible and injective:
 * "_" → "__", "." → "_d", "/" → "_s".
 */

/** Encodes a step id as a state key that XState reads literally. */
export function toStateKey(stepId: string): string {
  requireText('toStateKey', 'stepId', stepId);
  return stepId.replace(/_/g, '__').replace(/\./g, '_d').replace(/\//g, '_s');
}

/** Decodes a state key made by `toStateKey` back to the step id. */
export function fromStateKey(key: string): string {
  requireText('fromStateKey', 'key', key);
  return key.replace(/_(.)/g, (_, c: string) => (c === '_' ? '_' : c === 'd' ? '.' : c === 's' ? '/' : `_${c}`));
}

/** The lookup both ways between step ids and state keys of one compiled path. */
export interface StateKeyMap {
  toKey: ReadonlyMap<string, string>;
  toStep: ReadonlyMap<string, string>;
}

/** Builds the step id ⇄ state key lookup of a path. */
export function stateKeyMap(path: CarePath): StateKeyMap {
  requireCarePath('stateKeyMap', 'path', path);
  const toKey = new Map<string, string>();
  const toStep = new Map<string, string>();
  for (const stepId of Object.keys(path.steps)) {
    const key = toStateKey(stepId);
    toKey.set(stepId, key);
    toStep.set(key, stepId);
  }
  return { toKey, toStep };
}
