/*
 * The Node builds' stand-in for `src/model/zod-module.ts` (swapped in by tsup.config.ts): zod is
 * required when the first schema is used, synchronously, so that parsing stays synchronous while
 * importing zorgpaden loads no zod code. zod keeps its registry and configuration on `globalThis`,
 * so schemas built here and an app's own zod work together (`.extend`, `z.toJSONSchema`).
 */
import { createRequire } from 'node:module';
import type * as z from 'zod';
import type { ZodBuilders } from '../model/zod-module.js';

let loaded: typeof z | undefined;

/** The `zod` package, loaded on the first call. */
export function zod(): ZodBuilders {
  // the CommonJS build knows its file name; the ESM build its URL (a bundler must not see `require`)
  loaded ??= createRequire(typeof __filename === 'string' ? __filename : import.meta.url)('zod') as typeof z;
  return loaded;
}
