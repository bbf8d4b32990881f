import { PHASES } from '../../model/index.js';
import type { ExportLang } from '../condition-words.js';
import { phaseLabel, phasesOf, type PathGraph } from '../graph.js';
import { assign, classLines, memoized, DOMAIN_STYLES, domainClass, edgeText, frontMatter, GROUP_STYLE, HEAT_STYLES, LEGEND_DOMAINS, words } from './common.js';
import { escapeLabel, quoted } from './escape.js';
import type { OverlayFigures } from './overlay.js';

/** Options of the state diagram writer. */
export interface StateDiagramOptions {
  lang: ExportLang;
  /** Short edge labels: the number of each conditional edge (see `edgeNotes`); full conditions when absent. */
  notes?: ReadonlyMap<string, number>;
  direction?: 'TB' | 'LR';
  overlay?: OverlayFigures;
  legend?: boolean;
}

/**
 * Writes a graph as a `stateDiagram-v2`: phases as composite states (`p0`…`p2`), steps as states
 * (`s0`…), folded groups as states (`c0`…) beside them, outcomes into the end state, every edge
 * declared after all states so that a cross-phase transition never creates a state in the wrong place.
 */
export function writeStateDiagram(graph: PathGraph, options: StateDiagramOptions): string {
  const { lang, overlay } = options;
  const lines = [...frontMatter(), 'stateDiagram-v2', `  accTitle: ${escapeLabel(graph.title)}`, `  direction ${options.direction ?? 'TB'}`];
  const classes = new Map<string, string[]>();
  const declare = (indent: string, node: (typeof graph.nodes)[number]) => {
    const text = overlay ? `${node.label} (${overlay.nodeFigure(node)})` : node.label;
    lines.push(`${indent}state ${quoted(text)} as ${node.id}`);
    assign(classes, overlay ? `heat${overlay.heat(node)}` : domainClass(node), node.id);
  };
  for (const phase of phasesOf(graph)) {
    const members = graph.nodes.filter((n) => n.phase === phase && n.kind !== 'group');
    if (members.length === 0) continue;
    lines.push(`  state ${quoted(phaseLabel(phase, lang))} as p${PHASES.indexOf(phase)} {`);
    for (const node of members) declare('    ', node);
    lines.push('  }');
  }
  for (const node of graph.nodes) if (node.kind === 'group') declare('  ', node);

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgeLabel = memoized(escapeLabel);
  for (const node of graph.nodes) if (node.initial) lines.push(`  [*] --> ${node.id}`);
  for (const edge of graph.edges) {
    const source = byId.get(edge.from);
    const text = edgeText(edge, lang, overlay && source ? overlay.edgeFigure(edge, source) : undefined, options.notes?.get(edge.id));
    lines.push(text ? `  ${edge.from} --> ${edge.to} : ${edgeLabel(text)}` : `  ${edge.from} --> ${edge.to}`);
  }
  for (const node of graph.nodes) if (node.final) lines.push(`  ${node.id} --> [*]`);

  if (options.legend !== false) lines.push(...legend(graph, classes, options));
  for (const [name, style] of Object.entries(DOMAIN_STYLES)) lines.push(`  classDef ${name} ${style}`);
  lines.push(`  classDef group ${GROUP_STYLE}`);
  HEAT_STYLES.forEach((style, i) => lines.push(`  classDef heat${i} ${style}`));
  lines.push(...classLines(classes, '  '));
  return lines.join('\n') + '\n';
}

function legend(graph: PathGraph, classes: Map<string, string[]>, options: StateDiagramOptions): string[] {
  const w = words(options.lang);
  const entries: { text: string; className: string }[] = [];
  if (options.overlay) {
    entries.push({ text: w.heat, className: 'heat2' });
  } else {
    const used = new Set(graph.nodes.map(domainClass));
    for (const domain of LEGEND_DOMAINS) {
      if (used.has(domain)) entries.push({ text: w.domain[domain], className: domain });
    }
    if (used.has('group')) entries.push({ text: w.group, className: 'group' });
  }
  const handoffs = new Set(graph.edges.map((e) => e.handoff));
  if (handoffs.has('warm')) entries.push({ text: w.warm, className: 'none' });
  if (handoffs.has('cold')) entries.push({ text: w.cold, className: 'none' });
  if (entries.length === 0) return [];
  const lines = [`  state ${quoted(w.legend)} as lg {`];
  entries.forEach((entry, i) => {
    lines.push(`    state ${quoted(entry.text)} as lg${i}`);
    assign(classes, entry.className, `lg${i}`);
  });
  lines.push('  }');
  return lines;
}
