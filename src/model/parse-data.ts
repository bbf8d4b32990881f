import type { z } from 'zod';
import { createDiagnostic, hasErrors, LOAD_CODES, requireRecord } from '../diagnostics/index.js';
import { CarePathSchema, type CarePath } from './care-path.js';
import { issuesToDiagnostics, typeWords } from './schema-issues.js';
import { checkReferences, type ReferenceOptions } from './references.js';
import { HouseholdPathSchema, type HouseholdPath } from './household.js';
import { checkHouseholdReferences } from './household-references.js';
import type { Result } from './result.js';
import { LIMITS } from './limits.js';
import { nestingDiagnostic, tooDeepConditions } from './nesting-guard.js';

/** Checks plain data against a document schema; diagnostics carry JSON pointers. */
export function safeParseData<S extends z.core.$ZodType>(schema: S, data: unknown): Result<z.output<S>> {
  return safeParseDataWithin(schema, data, LIMITS.maxConditionDepth);
}

/**
 * `safeParseData` with the caller's limit on condition depth. Conditions deeper than the limit are
 * found first, by a loop: the schema checks them recursively and would overflow the stack on one
 * thousands of levels deep; other data too deep for the schema gets a diagnostic, not a RangeError.
 */
export function safeParseDataWithin<S extends z.core.$ZodType>(schema: S, data: unknown, maxConditionDepth: number): Result<z.output<S>> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, diagnostics: [createDiagnostic(LOAD_CODES.notAnObject, { actual: typeWords(data).en, actualNl: typeWords(data).nl }, { pointer: '' })] };
  }
  const tooDeep = tooDeepConditions(data, maxConditionDepth);
  if (tooDeep.length > 0) return { ok: false, diagnostics: tooDeep };
  let parsed: ReturnType<z.ZodType['safeParse']>;
  try {
    parsed = (schema as unknown as z.ZodType).safeParse(data);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, diagnostics: [nestingDiagnostic(data, { maxConditionDepth })] };
  }
  if (!parsed.success) return { ok: false, diagnostics: issuesToDiagnostics(parsed.error.issues, data, schema) };
  return { ok: true, value: parsed.data as z.output<S>, diagnostics: [] };
}

/** Checks plain data as a care path: its shape, then its references (targets, actors, initial). */
export function safeParseCarePathData(data: unknown, options: ReferenceOptions = {}): Result<CarePath> {
  requireRecord('safeParseCarePathData', 'options', options, { optional: true });
  const limits = (options as ReferenceOptions).limits;
  const shaped = safeParseDataWithin(CarePathSchema, data, limits?.maxConditionDepth ?? LIMITS.maxConditionDepth);
  if (!shaped.ok) return shaped;
  const diagnostics = checkReferences(shaped.value, options);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: shaped.value, diagnostics };
}

/** Checks plain data as a household path (format version 2): its shape, then its references and tracks. */
export function safeParseHouseholdPathData(data: unknown, options: Pick<ReferenceOptions, 'interventions' | 'limits'> = {}): Result<HouseholdPath> {
  requireRecord('safeParseHouseholdPathData', 'options', options, { optional: true });
  const shaped = safeParseDataWithin(HouseholdPathSchema, data, options.limits?.maxConditionDepth ?? LIMITS.maxConditionDepth);
  if (!shaped.ok) return shaped;
  const diagnostics = checkHouseholdReferences(shaped.value, options.interventions ? { interventions: options.interventions } : {});
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: shaped.value, diagnostics };
}
