export {
  safeParsePath,
  parsePath,
  safeParseDocument,
  parseDocument,
  type ParseOptions,
  type LoadOptions,
} from './api.js';
export type { LoadPathOptions } from './path-task.js';
export { safeApplyCoalition, applyCoalition, type CoalitionOverlay, type OverlayChange, type OverlayOptions } from './overlay.js';
export { DOCUMENT_KINDS, isDocumentKind, type AnyDocument, type DocumentKind, type DocumentOfKind } from './documents.js';
export { readSource, formatOfFile, type ReadOptions, type ReadOutcome, type SourceFormat } from './read.js';
export { FileLocator, MappedLocator } from './source-map.js';
export { OVERLAY_CODES, SAFETY_CODES } from './codes.js';
export type { RootOptions } from './root.js';
export { migratePathV1, PATH_MIGRATIONS, V1_MEMBER, V1_TRACK, type MigratedPath, type PathMigration } from './migrate-v1.js';
export { safeParseHouseholdPath, type HouseholdParseOptions } from './household.js';
