import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { VALIDATE_CODES } from './codes.js';
import { PathGraph } from './graph.js';
import { severityOf, type ResolvedValidateOptions } from './options.js';
import type { Rule, RuleContext, RuleReport, RuleSetting, ValidatedDocument } from './rule.js';

/** What the harness needs: the rules, the document, resolved options and the user's settings. */
export interface RunRulesInput {
  rules: readonly Rule[];
  document: ValidatedDocument;
  options: ResolvedValidateOptions;
  settings?: Readonly<Record<string, RuleSetting>>;
  /** A graph already built for this path, to share it with other callers. */
  graph?: PathGraph;
}

/**
 * Runs every rule that applies to the document's kind and is not switched off. A rule that throws
 * becomes one `internal-error` diagnostic naming it; the other rules still run.
 */
export function runRules(input: RunRulesInput): Diagnostic[] {
  const { document, options, settings = {} } = input;
  const diagnostics: Diagnostic[] = [];
  let graph = input.graph;
  for (const rule of input.rules) {
    const scopes = rule.meta.scopes ?? ['carepath'];
    if (!scopes.includes(document.kind)) continue;
    const setting = settings[rule.meta.code];
    const severity = setting === undefined ? rule.meta.severity : severityOf(setting);
    if (severity === undefined) continue;
    const found: Diagnostic[] = [];
    const context: RuleContext = {
      document,
      options,
      get path() {
        if (document.kind !== 'carepath') throw new Error(`rule ${rule.meta.code} needs a care path, but got a ${document.kind}`);
        return document.value;
      },
      get household() {
        if (document.kind !== 'household') throw new Error(`rule ${rule.meta.code} needs a household path, but got a ${document.kind}`);
        return document.value;
      },
      get graph() {
        if (document.kind !== 'carepath') throw new Error(`rule ${rule.meta.code} needs a care path, but got a ${document.kind}`);
        graph ??= new PathGraph(document.value);
        return graph;
      },
      report(report: RuleReport) {
        const id = report.messageId ?? 'default';
        const message = rule.meta.messages[id];
        if (!message) throw new Error(`rule ${rule.meta.code} has no message "${id}"`);
        const template = { code: rule.meta.code, severity, message: message.message, ...(message.hint ? { hint: message.hint } : {}) };
        found.push(createDiagnostic(template, report.params, { pointer: report.pointer }));
      },
    };
    try {
      rule.check(context);
      diagnostics.push(...found);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push(createDiagnostic(VALIDATE_CODES.internalError, { rule: rule.meta.code, reason }, { pointer: '' }));
    }
  }
  return diagnostics;
}
