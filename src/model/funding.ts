import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { KeySchema } from './ids.js';
import { provenanceFields } from './source.js';

/** Who commissions an intervention (opdrachtgever): the party that contracts and pays for it. */
export const COMMISSIONERS = ['municipality', 'health-insurer', 'state', 'coa', 'provider'] as const;

/**
 * The legal or budgetary basis it is paid from: the Wet publieke gezondheid (municipal public-health
 * tasks), the Zorgverzekeringswet, the Jeugdwet, the Wmo 2015, the Wet gemeentelijke
 * schuldhulpverlening, the specific grant (SPUK) Kansrijke Start, the municipality's own budget, a grant of the state, the
 * Regeling Medische zorg Asielzoekers, or the client's own contribution.
 */
export const FUNDING_BASES = ['wpg', 'zvw', 'jeugdwet', 'wmo', 'wgs', 'spuk', 'municipal-budget', 'state-grant', 'rma', 'own-contribution'] as const;

/** Who commissions and funds an intervention, with where that comes from. */
export const FundingSchema = lazySchema((z) => z
  .strictObject({
    commissioner: z.enum(COMMISSIONERS).meta({ description: 'Who commissions it: municipality, health-insurer, state, coa or provider.' }),
    basis: z.array(z.enum(FUNDING_BASES)).min(1).meta({ description: 'What it is paid from: wpg, zvw, jeugdwet, wmo, wgs, spuk, municipal-budget, state-grant, rma or own-contribution.' }),
    ...provenanceFields,
  })
  .meta({ description: 'Who commissions and funds an intervention (a coalition sees the money side).' }));
export type Funding = z.infer<typeof FundingSchema>;

/** Why a coalition lists an intervention in `offers`. */
export const OFFER_BASES = ['chosen', 'regular-care', 'national'] as const;

/** The provenance of one offered intervention of a coalition. */
export const OfferBasisSchema = lazySchema((z) => z
  .strictObject({
    basis: z.enum(OFFER_BASES).meta({
      description: 'chosen (the coalition names it in its own plan), regular-care (assumed available as regular care) or national (a national pledge or statutory task).',
    }),
    ...provenanceFields,
  })
  .meta({ description: 'Why a coalition offers an intervention: chosen by it, or assumed regular care or national.' }));
export type OfferBasis = z.infer<typeof OfferBasisSchema>;

/** Per offered intervention key, why it is offered. */
export const OfferBasesSchema = lazySchema((z) => z.record(KeySchema, OfferBasisSchema));
