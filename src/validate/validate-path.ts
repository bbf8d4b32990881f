import { argumentError, hasErrors, locateDiagnostics, sortDiagnostics, sourceOf, type Diagnostic } from '../diagnostics/index.js';
import { CarePathSchema, safeParseData, type CarePath } from '../model/index.js';
import { unwalkableDiagnostic } from '../load/nesting.js';
import { checkRuleSettings, validSettings } from './config.js';
import { resolveOptions, type ValidateOptions } from './options.js';
import type { RuleSetting } from './rule.js';
import { RULES } from './rules/index.js';
import { runRules } from './run-rules.js';
import { pathReferences } from './shared.js';
import { PathGraph } from './graph.js';

/** The result of a validation: `ok` when no error remains (warnings allowed). */
export interface ValidationResult {
  ok: boolean;
  diagnostics: Diagnostic[];
}

/** Reference problems that are not rules: they always count, whatever the settings. */
const ALWAYS = new Set(['unknown-initial', 'outcome-with-transitions', 'too-many-steps', 'condition-too-deep']);

/** The effective per-rule settings (config first, then `rules`) and the problems in them. */
export function ruleSettings(options: ValidateOptions = {}): { settings: Record<string, RuleSetting>; diagnostics: Diagnostic[] } {
  return {
    settings: { ...validSettings(options.config?.rules), ...validSettings(options.rules) },
    diagnostics: [...checkRuleSettings(options.config?.rules), ...checkRuleSettings(options.rules)],
  };
}

/**
 * Validates a care path with every rule (docs/rules/README.md) and returns all findings, sorted.
 * Never throws on bad content: a document that is not a path gives schema diagnostics, and a rule
 * that fails gives an `internal-error` diagnostic. When the path was loaded from a file, each
 * diagnostic carries its file, line and column.
 *
 * @example
 * const { ok, diagnostics } = validatePath(path, { rules: { 'cold-handoff': 'off' }, menukaart });
 * if (!ok) console.log(formatText(diagnostics, { lang: 'nl' }));
 */
export function validatePath(path: CarePath, options: ValidateOptions = {}): ValidationResult {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw argumentError('validatePath', 'options', { en: 'an object', nl: 'een object' }, options);
  const { settings, diagnostics: settingProblems } = ruleSettings(options);
  // every rule walks conditions recursively: a cycle or a condition thousands deep is a diagnostic first
  const unwalkable = unwalkableDiagnostic(path);
  if (unwalkable) return finish([unwalkable], settingProblems);
  if (!looksLikePath(path)) {
    const parsed = safeParseData(CarePathSchema, path);
    return finish(parsed.diagnostics, settingProblems);
  }
  let found: Diagnostic[];
  try {
    const resolved = resolveOptions(path, options);
    const graph = new PathGraph(path);
    const references = pathReferences(graph, resolved.interventions);
    const always = references.filter((d) => ALWAYS.has(d.code));
    found = always.some((d) => d.code === 'too-many-steps')
      ? always
      : [...always, ...runRules({ rules: RULES, document: { kind: 'carepath', value: path }, options: resolved, settings, graph })];
  } catch (error) {
    found = [internal(error)];
  }
  // a rule that fails on an object the quick shape check let through (`{ "steps": {} }`) failed
  // because the object is no path: say what is wrong with it rather than blame the rule
  if (found.some((d) => d.code === 'internal-error')) {
    const parsed = safeParseData(CarePathSchema, path);
    if (!parsed.ok) return finish(parsed.diagnostics, settingProblems);
  }
  return finish(locateDiagnostics(found, sourceOf(path)), settingProblems);
}

function finish(found: Diagnostic[], settingProblems: Diagnostic[]): ValidationResult {
  const diagnostics = [...sortDiagnostics(found), ...settingProblems];
  return { ok: !hasErrors(diagnostics), diagnostics };
}

function internal(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal-error',
    severity: 'error',
    message: `Validation failed with an internal error: ${reason}.`,
    nl: { message: `De validatie liep vast op een interne fout: ${reason}.` },
    params: { rule: null, reason },
    pointer: '',
  };
}

function looksLikePath(value: unknown): value is CarePath {
  if (value === null || typeof value !== 'object') return false;
  const steps = (value as { steps?: unknown }).steps;
  if (steps === null || typeof steps !== 'object' || Array.isArray(steps)) return false;
  for (const id in steps) {
    const step = (steps as Record<string, unknown>)[id];
    if (step === null || typeof step !== 'object') return false;
    const transitions = (step as { transitions?: unknown }).transitions;
    if (transitions !== undefined && !Array.isArray(transitions)) return false;
  }
  return true;
}
