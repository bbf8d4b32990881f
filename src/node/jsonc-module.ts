/*
 * The Node builds' stand-in for `src/load/jsonc-module.ts` (swapped in by tsup.config.ts): the
 * parser is required on first use, synchronously, so reading stays synchronous while importing
 * zorgpaden loads none of its code.
 */
import { createRequire } from 'node:module';
import type * as parser from 'jsonc-parser';

let loaded: typeof parser | undefined;

/** The `jsonc-parser` package, loaded on the first call. */
export function jsonc(): typeof parser {
  // the CommonJS build knows its file name; the ESM build its URL (a bundler must not see `require`)
  loaded ??= createRequire(typeof __filename === 'string' ? __filename : import.meta.url)('jsonc-parser') as typeof parser;
  return loaded;
}
