import type { Actor, CarePath, Domain, HandoffKind, Phase, Step, StepKind, Transition } from '../model/index.js';
import { labelText, NEXT_EVENT, organisationOf, PHASES, windowDays } from '../model/index.js';
import type { DayRange } from '../model/days.js';
import { describeCondition, termLabel, type ExportLang } from './condition-words.js';

/** A node of the export graph: one step, or a folded group of steps (see `collapseGraph`). */
export interface GraphNode {
  /** Synthetic, stable id (`s0`, `s1`, … in document order; `c0`, … for folded groups). */
  id: string;
  /** The step ids this node stands for (one, unless folded). */
  steps: string[];
  label: string;
  kind: StepKind | 'group';
  phase: Phase;
  actor?: string;
  actorLabel?: string;
  domain?: Domain;
  /** The actor is a public-health service (JGZ, GGD): drawn apart from the medical domain. */
  publicHealth?: boolean;
  organisation?: string;
  /** How the organisation reads: its name, or the actor's label when the actor names none. */
  organisationLabel?: string;
  /** Outcome steps: a journey ends here. */
  final: boolean;
  initial: boolean;
  window: DayRange;
}

/** A directed edge of the export graph: one transition, or the merged transitions between folded nodes. */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  /** The transitions this edge stands for: the source step and the index in its `transitions`. */
  transitions: { step: string; index: number }[];
  /** The event that takes it; `NEXT` when the transition names none. */
  event: string;
  /** The event in words: its vocabulary label, or its name when the path gives none. */
  eventLabel: string;
  /** The condition in plain words, when the transition has one. */
  condition?: string;
  handoff?: HandoffKind;
  /** Delay in days. */
  after?: number;
  /** The transition's own label, when it has one. */
  label?: string;
}

/** The neutral directed graph every exporter starts from. */
export interface PathGraph {
  title: string;
  lang: ExportLang;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Node id per step id. */
  nodeOfStep: Map<string, string>;
}

/**
 * How an actor's organisation reads: the partner's name a coalition gave, the label of the actor
 * whose id the organisation names (`jgz`), a short key as an abbreviation (`ggd` → GGD), or the
 * actor's own label when it names none.
 */
export function organisationName(path: Pick<CarePath, 'actors'>, actorId: string, lang: ExportLang): string {
  const actor = path.actors[actorId];
  if (!actor) return actorId;
  const organisation = actor.organisation;
  if (organisation === undefined) return labelText(actor.label, lang);
  const named = path.actors[organisation];
  if (named && named !== actor) return labelText(named.label, lang);
  if (named === actor) return labelText(actor.label, lang);
  return /^[a-z]{2,4}$/.test(organisation) ? organisation.toUpperCase() : organisation;
}

/**
 * Builds the export graph of a path: a node per step (ids `s0`, `s1`, … in document order) and an
 * edge per transition (in document order); transitions to unknown steps are left out.
 */
export function buildGraph(path: CarePath, lang: ExportLang = 'nl'): PathGraph {
  const nodes: GraphNode[] = [];
  const nodeOfStep = new Map<string, string>();
  const ids = Object.keys(path.steps);
  // what a node needs from its actor, worked out once per actor
  const actorInfo = new Map<string, Pick<GraphNode, 'actorLabel' | 'domain' | 'publicHealth' | 'organisation' | 'organisationLabel'>>();
  for (const actorId of Object.keys(path.actors)) {
    const actor = path.actors[actorId] as Actor;
    const actorLabel = labelText(actor.label, lang);
    actorInfo.set(actorId, { actorLabel, domain: actor.domain, publicHealth: actor.publicHealth === true, organisation: organisationOf(actorId, actor), organisationLabel: actor.organisation ?? actorLabel });
  }
  // every node and edge gets the same fields in the same order: one object shape, fast property access
  for (let i = 0; i < ids.length; i++) {
    const stepId = ids[i] as string;
    const step = path.steps[stepId] as Step;
    nodeOfStep.set(stepId, `s${i}`);
    const info = step.actor !== undefined ? actorInfo.get(step.actor) : undefined;
    nodes.push({
      id: `s${i}`,
      steps: [stepId],
      label: labelText(step.label, lang),
      kind: step.kind,
      phase: step.phase,
      actor: step.actor,
      actorLabel: info?.actorLabel,
      domain: info?.domain,
      publicHealth: info?.publicHealth ?? false,
      organisation: info?.organisation ?? step.actor,
      organisationLabel: info?.organisationLabel ?? step.actor,
      final: step.kind === 'outcome',
      initial: stepId === path.initial,
      window: windowDays(step.window),
    });
  }
  const edges: GraphEdge[] = [];
  // plain loops: no closure per step (transpilers that keep function names wrap every closure)
  for (let i = 0; i < ids.length; i++) {
    const stepId = ids[i] as string;
    const transitions = (path.steps[stepId] as Step).transitions;
    const from = `s${i}`;
    for (let index = 0; index < transitions.length; index++) {
      const transition = transitions[index] as Transition;
      const to = nodeOfStep.get(transition.to);
      if (to === undefined) continue;
      edges.push({
        id: `e${edges.length}`,
        from,
        to,
        transitions: [{ step: stepId, index }],
        event: transition.on ?? NEXT_EVENT,
        eventLabel: transition.on !== undefined ? termLabel(transition.on, lang, path.vocabulary) : NEXT_EVENT,
        condition: transition.when !== undefined ? describeCondition(transition.when, lang, path) : undefined,
        handoff: transition.handoff,
        after: transition.after !== undefined && transition.after > 0 ? transition.after : undefined,
        label: transition.label !== undefined ? labelText(transition.label, lang) : undefined,
      });
    }
  }
  return { title: labelText(path.title, lang), lang, nodes, edges, nodeOfStep };
}

