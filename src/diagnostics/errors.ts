import type { Diagnostic } from './diagnostic.js';

// a registered symbol is the same in every copy of the package (its ESM and CommonJS builds, or two
// versions in one app), so errors are recognised without relying on one class object
const BRAND = Symbol.for('zorgpaden.error');

/** Options of a `ZorgpadenError`: its stable code (else the first error diagnostic's) and its cause. */
export interface ZorgpadenErrorOptions {
  code?: string;
  cause?: unknown;
}

/**
 * The one error class the library throws: from the throwing variants of the API (`parsePath`,
 * `toMachine`, …) and on misuse. `code` is stable (e.g. `invalid-argument`, `invalid-json`,
 * `unknown-step`); `diagnostics` explain it in English and Dutch; `cause` keeps an underlying error.
 * Every throwing function has a non-throwing `safe…` twin or returns a `Result`.
 * @example
 * try {
 *   parsePath('{');
 * } catch (error) {
 *   if (isZorgpadenError(error)) console.log(error.code, error.diagnostics[0]?.nl.message);
 * }
 */
export class ZorgpadenError extends Error {
  override readonly name = 'ZorgpadenError';
  /** A stable, machine-readable code: the code of the first error diagnostic unless given. */
  readonly code: string;
  readonly diagnostics: Diagnostic[];

  constructor(message: string, diagnostics: Diagnostic[] = [], options: ZorgpadenErrorOptions = {}) {
    super(diagnostics.length === 0 ? message : `${message}\n${diagnostics.map((d) => describe(d, message)).join('\n')}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.diagnostics = diagnostics;
    this.code = options.code ?? (diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0])?.code ?? 'zorgpaden-error';
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** `instanceof` recognises errors from any copy of the package, not only this class object. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === ZorgpadenError ? isZorgpadenError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

// a diagnostic that only repeats the heading (as an argument error's does) adds its code, not the sentence again
function describe(d: Diagnostic, heading: string): string {
  const where = [d.file, d.line !== undefined ? `${d.line}:${d.column ?? 1}` : undefined].filter(Boolean).join(':');
  const at = d.pointer === '' ? '' : ` at ${d.pointer}`;
  const text = d.message === heading ? '' : `: ${d.message}`;
  return `  ${where ? where + ' ' : ''}${d.severity} ${d.code}${text}${at}${d.hint ? ` (${d.hint})` : ''}`;
}

/**
 * True for errors thrown by this library, from whichever copy of it (ESM or CommonJS, or another
 * version) they came.
 * @example
 * const message = isZorgpadenError(error) ? `${error.code}: ${error.message}` : String(error);
 */
export function isZorgpadenError(error: unknown): error is ZorgpadenError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}
