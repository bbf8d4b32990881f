export {
  safeParsePath,
  parsePath,
  safeLoadPath,
  loadPath,
  safeLoadCoalitionPath,
  loadCoalitionPath,
  safeLoadMenukaart,
  loadMenukaart,
  safeLoadPopulation,
  loadPopulation,
  safeLoadCoalition,
  loadCoalition,
  safeLoadRoute,
  loadRoute,
  safeLoadTargets,
  safeLoadOverlay,
  safeLoadDocument,
  loadDocument,
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
export { OVERLAY_CODES } from './codes.js';
