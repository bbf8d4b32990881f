import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { ActorSchema } from './actor.js';
import { CoalitionInfoSchema, FactorSchema, IncludeSchema, VocabularySchema } from './care-path.js';
import { ConditionSchema } from './condition.js';
import { DocumentIdSchema, EventNameSchema, KeySchema, StepIdSchema, VersionSchema } from './ids.js';
import { InterventionSchema } from './intervention.js';
import { DescriptionSchema, LabelSchema, TextSchema } from './label.js';
import { PhaseSchema } from './phase.js';
import { provenanceFields, SourceSchema } from './source.js';
import { StepSchema } from './step.js';
import { HandoffKindSchema } from './transition.js';

/** The version number of the household format. */
export const HOUSEHOLD_SCHEMA_VERSION = 2 as const;

/** The event that is the birth: it brings the child members into being and starts their tracks. */
export const BIRTH_EVENT = 'BIRTH';

/** The owner that stands for the whole household rather than one member. */
export const HOUSEHOLD_OWNER = 'household';

/** Who a member of the household is. */
export const MEMBER_ROLES = ['parent', 'partner', 'child'] as const;
export const MemberRoleSchema = lazySchema((z) => z.enum(MEMBER_ROLES).meta({ description: 'parent, partner or child (a child member stands for each child of a birth).' }));
export type MemberRole = z.infer<typeof MemberRoleSchema>;

/** A member of the household. */
export const MemberSchema = lazySchema((z) => z
  .strictObject({ role: MemberRoleSchema, label: LabelSchema, description: DescriptionSchema.optional(), ...provenanceFields })
  .meta({ description: 'A member of the household: role and label.' }));
export type Member = z.infer<typeof MemberSchema>;

const OwnerSchema = lazySchema(() => KeySchema.meta({ description: 'The member the fact belongs to, or "household" (the default).' }));

/** A risk or protective factor of a version 2 path: whose it is besides its label. */
export const HouseholdFactorSchema = lazySchema(() => FactorSchema.extend({ member: OwnerSchema.optional() }));
export type HouseholdFactor = z.infer<typeof HouseholdFactorSchema>;

/** Whose an attribute is (attributes not listed are the household's). */
export const AttributeOwnerSchema = lazySchema((z) => z.strictObject({ member: OwnerSchema, label: LabelSchema.optional(), ...provenanceFields }));

/** A line of care that runs beside the others. */
export const TrackSchema = lazySchema((z) => z
  .strictObject({
    label: LabelSchema,
    description: DescriptionSchema.optional(),
    member: OwnerSchema.meta({ description: 'The member this track is for, or "household"; a child member\'s track runs once per child.' }),
    initial: StepIdSchema.optional().meta({ description: 'The step the track starts in; without it the track starts only by a referral.' }),
    startsOn: EventNameSchema.optional().meta({ description: 'The event that starts the track (e.g. BIRTH); without it a track with initial starts with the journey.' }),
    lead: KeySchema.optional().meta({ description: 'The actor who holds responsibility (regie) when the track starts.' }),
    ...provenanceFields,
  })
  .meta({ description: 'A track: label, member, initial, startsOn and lead.' }));
export type Track = z.infer<typeof TrackSchema>;

/** A referral into another track, made when the step is visited. */
export const ReferralSchema = lazySchema((z) => z
  .strictObject({
    to: StepIdSchema.meta({ description: 'The step in another track the household is referred to.' }),
    when: ConditionSchema.optional().meta({ description: 'The referral is made only when this condition holds on the visit.' }),
    handoff: HandoffKindSchema.optional(),
    accepted: z.number().min(0).max(1).optional().meta({ description: 'Probability that the household accepts the referral (default 1).' }),
    label: LabelSchema.optional(),
    ...provenanceFields,
  })
  .meta({ description: 'A referral: to, when, handoff, accepted.' }));
export type Referral = z.infer<typeof ReferralSchema>;

/** A step of a version 2 path: a version 1 step in a track, with referrals, events and signalling. */
export const HouseholdStepSchema = lazySchema((z) => StepSchema.omit({ signals: true })
  .extend({
    track: KeySchema.meta({ description: 'The track the step belongs to.' }),
    refers: z.array(ReferralSchema).optional().meta({ description: 'Referrals into other tracks, made when the step is visited; the track goes on.' }),
    emits: z
      .union([EventNameSchema, z.array(EventNameSchema).min(1)])
      .optional()
      .meta({ description: 'An event (or list) raised to the whole household when the step is visited, such as BIRTH.' }),
    detects: z
      .record(KeySchema, z.number().min(0).max(1))
      .optional()
      .meta({ description: 'Signalling: risk → probability that a present risk is signalled at this step.' }),
  })
  .meta({ description: 'A step of a household path: kind, phase, track, actor, label, window, transitions, refers, emits, detects.' }));
