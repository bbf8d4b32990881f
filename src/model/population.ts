import type * as z from 'zod';
import { lazyFields, lazySchema } from './lazy-schema.js';
import { ConditionSchema } from './condition.js';
import { checkDistribution } from './distribution-checks.js';
import { DocumentIdSchema, KeySchema, SchemaVersionSchema, VersionSchema } from './ids.js';
import { DescriptionSchema, LabelSchema } from './label.js';
import { provenanceFields } from './source.js';

const ProbabilitySchema = lazySchema((z) => z.number().min(0).max(1));

/** A prevalence that applies to the clients for whom `when` holds (first match wins). */
export const ConditionalPrevalenceSchema = lazySchema((z) => z.strictObject({
  when: ConditionSchema,
  prevalence: ProbabilitySchema,
  ...provenanceFields,
}));

/** A risk or protective factor with its prevalence among (future) parents. */
export const FactorModelSchema = lazySchema((z) => z
  .strictObject({
    label: LabelSchema,
    description: DescriptionSchema.optional(),
    prevalence: ProbabilitySchema.meta({ description: 'Share of clients with this factor (0 to 1).' }),
    given: z.array(ConditionalPrevalenceSchema).optional().meta({
      description: 'Prevalences for subgroups, e.g. young first-time mothers; the first whose condition holds is used.',
    }),
    ...provenanceFields,
  })
  .meta({ description: 'A factor: label, prevalence and optional conditional prevalences.' }));
export type FactorModel = z.infer<typeof FactorModelSchema>;

/** A range of numeric attribute values drawn uniformly (whole numbers from min to max). */
export const BinSchema = lazySchema((z) => z.strictObject({ min: z.number().int(), max: z.number().int(), weight: z.number().min(0) }));

const attributeDistribution = lazyFields((z) => ({
  p: ProbabilitySchema.optional().meta({ description: 'For a boolean attribute: the probability of true.' }),
  values: z.record(z.string().max(100), z.number().min(0)).optional().meta({ description: 'For a categorical attribute: value → weight.' }),
  bins: z.array(BinSchema).min(1).optional().meta({ description: 'For a number attribute: ranges with weights.' }),
}));

/** An attribute of generated clients (age, first pregnancy, planned pregnancy, …). */
export const AttributeModelSchema = lazySchema((z) => z
  .strictObject({
    label: LabelSchema.optional(),
    type: z.enum(['boolean', 'categorical', 'number']),
    ...attributeDistribution,
    given: z
      .array(z.strictObject({ when: ConditionSchema, ...attributeDistribution, ...provenanceFields }))
      .optional()
      .meta({ description: 'Distributions for subgroups (conditions over attributes declared earlier); the first match wins.' }),
    ...provenanceFields,
  })
  .superRefine((a, ctx) => {
    const needed = a.type === 'boolean' ? 'p' : a.type === 'categorical' ? 'values' : 'bins';
    if (a[needed] === undefined) {
      ctx.addIssue({ code: 'custom', message: `A ${a.type} attribute needs "${needed}".`, path: [needed], params: { zorgpadenCode: 'missing-field' } });
    }
    checkDistribution(a, ctx);
    a.given?.forEach((g, i) => checkDistribution(g, ctx, ['given', i]));
  })
  .meta({ description: 'A client attribute: boolean (p), categorical (values) or number (bins).' }));
export type AttributeModel = z.infer<typeof AttributeModelSchema>;

/** A population model: the clients a simulation draws. */
export const PopulationSchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: SchemaVersionSchema,
    kind: z.literal('population'),
    id: DocumentIdSchema,
    version: VersionSchema,
    title: LabelSchema,
    description: DescriptionSchema.optional(),
    cohort: z.number().int().min(1).optional().meta({ description: 'Default cohort size, e.g. 170000 births a year.' }),
    attributes: z.record(z.string().max(100), AttributeModelSchema).default({}),
    risks: z.record(KeySchema, FactorModelSchema).default({}),
    protections: z.record(KeySchema, FactorModelSchema).default({}),
    multipleBirths: z
      .strictObject({ share: ProbabilitySchema.meta({ description: 'Share of births that bring two children (0 to 1).' }), ...provenanceFields })
      .optional()
      .meta({ description: 'Multiple births, for household paths (format version 2): the share of births with twins. None when left out.' }),
    ...provenanceFields,
  })
  .meta({ title: 'Population', description: 'Prevalences of risk and protective factors and attributes, for simulation.' }));
export type Population = z.infer<typeof PopulationSchema>;
export type PopulationInput = z.input<typeof PopulationSchema>;

