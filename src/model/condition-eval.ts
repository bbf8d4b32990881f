import type { z } from 'zod';
import { argumentError, isRecord, type Words } from '../diagnostics/index.js';
import { requireClientView } from './arguments.js';
import type { AttributeValue, Client, ClientInput, Condition } from './condition.js';
import { issuesToDiagnostics } from './schema-issues.js';
import { checkShape } from './shape-check.js';
import { ConditionShape } from './shapes.js';

// no zod here: the machines, journeys and the simulator evaluate conditions without the schemas (condition.ts)

/** Throws `invalid-argument` when a client's attributes have a name no layer can keep ("__proto__"). */
export function requireAttributeNames(callee: string, attributes: unknown): void {
  if (isRecord(attributes) && Object.hasOwn(attributes, '__proto__')) {
    throw argumentError(callee, 'client.attributes', { en: 'attributes without one named "__proto__"', nl: 'kenmerken zonder een kenmerk met de naam "__proto__"' }, { en: 'an object with an attribute "__proto__"', nl: 'een object met een kenmerk "__proto__"' });
  }
}

/** A client prepared for fast repeated condition checks. */
export interface ClientView {
  risks: ReadonlySet<string>;
  protections: ReadonlySet<string>;
  attributes: Readonly<Record<string, AttributeValue>>;
  /** The risks signalled so far in the journey (format version 2); none when left out. */
  signalled?: ReadonlySet<string>;
}

/**
 * Builds the set-based view of a client that `evaluateCondition` reads.
 * @example
 * const view = viewClient({ risks: ['debts'], attributes: { age: 19 } });
 */
export function viewClient(client: ClientInput | Client): ClientView {
  const expected = { en: 'a client object { risks: [...], protections: [...], attributes: { ... } }', nl: 'een cliëntobject { risks: [...], protections: [...], attributes: { ... } }' };
  if (!isRecord(client)) throw argumentError('viewClient', 'client', expected, client);
  for (const field of ['risks', 'protections'] as const) {
    if (client[field] !== undefined && !Array.isArray(client[field])) throw argumentError('viewClient', `client.${field}`, { en: 'a list of keys', nl: 'een lijst sleutels' }, client[field]);
  }
  if (client.attributes !== undefined && !isRecord(client.attributes)) throw argumentError('viewClient', 'client.attributes', { en: 'an object', nl: 'een object' }, client.attributes);
  requireAttributeNames('viewClient', client.attributes);
  return {
    risks: new Set(client.risks ?? []),
    protections: new Set(client.protections ?? []),
    attributes: client.attributes ?? {},
  };
}

/**
 * Evaluates a condition for a client. Conditions are interpreted as data, never compiled to code.
 * An attribute the client lacks makes every comparison false except `ne` and `exists: false`.
 * @example
 * evaluateCondition({ hasRisk: 'debts' }, viewClient({ risks: ['debts'] })); // true
 */
export function evaluateCondition(condition: Condition | undefined, client: ClientView): boolean {
  // plain JavaScript callers get a clear error here instead of a TypeError from deep inside
  if (condition !== undefined) requireCondition('evaluateCondition', 'condition', condition);
  requireClientView('evaluateCondition', 'client', client);
  return evaluate(condition, client);
}

const CONDITION: Words = { en: 'a condition such as { hasRisk: "debts" } (or left out)', nl: 'een voorwaarde zoals { hasRisk: "debts" } (of weggelaten)' };
// conditions of a loaded path are the same objects every time: each is checked once
const checkedConditions = new WeakSet<object>();

