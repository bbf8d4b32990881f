import type { Domain } from '../../model/index.js';
import type { ExportLang } from '../condition-words.js';
import type { GraphEdge, GraphNode } from '../graph.js';

/**
 * Front matter that pins how a diagram looks, so that it draws the same on Mermaid 11 and 12
 * (whose defaults may change): theme, classic look and the dagre layout.
 */
export function frontMatter(): string[] {
  return ['---', 'config:', '  theme: default', '  look: classic', '  layout: dagre', '---'];
}

/** A node's colour class: its actor's domain, or public health for JGZ and GGD (whatever their domain). */
export type DomainClass = Domain | 'publicHealth' | 'none';

/** Fill and stroke per actor domain; the same colours in every diagram and the legend. */
export const DOMAIN_STYLES: Record<DomainClass, string> = {
  medical: 'fill:#dbeafe,stroke:#1d4ed8,color:#0f172a',
  publicHealth: 'fill:#ede9fe,stroke:#6d28d9,color:#0f172a',
  social: 'fill:#fef3c7,stroke:#b45309,color:#0f172a',
  informal: 'fill:#dcfce7,stroke:#15803d,color:#0f172a',
  none: 'fill:#f1f5f9,stroke:#64748b,color:#0f172a',
};

/** A five-step blue scale for visits (after bupaR's PuBu); darker is more. */
export const HEAT_STYLES = [
  'fill:#f1eef6,stroke:#64748b,color:#0f172a',
  'fill:#d0d1e6,stroke:#64748b,color:#0f172a',
  'fill:#a6bddb,stroke:#334155,color:#0f172a',
  'fill:#3690c0,stroke:#1e293b,color:#ffffff',
  'fill:#045a8d,stroke:#0f172a,color:#ffffff',
] as const;

export const GROUP_STYLE = 'fill:#ffffff,stroke:#334155,stroke-width:2px,stroke-dasharray:6 3,color:#0f172a';

const WORDS = {
  nl: {
    domain: { medical: 'Medisch domein', publicHealth: 'Publieke gezondheid (JGZ, GGD)', social: 'Sociaal domein', informal: 'Informeel', none: 'Geen actor' },
    warm: '⇒ warme overdracht',
    cold: '⇢ koude overdracht',
    when: 'als',
    after: (days: number) => `na ${days} ${days === 1 ? 'dag' : 'dagen'}`,
    legend: 'Legenda',
    group: 'Samengevouwen stappen',
    heat: 'Bezoeken (licht: weinig, donker: veel)',
  },
  en: {
    domain: { medical: 'Medical domain', publicHealth: 'Public health (JGZ, GGD)', social: 'Social domain', informal: 'Informal', none: 'No actor' },
    warm: '⇒ warm handoff',
    cold: '⇢ cold handoff',
    when: 'if',
    after: (days: number) => `after ${days} ${days === 1 ? 'day' : 'days'}`,
    legend: 'Legend',
    group: 'Folded steps',
    heat: 'Visits (light: few, dark: many)',
  },
} as const;

/** Words shared by the diagram kinds. */
export function words(lang: ExportLang) {
  return WORDS[lang];
}

/** The class (style) name of a node by its actor's domain; JGZ and GGD as public health, as they call themselves. */
export function domainClass(node: GraphNode): DomainClass | 'group' {
  if (node.kind === 'group' && node.domain === undefined) return 'group';
  if (node.publicHealth) return 'publicHealth';
  return node.domain ?? 'none';
}

/** The order of the colour classes in a legend. */
export const LEGEND_DOMAINS = ['medical', 'publicHealth', 'social', 'informal', 'none'] as const satisfies readonly DomainClass[];

/**
 * The plain text on an edge: the handoff, the transition's label or its event, the condition and
 * the delay; `prefix` (overlay figures) comes first. Not yet escaped.
 */
export function edgeText(edge: GraphEdge, lang: ExportLang, prefix?: string, note?: number): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (prefix) parts.push(prefix);
  if (edge.handoff) parts.push(w[edge.handoff]);
  // an empty transition label counts as none
  const name = edge.label || (edge.event && edge.event !== 'NEXT' ? edge.eventLabel || edge.event : '');
  // short labels: the condition is numbered here and written out in full beside the diagram
  if (note !== undefined) parts.push(name ? `${name} [${note}]` : `[${note}]`);
  else {
    if (name) parts.push(name);
    if (edge.condition) parts.push(`${w.when} ${edge.condition}`);
  }
  if (edge.after !== undefined) parts.push(w.after(edge.after));
  return parts.join(' · ');
}

/** An `escape` that remembers its answers for one diagram: edge texts repeat a lot in real paths. */
export function memoized(escape: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = escape(text);
      seen.set(text, out);
    }
    return out;
  };
}

/** Groups ids by a class name into `class a,b name` lines, in a fixed order. */
export function classLines(assignments: ReadonlyMap<string, string[]>, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, ids] of [...assignments.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // long lists are split so that no line grows without bound
    for (let i = 0; i < ids.length; i += 200) lines.push(`${indent}class ${ids.slice(i, i + 200).join(',')} ${name}`);
  }
  return lines;
}

/** Adds `id` to the list of `name` in a class map. */
export function assign(assignments: Map<string, string[]>, name: string, id: string): void {
  const list = assignments.get(name);
  if (list) list.push(id);
  else assignments.set(name, [id]);
}
