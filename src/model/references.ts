import {
  createDiagnostic,
  didYouMean,
  requireRecord,
  LOAD_CODES,
  suggestionParams,
  toPointer,
  type Diagnostic,
} from '../diagnostics/index.js';
import type { CarePath } from './care-path.js';
import { requireCarePath, requireLimits } from './arguments.js';
import { conditionDepth, mentionsSignalled } from './condition-eval.js';
import type { Intervention } from './intervention.js';
import { LIMITS, type Limits } from './limits.js';
import { HOUSEHOLD_CODES } from './household-codes.js';

/** What reference checks may consult besides the path itself. */
export interface ReferenceOptions {
  /** Menukaart entries steps may name; when neither this nor `path.interventions` is given, intervention names are not checked. */
  interventions?: Readonly<Record<string, Intervention>>;
  limits?: Partial<Limits>;
}

type Template = (typeof LOAD_CODES)[keyof typeof LOAD_CODES];

// did-you-mean compares a name with every known one; a file with thousands of broken references to
// a path of thousands of steps would take hours, so the suggestions share a budget of comparisons
const SUGGESTION_BUDGET = 200_000;

function suggester(): (template: Template, params: Record<string, string>, name: string, known: string[], pointer: string) => Diagnostic {
  let budget = SUGGESTION_BUDGET;
  return (template, params, name, known, pointer) => {
    let guess: string | undefined;
    if (budget >= known.length) {
      budget -= known.length;
      guess = didYouMean(name, known);
    }
    return createDiagnostic(template, { ...params, ...suggestionParams(guess, known) }, { pointer });
  };
}

/**
 * Checks that every reference in a path resolves: the initial step, transition targets, actors,
 * receivers and interventions; that outcomes are final; and the size limits. Pointers only; the
 * loader adds lines.
 */
export function checkReferences(path: CarePath, options: ReferenceOptions = {}): Diagnostic[] {
  requireCarePath('checkReferences', 'path', path);
  requireRecord('checkReferences', 'options', options as unknown, { optional: true });
  requireLimits('checkReferences', 'options.limits', options?.limits);
  const limits = { ...LIMITS, ...options.limits };
  const diagnostics: Diagnostic[] = [];
  const unknown = suggester();
  const stepIds = Object.keys(path.steps);
  const actorIds = Object.keys(path.actors);
  const interventions = options.interventions || path.interventions ? { ...options.interventions, ...path.interventions } : undefined;
  const interventionIds = interventions ? Object.keys(interventions) : [];

  if (stepIds.length > limits.maxSteps) {
    diagnostics.push(createDiagnostic(LOAD_CODES.tooManySteps, { count: stepIds.length, limit: limits.maxSteps }, { pointer: '/steps' }));
    return diagnostics;
  }
  if (!Object.hasOwn(path.steps, path.initial)) {
    diagnostics.push(unknown(LOAD_CODES.unknownInitial, { step: path.initial }, path.initial, stepIds, '/initial'));
  }
  for (const [stepId, step] of Object.entries(path.steps)) {
    const at = (...rest: (string | number)[]) => toPointer(['steps', stepId, ...rest]);
    if (step.actor !== undefined && !Object.hasOwn(path.actors, step.actor)) {
      diagnostics.push(unknown(LOAD_CODES.unknownActor, { actor: step.actor }, step.actor, actorIds, at('actor')));
    }
    if (step.receiver !== undefined && !Object.hasOwn(path.actors, step.receiver)) {
      diagnostics.push(unknown(LOAD_CODES.unknownActor, { actor: step.receiver }, step.receiver, actorIds, at('receiver')));
    }
    if (interventions && step.intervention !== undefined && !Object.hasOwn(interventions, step.intervention)) {
      diagnostics.push(unknown(LOAD_CODES.unknownIntervention, { intervention: step.intervention }, step.intervention, interventionIds, at('intervention')));
    }
    if (step.kind === 'outcome' && step.transitions.length > 0) {
      diagnostics.push(createDiagnostic(LOAD_CODES.outcomeWithTransitions, { step: stepId }, { pointer: at('transitions') }));
    }
    step.transitions.forEach((transition, index) => {
      if (!Object.hasOwn(path.steps, transition.to)) {
        diagnostics.push(unknown(LOAD_CODES.unknownTarget, { from: stepId, to: transition.to }, transition.to, stepIds, at('transitions', index, 'to')));
      }
      if (transition.receiver !== undefined && !Object.hasOwn(path.actors, transition.receiver)) {
        diagnostics.push(unknown(LOAD_CODES.unknownActor, { actor: transition.receiver }, transition.receiver, actorIds, at('transitions', index, 'receiver')));
      }
      if (mentionsSignalled(transition.when)) {
        diagnostics.push(createDiagnostic(HOUSEHOLD_CODES.signalledNeedsVersion2, {}, { pointer: at('transitions', index, 'when') }));
      }
      if (transition.when) {
        const depth = conditionDepth(transition.when);
        if (depth > limits.maxConditionDepth) {
          diagnostics.push(createDiagnostic(LOAD_CODES.conditionTooDeep, { depth, limit: limits.maxConditionDepth }, { pointer: at('transitions', index, 'when') }));
        }
      }
    });
  }
  return diagnostics;
}
