import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { DomainSchema } from './actor.js';
import { OfferBasesSchema } from './funding.js';
import { DocumentIdSchema, KeySchema, SchemaVersionSchema, StepIdSchema, VersionSchema } from './ids.js';
import { DescriptionSchema, LabelSchema, TextSchema } from './label.js';
import { provenanceFields } from './source.js';
import { StepSchema } from './step.js';
import { HandoffKindSchema, TransitionSchema } from './transition.js';

/** A local partner: the organisation that fills an actor's role in this municipality. */
export const PartnerSchema = lazySchema((z) => z
  .strictObject({
    organisation: TextSchema.meta({ description: 'The local organisation.' }),
    label: LabelSchema.optional().meta({ description: 'Needed when the partner is a new actor, not one of the path.' }),
    domain: DomainSchema.optional().meta({ description: 'Needed when the partner is a new actor.' }),
    contact: TextSchema.optional().meta({ description: 'Who receives handoffs (a desk, a role, a phone line).' }),
    ...provenanceFields,
  })
  .meta({ description: 'A local partner for an actor: organisation and contact.' }));
export type Partner = z.infer<typeof PartnerSchema>;

/** A replacement with more to say than its step: how the transitions retargeted to it hand clients over. */
export const ReplacementSchema = lazySchema((z) => z
  .strictObject({
    step: StepIdSchema.meta({ description: 'The local step clients go to instead.' }),
    handoff: HandoffKindSchema.optional().meta({ description: 'Sets "handoff" on every transition (and, over a household path, every referral) retargeted to the step: "warm" or "cold".' }),
  })
  .meta({ description: 'A local step and how transitions retargeted to it hand clients over.' }));
export type Replacement = z.infer<typeof ReplacementSchema>;

/** A step a coalition adds; over a household path (format version 2) it names the track it joins. */
export const LocalStepSchema = lazySchema(() => StepSchema.extend({
  track: KeySchema.optional().meta({ description: 'Over a household path (format version 2): the track the step joins (may be left out when the path has one track). Not allowed over a version 1 path.' }),
}));
export type LocalStep = z.infer<typeof LocalStepSchema>;

/** A transition a coalition adds from a step of the path. */
export const LocalTransitionSchema = lazySchema(() => TransitionSchema.extend({ from: StepIdSchema.meta({ description: 'The step the transition leaves from.' }) }));

/** A coalition (lokale coalitie): a municipality's choices applied over a national path. */
export const CoalitionSchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: SchemaVersionSchema,
    kind: z.literal('coalition'),
    id: DocumentIdSchema,
    version: VersionSchema,
    title: LabelSchema,
    description: DescriptionSchema.optional(),
    municipality: TextSchema.meta({ description: 'The municipality (or region) of the coalition.' }),
    adapts: TextSchema.meta({ description: 'The path this coalition adapts (a file, relative to this one).' }),
    partners: z.record(KeySchema, PartnerSchema).default({}),
    offers: z.array(KeySchema).meta({ description: 'The menukaart interventions the coalition offers.' }),
    offerBasis: OfferBasesSchema.optional().meta({
      description: 'For each offered intervention: whether the coalition chose it (named in its plan) or it is assumed regular care or national, with its source or assumption.',
    }),
    replaces: z
      .record(KeySchema, z.union([StepIdSchema, ReplacementSchema]).nullable())
      .default({})
      .meta({
        description:
          'For an intervention not offered: the local step clients go to instead (or { step, handoff } to mark the retargeted transitions warm or cold), or null for none (validation then reports intervention-not-offered).',
      }),
    steps: z.record(StepIdSchema, LocalStepSchema).default({}).meta({ description: 'Local steps added to the path (over a household path, each in a track).' }),
    transitions: z.array(LocalTransitionSchema).default([]).meta({ description: 'Local transitions added to the path.' }),
    ...provenanceFields,
  })
  .meta({ title: 'Coalitie (coalition)', description: 'A local coalition: municipality, partners, offered interventions, local steps.' }));
export type Coalition = z.infer<typeof CoalitionSchema>;
export type CoalitionInput = z.input<typeof CoalitionSchema>;
