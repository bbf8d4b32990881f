/**
 * `zorgpaden/household`: format version 2 (its zod schemas are in `zorgpaden/schema`), a household in concurrent care. Members (parent,
 * partner, children), tracks of care that run side by side, referrals between them, events such
 * as the birth, and signalling (`detects`, the `signalled` condition). Version 1 paths are read
 * through a numbered migration to one parent track. Files are loaded with `loadHouseholdPath`
 * from `zorgpaden/node`. See docs/decisions/0006-households-and-signalling.md.
 *
 * @example
 * import { safeParseHouseholdPath, simulateHousehold, validateHouseholdPath } from 'zorgpaden/household';
 * const parsed = safeParseHouseholdPath(text, { filename: 'gezin.json' });
 * if (parsed.ok && validateHouseholdPath(parsed.value).ok) {
 *   const result = simulateHousehold(parsed.value, { cohort: 10_000, seed: 1 });
 *   console.log(result.risks);
 * }
 *
 * @packageDocumentation
 */
export {
  HOUSEHOLD_SCHEMA_VERSION,
  BIRTH_EVENT,
  type HouseholdPath,
  type HouseholdPathInput,
  type HouseholdStep,
  type HouseholdStepInput,
  type Member,
  type MemberRole,
  type Track,
  type Referral,
} from './model/household.js';
export { HOUSEHOLD_CODES } from './model/household-codes.js';
export { defineHouseholdPath, type TypedHouseholdPath, type TypedHouseholdPathInput, type TypedHouseholdStepInput, type TrackInput, type ReferralInput, type HouseholdStepIdOf, type TrackIdOf, type HouseholdEventOf } from './model/define-household.js';
export { safeParseHouseholdPath, type HouseholdParseOptions } from './load/household.js';
export { safeApplyHouseholdCoalition, applyHouseholdCoalition, type HouseholdCoalitionOverlay, type HouseholdOverlayChange } from './load/household-overlay.js';
export { migratePathV1, PATH_MIGRATIONS, type MigratedPath, type PathMigration } from './load/migrate-v1.js';
export { diffHouseholdPaths, type HouseholdPathChange, type HouseholdPathChangeKind } from './edit/household-diff.js';
export { validateHouseholdPath } from './validate/validate-household.js';
export { toHouseholdMachine, trackInstances, DEFAULT_MAX_CHILDREN, type HouseholdEntry, type HouseholdJourneyContext, type HouseholdEvent, type HouseholdMachineOptions, type TrackInstance, type TrackPosition } from './machine/household-machine.js';
export { createHouseholdJourney, type HouseholdJourney, type HouseholdSendResult, type HouseholdAvailable, type PersistedHouseholdJourney } from './machine/household-journey.js';
export { simulateHousehold, type HouseholdSimulateOptions } from './simulate/household-simulate.js';
export type { HouseholdSimulationResult, RiskResult, SignalToSupport } from './simulate/household-result.js';
export { householdUncertainty, type HouseholdUncertainty } from './simulate/household-intervals.js';
export { simulateHouseholdSubgroups, type HouseholdSubgroupOptions, type HouseholdSubgroupResult, type HouseholdSubgroupFigures, type HouseholdSubgroupRisk, type HouseholdGroup, type BirthGroup } from './simulate/household-subgroups.js';
export { exactHouseholdOutcomes, type ExactHouseholdOutcomes, type ExactHouseholdOptions } from './simulate/household-exact.js';
export { checkHouseholdRoute, type HouseholdDeviationKind, type HouseholdRouteDeviation, type HouseholdRouteFit } from './simulate/coverage/household-route-fit.js';
export { householdTestJourneys, type HouseholdTestJourney, type HouseholdTestJourneyOptions } from './simulate/coverage/household-test-journeys.js';
export type { HouseholdMove } from './simulate/coverage/household-walker.js';
export { householdCoverage, type HouseholdCoverageReport, type HouseholdCoverageCounts, type HouseholdCoverageInput, type CoveragePart, type ReferralRef } from './simulate/coverage/household-coverage.js';
export { householdToMermaid, householdToStateDiagram, householdEdgeNotes, type HouseholdDiagramOptions, type HouseholdEdgeNote } from './export/mermaid/household.js';
export type { HouseholdOverlay } from './export/mermaid/household-overlay.js';
