import { phaseLabel, toMermaid, type ExportLang, type ToMermaidOptions } from '../export/index.js';
import { PHASES, type CarePath, type Phase } from '../model/index.js';
import type { ReportWords } from './report-words.js';

/**
 * Above this many steps one state diagram of the whole path is too big to read on a screen, so the
 * report shows an overview with each phase folded and then one diagram per phase.
 */
export const LARGE_PATH_STEPS = 30;

/** One state diagram of the report, with the heading and anchor it is shown under. */
export interface StateDiagramPart {
  /** `state` (the whole path), `state-overview` (every phase folded) or `state-phase`. */
  kind: 'state' | 'state-overview' | 'state-phase';
  /** Anchor of its subsection; absent for the single diagram of a small path. */
  id?: string;
  heading?: string;
  /** The phase drawn in full (only for `state-phase`). */
  phase?: Phase;
  source: string;
  /** The options it was drawn with (for its list of conditions). */
  options: ToMermaidOptions;
}

/** The phases that have steps, in time order. */
export function phasesWithSteps(path: CarePath): Phase[] {
  const used = new Set(Object.values(path.steps).map((s) => s.phase));
  return PHASES.filter((p) => used.has(p));
}

/**
 * The overview at meeting scale: every phase folded into one block (for a path of one phase, every
 * organisation), left to right, without legend or conditions; undefined when there is nothing to fold.
 */
export function overviewDiagram(path: CarePath, lang: ExportLang, common: Partial<ToMermaidOptions> = {}): { source: string; options: ToMermaidOptions } | undefined {
  const phases = phasesWithSteps(path);
  let options: ToMermaidOptions;
  if (phases.length >= 2) options = { ...common, kind: 'state', lang, collapse: { phases }, direction: 'LR', legend: false, edgeLabels: 'short' };
  else {
    const organisations = [...new Set(Object.values(path.steps).flatMap((s) => (s.actor !== undefined ? [path.actors[s.actor]?.organisation ?? s.actor] : [])))];
    if (organisations.length < 2) return undefined;
    options = { ...common, kind: 'flowchart', groupBy: 'none', lang, collapse: { organisations }, direction: 'LR', legend: false, edgeLabels: 'short' };
  }
  return { source: toMermaid(path, options), options };
}

/**
 * The state diagrams of a report, with short edge labels: one for a small path; for a large one
 * one per phase with the other phases folded.
 */
export function stateDiagrams(path: CarePath, lang: ExportLang, w: ReportWords, common: Partial<ToMermaidOptions> = {}): StateDiagramPart[] {
  const steps = Object.values(path.steps);
  const phases = phasesWithSteps(path);
  if (steps.length <= LARGE_PATH_STEPS || phases.length < 2) {
    const options: ToMermaidOptions = { ...common, kind: 'state', lang, edgeLabels: 'short' };
    return [{ kind: 'state', source: toMermaid(path, options), options }];
  }
  const parts: StateDiagramPart[] = [];
  for (const phase of phases) {
    const count = steps.filter((s) => s.phase === phase).length;
    const options: ToMermaidOptions = { ...common, kind: 'state', lang, edgeLabels: 'short', collapse: { phases: phases.filter((p) => p !== phase) } };
    parts.push({
      kind: 'state-phase',
      id: `state-${phase}`,
      heading: `${w.phase}: ${phaseLabel(phase, lang)} (${count} ${w.stepUnit})`,
      phase,
      source: toMermaid(path, options),
      options,
    });
  }
  return parts;
}
