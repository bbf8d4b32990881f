import { argumentError } from '../../diagnostics/index.js';
import { BIRTH_EVENT, emitsOf, isChildTrack, labelText, type HouseholdPath } from '../../model/index.js';
import { describeCondition, termLabel, type ExportLang, type FactorLabels } from '../condition-words.js';
import { assign, classLines, DOMAIN_STYLES, frontMatter, HEAT_STYLES, LEGEND_DOMAINS, memoized, words } from './common.js';
import { escapeLabel, quoted } from './escape.js';
import { HouseholdOverlayFigures, requireHouseholdOverlay, type HouseholdOverlay } from './household-overlay.js';
import type { OverlayMode } from './overlay.js';
import { LOCAL_MARK } from './to-mermaid.js';

/** Options of `householdToMermaid`, `householdToStateDiagram` and `householdEdgeNotes`. */
export interface HouseholdDiagramOptions {
  lang?: ExportLang;
  /**
   * `full` (default): every arrow spells out its condition, and a step names every risk it signals
   * or supports. `short`: an arrow with a condition shows a number `[n]` instead (listed by
   * `householdEdgeNotes` with the same options), and a step with more than three risks counts them.
   */
  edgeLabels?: 'full' | 'short';
  /** The flowchart's legend of colours and arrows (default true). */
  legend?: boolean;
  /**
   * A household simulation result (`simulateHousehold`) to draw on the diagram: visits on every
   * step, times taken on every transition, instances on every track, and steps shaded by visits
   * instead of coloured by domain. Referrals and track starts carry no figure: the result counts
   * them per household, not per arrow.
   */
  overlay?: HouseholdOverlay;
  /** How overlay figures read: `absolute` (default) gives counts; `relative` gives shares (of households on steps and tracks, of a step's visits on transitions). */
  overlayMode?: OverlayMode;
  /** Steps to mark with ★ as the coalition's own (local) steps, as `toMermaid` marks them. */
  localSteps?: readonly string[];
}

/** The full condition behind a numbered arrow of a household diagram drawn with `edgeLabels: 'short'`. */
export interface HouseholdEdgeNote {
  /** The number shown on the arrow. */
  note: number;
  /** Labels of the steps the arrow joins. */
  from: string;
  to: string;
  /** What the arrow is: a step within a track, a transfer of responsibility, or a referral into another track. */
  kind: 'step' | 'transfer' | 'referral';
  /** The condition in words. */
  condition: string;
}

export const WORDS = {
  nl: {
    perChild: 'per kind',
    referral: 'verwijzing',
    warm: 'warm',
    cold: 'koud',
    transfer: 'overdracht',
    accepted: (p: number) => `${Math.round(p * 100)}% neemt aan`,
    starts: 'start bij',
    birth: 'geboorte',
    detects: 'signaleert',
    addresses: 'steun bij',
    risks: (n: number) => `${n} risico’s`,
    when: 'als',
    legend: 'Legenda',
    domain: { medical: 'Medisch domein', publicHealth: 'Publieke gezondheid (JGZ, GGD)', social: 'Sociaal domein', informal: 'Informeel', none: 'Geen actor' },
    legendStep: 'stap binnen een spoor',
    legendTransfer: 'overdracht van verantwoordelijkheid',
    legendReferral: 'verwijzing of start in een ander spoor',
  },
  en: {
    perChild: 'per child',
    referral: 'referral',
    warm: 'warm',
    cold: 'cold',
    transfer: 'transfer',
    accepted: (p: number) => `${Math.round(p * 100)}% accept`,
    starts: 'starts on',
    birth: 'birth',
    detects: 'signals',
    addresses: 'support for',
    risks: (n: number) => `${n} risks`,
    when: 'if',
    legend: 'Legend',
    domain: { medical: 'Medical domain', publicHealth: 'Public health (JGZ, GGD)', social: 'Social domain', informal: 'Informal', none: 'No actor' },
    legendStep: 'step within a track',
    legendTransfer: 'transfer of responsibility',
    legendReferral: 'referral or start in another track',
  },
} as const;

