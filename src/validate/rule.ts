import type { DiagnosticParams, MessageTemplate, Severity } from '../diagnostics/index.js';
import type { CarePath, HouseholdPath, Menukaart, Population } from '../model/index.js';
import type { PathGraph } from './graph.js';
import type { ResolvedValidateOptions } from './options.js';

/** The fixed codes of the validation rules; users configure rules by these names. */
export const RULE_CODES = [
  'awaited-event-never-emitted',
  'child-track-without-birth',
  'cold-handoff',
  'cycle-without-exit',
  'dead-end',
  'event-never-heard',
  'handoff-without-receiver',
  'ineligible-route',
  'intervention-not-offered',
  'lead-change-without-handoff',
  'loop-many-rounds',
  'missing-source',
  'phase-order',
  'phase-uncovered',
  'referral-into-own-track',
  'risk-not-in-population',
  'risk-without-intervention',
  'signal-without-support',
  'signalled-never-detected',
  'start-event-never-emitted',
  'unknown-actor',
  'unknown-intervention',
  'unknown-key',
  'unknown-target',
  'unknown-track',
  'unreachable-step',
  'weights-invalid',
  'window-infeasible',
  'window-out-of-order',
  'window-outside-phase',
] as const;
/** The code of a validation rule. */
export type RuleCode = (typeof RULE_CODES)[number];

/** How a user sets a rule: switched off, reported as a warning, or as an error. */
export type RuleSetting = 'off' | 'warn' | 'error';

/** One message of a rule: text and an optional hint, both in English and Dutch. */
export interface RuleMessage {
  message: MessageTemplate;
  hint?: MessageTemplate;
}

/** The kinds of documents rules run on. */
export type DocumentScope = 'carepath' | 'menukaart' | 'population' | 'household';

/** What a rule is: its code, default severity, documentation and messages. */
export interface RuleMeta {
  code: RuleCode;
  /** `info` for a note: reported, never making a path invalid. */
  severity: Severity;
  category: 'structure' | 'time' | 'chain';
  docs: { description: string; url: string };
  /** Message templates by id; `default` is used when a report names none. */
  messages: { default: RuleMessage } & Record<string, RuleMessage>;
  /** The documents the rule checks; care paths when not given. */
  scopes?: readonly DocumentScope[];
}

/** A document under validation, tagged with its kind. */
export type ValidatedDocument =
  | { kind: 'carepath'; value: CarePath }
  | { kind: 'menukaart'; value: Menukaart }
  | { kind: 'population'; value: Population }
  | { kind: 'household'; value: HouseholdPath };

/** What a rule reports: where (JSON pointer), the message params, and which message. */
export interface RuleReport {
  pointer: string;
  params: DiagnosticParams;
  messageId?: string;
}

/** What a rule's `check` receives. */
export interface RuleContext {
  readonly document: ValidatedDocument;
  /** The care path; only for rules that run on care paths. */
  readonly path: CarePath;
  /** Shared, lazily computed graph facts of the path (reachability, SCCs, arrival days). */
  readonly graph: PathGraph;
  /** The household path (format version 2); only for rules that run on household paths. */
  readonly household: HouseholdPath;
  readonly options: ResolvedValidateOptions;
  report(report: RuleReport): void;
}

/** A validation rule: metadata and a check that only reports. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** The docs page of a rule, relative to the repository root. */
export function ruleDocsUrl(code: string): string {
  return `docs/rules/${code}.md`;
}

/** Declares a rule; a typed identity so rule files read alike. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
