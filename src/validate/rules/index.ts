import type { Rule } from '../rule.js';
import { awaitedEventNeverEmitted } from './awaited-event-never-emitted.js';
import { leadChangeWithoutHandoff } from './lead-change-without-handoff.js';
import { childTrackWithoutBirth } from './child-track-without-birth.js';
import { eventNeverHeard } from './event-never-heard.js';
import { referralIntoOwnTrack } from './referral-into-own-track.js';
import { signalWithoutSupport } from './signal-without-support.js';
import { signalledNeverDetected } from './signalled-never-detected.js';
import { startEventNeverEmitted } from './start-event-never-emitted.js';
import { unknownTrack } from './unknown-track.js';
import { coldHandoff } from './cold-handoff.js';
import { cycleWithoutExit } from './cycle-without-exit.js';
import { deadEnd } from './dead-end.js';
import { handoffWithoutReceiver } from './handoff-without-receiver.js';
import { ineligibleRoute } from './ineligible-route.js';
import { interventionNotOffered } from './intervention-not-offered.js';
import { loopManyRounds } from './loop-many-rounds.js';
import { missingSource } from './missing-source.js';
import { phaseOrder } from './phase-order.js';
import { phaseUncovered } from './phase-uncovered.js';
import { riskNotInPopulation } from './risk-not-in-population.js';
import { riskWithoutIntervention } from './risk-without-intervention.js';
import { unknownActor } from './unknown-actor.js';
import { unknownIntervention } from './unknown-intervention.js';
import { unknownKey } from './unknown-key.js';
import { unknownTarget } from './unknown-target.js';
import { unreachableStep } from './unreachable-step.js';
import { weightsInvalid } from './weights-invalid.js';
import { windowInfeasible } from './window-infeasible.js';
import { windowOutOfOrder } from './window-out-of-order.js';
import { windowOutsidePhase } from './window-outside-phase.js';

/** Every validation rule, sorted by code. */
export const RULES: readonly Rule[] = [
  awaitedEventNeverEmitted,
  childTrackWithoutBirth,
  coldHandoff,
  cycleWithoutExit,
  deadEnd,
  eventNeverHeard,
  handoffWithoutReceiver,
  ineligibleRoute,
  interventionNotOffered,
  leadChangeWithoutHandoff,
  loopManyRounds,
  missingSource,
  phaseOrder,
  phaseUncovered,
  referralIntoOwnTrack,
  riskNotInPopulation,
  riskWithoutIntervention,
  signalWithoutSupport,
  signalledNeverDetected,
  startEventNeverEmitted,
  unknownActor,
  unknownIntervention,
  unknownKey,
  unknownTarget,
  unknownTrack,
  unreachableStep,
  weightsInvalid,
  windowInfeasible,
  windowOutOfOrder,
  windowOutsidePhase,
];

/** The rule with this code, if there is one. */
export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.meta.code === code);
}