/** One arrow of a household diagram, before it is written in either diagram kind. */
export interface HouseholdEdge {
  from: string;
  to: string;
  kind: 'step' | 'transfer' | 'referral' | 'start';
  /** What the arrow says besides its condition: the transfer, the referral, the event or the label. */
  name: string;
  condition?: string;
  /** The share that accepts a referral, when below 1. */
  accepted?: string;
  /** A transfer's kind. */
  handoff?: 'warm' | 'cold';
  /** The index of the transition in its step, for a step or transfer arrow. */
  transition?: number;
}

export function readOptions(callee: string, options: HouseholdDiagramOptions): { lang: ExportLang; short: boolean; legend: boolean; overlay: HouseholdOverlayFigures | undefined; local: ReadonlySet<string> } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw argumentError(callee, 'options', { en: 'an object', nl: 'een object' }, options);
  const lang = options.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw argumentError(callee, 'options.lang', { en: '"nl" or "en"', nl: '"nl" of "en"' }, lang);
  if (options.edgeLabels !== undefined && options.edgeLabels !== 'full' && options.edgeLabels !== 'short') {
    throw argumentError(callee, 'options.edgeLabels', { en: '"full" or "short"', nl: '"full" of "short"' }, options.edgeLabels);
  }
  if (options.overlayMode !== undefined && options.overlayMode !== 'absolute' && options.overlayMode !== 'relative') {
    throw argumentError(callee, 'options.overlayMode', { en: '"absolute" or "relative"', nl: '"absolute" of "relative"' }, options.overlayMode);
  }
  if (options.overlay !== undefined) requireHouseholdOverlay(callee, 'options.overlay', options.overlay);
  if (options.localSteps !== undefined && (!Array.isArray(options.localSteps) || !options.localSteps.every((id) => typeof id === 'string'))) {
    throw argumentError(callee, 'options.localSteps', { en: 'a list of step ids', nl: 'een lijst van stap-id’s' }, options.localSteps);
  }
  const overlay = options.overlay ? new HouseholdOverlayFigures(options.overlay, options.overlayMode ?? 'absolute', lang) : undefined;
  return { lang, short: options.edgeLabels === 'short', legend: options.legend !== false, overlay, local: new Set(options.localSteps ?? []) };
}

function factorsOf(path: HouseholdPath): FactorLabels {
  return { ...(path.risks ? { risks: path.risks } : {}), ...(path.protections ? { protections: path.protections } : {}), ...(path.vocabulary ? { vocabulary: path.vocabulary } : {}) };
}

function eventName(event: string, path: HouseholdPath, lang: ExportLang): string {
  if (event === BIRTH_EVENT && !path.vocabulary?.[event]) return WORDS[lang].birth;
  return termLabel(event, lang, path.vocabulary);
}

