import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { ClientSchema } from './condition.js';
import { DocumentIdSchema, EventNameSchema, KeySchema, SchemaVersionSchema, StepIdSchema, VersionSchema } from './ids.js';
import { DescriptionSchema, LabelSchema, TextSchema } from './label.js';
import { provenanceFields } from './source.js';
import { TimePointSchema } from './time.js';

/** A track instance of a household path: a track id, or `<track>#<n>` for the n-th child's instance. */
export const TrackInstanceIdSchema = lazySchema((z) => z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*(?:#[1-9][0-9]{0,2})?$/, { message: 'A track is named by its id (like "sociaal"), or "<track>#<n>" for the n-th child (like "jgz#2").' })
  .max(200));

/** One step of a klantroute: the step reached, and optionally the event and moment. */
export const RouteStepSchema = lazySchema((z) => z.strictObject({
  step: StepIdSchema,
  on: EventNameSchema.optional().meta({ description: 'The event that led here (NEXT when left out).' }),
  at: TimePointSchema.optional().meta({ description: 'When the step happened or is expected.' }),
  track: TrackInstanceIdSchema.optional().meta({ description: 'Household paths: the track instance the step is in ("jgz#2" for the second child); the step\'s own track (its first child) when left out.' }),
  children: z.int().min(1).max(16).optional().meta({ description: 'Household paths: the number of children born when this step raises BIRTH (default 1).' }),
  signalled: z.array(KeySchema).optional().meta({ description: 'Household paths: the risks signalled at this step; when left out, the client\'s risks that the step detects.' }),
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
