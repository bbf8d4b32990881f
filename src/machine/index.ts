export { toMachine, type JourneyMachine, type MachineOptions } from './compile.js';
export { createJourney, type Journey, type JourneyOptions, type SendResult, type AvailableTransition } from './journey.js';
export { migrateJourney, type JourneyMapping } from './migrate.js';
export { JOURNEY_FORMAT, type PersistedJourney, type PersistedMachineSnapshot } from './snapshot.js';
export { pathHash, stableStringify } from './path-hash.js';
export { toStateKey, fromStateKey, stateKeyMap, type StateKeyMap } from './state-keys.js';
export { MACHINE_CODES } from './codes.js';
export type { JourneyContext, JourneyEntry, JourneyEvent, JourneyInput, JourneyOutput, RejectedEvent, RejectReason } from './types.js';
export { safeToMachine, safeCreateJourney, safeMigrateJourney } from './safe.js';
