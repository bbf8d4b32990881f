import type { ExportLang } from '../condition-words.js';
import type { GraphEdge, GraphNode } from '../graph.js';

/**
 * The part of a simulation result a diagram overlay reads: the cohort size, visits and distinct
 * clients per step, and how often each transition was taken (by step id and transition index).
 */
export interface SimulationOverlay {
  cohort: number;
  visits: Readonly<Record<string, number>>;
  clients: Readonly<Record<string, number>>;
  transitionCounts: Readonly<Record<string, readonly number[]>>;
}

/**
 * How overlay figures are shown, in bupaR's words: `absolute` gives counts (visits on steps,
 * transitions taken on edges); `relative` gives shares (of the cohort that reached a step, and of
 * the visits to a step that went on along an edge).
 */
export type OverlayMode = 'absolute' | 'relative';

export function formatNumber(value: number, lang: ExportLang): string {
  const digits = String(Math.round(value));
  // thousands separators by hand, so output never depends on the machine's locale data
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
  return grouped;
}

export function formatShare(share: number, lang: ExportLang): string {
  const text = (Math.round(share * 1000) / 10).toFixed(1);
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
}

/** Reads overlay figures for the nodes and edges of a graph. */
export class OverlayFigures {
  private readonly maxVisits: number;

  constructor(
    private readonly overlay: SimulationOverlay,
    private readonly mode: OverlayMode,
    private readonly lang: ExportLang,
    nodes: readonly GraphNode[],
  ) {
    let max = 0;
    for (const node of nodes) max = Math.max(max, this.visits(node));
    this.maxVisits = max;
  }

  visits(node: GraphNode): number {
    return node.steps.reduce((sum, step) => sum + (this.overlay.visits[step] ?? 0), 0);
  }

  private clients(node: GraphNode): number {
    // a folded node's clients may overlap between its steps; the largest is a safe lower bound
    return node.steps.reduce((most, step) => Math.max(most, this.overlay.clients[step] ?? 0), 0);
  }

  count(edge: GraphEdge): number {
    return edge.transitions.reduce((sum, t) => sum + (this.overlay.transitionCounts[t.step]?.[t.index] ?? 0), 0);
  }

  /** The figure after a node's label. */
  nodeFigure(node: GraphNode): string {
    if (this.mode === 'absolute') return formatNumber(this.visits(node), this.lang);
    const cohort = this.overlay.cohort;
    return formatShare(cohort > 0 ? this.clients(node) / cohort : 0, this.lang);
  }

  /** The figure in front of an edge's label. */
  edgeFigure(edge: GraphEdge, source: GraphNode): string {
    const count = this.count(edge);
    if (this.mode === 'absolute') return formatNumber(count, this.lang);
    const visits = this.visits(source);
    return formatShare(visits > 0 ? count / visits : 0, this.lang);
  }

  /** 0…4: how dark a node is shaded, by its visits against the most visited node. */
  heat(node: GraphNode): number {
    if (this.maxVisits === 0) return 0;
    return Math.min(4, Math.floor((this.visits(node) / this.maxVisits) * 5));
  }
}
