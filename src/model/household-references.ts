import { createDiagnostic, didYouMean, suggestionParams, toPointer, type Diagnostic } from '../diagnostics/index.js';
import { LOAD_CODES } from '../diagnostics/index.js';
import type { Condition } from './condition.js';
import { BIRTH_EVENT, emitsOf, HOUSEHOLD_OWNER, isChildTrack, type HouseholdPath } from './household.js';
import { HOUSEHOLD_CODES } from './household-codes.js';
import type { Intervention } from './intervention.js';

/** True when a condition mentions `signalled` anywhere. */
export function mentionsSignalled(condition: Condition | undefined): boolean {
  if (condition === undefined) return false;
  if (condition.signalled !== undefined) return true;
  return [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])].some(mentionsSignalled);
}

/**
 * Checks that every reference of a household path resolves and that tracks are well formed: steps
 * in known tracks, tracks of known members starting in their own steps, transitions inside their
 * track, referrals into another track, start events that some step emits, children that are born.
 */
export function checkHouseholdReferences(path: HouseholdPath, options: { interventions?: Readonly<Record<string, Intervention>> } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const unknown = (template: (typeof HOUSEHOLD_CODES)[keyof typeof HOUSEHOLD_CODES] | (typeof LOAD_CODES)[keyof typeof LOAD_CODES], params: Record<string, string>, name: string, known: string[], pointer: string) =>
    out.push(createDiagnostic(template, { ...params, ...suggestionParams(didYouMean(name, known), known) }, { pointer }));
  const stepIds = Object.keys(path.steps);
  const trackIds = Object.keys(path.tracks);
  const actorIds = Object.keys(path.actors);
  const owners = [...Object.keys(path.members), HOUSEHOLD_OWNER];
  const emitted = new Set(Object.values(path.steps).flatMap(emitsOf));
  const interventions = options.interventions || path.interventions ? { ...options.interventions, ...path.interventions } : undefined;
  const trackOf = (stepId: string) => (Object.hasOwn(path.steps, stepId) ? path.steps[stepId]!.track : undefined);

  const children = Object.entries(path.members).filter(([, m]) => m.role === 'child').map(([id]) => id);
  if (children.length > 1) out.push(createDiagnostic(HOUSEHOLD_CODES.severalChildMembers, { members: children }, { pointer: '/members' }));

  for (const [trackId, track] of Object.entries(path.tracks)) {
    const at = (field: string) => toPointer(['tracks', trackId, field]);
    if (!owners.includes(track.member)) unknown(HOUSEHOLD_CODES.unknownMember, { member: track.member }, track.member, owners, at('member'));
    if (track.lead !== undefined && !Object.hasOwn(path.actors, track.lead)) unknown(LOAD_CODES.unknownActor, { actor: track.lead }, track.lead, actorIds, at('lead'));
    if (track.initial !== undefined) {
      const other = trackOf(track.initial);
      if (other === undefined) unknown(LOAD_CODES.unknownInitial, { step: track.initial }, track.initial, stepIds, at('initial'));
      // a step in a misspelt track gets unknown-track at the step; that one mistake is not reported twice
      else if (other !== trackId && Object.hasOwn(path.tracks, other)) out.push(createDiagnostic(HOUSEHOLD_CODES.initialOutsideTrack, { track: trackId, step: track.initial, other }, { pointer: at('initial') }));
    }
    if (track.startsOn !== undefined && !emitted.has(track.startsOn)) {
      const guess = didYouMean(track.startsOn, emitted);
      out.push(
        createDiagnostic(
          HOUSEHOLD_CODES.startEventNeverEmitted,
          { track: trackId, event: track.startsOn, suggestion: guess ? `, or did you mean ${guess}?` : '', suggestionNl: guess ? `, of bedoelde je ${guess}?` : '' },
          { pointer: at('startsOn') },
          // a likely typo first: adding the misspelt event to a step would make the typo stick
          guess
            ? {
                hint: {
                  en: `Did you mean ${guess}? Otherwise add "emits": "${track.startsOn}" to the step where it happens.`,
                  nl: `Bedoelde je ${guess}? Zet anders "emits": "${track.startsOn}" bij de stap waar het gebeurt.`,
                },
              }
            : {},
        ),
      );
    }
    if (isChildTrack(path, track) && !emitted.has(BIRTH_EVENT)) out.push(createDiagnostic(HOUSEHOLD_CODES.childTrackWithoutBirth, { track: trackId, member: track.member }, { pointer: at('member') }));
  }

  for (const [stepId, step] of Object.entries(path.steps)) {
    const at = (...rest: (string | number)[]) => toPointer(['steps', stepId, ...rest]);
    if (!Object.hasOwn(path.tracks, step.track)) unknown(HOUSEHOLD_CODES.unknownTrack, { step: stepId, track: step.track }, step.track, trackIds, at('track'));
    for (const field of ['actor', 'receiver'] as const) {
      const actor = step[field];
      if (actor !== undefined && !Object.hasOwn(path.actors, actor)) unknown(LOAD_CODES.unknownActor, { actor }, actor, actorIds, at(field));
    }
    if (interventions && step.intervention !== undefined && !Object.hasOwn(interventions, step.intervention)) {
      unknown(LOAD_CODES.unknownIntervention, { intervention: step.intervention }, step.intervention, Object.keys(interventions), at('intervention'));
    }
    if (step.kind === 'outcome' && step.transitions.length > 0) out.push(createDiagnostic(LOAD_CODES.outcomeWithTransitions, { step: stepId }, { pointer: at('transitions') }));
    step.transitions.forEach((t, i) => {
      const toTrack = trackOf(t.to);
      if (toTrack === undefined) unknown(LOAD_CODES.unknownTarget, { from: stepId, to: t.to }, t.to, stepIds, at('transitions', i, 'to'));
      // a step in an unknown track is reported once, not again on every transition into or out of it
      else if (toTrack !== step.track && Object.hasOwn(path.tracks, toTrack) && Object.hasOwn(path.tracks, step.track)) out.push(createDiagnostic(HOUSEHOLD_CODES.transitionAcrossTracks, { from: stepId, fromTrack: step.track, to: t.to, toTrack }, { pointer: at('transitions', i, 'to') }));
      if (t.receiver !== undefined && !Object.hasOwn(path.actors, t.receiver)) unknown(LOAD_CODES.unknownActor, { actor: t.receiver }, t.receiver, actorIds, at('transitions', i, 'receiver'));
    });
    (step.refers ?? []).forEach((r, i) => {
      const toTrack = trackOf(r.to);
      if (toTrack === undefined) unknown(HOUSEHOLD_CODES.unknownReferralTarget, { from: stepId, to: r.to }, r.to, stepIds, at('refers', i, 'to'));
      else if (toTrack === step.track) out.push(createDiagnostic(HOUSEHOLD_CODES.referralIntoOwnTrack, { from: stepId, to: r.to, track: step.track }, { pointer: at('refers', i, 'to') }));
    });
  }
  return out;
}
