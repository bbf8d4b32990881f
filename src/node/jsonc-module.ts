/*
 * The Node builds' stand-in for `src/load/jsonc-module.ts` (swapped in by tsup.config.ts): the
 * parser is required on first use, synchronously, so reading stays synchronous while importing
 * zorgpaden loads none of its code.
 */
import { createRequire } from 'node:module';
import type * as parser from 'jsonc-parser';
import type { JsoncScanner, JsoncTree } from '../load/jsonc-module.js';

let loaded: typeof parser | undefined;

function load(): typeof parser {
  // the CommonJS build knows its file name; the ESM build its URL (a bundler must not see `require`)
  loaded ??= createRequire(typeof __filename === 'string' ? __filename : import.meta.url)('jsonc-parser') as typeof parser;
  return loaded;
}

/** The parser's scanning functions, loaded on the first call. */
export function jsonc(): JsoncScanner {
  return load();
}

/** The parser's tree functions, loaded on the first call. */
export function jsoncTree(): JsoncTree {
  return load();
}
