import { describeDay, durationDays, isContactStep, PHASE_RANGE, PHASES, type Condition } from '../../model/index.js';
import { analyseArrival } from '../arrival.js';
import type { PathGraph } from '../graph.js';
import { defineRule, ruleDocsUrl, type RuleContext } from '../rule.js';
import { areCompatible, isPositive } from '../satisfiable.js';
import { stepPointer } from '../shared.js';

/** `phase-uncovered`: a stretch of the 1000 days longer than the limit in which a vulnerable client sees no professional. */
export const phaseUncovered = defineRule({
  meta: {
    code: 'phase-uncovered',
    severity: 'warning',
    category: 'time',
    docs: { description: 'A stretch of the 1000 days, longer than a set number of days, without contact for a client in a vulnerable situation.', url: ruleDocsUrl('phase-uncovered') },
    messages: {
      default: {
        message: {
          en: 'After step "{{after}}", a client in a vulnerable situation sees no professional on any route for {{days}} days, from {{fromText}} to {{toText}} (the limit is {{limit}} days).',
          nl: 'Na stap "{{after}}" ziet een cliënt in een kwetsbare situatie op geen enkele route een professional, {{days}} dagen lang, van {{fromTextNl}} tot {{toTextNl}} (de grens is {{limit}} dagen).',
        },
        hint: {
          en: 'Add a contact moment in this stretch for families with risks, or a support step that runs through it.',
          nl: 'Voeg in deze periode een contactmoment toe voor gezinnen met risico’s, of een ondersteuningsstap die erdoorheen loopt.',
        },
      },
      start: {
        message: {
          en: 'A client in a vulnerable situation sees no professional for the first {{days}} days the path covers, from {{fromText}} to {{toText}} (the limit is {{limit}} days).',
          nl: 'Een cliënt in een kwetsbare situatie ziet de eerste {{days}} dagen die het pad beslaat geen professional, van {{fromTextNl}} tot {{toTextNl}} (de grens is {{limit}} dagen).',
        },
        hint: { en: 'Start the path with an earlier contact, or narrow its "phases".', nl: 'Begin het pad met een eerder contact, of beperk de "phases".' },
      },
    },
  },
  check(context) {
    const { graph, path, options, report } = context;
    // a path without windows or delays has no timeline to check
    if (graph.initial < 0 || !hasTimeline(graph)) return;
    const phases = path.phases && path.phases.length > 0 ? path.phases : PHASES.filter((p) => graph.steps.some((s) => s.phase === p));
    if (phases.length === 0) return;
    const lo = Math.min(...phases.map((p) => PHASE_RANGE[p].from));
    const hi = Math.max(...phases.map((p) => PHASE_RANGE[p].to));
    const { starts, ends, steps } = contactIntervals(context, options.vulnerable);
    const order = Array.from(steps.keys()).filter((i) => ends[i]! >= lo && starts[i]! <= hi);
    order.sort((a, b) => starts[a]! - starts[b]!);
    let cursor = lo;
    let after = -1;
    const gap = (until: number) => {
      if (until - cursor <= options.phaseUncoveredDays) return;
      const params = { from: cursor, to: until, days: until - cursor, limit: options.phaseUncoveredDays, after: after >= 0 ? graph.ids[after]! : null };
      const text = { fromText: describeDay(cursor, 'en'), toText: describeDay(until, 'en'), fromTextNl: describeDay(cursor, 'nl'), toTextNl: describeDay(until, 'nl') };
      if (after >= 0) report({ pointer: stepPointer(graph, after), params: { ...params, ...text } });
      else report({ pointer: '/initial', params: { ...params, ...text }, messageId: 'start' });
    };
    for (const i of order) {
      gap(Math.min(starts[i]!, hi));
      if (ends[i]! >= cursor) {
        cursor = Math.max(cursor, Math.min(ends[i]!, hi));
        after = steps[i]!;
      }
    }
    gap(hi);
  },
});

/** The days on which reachable contact steps can happen for a client meeting `vulnerable`, as parallel arrays. */
function contactIntervals(context: RuleContext, vulnerable: Condition | undefined): { starts: number[]; ends: number[]; steps: number[] } {
  const { graph, options } = context;
  const positive = vulnerable !== undefined && isPositive(vulnerable);
  const accept = vulnerable === undefined ? undefined : (e: number) => (positive && graph.edgePositive[e] === 1) || areCompatible(vulnerable, graph.transition(e).when);
  const arrival = analyseArrival(graph, accept);
  const starts: number[] = [];
  const ends: number[] = [];
  const steps: number[] = [];
  for (let s = 0; s < graph.size; s++) {
    const step = graph.steps[s]!;
    if (!isContactStep(step) || !Number.isFinite(arrival.earliest[s]!)) continue;
    starts.push(arrival.earliest[s]!);
    ends.push(arrival.latest[s]! + durationOf(graph, s, options.interventions));
    steps.push(s);
  }
  return { starts, ends, steps };
}

function durationOf(graph: PathGraph, step: number, interventions: RuleContext['options']['interventions']): number {
  const key = graph.steps[step]!.intervention;
  const duration = key === undefined ? undefined : interventions?.[key]?.duration;
  return duration ? durationDays(duration) : 0;
}

function hasTimeline(graph: PathGraph): boolean {
  return graph.steps.some((s) => s.window !== undefined || (s.transitions ?? []).some((t) => (t.after ?? 0) > 0));
}
