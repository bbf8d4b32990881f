/**
 * `zorgpaden/rules`: writing and running validation rules, rule settings, the diagnostic codes of
 * every layer, and the diagnostic formatters (text, JSON, SARIF). For tools that extend or report on
 * validation; apps validate with `validatePath` from the main entry.
 *
 * @example
 * import { defineRule, runRules, RULES } from 'zorgpaden/rules';
 * const noWait = defineRule({ meta: { code: 'no-wait', severity: 'warning', scope: 'carepath', message: { en: 'A wait step.', nl: 'Een wachtstap.' } }, check: () => [] });
 *
 * @packageDocumentation
 */
export { RULE_CODES, defineRule, ruleDocsUrl, type Rule, type RuleCode, type RuleContext, type RuleMeta, type RuleMessage, type RuleReport, type DocumentScope, type ValidatedDocument } from './validate/rule.js';
export { RULES, ruleByCode } from './validate/rules/index.js';
export { runRules, type RunRulesInput } from './validate/run-rules.js';
export { ruleSettings } from './validate/validate-path.js';
export { validateMenukaart, validatePopulation } from './validate/validate-document.js';
export { checkRuleSettings, applyRuleSettings } from './validate/config.js';
export { DEFAULT_PHASE_UNCOVERED_DAYS, type ResolvedValidateOptions } from './validate/options.js';
export { formatText, formatJson, formatSarif } from './validate/format/index.js';
export { createDiagnostic, sortDiagnostics, type DiagnosticParams, type DiagnosticTemplate, type MessageTemplate } from './diagnostics/diagnostic.js';
export { toPointer, parsePointer, joinPointer, type PointerSegment } from './diagnostics/pointer.js';
export { VALIDATE_CODES } from './validate/codes.js';
export { LOAD_CODES } from './diagnostics/codes.js';
export { ARGUMENT_CODES } from './diagnostics/arguments.js';
export { OVERLAY_CODES } from './load/codes.js';
export { EDIT_CODES } from './edit/codes.js';
export { MACHINE_CODES } from './machine/codes.js';
export { SIMULATE_CODES } from './simulate/codes.js';
