/**
 * `zorgpaden/schema`: the zod schemas the file format is defined by (the JSON Schema in `schema/` is
 * generated from them), parsing plain data with them, and the model's constants. For tools that
 * build or check documents as data; most apps need only the main entry.
 *
 * @example
 * import { CarePathSchema, safeParseCarePathData } from 'zorgpaden/schema';
 * const result = safeParseCarePathData(JSON.parse(text));
 *
 * @packageDocumentation
 */
export { SCHEMA_VERSION, SchemaVersionSchema, StepIdSchema, KeySchema, EventNameSchema, DocumentIdSchema, VersionSchema } from './model/ids.js';
export { CarePathSchema, IncludeSchema, CoalitionInfoSchema } from './model/care-path.js';
export { StepSchema, STEP_KINDS, StepKindSchema, OUTCOME_RESULTS } from './model/step.js';
export { TransitionSchema, HANDOFF_KINDS, HandoffKindSchema, NEXT_EVENT } from './model/transition.js';
export { ConditionSchema, ClientSchema, AttributeValueSchema, COMPARISON_OPERATORS, CONDITION_FORMS } from './model/condition.js';
export { ActorSchema, DOMAINS, DomainSchema } from './model/actor.js';
export { PHASES, PhaseSchema, PHASE_RANGE } from './model/phase.js';
export { LabelSchema, TextSchema, LongTextSchema, DescriptionSchema } from './model/label.js';
export { TimePointSchema, WindowSchema, DurationSchema, TIME_UNITS, TERM_WEEKS, CONCEPTION_GW, CONCEPTION_DAY, DAYS_PER_MONTH, AGE_TWO_DAY } from './model/time.js';
export { InterventionSchema, MenukaartSchema, RecognitionSchema, RECOGNITION_STATUSES } from './model/intervention.js';
export { PopulationSchema, FactorModelSchema, AttributeModelSchema, ConditionalPrevalenceSchema, BinSchema } from './model/population.js';
export { CoalitionSchema, PartnerSchema, LocalTransitionSchema } from './model/coalition.js';
export { RouteSchema, RouteStepSchema, PersonaSchema, SourcesFileSchema } from './model/route.js';
export { SourceSchema, SourceRefSchema } from './model/source.js';
export { LIMITS, type Limits } from './model/limits.js';
export { safeParseData, safeParseCarePathData } from './model/parse-data.js';
export { DOCUMENT_KINDS, isDocumentKind } from './load/documents.js';
export { JOURNEY_FORMAT } from './machine/snapshot.js';
export { TargetsSchema, TargetSchema, OverlaySchema } from './model/targets.js';
export { HouseholdPathSchema, HouseholdStepSchema, MemberSchema, MemberRoleSchema, ReferralSchema, TrackSchema } from './model/household.js';
