import type { CarePath } from '../../model/index.js';
import { CONCEPTION_DAY, describeDay, PHASE_RANGE, PHASES, requireCarePath } from '../../model/index.js';
import type { ExportLang } from '../condition-words.js';
import { buildGraph, phaseLabel, phasesOf } from '../graph.js';
import { frontMatter } from './common.js';
import { escapeLabel, escapeLineText } from './escape.js';

/** Options of `timelineToMermaid`. */
export interface TimelineOptions {
  lang?: ExportLang;
  /** Add milestones (conception, birth, first birthday); true by default. */
  milestones?: boolean;
}

const MILESTONES = {
  nl: { section: 'Mijlpalen', conception: 'Conceptie', birth: 'Geboorte', one: '1 jaar', two: '2 jaar' },
  en: { section: 'Milestones', conception: 'Conception', birth: 'Birth', one: '1 year', two: '2 years' },
} as const;

/**
 * Draws the 1000-day timeline as a `gantt` chart: a section per phase and a bar per step with a
 * time window (steps without one are left out; an open end stops at its phase's edge). The axis
 * counts days relative to birth (negative before it): the chart uses `dateFormat x` with one
 * millisecond standing for one day, and `axisFormat %Q` prints that number (Mermaid 11 reads a
 * positive number under `dateFormat X` as milliseconds but a negative one as seconds, so `X` is avoided). Each bar's label gives the
 * window as professionals write it (gestational weeks, child age).
 *
 * @example
 * const text = timelineToMermaid(path, { lang: 'en' });
 */
export function timelineToMermaid(path: CarePath, options: TimelineOptions = {}): string {
  requireCarePath('timelineToMermaid', 'path', path);
  const lang = options.lang ?? 'nl';
  const graph = buildGraph(path, lang);
  const lines = [...frontMatter(), 'gantt', `  accTitle: ${escapeLabel(graph.title)}`, '  dateFormat x', '  axisFormat %Q', '  todayMarker off'];
  for (const phase of phasesOf(graph)) {
    const bars: string[] = [];
    for (const node of graph.nodes) {
      if (node.phase !== phase || (!Number.isFinite(node.window.from) && !Number.isFinite(node.window.to))) continue;
      const from = Number.isFinite(node.window.from) ? node.window.from : PHASE_RANGE[phase].from;
      const to = Number.isFinite(node.window.to) ? node.window.to : Math.max(from, PHASE_RANGE[phase].to);
      const span = `${describeDay(node.window.from, lang)} – ${describeDay(node.window.to, lang)}`;
      // a bar needs a length to be seen: a one-day window is drawn one day long
      bars.push(`    ${escapeLineText(`${node.label} (${span})`)} :${node.id}, ${from}, ${Math.max(to, from + 1)}`);
    }
    if (bars.length === 0) continue;
    lines.push(`  section ${escapeLineText(phaseLabel(phase, lang))}`, ...bars);
  }
  if (options.milestones !== false) {
    const m = MILESTONES[lang];
    lines.push(`  section ${escapeLineText(m.section)}`);
    const marks: [string, number][] = [
      [m.conception, CONCEPTION_DAY],
      [m.birth, 0],
      [m.one, 365],
      [m.two, PHASE_RANGE[PHASES[2]].to],
    ];
    marks.forEach(([label, day], i) => lines.push(`    ${escapeLineText(label)} :milestone, m${i}, ${day}, 0ms`));
  }
  return lines.join('\n') + '\n';
}
