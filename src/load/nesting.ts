import { createDiagnostic, LOAD_CODES, type Diagnostic } from '../diagnostics/index.js';
import type { Limits } from '../model/index.js';
import { MAX_NESTING, nestingDiagnostic, nestingFlaw } from '../model/nesting-guard.js';

export { MAX_NESTING, nestingDiagnostic };

/**
 * A diagnostic for data that cannot be walked recursively, or undefined when it can: a value that
 * contains itself gets `invalid-value` at the top-level field it is under, a value nested too deep
 * what `nestingDiagnostic` says. For objects handed to the API, which no reader has checked.
 */
export function unwalkableDiagnostic(data: unknown, limits: Partial<Limits> = {}): Diagnostic | undefined {
  const flaw = nestingFlaw(data, MAX_NESTING);
  if (flaw === undefined) return undefined;
  if (!flaw.en.includes('cycle')) return nestingDiagnostic(data, limits);
  const hint = {
    en: 'Pass plain data, as JSON would give it: an object that refers back to itself has no end to check.',
    nl: 'Geef gewone gegevens, zoals JSON ze geeft: een object dat naar zichzelf terugverwijst heeft geen eind om te controleren.',
  };
  return createDiagnostic(LOAD_CODES.invalidValue, { reason: 'This value contains itself (a cycle).', reasonNl: 'Deze waarde bevat zichzelf (een kringloop).' }, { pointer: '' }, { hint });
}
