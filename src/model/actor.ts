import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { LabelSchema, TextSchema } from './label.js';
import { provenanceFields } from './source.js';

/** The domains of the chain of care. JGZ and GGD (public health) count as `medical`. */
export const DOMAINS = ['medical', 'social', 'informal'] as const;
export const DomainSchema = lazySchema((z) => z.enum(DOMAINS).meta({ description: 'medical (incl. JGZ/GGD), social or informal.' }));
export type Domain = z.infer<typeof DomainSchema>;

/** Who acts in a step: a profession or organisation, and its domain. */
export const ActorSchema = lazySchema((z) => z
  .strictObject({
    label: LabelSchema,
    domain: DomainSchema,
    organisation: TextSchema.optional().meta({
      description: 'The organisation the actor belongs to; actors of one organisation hand over internally. Defaults to the actor id.',
    }),
    publicHealth: z.boolean().optional().meta({ description: 'True for public-health services (JGZ, GGD), to show them apart.' }),
    contact: TextSchema.optional().meta({ description: 'A named contact or desk that receives handoffs.' }),
    ...provenanceFields,
  })
  .meta({ description: 'An actor: label, domain and optionally organisation and contact.' }));
export type Actor = z.infer<typeof ActorSchema>;

/** The organisation an actor belongs to (its own id when not stated). */
export function organisationOf(actorId: string, actor: Actor | undefined): string {
  return actor?.organisation ?? actorId;
}
