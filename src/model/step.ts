import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { KeySchema } from './ids.js';
import { DescriptionSchema, LabelSchema } from './label.js';
import { PhaseSchema } from './phase.js';
import { provenanceFields } from './source.js';
import { WindowSchema } from './time.js';
import { TransitionSchema } from './transition.js';

/** What happens in a step. `outcome` steps are final. */
export const STEP_KINDS = ['contact', 'screening', 'decision', 'intervention', 'handoff', 'wait', 'outcome'] as const;
export const StepKindSchema = lazySchema((z) => z.enum(STEP_KINDS).meta({
  description: 'contact, screening, decision, intervention, handoff, wait or outcome (final).',
}));
export type StepKind = z.infer<typeof StepKindSchema>;

/** How an outcome is valued: the programme wants fewer `adverse` outcomes (supervision, placement). */
export const OUTCOME_RESULTS = ['good', 'neutral', 'adverse'] as const;

/** One step of a care path. */
export const StepSchema = lazySchema((z) => z
  .strictObject({
    kind: StepKindSchema,
    phase: PhaseSchema,
    actor: KeySchema.optional().meta({ description: 'Key of the actor who carries out the step (see actors).' }),
    label: LabelSchema,
    description: DescriptionSchema.optional(),
    window: WindowSchema.optional(),
    intervention: KeySchema.optional().meta({ description: 'For an intervention step: its menukaart entry.' }),
    addresses: z.array(KeySchema).optional().meta({ description: 'Risk factor keys this step addresses (support for them).' }),
    signals: z.array(KeySchema).optional().meta({ description: 'For a screening step: the risk factor keys it can signal.' }),
    receiver: KeySchema.optional().meta({ description: 'For a handoff step: the actor who receives the client.' }),
    result: z.enum(OUTCOME_RESULTS).optional().meta({ description: 'For an outcome step: good, neutral or adverse.' }),
    transitions: z.array(TransitionSchema).default([]).meta({ description: 'The ways out of this step; an outcome has none.' }),
    tags: z.array(KeySchema).optional(),
    ...provenanceFields,
  })
  .meta({ description: 'A step: kind, phase, actor, label, window and transitions.' }));
export type Step = z.infer<typeof StepSchema>;
export type StepInput = z.input<typeof StepSchema>;

/** Steps that put a professional in contact with the client (used by `phase-uncovered`). */
export function isContactStep(step: Step): boolean {
  return step.kind !== 'outcome' && step.kind !== 'wait' && step.kind !== 'decision';
}

/** Steps that give support for a risk: interventions, or any step that `addresses` risks. */
export function isSupportStep(step: Step): boolean {
  return step.kind === 'intervention' || (step.addresses?.length ?? 0) > 0;
}