/** Which phases and organisations to fold into one node each. */
export interface CollapseOptions {
  phases?: readonly Phase[];
  organisations?: readonly string[];
}

const PHASE_WORDS: Record<ExportLang, Record<Phase, string>> = {
  nl: { preconception: 'Voor de zwangerschap', pregnancy: 'Zwangerschap', postpartum: 'Na de geboorte' },
  en: { preconception: 'Before pregnancy', pregnancy: 'Pregnancy', postpartum: 'After birth' },
};

/** The name of a phase in the export language. */
export function phaseLabel(phase: Phase, lang: ExportLang): string {
  return PHASE_WORDS[lang][phase];
}

function groupKey(node: GraphNode, collapse: CollapseOptions): string | undefined {
  if (collapse.phases?.includes(node.phase)) return `phase:${node.phase}`;
  if (node.organisation !== undefined && collapse.organisations?.includes(node.organisation)) return `org:${node.organisation}`;
  return undefined;
}

/**
 * Folds each named phase and organisation into one node (`c0`, `c1`, …), so that a long path
 * stays readable; edges inside a fold disappear and parallel edges between the same nodes merge.
 */
export function collapseGraph(graph: PathGraph, collapse: CollapseOptions): PathGraph {
  const groups = new Map<string, GraphNode>();
  const target = new Map<string, string>();
  const nodes: GraphNode[] = [];
  for (const node of graph.nodes) {
    const key = groupKey(node, collapse);
    if (key === undefined) {
      nodes.push(node);
      target.set(node.id, node.id);
      continue;
    }
    let group = groups.get(key);
    if (!group) {
      const name = key.startsWith('phase:') ? phaseLabel(node.phase, graph.lang) : (node.organisationLabel ?? (node.organisation as string));
      group = { id: `c${groups.size}`, steps: [], label: name, kind: 'group', phase: node.phase, final: false, initial: false, window: { from: Infinity, to: -Infinity } };
      if (key.startsWith('org:')) {
        group.organisation = node.organisation as string;
        if (node.organisationLabel !== undefined) group.organisationLabel = node.organisationLabel;
        if (node.domain) group.domain = node.domain;
        if (node.publicHealth) group.publicHealth = true;
      }
      groups.set(key, group);
      nodes.push(group);
    }
    group.steps.push(...node.steps);
    group.initial ||= node.initial;
    group.window = { from: Math.min(group.window.from, node.window.from), to: Math.max(group.window.to, node.window.to) };
    target.set(node.id, group.id);
  }
  const words = graph.lang === 'nl' ? 'stappen' : 'steps';
  for (const group of groups.values()) group.label = `${group.label} (${group.steps.length} ${words})`;
  const merged = new Map<string, GraphEdge>();
  const edges: GraphEdge[] = [];
  for (const edge of graph.edges) {
    const from = target.get(edge.from) as string;
    const to = target.get(edge.to) as string;
    const folded = from !== edge.from || to !== edge.to;
    if (folded && from === to) continue;
    if (!folded) {
      edges.push({ ...edge, id: `e${edges.length}` });
      continue;
    }
    const key = `${from}>${to}`;
    const existing = merged.get(key);
    if (existing) {
      // a merged edge keeps only what all its transitions share
      existing.transitions.push(...edge.transitions);
      if (existing.handoff !== edge.handoff) delete existing.handoff;
      if (existing.event !== edge.event) {
        existing.event = '';
        existing.eventLabel = '';
      }
      delete existing.condition;
      delete existing.label;
      delete existing.after;
      continue;
    }
    const next: GraphEdge = { ...edge, id: `e${edges.length}`, from, to, transitions: [...edge.transitions] };
    merged.set(key, next);
    edges.push(next);
  }
  const nodeOfStep = new Map<string, string>();
  for (const node of nodes) for (const step of node.steps) nodeOfStep.set(step, node.id);
  return { ...graph, nodes, edges, nodeOfStep };
}

/** The phases in timeline order that the graph's nodes use. */
export function phasesOf(graph: PathGraph): Phase[] {
  const used = new Set(graph.nodes.map((n) => n.phase));
  return PHASES.filter((p) => used.has(p));
}