/** Throws `invalid-argument` unless `value` is a valid condition (checked against the shape of ConditionSchema once per object). */
export function requireCondition(callee: string, argument: string, value: unknown): asserts value is Condition {
  if (!isRecord(value)) throw argumentError(callee, argument, CONDITION, value);
  if (checkedConditions.has(value)) return;
  let issues: readonly z.core.$ZodIssue[];
  try {
    const parsed = checkShape(ConditionShape, value);
    issues = parsed.success ? [] : parsed.issues;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw argumentError(callee, argument, CONDITION, { en: 'a condition nested too deeply to check', nl: 'een voorwaarde die te diep genest is om te controleren' });
  }
  const first = issues[0];
  if (first) {
    const at = first.path.length > 0 ? `/${first.path.join('/')}` : '';
    // the same words as a condition in a file gets, in both languages
    const [described] = issuesToDiagnostics([first], value, ConditionShape);
    const message = (described?.message ?? first.message).replace(/\.$/, '');
    const messageNl = (described?.nl.message ?? first.message).replace(/\.$/, '');
    throw argumentError(callee, argument, CONDITION, { en: `a condition with a problem${at ? ` at ${at}` : ''}: ${message}`, nl: `een voorwaarde met een fout${at ? ` bij ${at}` : ''}: ${messageNl}` });
  }
  checkedConditions.add(value);
}

function evaluate(condition: Condition | undefined, client: ClientView): boolean {
  if (condition === undefined) return true;
  if (condition.all !== undefined) return condition.all.every((c) => evaluate(c, client));
  if (condition.any !== undefined) return condition.any.some((c) => evaluate(c, client));
  if (condition.not !== undefined) return !evaluate(condition.not, client);
  if (condition.hasRisk !== undefined) return client.risks.has(condition.hasRisk);
  if (condition.hasProtection !== undefined) return client.protections.has(condition.hasProtection);
  if (condition.signalled !== undefined) return client.signalled?.has(condition.signalled) ?? false;
  // own properties only: "toString" or "constructor" is an attribute the client lacks, as in the simulator
  if (condition.attr !== undefined) return compareAttribute(condition, Object.hasOwn(client.attributes, condition.attr) ? client.attributes[condition.attr] : undefined);
  return false;
}

function compareAttribute(c: Condition, value: AttributeValue | undefined): boolean {
  if (c.exists !== undefined && (value !== undefined) !== c.exists) return false;
  if (c.eq !== undefined && value !== c.eq) return false;
  if (c.ne !== undefined && value === c.ne) return false;
  if (c.in !== undefined && (value === undefined || !c.in.includes(value))) return false;
  if (c.lt !== undefined && !(typeof value === 'number' && value < c.lt)) return false;
  if (c.lte !== undefined && !(typeof value === 'number' && value <= c.lte)) return false;
  if (c.gt !== undefined && !(typeof value === 'number' && value > c.gt)) return false;
  if (c.gte !== undefined && !(typeof value === 'number' && value >= c.gte)) return false;
  return true;
}

/** How deeply `all` / `any` / `not` nest in a condition (a leaf is depth 1). */
export function conditionDepth(condition: Condition): number {
  if (!isRecord(condition)) throw argumentError('conditionDepth', 'condition', CONDITION, condition);
  return depthOf(condition);
}

function depthOf(condition: Condition): number {
  const children = [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])];
  let deepest = 0;
  for (const child of children) deepest = Math.max(deepest, isRecord(child) ? depthOf(child) : 1);
  return deepest + 1;
}

/** The risk keys a condition mentions (in `hasRisk` and `signalled`). */
export function risksIn(condition: Condition | undefined, into: Set<string> = new Set()): Set<string> {
  if (!condition) return into;
  if (condition.hasRisk) into.add(condition.hasRisk);
  if (condition.signalled) into.add(condition.signalled);
  for (const c of condition.all ?? []) risksIn(c, into);
  for (const c of condition.any ?? []) risksIn(c, into);
  if (condition.not) risksIn(condition.not, into);
  return into;
}

/** The attribute keys a condition compares (in `attr`). */
export function attributesIn(condition: Condition | undefined, into: Set<string> = new Set()): Set<string> {
  if (!condition) return into;
  if (condition.attr) into.add(condition.attr);
  for (const c of condition.all ?? []) attributesIn(c, into);
  for (const c of condition.any ?? []) attributesIn(c, into);
  if (condition.not) attributesIn(condition.not, into);
  return into;
}

/** Whether a condition mentions `signalled` anywhere (format version 2 only). */
export function mentionsSignalled(condition: Condition | undefined): boolean {
  if (condition === undefined) return false;
  if (condition.signalled !== undefined) return true;
  return [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])].some(mentionsSignalled);
}