/** Every arrow of the path in a fixed order: per step its transitions, referrals and the tracks its events start. */
export function householdEdges(path: HouseholdPath, lang: ExportLang): HouseholdEdge[] {
  const w = WORDS[lang];
  const factors = factorsOf(path);
  const edges: HouseholdEdge[] = [];
  for (const [id, step] of Object.entries(path.steps)) {
    for (const [index, transition] of step.transitions.entries()) {
      if (!Object.hasOwn(path.steps, transition.to)) continue;
      const parts: string[] = [];
      if (transition.handoff) parts.push(`${w.transfer} ${w[transition.handoff]}`);
      if (transition.label) parts.push(labelText(transition.label, lang));
      else if (transition.on) parts.push(eventName(transition.on, path, lang));
      edges.push({
        from: id,
        to: transition.to,
        kind: transition.handoff ? 'transfer' : 'step',
        transition: index,
        ...(transition.handoff ? { handoff: transition.handoff } : {}),
        name: parts.join(' · '),
        ...(transition.when ? { condition: describeCondition(transition.when, lang, factors) } : {}),
      });
    }
    for (const referral of step.refers ?? []) {
      if (!Object.hasOwn(path.steps, referral.to)) continue;
      const kind = referral.handoff ? `${w.referral} ${w[referral.handoff]}` : w.referral;
      edges.push({
        from: id,
        to: referral.to,
        kind: 'referral',
        name: referral.label ? `${kind}: ${labelText(referral.label, lang)}` : kind,
        ...(referral.when ? { condition: describeCondition(referral.when, lang, factors) } : {}),
        ...(referral.accepted !== undefined && referral.accepted < 1 ? { accepted: w.accepted(referral.accepted) } : {}),
      });
    }
    for (const event of emitsOf(step)) {
      for (const track of Object.values(path.tracks)) {
        if (track.startsOn !== event || track.initial === undefined || !Object.hasOwn(path.steps, track.initial)) continue;
        edges.push({ from: id, to: track.initial, kind: 'start', name: `${w.starts} ${eventName(event, path, lang)}` });
      }
    }
  }
  return edges;
}

/** The numbers of the arrows with a condition, in arrow order. */
export function numberConditions(edges: readonly HouseholdEdge[]): Map<HouseholdEdge, number> {
  const notes = new Map<HouseholdEdge, number>();
  for (const edge of edges) if (edge.condition !== undefined) notes.set(edge, notes.size + 1);
  return notes;
}

/** The plain text of an arrow (not yet escaped): the overlay figure, its name, its condition or the number of its note, and the share that accepts. */
export function edgeText(edge: HouseholdEdge, lang: ExportLang, note: number | undefined, overlay: HouseholdOverlayFigures | undefined): string {
  const parts: string[] = [];
  if (overlay && edge.transition !== undefined) parts.push(overlay.transitionFigure(edge.from, edge.transition));
  if (note !== undefined) parts.push(edge.name ? `${edge.name} [${note}]` : `[${note}]`);
  else {
    if (edge.name) parts.push(edge.name);
    if (edge.condition !== undefined) parts.push(`${WORDS[lang].when} ${edge.condition}`);
  }
  if (edge.accepted) parts.push(edge.accepted);
  return parts.join(' · ');
}

/** A step's label (with its overlay figure) and the risks it signals and supports: every one in full, or counted beyond three in short. */
export function stepText(path: HouseholdPath, id: string, lang: ExportLang, short: boolean, overlay: HouseholdOverlayFigures | undefined, local: ReadonlySet<string>): string {
  const w = WORDS[lang];
  const step = path.steps[id]!;
  const riskLabel = (key: string) => (path.risks && Object.hasOwn(path.risks, key) ? labelText(path.risks[key]!.label, lang) : key);
  const label = `${local.has(id) ? `${LOCAL_MARK} ` : ''}${labelText(step.label, lang)}`;
  const parts = [overlay ? `${label} (${overlay.stepFigure(id)})` : label];
  const detects = Object.entries(step.detects ?? {});
  if (detects.length > 3 && short) parts.push(`${w.detects} ${w.risks(detects.length)}`);
  else if (detects.length > 0) parts.push(`${w.detects} ${detects.map(([r, p]) => `${riskLabel(r)} ${Math.round(p * 100)}%`).join(', ')}`);
  const addresses = step.addresses ?? [];
  if (addresses.length > 3 && short) parts.push(`${w.addresses} ${w.risks(addresses.length)}`);
  else if (addresses.length > 0) parts.push(`${w.addresses} ${addresses.map(riskLabel).join(', ')}`);
  return parts.join(' · ');
}

