import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { ConditionSchema } from './condition.js';
import { EventNameSchema, KeySchema, StepIdSchema } from './ids.js';
import { LabelSchema, TextSchema } from './label.js';
import { provenanceFields } from './source.js';
import { HANDOFF_KINDS } from './transition-events.js';

export { HANDOFF_KINDS, NEXT_EVENT, eventOf, weightOf } from './transition-events.js';

export const HandoffKindSchema = lazySchema((z) => z.enum(HANDOFF_KINDS).meta({
  description: 'warm: the sender introduces the client to the receiver in person; cold: a referral the client must act on alone.',
}));
export type HandoffKind = z.infer<typeof HandoffKindSchema>;

/** A way out of a step. */
export const TransitionSchema = lazySchema((z) => z
  .strictObject({
    to: StepIdSchema.meta({ description: 'The step this transition leads to.' }),
    on: EventNameSchema.optional().meta({
      description: 'The event that takes this transition, e.g. RISK_SIGNALLED. Without it the transition is taken on NEXT.',
    }),
    when: ConditionSchema.optional().meta({ description: 'Only clients for whom this condition holds can take the transition.' }),
    weight: z.number().min(0).optional().meta({
      description: 'Relative weight for simulation among the transitions enabled for a client (default 1).',
    }),
    after: z.number().int().min(0).max(2000).optional().meta({ description: 'Delay in days before the target step.' }),
    handoff: HandoffKindSchema.optional(),
    receiver: KeySchema.optional().meta({ description: 'The actor who receives the client in a handoff (defaults to the target step’s actor).' }),
    contact: TextSchema.optional().meta({ description: 'The named contact or desk that receives the handoff.' }),
    newPregnancy: z.boolean().optional().meta({ description: 'Marks a transition back to an earlier phase as the start of a new pregnancy.' }),
    label: LabelSchema.optional().meta({ description: 'How the transition reads in a diagram.' }),
    ...provenanceFields,
  })
  .meta({ description: 'A transition: to, on, when, weight, after, handoff.' }));
export type Transition = z.infer<typeof TransitionSchema>;

