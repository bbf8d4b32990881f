import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { ClientSchema } from './condition.js';
import { DocumentIdSchema, EventNameSchema, SchemaVersionSchema, StepIdSchema, VersionSchema } from './ids.js';
import { DescriptionSchema, LabelSchema, TextSchema } from './label.js';
import { provenanceFields } from './source.js';
import { TimePointSchema } from './time.js';

/** One step of a klantroute: the step reached, and optionally the event and moment. */
export const RouteStepSchema = lazySchema((z) => z.strictObject({
  step: StepIdSchema,
  on: EventNameSchema.optional().meta({ description: 'The event that led here (NEXT when left out).' }),
  at: TimePointSchema.optional().meta({ description: 'When the step happened or is expected.' }),
  note: DescriptionSchema.optional(),
}));
export type RouteStep = z.infer<typeof RouteStepSchema>;

/** A persona: the (future) parent a klantroute follows. */
export const PersonaSchema = lazySchema((z) => z.strictObject({
  name: TextSchema,
  description: DescriptionSchema,
  ...provenanceFields,
}));

/** A klantroute: a persona's expected or observed sequence of steps through a path. */
export const RouteSchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: SchemaVersionSchema,
    kind: z.literal('route'),
    id: DocumentIdSchema,
    version: VersionSchema,
    title: LabelSchema,
    persona: PersonaSchema,
    path: TextSchema.meta({ description: 'The path this route goes through (a file, relative to this one).' }),
    client: ClientSchema,
    steps: z.array(RouteStepSchema).min(1).meta({ description: 'The steps in order, starting at the path’s initial step.' }),
    breakPoint: z
      .strictObject({ step: StepIdSchema, description: DescriptionSchema, ...provenanceFields })
      .optional()
      .meta({ description: 'Where the chain would break for this persona without the coalition’s agreements.' }),
    ...provenanceFields,
  })
  .meta({ title: 'Klantroute (client route)', description: 'A persona, their client profile and their route through a path.' }));
export type Route = z.infer<typeof RouteSchema>;
export type RouteInput = z.input<typeof RouteSchema>;

/** The bibliography of the shipped content. */
export const SourcesFileSchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: SchemaVersionSchema,
    kind: z.literal('sources'),
    id: DocumentIdSchema,
    version: VersionSchema,
    sources: z.record(z.string().min(1).max(200), z.strictObject({ title: TextSchema, url: z.url().optional(), file: TextSchema.optional(), publisher: TextSchema.optional(), date: TextSchema.optional(), note: DescriptionSchema.optional() })),
  })
  .meta({ title: 'Bronnen (sources)' }));
export type SourcesFile = z.infer<typeof SourcesFileSchema>;
