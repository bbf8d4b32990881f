import type * as z from 'zod';
import { lazyFields, lazySchema } from './lazy-schema.js';
import { ATTRIBUTE_NAME_MESSAGE } from './id-rules.js';
import { KeySchema } from './ids.js';
import { conditionFormProblems } from './shapes.js';

export { COMPARISON_OPERATORS, CONDITION_FORMS } from './shapes.js';
export { conditionDepth, evaluateCondition, requireAttributeNames, requireCondition, risksIn, attributesIn, viewClient, type ClientView } from './condition-eval.js';

/** A value a client attribute may hold. */
// an attribute named "__proto__" cannot survive a copy into a plain object: every layer refuses it
const AttributeNameSchema = lazySchema((z) => z.string().max(100).refine((name) => name !== '__proto__', { message: ATTRIBUTE_NAME_MESSAGE }));

export const AttributeValueSchema = lazySchema((z) => z.union([z.string().max(500), z.number(), z.boolean()]));
export type AttributeValue = z.infer<typeof AttributeValueSchema>;

const conditionLeafFields = lazyFields((z) => ({
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
}));

/**
 * A condition over a client, as data so that paths stay data and compile to XState guards:
 * `{ all: [...] }`, `{ any: [...] }`, `{ not: … }`, `{ hasRisk: "debts" }`, `{ hasProtection: "…" }`,
 * `{ signalled: "debts" }` (format version 2), or an attribute comparison `{ attr: "age", lt: 20 }` (several operators in one comparison must all hold).
 */
// the recursive part is the only type written by hand: TypeScript cannot infer a recursive schema
export type Condition = z.infer<z.ZodObject<typeof conditionLeafFields>> & { all?: Condition[]; any?: Condition[]; not?: Condition };

// input and output alike: a condition written in TypeScript (definePath) is type-checked as one
export const ConditionSchema: z.ZodType<Condition, Condition> = lazySchema((z) => z
  .strictObject({
    all: z.array(z.lazy(() => ConditionSchema)).optional().meta({ description: 'True when every condition in the list holds.' }),
    any: z.array(z.lazy(() => ConditionSchema)).optional().meta({ description: 'True when at least one condition in the list holds.' }),
    not: z.lazy(() => ConditionSchema).optional().meta({ description: 'True when the condition does not hold.' }),
    ...conditionLeafFields,
  })
  .superRefine((condition, ctx) => {
    for (const problem of conditionFormProblems(condition)) ctx.addIssue({ code: 'custom', ...problem });
  })
  .meta({ id: 'Condition', description: 'A condition over the client: all, any, not, hasRisk, hasProtection, signalled, or attr with an operator.' }));

/** A client: their risk and protective factors and attributes (the machine's input is `{ client }`). */
export const ClientSchema = lazySchema((z) => z
  .strictObject({
    id: z.string().max(200).optional(),
    risks: z.array(KeySchema).default([]).meta({ description: 'Risk factor keys, e.g. "debts".' }),
    protections: z.array(KeySchema).default([]).meta({ description: 'Protective factor keys.' }),
    attributes: z.record(AttributeNameSchema, AttributeValueSchema).default({}).meta({ description: 'Attributes such as age, firstPregnancy.' }),
  })
  .meta({ description: 'A (future) parent: risk factors, protective factors and attributes.' }));
export type Client = z.infer<typeof ClientSchema>;
export type ClientInput = z.input<typeof ClientSchema>;
