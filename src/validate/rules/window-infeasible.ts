import { describeDay, windowDays } from '../../model/index.js';
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
          en: 'Step "{{step}}" closes at {{windowEndText}} (day {{windowEnd}}), but clients come to it at the earliest at {{earliestText}} (day {{earliest}}) and at the latest at {{latestText}} (day {{latest}}).',
          nl: 'Stap "{{step}}" sluit op {{windowEndTextNl}} (dag {{windowEnd}}), maar cliënten komen er op z’n vroegst op {{earliestTextNl}} (dag {{earliest}}) en op z’n laatst op {{latestTextNl}} (dag {{latest}}).',
        },
        hint: {
          en: 'Widen the window of "{{step}}", shorten the delays ("after") before it, or route clients to it earlier.',
          nl: 'Verruim het tijdvenster van "{{step}}", verkort de wachttijden ("after") ervoor, of leid cliënten er eerder heen.',
        },
      },
      reversed: {
        message: {
          en: 'The window of step "{{step}}" ends (day {{windowEnd}}) before it starts (day {{windowStart}}), so no client can ever be in it.',
          nl: 'Het tijdvenster van stap "{{step}}" eindigt (dag {{windowEnd}}) voordat het begint (dag {{windowStart}}), dus geen cliënt kan er ooit in zijn.',
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
      const window = windowDays(graph.steps[s]!.window);
      const step = graph.ids[s]!;
      if (window.from > window.to) {
        report({ pointer: stepPointer(graph, s, 'window'), params: { step, windowStart: window.from, windowEnd: window.to }, messageId: 'reversed' });
        continue;
      }
      const earliest = arrival.attemptEarliest[s]!;
      const latest = arrival.attemptLatest[s]!;
      report({
        pointer: stepPointer(graph, s, 'window', 'to'),
        params: {
          step,
          earliest,
          latest,
          windowEnd: window.to,
          earliestText: describeDay(earliest, 'en'),
          latestText: describeDay(latest, 'en'),
          windowEndText: describeDay(window.to, 'en'),
          earliestTextNl: describeDay(earliest, 'nl'),
          latestTextNl: describeDay(latest, 'nl'),
          windowEndTextNl: describeDay(window.to, 'nl'),
        },
      });
    }
  },
});
