/*
 * zod, as the schema modules reach it when they build their schemas. Here it is a plain import,
 * which a browser bundle includes only when an app imports a function that parses documents. The
 * Node builds replace this module with `src/node/zod-module.ts`, which loads zod when the first
 * schema is used, so that importing zorgpaden in Node does not pay for zod until a document is
 * parsed.
 */
import * as z from 'zod';

/** The `zod` package. */
export function zod(): typeof z {
  return z;
}
