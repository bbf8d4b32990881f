import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { ActorSchema } from './actor.js';
import { DocumentIdSchema, KeySchema, SchemaVersionSchema, StepIdSchema, VersionSchema } from './ids.js';
import { InterventionSchema } from './intervention.js';
import { DescriptionSchema, LabelSchema, TextSchema } from './label.js';
import { PhaseSchema } from './phase.js';
import { provenanceFields, SourceSchema } from './source.js';
import { StepSchema } from './step.js';

/**
 * Includes a sub-path. Its steps join this path under the prefix `as` (`as/step-id`), and
 * `connect` links each named outcome of the sub-path onward to a step of the composed path.
 */
export const IncludeSchema = lazySchema((z) => z
  .strictObject({
    path: TextSchema.meta({ description: 'The file to include, relative to this file.' }),
    as: KeySchema.meta({ description: 'Prefix for the included step ids: step "intake" becomes "<as>/intake".' }),
    connect: z
      .record(StepIdSchema, StepIdSchema)
      .optional()
      .meta({
        description:
          'Outcome step ids of the included path (without prefix) mapped to the step of the composed path where the client continues; transitions into such an outcome go there instead.',
      }),
  })
  .meta({ description: 'An included sub-path: path, as (prefix) and connect (outcome → next step).' }));
export type Include = z.infer<typeof IncludeSchema>;

/** A risk or protective factor the path names, with its label for diagrams and reports. */
export const FactorSchema = lazySchema((z) => z.strictObject({ label: LabelSchema, description: DescriptionSchema.optional(), ...provenanceFields }));
export type Factor = z.infer<typeof FactorSchema>;

/**
 * How an event or a client attribute reads (`PREGNANCY_CONFIRMED` → "zwangerschap bevestigd",
 * `childWish` → "kinderwens"), and for an attribute how its values read (`yes` → "ja").
 */
export const TermSchema = lazySchema((z) => z.strictObject({
  label: LabelSchema,
  values: z.record(z.string().min(1).max(100), LabelSchema).optional().meta({ description: 'For an attribute: how each value reads, keyed by the value as text ("yes", "vmbo", "true").' }),
}));
export type Term = z.infer<typeof TermSchema>;

/** Labels of events (keyed by event name) and client attributes (keyed by attribute name), so diagrams and reports read in words. */
export const VocabularySchema = lazySchema((z) => z
  .record(z.string().min(1).max(100), TermSchema)
  .meta({ description: 'Labels of events (keyed by event name) and client attributes (keyed by attribute name), so diagrams and reports read in words.' }));

/** What a coalition overlay recorded in the path it produced. */
export const CoalitionInfoSchema = lazySchema((z) => z.strictObject({
  id: DocumentIdSchema,
  municipality: TextSchema,
  offers: z.array(KeySchema).meta({ description: 'The menukaart interventions the coalition offers.' }),
  replaced: z
    .record(KeySchema, StepIdSchema.nullable())
    .default({})
    .meta({ description: 'Interventions not offered: the local step used instead, or null for none.' }),
}));
export type CoalitionInfo = z.infer<typeof CoalitionInfoSchema>;

/** A care path (zorgpad): actors, steps and transitions, from an initial step to outcomes. */
export const CarePathSchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows, for editor completion.' }),
    schemaVersion: SchemaVersionSchema,
    kind: z.literal('carepath').optional(),
    id: DocumentIdSchema,
    version: VersionSchema,
    title: LabelSchema,
    description: DescriptionSchema.optional(),
    phases: z.array(PhaseSchema).optional().meta({ description: 'The phases of the 1000 days this path covers.' }),
    actors: z.record(KeySchema, ActorSchema).default({}),
    initial: StepIdSchema.meta({ description: 'The step every journey starts in.' }),
    steps: z.record(StepIdSchema, StepSchema),
    includes: z.array(IncludeSchema).optional(),
    menukaart: TextSchema.optional().meta({ description: 'A menukaart file (relative path) whose interventions steps refer to.' }),
    interventions: z.record(KeySchema, InterventionSchema).optional().meta({ description: 'Interventions defined in this file.' }),
    risks: z.record(KeySchema, FactorSchema).optional().meta({ description: 'Labels of the risk factors the path refers to.' }),
    protections: z.record(KeySchema, FactorSchema).optional().meta({ description: 'Labels of the protective factors.' }),
    sources: z.record(KeySchema, SourceSchema).optional(),
    vocabulary: VocabularySchema.optional(),
    coalition: CoalitionInfoSchema.optional().meta({ description: 'Set when a coalition overlay produced this path.' }),
    ...provenanceFields,
  })
  .meta({ title: 'Zorgpad (care path)', description: 'A Kansrijke Start care path: actors, steps and transitions.' }));

/** A parsed care path. */
export type CarePath = z.infer<typeof CarePathSchema>;
/** A care path as written (defaults not yet filled in). */
export type CarePathInput = z.input<typeof CarePathSchema>;
