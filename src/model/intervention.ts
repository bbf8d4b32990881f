import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { ConditionSchema } from './condition.js';
import { FundingSchema } from './funding.js';
import { DocumentIdSchema, KeySchema, SchemaVersionSchema, VersionSchema } from './ids.js';
import { DescriptionSchema, LabelSchema } from './label.js';
import { PhaseSchema } from './phase.js';
import { provenanceFields } from './source.js';
import { DurationSchema, WindowSchema } from './time.js';

/**
 * Recognition status, after the Dutch recognition system for interventions
 * (erkenningstraject): from well described to effective with strong evidence, or regular care.
 */
export const RECOGNITION_STATUSES = [
  'not-assessed',
  'well-described',
  'well-founded',
  'effective-first-indications',
  'effective-good-indications',
  'effective-strong-indications',
  'regular-care',
] as const;
export const RecognitionSchema = lazySchema((z) => z.enum(RECOGNITION_STATUSES).meta({
  description:
    'not-assessed, well-described (goed beschreven), well-founded (goed onderbouwd), effective-first/good/strong-indications (effectief), or regular-care (reguliere zorg or statutory task).',
}));
export type Recognition = z.infer<typeof RecognitionSchema>;

/** An entry of the menukaart: an intervention a coalition can choose to offer. */
export const InterventionSchema = lazySchema((z) => z
  .strictObject({
    label: LabelSchema,
    description: DescriptionSchema.optional(),
    phases: z.array(PhaseSchema).min(1).meta({ description: 'The phases in which the intervention runs.' }),
    targetGroup: ConditionSchema.optional().meta({ description: 'Who the intervention is for, as a condition over the client.' }),
    actor: KeySchema.meta({ description: 'The actor who delivers it.' }),
    window: WindowSchema.optional().meta({ description: 'When clients enter and leave it.' }),
    duration: DurationSchema.optional(),
    addresses: z.array(KeySchema).default([]).meta({ description: 'Risk factor keys it addresses.' }),
    recognition: RecognitionSchema,
    funding: FundingSchema.optional(),
    url: z.url().optional(),
    ...provenanceFields,
  })
  .meta({ description: 'A menukaart entry: label, phases, target group, actor, duration, risks addressed, recognition.' }));
export type Intervention = z.infer<typeof InterventionSchema>;

/**
 * The risks a visit of a step addresses: the step's own `addresses`, else those of the intervention
 * it names (`interventions`: the path's own over the menukaart's). The simulator counts support by
 * it, and the validation rules read it alike.
 */
export function stepAddresses(step: { addresses?: string[] | undefined; intervention?: string | undefined }, interventions: Readonly<Record<string, Intervention>> | undefined): string[] {
  if (step.addresses !== undefined) return step.addresses;
  return step.intervention !== undefined && interventions !== undefined && Object.hasOwn(interventions, step.intervention) ? (interventions[step.intervention]!.addresses ?? []) : [];
}

/** A menukaart file: the catalogue of interventions. */
export const MenukaartSchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: SchemaVersionSchema,
    kind: z.literal('menukaart'),
    id: DocumentIdSchema,
    version: VersionSchema,
    title: LabelSchema,
    description: DescriptionSchema.optional(),
    interventions: z.record(KeySchema, InterventionSchema),
    ...provenanceFields,
  })
  .meta({ title: 'Menukaart', description: 'A menu of interventions (menukaart) for Kansrijke Start.' }));
export type Menukaart = z.infer<typeof MenukaartSchema>;
