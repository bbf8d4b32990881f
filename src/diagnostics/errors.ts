import type { Diagnostic } from './diagnostic.js';

/**
 * The one error class the library throws: from the throwing variants of the API
 * (`parsePath`, `loadPath`, …) and on misuse. It carries the diagnostics that explain it.
 */
export class ZorgpadenError extends Error {
  override readonly name = 'ZorgpadenError';
  readonly diagnostics: Diagnostic[];

  constructor(message: string, diagnostics: Diagnostic[] = []) {
    super(diagnostics.length === 0 ? message : `${message}\n${diagnostics.map(describe).join('\n')}`);
    this.diagnostics = diagnostics;
  }
}

function describe(d: Diagnostic): string {
  const where = [d.file, d.line !== undefined ? `${d.line}:${d.column ?? 1}` : undefined].filter(Boolean).join(':');
  const at = d.pointer === '' ? '' : ` at ${d.pointer}`;
  return `  ${where ? where + ' ' : ''}${d.severity} ${d.code}: ${d.message}${at}${d.hint ? ` (${d.hint})` : ''}`;
}

/** True for errors thrown by this library. */
export function isZorgpadenError(error: unknown): error is ZorgpadenError {
  return error instanceof ZorgpadenError;
}
