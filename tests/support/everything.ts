/*
 * Every name of every layer, as one module, for tests that reach past the public entries (fuzzers,
 * hardening corpora). The public surface is `src/index.ts` and the subpath entries; this is not.
 * Where the Node entry has a file-reading twin of a core function, the twin wins, as a Node user
 * would combine them.
 */
export * from '../../src/diagnostics/index.js';
export * from '../../src/model/index.js';
export * from '../../src/load/index.js';
export * from '../../src/edit/index.js';
export * from '../../src/validate/index.js';
export * from '../../src/machine/index.js';
export * from '../../src/simulate/index.js';
export * from '../../src/export/index.js';
export * from '../../src/node/index.js';
export { parsePath, safeParsePath, parseDocument, safeParseDocument, simulate, simulateWithIndicators, simulateHousehold } from '../../src/node/index.js';
