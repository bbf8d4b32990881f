import { argumentError } from '../../diagnostics/index.js';
import type { HouseholdPath } from '../../model/index.js';
import { assign, frontMatter, memoized } from './common.js';
import { escapeLabel } from './escape.js';
import { edgeText, householdEdges, legendLines, numberConditions, readOptions, stepClass, stepText, styleLines, trackTitle, type HouseholdDiagramOptions, type HouseholdEdge, type LINK_STYLES } from './household.js';

// a box of another track is dashed, so that it does not read as a step of this one
const OTHER_TRACK_STYLE = 'stroke-dasharray:5 3';

/**
 * One track of a household path as a Mermaid flowchart that stays readable when fitted to the
 * width of a screen: the track's own steps, top to bottom, and for every arrow that crosses into
 * or out of the track (a referral, or a track started by an event) a small dashed box of its own
 * beside the step it joins, naming the other track and its step. The arrow keeps its text (the
 * referral, warm or cold, its condition or number, the share that accepts).
 *
 * No lanes: dagre gives every lane (subgraph) a column of its own beside the track, so that a
 * track referring into seven others grows three times wider than its own steps; a box per arrow
 * lies in the row next to the step it joins instead. A step of another track that joins the track
 * twice is drawn twice, once beside each step it joins. Arrows between two other tracks are not
 * drawn. Takes the same options as `householdToMermaid`, whose numbers `[n]` it keeps (they match
 * `householdEdgeNotes` for the same path).
 */
export function householdTrackToMermaid(path: HouseholdPath, trackId: string, options: HouseholdDiagramOptions = {}): string {
  const { lang, short, legend, overlay, local } = readOptions('householdTrackToMermaid', options);
  if (typeof trackId !== 'string' || !Object.hasOwn(path.tracks, trackId)) {
    throw argumentError('householdTrackToMermaid', 'trackId', { en: 'a track of the path', nl: 'een spoor van het pad' }, trackId);
  }
  const esc = memoized(escapeLabel);
  const own = (id: string) => path.steps[id]!.track === trackId;
  const node = new Map(Object.keys(path.steps).map((id, i) => [id, `s${i}`]));
  const lines = [...frontMatter(), 'flowchart TB'];
  const classes = new Map<string, string[]>();
  for (const [id, step] of Object.entries(path.steps)) {
    if (!own(id)) continue;
    const shape = step.kind === 'outcome' ? ['([', '])'] : ['[', ']'];
    lines.push(`  ${node.get(id)!}${shape[0]}"${esc(stepText(path, id, lang, short, overlay, local))}"${shape[1]}`);
    assign(classes, stepClass(path, id, overlay), node.get(id)!);
  }

  // the other end of a crossing arrow: a box with the other track's name over its step (and the
  // arrow's text when the box lists several arrows)
  let boxes = 0;
  const otherText = (id: string) => {
    const track = path.steps[id]!.track;
    const title = Object.hasOwn(path.tracks, track) ? `<b>${esc(trackTitle(path, track, lang, undefined))}</b><br>` : '';
    return `${title}${esc(stepText(path, id, lang, short, overlay, local))}`;
  };
  const otherBox = (text: string, className: string) => {
    const box = `x${boxes++}`;
    lines.push(`  ${box}("${text}")`);
    assign(classes, className, box);
    assign(classes, 'otherTrack', box);
    return box;
  };

  const edges = householdEdges(path, lang);
  const notes = short ? numberConditions(edges) : new Map<HouseholdEdge, number>();
  const text = (edge: HouseholdEdge) => edgeText(edge, lang, notes.get(edge), overlay);
  // the arrows out of each step of the track into other tracks: several are listed in one box
  const exits = new Map<string, HouseholdEdge[]>();
  for (const edge of edges) if (own(edge.from) && !own(edge.to)) exits.set(edge.from, [...(exits.get(edge.from) ?? []), edge]);
  const entryBox = new Map<string, string>();

  const drawn: HouseholdEdge[] = [];
  const linkStyles: Record<keyof typeof LINK_STYLES, number[]> = { warm: [], cold: [], crossing: [] };
  const transferKinds = new Set<'warm' | 'cold'>();
  const arrows: string[] = [];
  const arrow = (from: string, kind: HouseholdEdge['kind'], label: string, to: string, handoff?: 'warm' | 'cold') => {
    const link = arrows.push(`  ${from} ${kind === 'transfer' ? '==>' : kind === 'step' ? '-->' : '-.->'}${label ? `|"${esc(label)}"|` : ''} ${to}`) - 1;
    if (kind === 'referral' || kind === 'start') linkStyles.crossing.push(link);
    if (handoff) {
      linkStyles[handoff].push(link);
      transferKinds.add(handoff);
    }
  };
  for (const edge of edges) {
    if (own(edge.from) && own(edge.to)) arrow(node.get(edge.from)!, edge.kind, text(edge), node.get(edge.to)!, edge.handoff);
    else if (own(edge.to)) {
      if (!entryBox.has(edge.from)) entryBox.set(edge.from, otherBox(otherText(edge.from), stepClass(path, edge.from, overlay)));
      arrow(entryBox.get(edge.from)!, edge.kind, text(edge), node.get(edge.to)!, edge.handoff);
    } else if (own(edge.from)) {
      const group = exits.get(edge.from)!;
      if (group.length === 1) arrow(node.get(edge.from)!, edge.kind, text(edge), otherBox(otherText(edge.to), stepClass(path, edge.to, overlay)), edge.handoff);
      else if (group[0] === edge) {
        // one box beside the step, an entry per arrow: a row of boxes would make the chart as wide as the step has referrals
        const list = group.map((e) => `${esc('\u21e2')} ${otherText(e.to)}<br>${esc(text(e))}`).join('<br><br>');
        arrow(node.get(edge.from)!, edge.kind, '', otherBox(list, 'none'), undefined);
      }
    } else continue;
    drawn.push(edge);
  }
  lines.push(...arrows);
  if (legend) lines.push(...legendLines(lang, classes, drawn, transferKinds, overlay !== undefined));
  if (classes.has('otherTrack')) lines.push(`  classDef otherTrack ${OTHER_TRACK_STYLE}`);
  lines.push(...styleLines(classes, linkStyles));
  return lines.join('\n') + '\n';
}
