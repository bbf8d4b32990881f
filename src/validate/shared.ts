import { toPointer, type Diagnostic } from '../diagnostics/index.js';
import { checkReferences } from '../model/index.js';
import type { PathGraph } from './graph.js';
import type { RuleContext } from './rule.js';

/** The pointer of a step, or of a field inside it. */
export function stepPointer(graph: PathGraph, step: number, ...rest: (string | number)[]): string {
  return toPointer(['steps', graph.ids[step]!, ...rest]);
}

/** The pointer of the transition an edge stands for, or of a field inside it. */
export function edgePointer(graph: PathGraph, edge: number, ...rest: (string | number)[]): string {
  return toPointer(['steps', graph.ids[graph.edgeSource[edge]!]!, 'transitions', graph.edgeTransition[edge]!, ...rest]);
}

/** The reference diagnostics of the path (from `checkReferences`), computed once per validation. */
export function referenceDiagnostics(context: RuleContext): Diagnostic[] {
  return pathReferences(context.graph, context.options.interventions);
}

/** The reference diagnostics of a graph's path, memoised on the graph. */
export function pathReferences(graph: PathGraph, interventions: RuleContext['options']['interventions']): Diagnostic[] {
  return graph.cached('references', () => checkReferences(graph.path, interventions ? { interventions } : {}));
}

/** Reports the reference diagnostics of one code through the rule's own template. */
export function reportReferences(context: RuleContext, code: string): void {
  for (const d of referenceDiagnostics(context)) if (d.code === code) context.report({ pointer: d.pointer, params: d.params });
}

/** A short list of ids for a message: the first few, then how many more. */
export function listIds(ids: readonly string[], max = 6): string {
  const shown = ids.slice(0, max).map((id) => `"${id}"`).join(', ');
  return ids.length > max ? `${shown} (+${ids.length - max})` : shown;
}
