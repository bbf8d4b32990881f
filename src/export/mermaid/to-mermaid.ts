import { requireCarePath, type CarePath } from '../../model/index.js';
import { argumentError, isRecord } from '../../diagnostics/index.js';
import type { ExportLang } from '../condition-words.js';
import { buildGraph, collapseGraph, type CollapseOptions } from '../graph.js';
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
  let graph = buildGraph(path, lang);
  if (options.collapse && ((options.collapse.phases?.length ?? 0) > 0 || (options.collapse.organisations?.length ?? 0) > 0)) {
    graph = collapseGraph(graph, options.collapse);
  }
  const overlay = options.overlay ? new OverlayFigures(options.overlay, options.overlayMode ?? 'absolute', lang, graph.nodes) : undefined;
  const common = { lang, ...(overlay ? { overlay } : {}), ...(options.direction ? { direction: options.direction } : {}), ...(options.legend === false ? { legend: false } : {}) };
  const kind = options.kind ?? 'state';
  if (kind === 'state') return writeStateDiagram(graph, common);
  if (kind === 'flowchart') return writeFlowchart(graph, { ...common, groupBy: options.groupBy ?? 'phase' });
  throw argumentError('toMermaid', 'options.kind', { en: '"state" or "flowchart"', nl: '"state" of "flowchart"' }, kind);
}