/** A track's title: its label, marked as running once per child unless the label says so already, and its overlay figure. */
export function trackTitle(path: HouseholdPath, trackId: string, lang: ExportLang, overlay: HouseholdOverlayFigures | undefined): string {
  const track = path.tracks[trackId]!;
  const label = labelText(track.label, lang);
  const mark = WORDS[lang].perChild;
  const title = isChildTrack(path, track) && !label.toLowerCase().includes(mark) ? `${label} (${mark})` : label;
  return overlay ? `${title} · ${overlay.trackFigure(trackId)}` : title;
}

/** A step's colour class: its actor's domain, or with an overlay its shade of visits (how often it was visited instead of whose it is). */
export function stepClass(path: HouseholdPath, id: string, overlay: HouseholdOverlayFigures | undefined): string {
  if (overlay) return `heat${overlay.heat(id)}`;
  const actor = path.steps[id]!.actor;
  const declared = actor !== undefined && Object.hasOwn(path.actors, actor) ? path.actors[actor]! : undefined;
  return declared === undefined ? 'none' : declared.publicHealth === true ? 'publicHealth' : declared.domain;
}

/**
 * The conditions behind the numbers of a household diagram drawn with `edgeLabels: 'short'` (the
 * same path and options give the same numbers), for a table beside the diagram.
 *
 * @example
 * for (const n of householdEdgeNotes(path, { lang: 'nl' })) console.log(`[${n.note}] ${n.from} → ${n.to}: ${n.condition}`);
 */
export function householdEdgeNotes(path: HouseholdPath, options: Omit<HouseholdDiagramOptions, 'edgeLabels'> = {}): HouseholdEdgeNote[] {
  const { lang } = readOptions('householdEdgeNotes', options);
  const edges = householdEdges(path, lang);
  const label = (id: string) => labelText(path.steps[id]!.label, lang);
  return [...numberConditions(edges)].map(([edge, note]) => ({
    note,
    from: label(edge.from),
    to: label(edge.to),
    kind: edge.kind === 'start' ? 'referral' : edge.kind,
    condition: edge.condition!,
  }));
}

// thick arrows carry responsibility (green when warm, red when cold); dotted grey arrows cross into another track
export const LINK_STYLES = { warm: 'stroke:#15803d,stroke-width:3px', cold: 'stroke:#b91c1c,stroke-width:3px', crossing: 'stroke:#64748b,stroke-width:1.5px' } as const;

/**
 * A household path (format version 2) as a Mermaid flowchart with one lane (subgraph) per track.
 * Ordinary steps are plain arrows; a transfer of responsibility (a transition with `handoff`) is a
 * thick arrow; a referral into another track and a track started by an event are dotted arrows.
 * Steps say which risks they signal and which they address; a legend explains colours and arrows.
 * With `overlay`, a household simulation result is drawn on it: figures on steps, transitions and
 * lanes, steps shaded by visits. Every label is escaped.
 *
 * @example
 * const text = householdToMermaid(await loadHouseholdPath('gezin.json'), { lang: 'nl' });
 */
