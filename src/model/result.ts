import type { Diagnostic } from '../diagnostics/index.js';

/** The outcome of a `safe*` call: a value, or the diagnostics that explain why there is none. */
export type Result<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };
