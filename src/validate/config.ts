import type { ParseError } from 'jsonc-parser';
import { createDiagnostic, didYouMean, suggestionParams, toPointer, type Diagnostic, type DiagnosticLocation } from '../diagnostics/index.js';
import { jsoncTree } from '../load/jsonc-module.js';
import { wrongKindParams, type Result } from '../model/index.js';
import { VALIDATE_CODES } from './codes.js';
import type { ValidateConfig } from './options.js';
import { RULE_CODES, type RuleSetting } from './rule.js';

const SETTINGS: readonly string[] = ['off', 'warn', 'error'];

/** Checks a map of rule settings: unknown rule names (with a did-you-mean hint) and bad values. */
export function checkRuleSettings(rules: unknown, base = '/rules'): Diagnostic[] {
  if (rules === undefined) return [];
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
    return [createDiagnostic(VALIDATE_CODES.invalidConfig, { reason: '"rules" must be an object', reasonNl: '"rules" moet een object zijn' }, { pointer: base })];
  }
  const diagnostics: Diagnostic[] = [];
  const known: readonly string[] = RULE_CODES;
  for (const [rule, value] of Object.entries(rules)) {
    const pointer = `${base}${toPointer([rule])}`;
    if (!known.includes(rule)) {
      diagnostics.push(createDiagnostic(VALIDATE_CODES.unknownRule, { rule, ...suggestionParams(didYouMean(rule, known), [...known]) }, { pointer }));
    } else if (typeof value !== 'string' || !SETTINGS.includes(value)) {
      diagnostics.push(createDiagnostic(VALIDATE_CODES.invalidRuleSetting, { rule, value: JSON.stringify(value) ?? String(value) }, { pointer }));
    }
  }
  return diagnostics;
}

/** The valid settings of a rules map; invalid entries are left out (they are reported by `checkRuleSettings`). */
export function validSettings(rules: unknown): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (rules === null || typeof rules !== 'object') return out;
  for (const [rule, value] of Object.entries(rules)) {
    if ((RULE_CODES as readonly string[]).includes(rule) && typeof value === 'string' && SETTINGS.includes(value)) out[rule] = value as RuleSetting;
  }
  return out;
}

/** Parses the text of a validation config; `loadValidateConfig` from `zorgpaden/node` reads one from a file.
 * @example
 * const config = parseValidateConfig('{ "rules": { "cold-handoff": "off" } }', 'zorgpaden.config.json'); */
export function parseValidateConfig(text: string, file?: string): Result<ValidateConfig> {
  const { findNodeAtLocation, getNodeValue, parseTree } = jsoncTree();
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const at = (pointer: string, offset: number): DiagnosticLocation => {
    const before = text.slice(0, offset).split('\n');
    const location = { pointer, line: before.length, column: before[before.length - 1]!.length + 1 };
    return file === undefined ? location : { ...location, file };
  };
  if (errors.length > 0 || tree === undefined || tree.type !== 'object') {
    const offset = errors[0]?.offset ?? 0;
    const reason = errors.length > 0 || tree === undefined ? 'it is not valid JSON' : 'it must be a JSON object';
    const reasonNl = errors.length > 0 || tree === undefined ? 'het is geen geldige JSON' : 'het moet een JSON-object zijn';
    return { ok: false, diagnostics: [createDiagnostic(VALIDATE_CODES.invalidConfig, { reason, reasonNl }, at('', offset))] };
  }
  const data = getNodeValue(tree) as Record<string, unknown>;
  // a content file given as the config (e.g. -c path.json) is one mistake, not one per field
  if (Object.hasOwn(data, 'schemaVersion')) {
    const kind = typeof data.kind === 'string' ? data.kind : 'carepath';
    const words = wrongKindParams(kind, 'config');
    const reason = `this is a ${String(words.kindWords)} file, not a validation config; give content files as arguments and the config with -c`;
    const reasonNl = `dit is een ${String(words.kindWordsNl)}-bestand, geen validatieconfiguratie; geef inhoudsbestanden als argumenten en de configuratie met -c`;
    return { ok: false, diagnostics: [createDiagnostic(VALIDATE_CODES.invalidConfig, { reason, reasonNl }, at('', tree.offset))] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const key of Object.keys(data)) {
    if (key !== 'rules' && key !== '$schema') {
      const node = findNodeAtLocation(tree, [key]);
      diagnostics.push(createDiagnostic(VALIDATE_CODES.invalidConfig, { reason: `unknown field "${key}"`, reasonNl: `onbekend veld "${key}"` }, at(toPointer([key]), node?.parent?.offset ?? 0)));
    }
  }
  for (const d of checkRuleSettings(data.rules)) {
    const segments = d.pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const node = findNodeAtLocation(tree, segments);
    diagnostics.push({ ...d, ...at(d.pointer, node?.parent?.offset ?? node?.offset ?? 0) });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, value: { rules: validSettings(data.rules) }, diagnostics: [] };
}

/**
 * Applies rule settings to diagnostics found elsewhere (e.g. reference errors the loader reports
 * under rule codes): drops those switched off and sets the severity of the others.
 */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], settings: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = Object.hasOwn(settings, d.code) ? settings[d.code] : undefined;
    if (setting === undefined) out.push(d);
    else if (setting !== 'off') out.push({ ...d, severity: setting === 'warn' ? 'warning' : 'error' });
  }
  return out;
}
