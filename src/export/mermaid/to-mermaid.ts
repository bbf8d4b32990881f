import { requireCarePath, type CarePath } from '../../model/index.js';
import { argumentError, isRecord } from '../../diagnostics/index.js';
import type { ExportLang } from '../condition-words.js';
import { buildGraph, collapseGraph, type CollapseOptions, type PathGraph } from '../graph.js';
import { requireOverlay } from '../overlay-check.js';
import { writeFlowchart, type GroupBy } from './flowchart.js';
import { OverlayFigures, type OverlayMode, type SimulationOverlay } from './overlay.js';
import { writeStateDiagram } from './state-diagram.js';

const isLabel = (value: unknown) => isRecord(value) && typeof value.nl === 'string' && (value.en === undefined || typeof value.en === 'string');

/** Options of `toMermaid`. */
export interface ToMermaidOptions {
  /** `state` (default): a `stateDiagram-v2`; `flowchart`: lanes and labelled edges. */
  kind?: 'state' | 'flowchart';
  /** Label language; Dutch by default. */
  lang?: ExportLang;
  /** A simulation result to draw on the diagram (counts or shares per step and edge). */
  overlay?: SimulationOverlay;
  /** How overlay figures read (bupaR's words); `absolute` by default. */
  overlayMode?: OverlayMode;
  /** Flowchart lanes: one subgraph per phase (default), actor or organisation, or none. */
  groupBy?: GroupBy;
  /** Phases and organisations to fold into one node each. */
  collapse?: CollapseOptions;
  /** Layout direction; top to bottom by default. */
  direction?: 'TB' | 'LR';
  /** Draw the legend (default true). */
  legend?: boolean;
  /**
   * `full` (default): every edge spells out its condition. `short`: an edge shows only its own
   * label or event and a number `[n]`; `edgeNotes` with the same options lists the conditions.
   */
  edgeLabels?: 'full' | 'short';
  /** Steps to mark with ★ as the coalition's own (local) steps. */
  localSteps?: readonly string[];
}

/** The mark before the label of a coalition's own step. */
export const LOCAL_MARK = '★';

/** The full condition behind a numbered short edge label. */
export interface EdgeNote {
  /** The number shown on the edge. */
  note: number;
  /** Labels of the source and target nodes. */
  from: string;
  to: string;
  /** The condition in words. */
  condition: string;
  /** The step ids of the transitions the edge stands for. */
  steps: string[];
}

function graphOf(path: CarePath, options: ToMermaidOptions, lang: ExportLang) {
  let graph = buildGraph(path, lang);
  if (options.collapse && ((options.collapse.phases?.length ?? 0) > 0 || (options.collapse.organisations?.length ?? 0) > 0)) {
    graph = collapseGraph(graph, options.collapse);
  }
  return graph;
}

function numberConditions(graph: PathGraph): Map<string, number> {
  const notes = new Map<string, number>();
  for (const edge of graph.edges) if (edge.condition) notes.set(edge.id, notes.size + 1);
  return notes;
}

/**
 * The conditions behind the numbers of a diagram drawn with `edgeLabels: 'short'` (the same path
 * and options give the same numbers), for a legend or footnote beside it.
 */
export function edgeNotes(path: CarePath, options: Omit<ToMermaidOptions, 'edgeLabels'> = {}): EdgeNote[] {
  requireCarePath('edgeNotes', 'path', path);
  const lang = options.lang ?? 'nl';
  const graph = graphOf(path, options, lang);
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const notes = numberConditions(graph);
  return graph.edges
    .filter((e) => notes.has(e.id))
    .map((e) => ({ note: notes.get(e.id) as number, from: label.get(e.from) ?? e.from, to: label.get(e.to) ?? e.to, condition: e.condition as string, steps: e.transitions.map((t) => t.step) }));
}

/**
 * Writes a care path as Mermaid text: deterministic (same path and options, same text), with every
 * label escaped and the look pinned in front matter.
 *
 * @example
 * const text = toMermaid(path, { kind: 'flowchart', groupBy: 'organisation', lang: 'en' });
 */
export function toMermaid(path: CarePath, options: ToMermaidOptions = {}): string {
  requireCarePath('toMermaid', 'path', path);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw argumentError('toMermaid', 'options', { en: 'an object', nl: 'een object' }, options);
  // written into the diagram as it is: anything but these two would add Mermaid lines
  if (options.direction !== undefined && options.direction !== 'TB' && options.direction !== 'LR') {
    throw argumentError('toMermaid', 'options.direction', { en: '"TB" or "LR"', nl: '"TB" of "LR"' }, options.direction);
  }
  const lang = options.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw argumentError('toMermaid', 'options.lang', { en: '"nl" or "en"', nl: '"nl" of "en"' }, lang);
  if (options.overlay !== undefined) requireOverlay('toMermaid', 'options.overlay', options.overlay);
  // labels are written into the diagram: a number or an object where text belongs is a caller's mistake
  const LABEL = { en: 'a label { nl: "…" } (text per language)', nl: 'een label { nl: "…" } (tekst per taal)' };
  if (path.title !== undefined && !isLabel(path.title)) throw argumentError('toMermaid', 'path.title', LABEL, path.title);
  for (const [id, step] of Object.entries(path.steps)) if (!isLabel(step.label)) throw argumentError('toMermaid', `path.steps["${id}"].label`, LABEL, step.label);
  if (options.edgeLabels !== undefined && options.edgeLabels !== 'full' && options.edgeLabels !== 'short') {
    throw argumentError('toMermaid', 'options.edgeLabels', { en: '"full" or "short"', nl: '"full" of "short"' }, options.edgeLabels);
  }
  const graph = graphOf(path, options, lang);
  if (options.localSteps && options.localSteps.length > 0) {
    const local = new Set(options.localSteps);
    for (const node of graph.nodes) if (node.steps.some((step) => local.has(step))) node.label = `${LOCAL_MARK} ${node.label}`;
  }
  const overlay = options.overlay ? new OverlayFigures(options.overlay, options.overlayMode ?? 'absolute', lang, graph.nodes) : undefined;
  const common = { lang, ...(overlay ? { overlay } : {}), ...(options.direction ? { direction: options.direction } : {}), ...(options.legend === false ? { legend: false } : {}), ...(options.edgeLabels === 'short' ? { notes: numberConditions(graph) } : {}) };
  const kind = options.kind ?? 'state';
  if (kind === 'state') return writeStateDiagram(graph, common);
  if (kind === 'flowchart') return writeFlowchart(graph, { ...common, groupBy: options.groupBy ?? 'phase' });
  throw argumentError('toMermaid', 'options.kind', { en: '"state" or "flowchart"', nl: '"state" of "flowchart"' }, kind);
}