export function householdToMermaid(path: HouseholdPath, options: HouseholdDiagramOptions = {}): string {
  const { lang, short, legend, overlay, local } = readOptions('householdToMermaid', options);
  const esc = memoized(escapeLabel);
  const node = new Map(Object.keys(path.steps).map((id, i) => [id, `s${i}`]));
  const lines = [...frontMatter(), 'flowchart TB'];
  const classes = new Map<string, string[]>();

  Object.keys(path.tracks).forEach((trackId, t) => {
    lines.push(`  subgraph t${t}[${quoted(trackTitle(path, trackId, lang, overlay))}]`, '    direction TB');
    for (const [id, step] of Object.entries(path.steps)) {
      if (step.track !== trackId) continue;
      const shape = step.kind === 'outcome' ? ['([', '])'] : ['[', ']'];
      lines.push(`    ${node.get(id)!}${shape[0]}"${esc(stepText(path, id, lang, short, overlay, local))}"${shape[1]}`);
      assign(classes, stepClass(path, id, overlay), node.get(id)!);
    }
    lines.push('  end');
  });
  // a step in a track the path does not declare (an error validation reports) is drawn outside the lanes
  for (const [id, step] of Object.entries(path.steps)) {
    if (Object.hasOwn(path.tracks, step.track)) continue;
    lines.push(`  ${node.get(id)!}["${esc(stepText(path, id, lang, short, overlay, local))}"]`);
    assign(classes, overlay ? `heat${overlay.heat(id)}` : 'none', node.get(id)!);
  }

  const edges = householdEdges(path, lang);
  const notes = short ? numberConditions(edges) : new Map<HouseholdEdge, number>();
  const linkStyles: Record<keyof typeof LINK_STYLES, number[]> = { warm: [], cold: [], crossing: [] };
  const transferKinds = new Set<'warm' | 'cold'>();
  edges.forEach((edge, link) => {
    const text = edgeText(edge, lang, notes.get(edge), overlay);
    const label = text ? `|"${esc(text)}"|` : '';
    const arrow = edge.kind === 'transfer' ? '==>' : edge.kind === 'step' ? '-->' : '-.->';
    lines.push(`  ${node.get(edge.from)!} ${arrow}${label} ${node.get(edge.to)!}`);
    if (edge.kind === 'referral' || edge.kind === 'start') linkStyles.crossing.push(link);
    if (edge.handoff) {
      linkStyles[edge.handoff].push(link);
      transferKinds.add(edge.handoff);
    }
  });
  if (legend) lines.push(...legendLines(lang, classes, edges, transferKinds, overlay !== undefined));
  lines.push(...styleLines(classes, linkStyles));
  return lines.join('\n') + '\n';
}

/** The colour classes that occur, each node's class, and the styles of the arrows by their index. */
export function styleLines(classes: ReadonlyMap<string, string[]>, linkStyles: Readonly<Record<keyof typeof LINK_STYLES, readonly number[]>>): string[] {
  const lines: string[] = [];
  for (const [domain, style] of Object.entries(DOMAIN_STYLES)) if (classes.has(domain)) lines.push(`  classDef ${domain} ${style}`);
  HEAT_STYLES.forEach((style, i) => classes.has(`heat${i}`) && lines.push(`  classDef heat${i} ${style}`));
  lines.push(...classLines(classes, '  '));
  for (const [kind, indices] of Object.entries(linkStyles)) {
    for (let i = 0; i < indices.length; i += 200) lines.push(`  linkStyle ${indices.slice(i, i + 200).join(',')} ${LINK_STYLES[kind as keyof typeof LINK_STYLES]}`);
  }
  return lines;
}

/** The legend: the colours of the domains that occur (or the shades of an overlay), and the kinds of arrow that occur, each as a node. */
export function legendLines(lang: ExportLang, classes: Map<string, string[]>, edges: readonly HouseholdEdge[], transfers: ReadonlySet<'warm' | 'cold'>, shaded: boolean): string[] {
  const w = WORDS[lang];
  const entries: { text: string; className: string }[] = [];
  if (shaded) entries.push({ text: words(lang).heat, className: 'heat2' });
  else for (const domain of LEGEND_DOMAINS) if (classes.has(domain)) entries.push({ text: w.domain[domain], className: domain });
  const kinds = new Set(edges.map((e) => e.kind));
  if (kinds.has('step')) entries.push({ text: `→ ${w.legendStep}`, className: 'none' });
  for (const kind of ['warm', 'cold'] as const) if (transfers.has(kind)) entries.push({ text: `⇒ ${w.legendTransfer} (${w[kind]})`, className: 'none' });
  if (kinds.has('referral') || kinds.has('start')) entries.push({ text: `⇢ ${w.legendReferral}`, className: 'none' });
  if (entries.length === 0) return [];
  // entries without arrows between them lie side by side in a top-to-bottom subgraph
  const lines = [`  subgraph lg[${quoted(w.legend)}]`, '    direction TB'];
  entries.forEach((entry, i) => {
    lines.push(`    lg${i}[${quoted(entry.text)}]`);
    assign(classes, entry.className, `lg${i}`);
  });
  lines.push('  end');
  return lines;
}

