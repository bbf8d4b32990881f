import { phaseLabel, toMermaid, type ExportLang } from '../export/index.js';
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
}

/** The phases that have steps, in time order. */
export function phasesWithSteps(path: CarePath): Phase[] {
  const used = new Set(Object.values(path.steps).map((s) => s.phase));
  return PHASES.filter((p) => used.has(p));
}

/**
 * The state diagrams of a report: one for a small path; for a large one an overview with every
 * phase folded into one node, then per phase a diagram with that phase in full and the others folded.
 */
export function stateDiagrams(path: CarePath, lang: ExportLang, w: ReportWords): StateDiagramPart[] {
  const steps = Object.values(path.steps);
  const phases = phasesWithSteps(path);
  if (steps.length <= LARGE_PATH_STEPS || phases.length < 2) return [{ kind: 'state', source: toMermaid(path, { kind: 'state', lang }) }];
  const parts: StateDiagramPart[] = [
    { kind: 'state-overview', id: 'state-overview', heading: w.overview, source: toMermaid(path, { kind: 'state', lang, collapse: { phases } }) },
  ];
  for (const phase of phases) {
    const count = steps.filter((s) => s.phase === phase).length;
    parts.push({
      kind: 'state-phase',
      id: `state-${phase}`,
      heading: `${w.phase}: ${phaseLabel(phase, lang)} (${count} ${w.stepUnit})`,
      phase,
      source: toMermaid(path, { kind: 'state', lang, collapse: { phases: phases.filter((p) => p !== phase) } }),
    });
  }
  return parts;
}
