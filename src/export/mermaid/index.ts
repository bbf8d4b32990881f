export { escapeLabel, escapeLineText, quoted, unescapeLabel } from './escape.js';
export { toMermaid, edgeNotes, LOCAL_MARK, type ToMermaidOptions, type EdgeNote } from './to-mermaid.js';
export { routeToMermaid, journeyScore, type RouteDiagramOptions } from './route.js';
export { resolveRoute, type ResolvedRouteStep } from './route-steps.js';
export { timelineToMermaid, type TimelineOptions } from './gantt.js';
export type { SimulationOverlay, OverlayMode } from './overlay.js';
export type { GroupBy } from './flowchart.js';
export { householdToMermaid, householdToStateDiagram, householdEdgeNotes, type HouseholdDiagramOptions, type HouseholdEdgeNote } from './household.js';
export type { HouseholdOverlay } from './household-overlay.js';