export type HouseholdStep = z.infer<typeof HouseholdStepSchema>;
export type HouseholdStepInput = z.input<typeof HouseholdStepSchema>;

/**
 * Includes a version 1 sub-path into one track: its steps join the track under the prefix `as`
 * (`as/step-id`), and `connect` links each named outcome onward, as in a version 1 include.
 */
export const HouseholdIncludeSchema = lazySchema(() => IncludeSchema.extend({
  track: KeySchema.meta({ description: 'The track the included steps join.' }),
}).meta({ description: 'An included sub-path: path, as (prefix), track (the track its steps join) and connect (outcome → next step).' }));
export type HouseholdInclude = z.infer<typeof HouseholdIncludeSchema>;

/** A care path in format version 2: a household in concurrent care. */
export const HouseholdPathSchema = lazySchema((z) => z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows, for editor completion.' }),
    schemaVersion: z.literal(HOUSEHOLD_SCHEMA_VERSION).meta({ description: 'Version of the file format: 2 for a household path.' }),
    kind: z.literal('carepath').optional(),
    id: DocumentIdSchema,
    version: VersionSchema,
    title: LabelSchema,
    description: DescriptionSchema.optional(),
    phases: z.array(PhaseSchema).optional().meta({ description: 'The phases of the 1000 days this path covers.' }),
    actors: z.record(KeySchema, ActorSchema).default({}),
    members: z.record(KeySchema, MemberSchema).meta({ description: 'Who is in the household.' }),
    tracks: z.record(KeySchema, TrackSchema).meta({ description: 'The lines of care that run concurrently.' }),
    steps: z.record(StepIdSchema, HouseholdStepSchema),
    includes: z.array(HouseholdIncludeSchema).optional().meta({ description: 'Version 1 sub-paths whose steps join a track, resolved when the file is loaded.' }),
    menukaart: TextSchema.optional().meta({ description: 'A menukaart file (relative path) whose interventions steps refer to.' }),
    interventions: z.record(KeySchema, InterventionSchema).optional().meta({ description: 'Interventions defined in this file.' }),
    risks: z.record(KeySchema, HouseholdFactorSchema).optional().meta({ description: 'The risk factors the path refers to, with their labels and whose they are.' }),
    protections: z.record(KeySchema, HouseholdFactorSchema).optional().meta({ description: 'The protective factors, with their labels and whose they are.' }),
    attributes: z.record(z.string().max(100), AttributeOwnerSchema).optional().meta({ description: 'Whose each attribute is; attributes not listed are the household\'s.' }),
    sources: z.record(KeySchema, SourceSchema).optional(),
    vocabulary: VocabularySchema.optional(),
    coalition: CoalitionInfoSchema.optional(),
    ...provenanceFields,
  })
  .meta({ title: 'Zorgpad voor een huishouden (household care path)', description: 'A Kansrijke Start care path in format version 2: members, concurrent tracks, referrals and signalling.' }));

/** A parsed household path (format version 2). */
export type HouseholdPath = z.infer<typeof HouseholdPathSchema>;
/** A household path as written (defaults not yet filled in). */
export type HouseholdPathInput = z.input<typeof HouseholdPathSchema>;

/** The events a step emits, as a list. */
export function emitsOf(step: Pick<HouseholdStep, 'emits'>): string[] {
  return step.emits === undefined ? [] : typeof step.emits === 'string' ? [step.emits] : step.emits;
}

/** The member a fact belongs to (`household` when the path does not say). */
export function ownerOf(path: Pick<HouseholdPath, 'risks' | 'protections' | 'attributes'>, kind: 'risks' | 'protections' | 'attributes', key: string): string {
  const table = path[kind];
  return table !== undefined && Object.hasOwn(table, key) ? (table[key]!.member ?? HOUSEHOLD_OWNER) : HOUSEHOLD_OWNER;
}

/** True when the track is of a child member, and so runs once per child. */
export function isChildTrack(path: Pick<HouseholdPath, 'members'>, track: Pick<Track, 'member'>): boolean {
  return Object.hasOwn(path.members, track.member) && path.members[track.member]!.role === 'child';
}
