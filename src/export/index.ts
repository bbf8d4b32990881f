export { describeCondition, type ExportLang, type FactorLabels } from './condition-words.js';
export { buildGraph, collapseGraph, phaseLabel, type CollapseOptions, type GraphEdge, type GraphNode, type PathGraph } from './graph.js';
export * from './mermaid/index.js';
export { MONITOR_TAGS, monitorIndicators, type MonitorIndicator, type MonitorOptions, type MonitorReport } from './monitor.js';
