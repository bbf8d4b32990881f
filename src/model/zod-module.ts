/*
 * zod, as the schema modules reach it when they build their schemas (src/model/lazy-schema.ts).
 * Here it is the few builders they use, imported by name so that a browser bundle keeps only the
 * parts of zod an app needs, and only when the app imports a function that parses documents. The
 * Node builds replace this module with `src/node/zod-module.ts`, which loads zod when the first
 * schema is built, so that importing zorgpaden in Node does not pay for zod until a document is
 * parsed.
 */
import { array, boolean, enum as zodEnum, globalRegistry, int, lazy, literal, number, record, strictObject, string, union, url } from 'zod';
import type * as z from 'zod';

/** The parts of zod the schema modules build with. */
export type ZodBuilders = Pick<typeof z, 'array' | 'boolean' | 'enum' | 'globalRegistry' | 'int' | 'lazy' | 'literal' | 'number' | 'record' | 'strictObject' | 'string' | 'union' | 'url'>;

/** The zod builders. */
export function zod(): ZodBuilders {
  return { array, boolean, enum: zodEnum, globalRegistry, int, lazy, literal, number, record, strictObject, string, union, url };
}
