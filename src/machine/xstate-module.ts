/*
 * XState, as the machine compiler and journeys reach it. Here its functions are imported by name,
 * so that a browser bundle keeps only those an app's functions use. The Node builds replace this
 * module with `src/node/xstate-module.ts`, which requires XState when the first machine is made:
 * importing zorgpaden in Node then loads no XState code, and the app still shares one XState with
 * zorgpaden (XState's Node entry for `import` is its CommonJS build, the one `require` returns).
 */
import { assign, createActor, enqueueActions, setup } from 'xstate';
import type * as xstateModule from 'xstate';

/** The XState functions the machines and journeys use. */
export type XStateParts = Pick<typeof xstateModule, 'assign' | 'createActor' | 'enqueueActions' | 'setup'>;

/** XState's functions. */
export function xstate(): XStateParts {
  return { assign, createActor, enqueueActions, setup };
}
