export { describeCondition, termLabel, type ExportLang, type FactorLabels } from './condition-words.js';
export { buildGraph, collapseGraph, organisationName, phaseLabel, type CollapseOptions, type GraphEdge, type GraphNode, type PathGraph } from './graph.js';
export * from './mermaid/index.js';
export { MONITOR_TAGS, monitorIndicators, type MonitorIndicator, type MonitorOptions, type MonitorReport } from './monitor.js';
export { riskRoutes, risksOfRoutes, MAX_ROUTE_STEPS, type RiskRoute, type RiskLink, type RouteParty, type RouteHandoff } from './risk-routes.js';
