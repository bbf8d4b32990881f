import * as z from 'zod';
import { argumentError, isRecord, type Words } from '../diagnostics/index.js';
import { requireClientView } from './arguments.js';
import { KeySchema } from './ids.js';
import { issuesToDiagnostics } from './schema-issues.js';

/** A value a client attribute may hold. */
// an attribute named "__proto__" cannot survive a copy into a plain object: every layer refuses it
const AttributeNameSchema = z.string().max(100).refine((name) => name !== '__proto__', { message: '"__proto__" cannot be the name of an attribute.' });

export const AttributeValueSchema = z.union([z.string().max(500), z.number(), z.boolean()]);
export type AttributeValue = z.infer<typeof AttributeValueSchema>;

/** The comparison operators of an attribute condition. */
export const COMPARISON_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'exists'] as const;
/** The forms a condition takes; exactly one appears in each condition object. */
export const CONDITION_FORMS = ['all', 'any', 'not', 'hasRisk', 'hasProtection', 'signalled', 'attr'] as const;

const conditionLeafFields = {
  hasRisk: KeySchema.optional().meta({ description: 'True when the client has this risk factor.' }),
  hasProtection: KeySchema.optional().meta({ description: 'True when the client has this protective factor.' }),
  signalled: KeySchema.optional().meta({ description: 'True once this risk has been signalled in the journey, by any track (format version 2).' }),
  attr: AttributeNameSchema.min(1).optional().meta({ description: 'Name of a client attribute to compare.' }),
  eq: AttributeValueSchema.optional(),
  ne: AttributeValueSchema.optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
  gt: z.number().optional(),
  gte: z.number().optional(),
  in: z.array(AttributeValueSchema).optional(),
  exists: z.boolean().optional(),
};

/**
 * A condition over a client, as data so that paths stay data and compile to XState guards:
 * `{ all: [...] }`, `{ any: [...] }`, `{ not: … }`, `{ hasRisk: "debts" }`, `{ hasProtection: "…" }`,
 * `{ signalled: "debts" }` (format version 2), or an attribute comparison `{ attr: "age", lt: 20 }` (several operators in one comparison must all hold).
 */
// the recursive part is the only type written by hand: TypeScript cannot infer a recursive schema
export type Condition = z.infer<z.ZodObject<typeof conditionLeafFields>> & { all?: Condition[]; any?: Condition[]; not?: Condition };

export const ConditionSchema: z.ZodType<Condition> = z
  .strictObject({
    all: z.array(z.lazy(() => ConditionSchema)).optional().meta({ description: 'True when every condition in the list holds.' }),
    any: z.array(z.lazy(() => ConditionSchema)).optional().meta({ description: 'True when at least one condition in the list holds.' }),
    not: z.lazy(() => ConditionSchema).optional().meta({ description: 'True when the condition does not hold.' }),
    ...conditionLeafFields,
  })
  .superRefine((condition, ctx) => {
    const forms = CONDITION_FORMS.filter((f) => condition[f] !== undefined);
    if (forms.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          forms.length === 0
            ? `A condition needs one of: ${CONDITION_FORMS.join(', ')}.`
            : `A condition has exactly one form, but this one mixes ${forms.join(' and ')}; wrap them in "all" or "any".`,
        params: {
          zorgpadenCode: 'invalid-condition',
          forms,
          nl:
            forms.length === 0
              ? `Een voorwaarde heeft een van: ${CONDITION_FORMS.join(', ')}.`
              : `Een voorwaarde heeft precies één vorm, maar deze mengt ${forms.join(' en ')}; zet ze in "all" of "any".`,
        },
      });
      return;
    }
    const operators = COMPARISON_OPERATORS.filter((op) => condition[op] !== undefined);
    if (forms[0] === 'attr' && operators.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `An attribute comparison needs an operator: ${COMPARISON_OPERATORS.join(', ')}.`,
        params: { zorgpadenCode: 'invalid-condition', nl: `Een vergelijking van een kenmerk heeft een operator nodig: ${COMPARISON_OPERATORS.join(', ')}.` },
      });
    }
    if (forms[0] !== 'attr' && operators.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `The operator ${operators.join(', ')} only goes with "attr".`,
        params: { zorgpadenCode: 'invalid-condition', nl: `De operator ${operators.join(', ')} hoort alleen bij "attr".` },
      });
    }
  })
  .meta({ id: 'Condition', description: 'A condition over the client: all, any, not, hasRisk, hasProtection, signalled, or attr with an operator.' });

/** A client: their risk and protective factors and attributes (the machine's input is `{ client }`). */

/** Throws `invalid-argument` when a client's attributes have a name no layer can keep ("__proto__"). */
export function requireAttributeNames(callee: string, attributes: unknown): void {
  if (isRecord(attributes) && Object.hasOwn(attributes, '__proto__')) {
    throw argumentError(callee, 'client.attributes', { en: 'attributes without one named "__proto__"', nl: 'kenmerken zonder een kenmerk met de naam "__proto__"' }, { en: 'an object with an attribute "__proto__"', nl: 'een object met een kenmerk "__proto__"' });
  }
}

export const ClientSchema = z
  .strictObject({
    id: z.string().max(200).optional(),
    risks: z.array(KeySchema).default([]).meta({ description: 'Risk factor keys, e.g. "debts".' }),
    protections: z.array(KeySchema).default([]).meta({ description: 'Protective factor keys.' }),
    attributes: z.record(AttributeNameSchema, AttributeValueSchema).default({}).meta({ description: 'Attributes such as age, firstPregnancy.' }),
  })
  .meta({ description: 'A (future) parent: risk factors, protective factors and attributes.' });
export type Client = z.infer<typeof ClientSchema>;
export type ClientInput = z.input<typeof ClientSchema>;

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

/** Throws `invalid-argument` unless `value` is a valid condition (checked against ConditionSchema once per object). */
export function requireCondition(callee: string, argument: string, value: unknown): asserts value is Condition {
  if (!isRecord(value)) throw argumentError(callee, argument, CONDITION, value);
  if (checkedConditions.has(value)) return;
  let issues: readonly z.core.$ZodIssue[];
  try {
    const parsed = ConditionSchema.safeParse(value);
    issues = parsed.success ? [] : parsed.error.issues;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw argumentError(callee, argument, CONDITION, { en: 'a condition nested too deeply to check', nl: 'een voorwaarde die te diep genest is om te controleren' });
  }
  const first = issues[0];
  if (first) {
    const at = first.path.length > 0 ? `/${first.path.join('/')}` : '';
    // the same words as a condition in a file gets, in both languages
    const [described] = issuesToDiagnostics([first], value, ConditionSchema);
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

