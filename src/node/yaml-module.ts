/*
 * The Node builds' stand-in for `src/load/yaml-module.ts` (swapped in by tsup.config.ts): the YAML
 * parser is required on first use, synchronously, so `parsePath` stays synchronous while importing
 * zorgpaden loads no YAML code until a YAML text is parsed.
 */
import { createRequire } from 'node:module';
import type * as parser from 'yaml';

let loaded: typeof parser | undefined;

/** The `yaml` package, loaded on the first call. */
export function yaml(): typeof parser {
  // the CommonJS build knows its file name; the ESM build its URL (a bundler must not see `require`)
  loaded ??= createRequire(typeof __filename === 'string' ? __filename : import.meta.url)('yaml') as typeof parser;
  return loaded;
}
