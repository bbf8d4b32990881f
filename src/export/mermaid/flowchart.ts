import { PHASES } from '../../model/index.js';
import type { ExportLang } from '../condition-words.js';
import { phaseLabel, type GraphNode, type PathGraph } from '../graph.js';
import { assign, classLines, memoized, DOMAIN_STYLES, domainClass, edgeText, frontMatter, GROUP_STYLE, HEAT_STYLES, LEGEND_DOMAINS, words } from './common.js';
import { escapeLabel, quoted } from './escape.js';
import type { OverlayFigures } from './overlay.js';

/** What the lanes (subgraphs) of a flowchart stand for. */
export type GroupBy = 'phase' | 'actor' | 'organisation' | 'none';

/** Options of the flowchart writer. */
export interface FlowchartOptions {
  lang: ExportLang;
  /** Short edge labels: the number of each conditional edge (see `edgeNotes`); full conditions when absent. */
  notes?: ReadonlyMap<string, number>;
  groupBy?: GroupBy;
  direction?: 'TB' | 'LR';
  overlay?: OverlayFigures;
  legend?: boolean;
}

function shape(node: GraphNode, text: string): string {
  const label = quoted(text);
  switch (node.kind) {
    case 'decision':
      return `{${label}}`;
    case 'outcome':
      return `([${label}])`;
    case 'handoff':
      return `>${label}]`;
    case 'wait':
      return `{{${label}}}`;
    case 'group':
      return `[[${label}]]`;
    default:
      return `[${label}]`;
  }
}

function laneOf(node: GraphNode, groupBy: GroupBy, lang: ExportLang): { key: string; label: string } | undefined {
  if (groupBy === 'phase') return { key: `phase:${PHASES.indexOf(node.phase)}`, label: phaseLabel(node.phase, lang) };
  if (groupBy === 'actor' && node.actor !== undefined) return { key: `actor:${node.actor}`, label: node.actorLabel ?? node.actor };
  if (groupBy === 'organisation' && node.organisation !== undefined) return { key: `org:${node.organisation}`, label: node.organisationLabel ?? node.organisation };
  return undefined;
}

/**
 * Writes a graph as a `flowchart`: one lane (subgraph `g0`, `g1`, …) per phase, actor or
 * organisation, steps as nodes `s0`…, edges labelled in plain words; warm handoffs are thick green
 * arrows, cold handoffs dotted red ones.
 */
export function writeFlowchart(graph: PathGraph, options: FlowchartOptions): string {
  const { lang, overlay } = options;
  const groupBy = options.groupBy ?? 'phase';
  const lines = [...frontMatter(), `flowchart ${options.direction ?? 'TB'}`, `  accTitle: ${escapeLabel(graph.title)}`];
  const classes = new Map<string, string[]>();
  const lanes = new Map<string, { label: string; nodes: GraphNode[] }>();
  const loose: GraphNode[] = [];
  for (const node of graph.nodes) {
    const lane = laneOf(node, groupBy, lang);
    if (!lane) {
      loose.push(node);
      continue;
    }
    const entry = lanes.get(lane.key);
    if (entry) entry.nodes.push(node);
    else lanes.set(lane.key, { label: lane.label, nodes: [node] });
  }
  const declare = (indent: string, node: GraphNode) => {
    const text = overlay ? `${node.label} (${overlay.nodeFigure(node)})` : node.label;
    lines.push(`${indent}${node.id}${shape(node, text)}`);
    assign(classes, overlay ? `heat${overlay.heat(node)}` : domainClass(node), node.id);
  };
  // lanes in the order their first node appears (phase lanes in timeline order)
  const ordered = [...lanes.entries()].sort(([a], [b]) => (groupBy === 'phase' ? (a < b ? -1 : a > b ? 1 : 0) : 0));
  ordered.forEach(([, lane], i) => {
    lines.push(`  subgraph g${i} [${quoted(lane.label)}]`);
    for (const node of lane.nodes) declare('    ', node);
    lines.push('  end');
  });
  for (const node of loose) declare('  ', node);

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const linkStyles = new Map<string, number[]>();
  const edgeLabel = memoized(quoted);
  let link = 0;
  for (const node of graph.nodes) {
    if (!node.initial) continue;
    lines.push(`  start${node.id}((" ")) --> ${node.id}`);
    assign(classes, 'startNode', `start${node.id}`);
    link++;
  }
  for (const edge of graph.edges) {
    const source = byId.get(edge.from);
    const text = edgeText(edge, lang, overlay && source ? overlay.edgeFigure(edge, source) : undefined, options.notes?.get(edge.id));
    const arrow = edge.handoff === 'warm' ? '==>' : edge.handoff === 'cold' ? '-.->' : '-->';
    lines.push(text ? `  ${edge.from} ${arrow}|${edgeLabel(text)}| ${edge.to}` : `  ${edge.from} ${arrow} ${edge.to}`);
    if (edge.handoff) {
      const list = linkStyles.get(edge.handoff) ?? [];
      list.push(link);
      linkStyles.set(edge.handoff, list);
    }
    link++;
  }
  if (options.legend !== false) lines.push(...legend(graph, classes, options));
  for (const [name, style] of Object.entries(DOMAIN_STYLES)) lines.push(`  classDef ${name} ${style}`);
  lines.push(`  classDef group ${GROUP_STYLE}`, '  classDef startNode fill:#0f172a,stroke:#0f172a');
  HEAT_STYLES.forEach((style, i) => lines.push(`  classDef heat${i} ${style}`));
  lines.push(...classLines(classes, '  '));
  const handoffStyle = { warm: 'stroke:#15803d,stroke-width:3px', cold: 'stroke:#b91c1c,stroke-width:2px' };
  for (const kind of ['warm', 'cold'] as const) {
    const indices = linkStyles.get(kind);
    if (!indices) continue;
    for (let i = 0; i < indices.length; i += 200) lines.push(`  linkStyle ${indices.slice(i, i + 200).join(',')} ${handoffStyle[kind]}`);
  }
  return lines.join('\n') + '\n';
}

function legend(graph: PathGraph, classes: Map<string, string[]>, options: FlowchartOptions): string[] {
  const w = words(options.lang);
  const entries: { text: string; className: string }[] = [];
  if (options.overlay) entries.push({ text: w.heat, className: 'heat2' });
  else {
    const used = new Set(graph.nodes.map(domainClass));
    for (const domain of [...LEGEND_DOMAINS, 'group'] as const) {
      if (used.has(domain)) entries.push({ text: domain === 'group' ? w.group : w.domain[domain], className: domain });
    }
  }
  const handoffs = new Set(graph.edges.map((e) => e.handoff));
  if (handoffs.has('warm')) entries.push({ text: w.warm, className: 'none' });
  if (handoffs.has('cold')) entries.push({ text: w.cold, className: 'none' });
  if (entries.length === 0) return [];
  const lines = [`  subgraph lg [${quoted(w.legend)}]`, '    direction LR'];
  entries.forEach((entry, i) => {
    lines.push(`    lg${i}[${quoted(entry.text)}]`);
    assign(classes, entry.className, `lg${i}`);
  });
  lines.push('  end');
  return lines;
}
