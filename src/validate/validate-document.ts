import { hasErrors, locateDiagnostics, sortDiagnostics, sourceOf, type Diagnostic } from '../diagnostics/index.js';
import { CarePathSchema, MenukaartSchema, PopulationSchema, safeParseData, type Menukaart, type Population } from '../model/index.js';
import { resolveOptions, type ValidateOptions } from './options.js';
import type { ValidatedDocument } from './rule.js';
import { RULES } from './rules/index.js';
import { runRules } from './run-rules.js';
import { ruleSettings, validatePath, type ValidationResult } from './validate-path.js';

function validateOther(document: ValidatedDocument, options: ValidateOptions): ValidationResult {
  const { settings, diagnostics: settingProblems } = ruleSettings(options);
  const found = runRules({ rules: RULES, document, options: resolveOptions(undefined, options), settings });
  const diagnostics = [...sortDiagnostics(locateDiagnostics(found, sourceOf(document.value))), ...settingProblems];
  return { ok: !hasErrors(diagnostics), diagnostics };
}

/** Validates a menukaart with the rules that apply to it (`missing-source`). */
export function validateMenukaart(menukaart: Menukaart, options: ValidateOptions = {}): ValidationResult {
  return validateOther({ kind: 'menukaart', value: menukaart }, options);
}

/** Validates a population model with the rules that apply to it (`missing-source`). */
export function validatePopulation(population: Population, options: ValidateOptions = {}): ValidationResult {
  return validateOther({ kind: 'population', value: population }, options);
}

/**
 * Validates any content document by its `kind` (a care path when it has none): first its shape
 * against the schema, then the rules for its kind. Kinds without rules get the shape check only.
 * @example
 * const result = validateDocument(JSON.parse(text));
 * if (!result.ok) console.log(result.diagnostics);
 */
export function validateDocument(data: unknown, options: ValidateOptions = {}): ValidationResult {
  const kind = data !== null && typeof data === 'object' ? (data as { kind?: unknown }).kind : undefined;
  const locate = (diagnostics: Diagnostic[]) => (data !== null && typeof data === 'object' ? locateDiagnostics(diagnostics, sourceOf(data)) : diagnostics);
  const failed = (diagnostics: Diagnostic[]): ValidationResult => ({ ok: false, diagnostics: sortDiagnostics(locate(diagnostics)) });
  if (kind === 'menukaart') {
    const parsed = safeParseData(MenukaartSchema, data);
    return parsed.ok ? relocate(validateMenukaart(parsed.value, options), locate) : failed(parsed.diagnostics);
  }
  if (kind === 'population') {
    const parsed = safeParseData(PopulationSchema, data);
    return parsed.ok ? relocate(validatePopulation(parsed.value, options), locate) : failed(parsed.diagnostics);
  }
  if (kind === undefined || kind === 'carepath') {
    const parsed = safeParseData(CarePathSchema, data);
    return parsed.ok ? relocate(validatePath(parsed.value, options), locate) : failed(parsed.diagnostics);
  }
  return { ok: true, diagnostics: [] };
}

// a parsed copy has no locator of its own; the raw document's locator places its diagnostics
function relocate(result: ValidationResult, locate: (d: Diagnostic[]) => Diagnostic[]): ValidationResult {
  return { ok: result.ok, diagnostics: sortDiagnostics(locate(result.diagnostics)) };
}
