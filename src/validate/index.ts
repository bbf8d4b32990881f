export { validatePath, ruleSettings, type ValidationResult } from './validate-path.js';
export { validateHouseholdPath } from './validate-household.js';
export { validateDocument, validateMenukaart, validatePopulation } from './validate-document.js';
export { arrivalWindows, type ArrivalWindow } from './arrival.js';
export { isSatisfiable, areCompatible } from './satisfiable.js';
export { parseValidateConfig, checkRuleSettings, applyRuleSettings } from './config.js';
export { DEFAULT_PHASE_UNCOVERED_DAYS, type ResolvedValidateOptions, type ValidateOptions, type ValidateConfig } from './options.js';
export { PathGraph as ValidationGraph, forwardReach, backwardReach, type EdgeFilter } from './graph.js';
export { RULES, ruleByCode } from './rules/index.js';
export { runRules, type RunRulesInput } from './run-rules.js';
export { VALIDATE_CODES } from './codes.js';
export {
  RULE_CODES,
  defineRule,
  ruleDocsUrl,
  type Rule,
  type RuleCode,
  type RuleContext,
  type RuleMeta,
  type RuleMessage,
  type RuleReport,
  type RuleSetting,
  type DocumentScope,
  type ValidatedDocument,
} from './rule.js';
export { formatText, formatJson, formatSarif, formatDiagnostics, type FormatOptions, type OutputFormat } from './format/index.js';
