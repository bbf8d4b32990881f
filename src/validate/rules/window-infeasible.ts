import { describeDay, describeDayIn, describeTimePoint, timeUnitOf, windowDays } from '../../model/index.js';
import { analyseArrival } from '../arrival.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { stepPointer } from '../shared.js';

/** `window-infeasible`: a step that clients can only come to after its window has closed. */
export const windowInfeasible = defineRule({
  meta: {
    code: 'window-infeasible',
    severity: 'error',
    category: 'time',
    docs: { description: 'A step that, given the delays and windows on every route to it, is never reached within its own window.', url: ruleDocsUrl('window-infeasible') },
    messages: {
      default: {
        message: {
          en: 'Step "{{step}}" closes at {{windowEndText}}, but clients come to it at the earliest at {{earliestText}} and at the latest at {{latestText}}.',
          nl: 'Stap "{{step}}" sluit op {{windowEndTextNl}}, maar cliënten komen er op z’n vroegst op {{earliestTextNl}} en op z’n laatst op {{latestTextNl}}.',
        },
        hint: {
          en: 'Widen the window of "{{step}}", shorten the delays ("after") before it, or route clients to it earlier.',
          nl: 'Verruim het tijdvenster van "{{step}}", verkort de wachttijden ("after") ervoor, of leid cliënten er eerder heen.',
        },
      },
      reversed: {
        message: {
          en: 'The window of step "{{step}}" ends ({{windowEndText}}) before it starts ({{windowStartText}}), so no client can ever be in it.',
          nl: 'Het tijdvenster van stap "{{step}}" eindigt ({{windowEndTextNl}}) voordat het begint ({{windowStartTextNl}}), dus geen cliënt kan er ooit in zijn.',
        },
        hint: { en: 'Swap or correct "from" and "to".', nl: 'Verwissel of corrigeer "from" en "to".' },
      },
    },
  },
  check({ graph, report }) {
    const arrival = analyseArrival(graph);
    for (let s = 0; s < graph.size; s++) {
      // only the first step that is too late on a route: steps behind it are never even tried
      if (Number.isFinite(arrival.earliest[s]!) || arrival.attemptEarliest[s] === Infinity) continue;
      const written = graph.steps[s]!.window;
      const window = windowDays(written);
      const step = graph.ids[s]!;
      // times are quoted in the unit the user wrote the window end in, arrivals too
      const end = (lang: 'en' | 'nl') => (written?.to ? describeTimePoint(written.to, lang) : describeDay(window.to, lang));
      if (window.from > window.to) {
        const start = (lang: 'en' | 'nl') => (written?.from ? describeTimePoint(written.from, lang) : describeDay(window.from, lang));
        const params = { step, windowStart: window.from, windowEnd: window.to, windowStartText: start('en'), windowEndText: end('en'), windowStartTextNl: start('nl'), windowEndTextNl: end('nl') };
        report({ pointer: stepPointer(graph, s, 'window'), params, messageId: 'reversed' });
        continue;
      }
      const unit = written?.to ? timeUnitOf(written.to) : undefined;
      const earliest = arrival.attemptEarliest[s]!;
      const latest = arrival.attemptLatest[s]!;
      report({
        pointer: stepPointer(graph, s, 'window', 'to'),
        params: {
          step,
          earliest,
          latest,
          windowEnd: window.to,
          earliestText: describeDayIn(earliest, unit, 'en'),
          latestText: describeDayIn(latest, unit, 'en'),
          windowEndText: end('en'),
          earliestTextNl: describeDayIn(earliest, unit, 'nl'),
          latestTextNl: describeDayIn(latest, unit, 'nl'),
          windowEndTextNl: end('nl'),
        },
      });
    }
  },
});
