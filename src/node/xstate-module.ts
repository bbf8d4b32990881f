/*
 * The Node builds' stand-in for `src/machine/xstate-module.ts` (swapped in by tsup.config.ts):
 * XState is required when the first machine is made, synchronously, so `toMachine` and
 * `createJourney` stay synchronous while importing zorgpaden loads no XState code. `require` gives
 * the same XState an app's `import` does (XState's Node entry wraps its CommonJS build), also
 * under the `development` condition.
 */
import { createRequire } from 'node:module';
import type * as xstateModule from 'xstate';
import type { XStateParts } from '../machine/xstate-module.js';

let loaded: typeof xstateModule | undefined;

/** XState, loaded on the first call. */
export function xstate(): XStateParts {
  // the CommonJS build knows its file name; the ESM build its URL (a bundler must not see `require`)
  loaded ??= createRequire(typeof __filename === 'string' ? __filename : import.meta.url)('xstate') as typeof xstateModule;
  return loaded;
}
