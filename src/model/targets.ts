import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { DocumentIdSchema, KeySchema, SchemaVersionSchema, StepIdSchema, VersionSchema } from './ids.js';
import { DescriptionSchema, LabelSchema, LongTextSchema, TextSchema } from './label.js';
import { SourceRefSchema } from './source.js';

/**
 * A set of clients of a simulation, in the terms of its result. Birth selectors (`birthOutcome`)
 * count children in a target with unit `births`: an outcome (`big2`, `preterm`,
 * `small-for-gestational-age`) or the children of `singleton` or `multiple` births.
 */
export type CountSelector =
  | { everyone: true }
  | { reached: string }
  | { outcome: string }
  | { hasRisk: string }
  | { unmet: string }
  | { birthOutcome: string }
  | { all: CountSelector[] }
  | { any: CountSelector[] }
  | { not: CountSelector };

export const CountSelectorSchema: z.ZodType<CountSelector> = lazySchema((z) => z.lazy(() =>
  z.union([
    z.strictObject({ everyone: z.literal(true) }),
    z.strictObject({ reached: StepIdSchema.meta({ description: 'Clients who visited this step.' }) }),
    z.strictObject({ outcome: StepIdSchema.meta({ description: 'Clients whose journey ended in this outcome step.' }) }),
    z.strictObject({ hasRisk: KeySchema.meta({ description: 'Clients with this risk.' }) }),
    z.strictObject({ unmet: KeySchema.meta({ description: 'Clients with this risk who never reached support for it.' }) }),
    z.strictObject({ birthOutcome: KeySchema.meta({ description: 'With unit "births": children with this birth outcome ("big2", "preterm", "small-for-gestational-age"), or the children of "singleton" or "multiple" births.' }) }),
    z.strictObject({ all: z.array(CountSelectorSchema).min(1) }),
    z.strictObject({ any: z.array(CountSelectorSchema).min(1) }),
    z.strictObject({ not: CountSelectorSchema }),
  ]),
));

/** How a target's figure is computed: numerator over denominator, counted in a unit. */
export const TargetMeasureSchema = lazySchema((z) => z
  .strictObject({
    unit: z.enum(['households', 'members', 'births']).default('households').meta({
      description: 'What is counted: households (one journey each), members or births (children, from the birth steps of the path). Members are not counted yet.',
    }),
    numerator: CountSelectorSchema,
    denominator: CountSelectorSchema.default({ everyone: true }),
  })
  .meta({ description: 'The figure: the share of the denominator that is also in the numerator.' }));
export type TargetMeasure = z.infer<typeof TargetMeasureSchema>;

/** One published (or derived) indicator value the model should reproduce. */
export const TargetSchema = lazySchema((z) => z
  .strictObject({
    label: LabelSchema,
    indicator: TextSchema.optional().meta({ description: 'The indicator as the publisher names it, e.g. "RIVM Kansrijke Start 2024, indicator 13".' }),
    measure: TargetMeasureSchema,
    value: z.number().min(0).max(1).optional().meta({ description: 'The published share (0 to 1); left out while no value is known.' }),
    tolerance: z.number().gt(0).max(1).meta({ description: 'How far the model may lie from the value and still count as matching (absolute, as a share).' }),
    year: z.number().int().min(1900).max(2200).optional(),
    source: SourceRefSchema.optional(),
    status: z.enum(['published', 'derived', 'assumption', 'awaiting-value']).meta({
      description: 'published: the value is in the source; derived: computed from published figures (say how in note); assumption: no source; awaiting-value: no value yet.',
    }),
    use: z.enum(['fit', 'validate']).default('fit').meta({ description: 'fit: calibration fits to it; validate: held out, only compared after fitting.' }),
    note: LongTextSchema.optional(),
  })
  .meta({ description: 'A target: an indicator, how the simulation computes it, and its published value.' }));
export type Target = z.infer<typeof TargetSchema>;

/**
 * The documents a tuned value may point into: the path, the population, and the birth model
 * (`birthOutcomes`' chances of small for gestational age, which live in no file; an overlay sets
 * them over the national ones).
 */
export const TUNABLE_FILES = ['path', 'population', 'birth-model'] as const;

const JSON_POINTER_PATTERN = /^(?:\/[^/]*)+$/;
// one message for every pointer field, so that messages-nl.ts gives each its Dutch text
const JSON_POINTER_MESSAGE = 'A JSON pointer starts with "/", like "/risks/smoking/prevalence".';

/** A number in a file that calibration may change, by JSON pointer, within a range. */
export const TunableParameterSchema = lazySchema((z) => z
  .strictObject({
    file: z.enum(TUNABLE_FILES).meta({
      description: 'Which document the pointer points into: the (loaded, includes resolved) path, the population, or the birth model (its chances of small for gestational age: "/sgaGivenPreterm", "/sgaGivenTerm").',
    }),
    pointer: z.string().regex(JSON_POINTER_PATTERN, { message: JSON_POINTER_MESSAGE }).max(1000),
    min: z.number(),
    max: z.number(),
    label: LabelSchema.optional(),
    note: LongTextSchema.optional(),
  })
  .refine((p) => p.min < p.max, { message: 'A parameter needs min below max.', path: ['max'] })
  .meta({ description: 'A tunable parameter: a number at a JSON pointer, with the range it may take.' }));
export type TunableParameter = z.infer<typeof TunableParameterSchema>;

/** A targets file: indicators to calibrate to, and the parameters that may be tuned. */
export const TargetsSchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: SchemaVersionSchema,
    kind: z.literal('targets'),
    id: DocumentIdSchema,
    version: VersionSchema,
    title: LabelSchema,
    description: DescriptionSchema.optional(),
    targets: z.record(KeySchema, TargetSchema),
    parameters: z.record(KeySchema, TunableParameterSchema).default({}),
    note: LongTextSchema.optional(),
  })
  .meta({ title: 'Targets', description: 'Published indicator values a simulation is calibrated to, and the parameters that may be tuned.' }));
export type Targets = z.infer<typeof TargetsSchema>;
export type TargetsInput = z.input<typeof TargetsSchema>;

/** Tuned values by JSON pointer into the path, population or birth model: applied at simulation time, never written into them. */
export const OverlaySchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional(),
    // no schemaVersion: an overlay is output, and the CLI overwrites only files that are not content
    kind: z.literal('overlay'),
    targets: DocumentIdSchema.optional().meta({ description: 'The targets file the values were fitted to.' }),
    seed: z.number().int().optional(),
    values: z.array(
      z.strictObject({
        file: z.enum(TUNABLE_FILES),
        pointer: z.string().regex(JSON_POINTER_PATTERN, { message: JSON_POINTER_MESSAGE }).max(1000),
        value: z.number(),
        min: z.number().optional(),
        max: z.number().optional(),
        parameter: KeySchema.optional(),
      }),
    ),
  })
  .meta({ title: 'Overlay', description: 'Tuned parameter values, applied over a path and population when simulating.' }));
export type Overlay = z.infer<typeof OverlaySchema>;