/** A state's label in the region diagram, with its overlay figure. */
function stateText(path: HouseholdPath, id: string, lang: ExportLang, overlay: HouseholdOverlayFigures | undefined): string {
  const label = labelText(path.steps[id]!.label, lang);
  return overlay ? `${label} (${overlay.stepFigure(id)})` : label;
}

/**
 * A household path as a Mermaid state diagram: one concurrent region per track inside one
 * composite state for the household, each track starting from its own `[*]`. Transitions stay in
 * their region (a transfer says so on its label); referrals and the events that start a track
 * (the birth) cross between regions and are labelled as such. Every label is escaped.
 *
 * @example
 * const text = householdToStateDiagram(path, { lang: 'en' });
 */
export function householdToStateDiagram(path: HouseholdPath, options: HouseholdDiagramOptions = {}): string {
  const { lang, short, overlay } = readOptions('householdToStateDiagram', options);
  const esc = memoized(escapeLabel);
  const node = new Map(Object.keys(path.steps).map((id, i) => [id, `s${i}`]));
  const edges = householdEdges(path, lang);
  const notes = short ? numberConditions(edges) : new Map<HouseholdEdge, number>();
  const lines = [...frontMatter(), 'stateDiagram-v2', `  state ${quoted(labelText(path.title, lang))} as household {`];
  const crossing: string[] = [];
  const arrow = (edge: HouseholdEdge, indent: string) => {
    const text = edgeText(edge, lang, notes.get(edge), overlay);
    return `${indent}${node.get(edge.from)!} --> ${node.get(edge.to)!}${text ? ` : ${esc(text)}` : ''}`;
  };
  Object.entries(path.tracks).forEach(([trackId, track], t) => {
    if (t > 0) lines.push('    --');
    lines.push(`    state ${quoted(trackTitle(path, trackId, lang, overlay))} as t${t} {`);
    for (const [id, step] of Object.entries(path.steps)) {
      if (step.track === trackId) lines.push(`      state ${quoted(stateText(path, id, lang, overlay))} as ${node.get(id)!}`);
    }
    if (track.initial !== undefined && node.has(track.initial)) lines.push(`      [*] --> ${node.get(track.initial)!}`);
    for (const edge of edges) {
      if (path.steps[edge.from]!.track !== trackId) continue;
      if (edge.kind === 'step' || edge.kind === 'transfer') lines.push(arrow(edge, '      '));
      else crossing.push(arrow(edge, '  '));
    }
    for (const [id, step] of Object.entries(path.steps)) if (step.track === trackId && step.kind === 'outcome') lines.push(`      ${node.get(id)!} --> [*]`);
    lines.push('    }');
  });
  lines.push('  }');
  // a step in a track the path does not declare (an error validation reports) is drawn outside the household
  for (const [id, step] of Object.entries(path.steps)) {
    if (!Object.hasOwn(path.tracks, step.track)) lines.push(`  state ${quoted(stateText(path, id, lang, overlay))} as ${node.get(id)!}`);
  }
  for (const edge of edges) if (!Object.hasOwn(path.tracks, path.steps[edge.from]!.track)) crossing.push(arrow(edge, '  '));
  lines.push(...crossing);
  if (overlay) {
    // steps shaded by visits, as the version 1 state diagram draws an overlay
    const classes = new Map<string, string[]>();
    for (const id of Object.keys(path.steps)) assign(classes, `heat${overlay.heat(id)}`, node.get(id)!);
    HEAT_STYLES.forEach((style, i) => classes.has(`heat${i}`) && lines.push(`  classDef heat${i} ${style}`));
    lines.push(...classLines(classes, '  '));
  }
  return lines.join('\n') + '\n';
}
