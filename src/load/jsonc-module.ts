/*
 * The JSON-with-positions parser (jsonc-parser), as the readers reach it. Here it is a plain
 * import, which a browser bundle includes only when an app imports a function that reads text. The
 * Node builds replace this module with `src/node/jsonc-module.ts`, which loads the parser on the
 * first text that needs it, so that importing zorgpaden in Node does not pay for it.
 */
import * as parser from 'jsonc-parser';

/** The `jsonc-parser` package. */
export function jsonc(): typeof parser {
  return parser;
}
