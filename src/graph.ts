/**
 * `zorgpaden/graph`: low-level helpers over a path's graph: the graph the diagrams are drawn from,
 * reachability, arrival windows, condition satisfiability, the machine's state keys, and the risks
 * a path mentions. For tools that analyse paths beyond what validation and coverage report.
 *
 * @example
 * import { buildGraph, arrivalWindows } from 'zorgpaden/graph';
 * const graph = buildGraph(path);
 * console.log(graph.nodes.length, arrivalWindows(path)['intake']);
 *
 * @packageDocumentation
 */
export { buildGraph, collapseGraph, phaseLabel, type CollapseOptions, type GraphEdge, type GraphNode, type PathGraph } from './export/graph.js';
export { PathGraph as ValidationGraph, forwardReach, backwardReach, type EdgeFilter } from './validate/graph.js';
export { arrivalWindows, type ArrivalWindow } from './validate/arrival.js';
export { isSatisfiable, areCompatible } from './validate/satisfiable.js';
export { toStateKey, fromStateKey, stateKeyMap, type StateKeyMap } from './machine/state-keys.js';
export { stableStringify } from './machine/path-hash.js';
export { risksOfPath } from './simulate/path-risks.js';
export { checkReferences } from './model/references.js';
export { enabledTransitions, isEnabled, startDay, arrivalDay } from './model/semantics.js';
export { eventOf, weightOf } from './model/transition.js';
export { windowDays, type DayRange } from './model/time.js';
export { resolveRoute, type ResolvedRouteStep } from './export/mermaid/route-steps.js';
