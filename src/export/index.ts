export { describeCondition, type ExportLang, type FactorLabels } from './condition-words.js';
export { buildGraph, collapseGraph, phaseLabel, type CollapseOptions, type GraphEdge, type GraphNode, type PathGraph } from './graph.js';
export * from './mermaid/index.js';
