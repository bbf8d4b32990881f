import { describeDay } from '../../model/index.js';
import { dominators } from '../dominators.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { stepPointer } from '../shared.js';

/** `window-out-of-order`: a step whose window ends before a step that every route into it passes has started. */
export const windowOutOfOrder = defineRule({
  meta: {
    code: 'window-out-of-order',
    severity: 'error',
    category: 'time',
    docs: { description: 'A step whose time window ends before a step that must precede it starts.', url: ruleDocsUrl('window-out-of-order') },
    messages: {
      default: {
        message: {
          en: 'Step "{{step}}" ends at {{endText}} (day {{end}}), but every route into it first passes "{{predecessor}}", which starts only at {{startText}} (day {{start}}).',
          nl: 'Stap "{{step}}" eindigt op {{endTextNl}} (dag {{end}}), maar elke route erheen gaat eerst langs "{{predecessor}}", die pas begint op {{startTextNl}} (dag {{start}}).',
        },
        hint: {
          en: 'Correct one of the two windows, or add a route to "{{step}}" that does not pass "{{predecessor}}".',
          nl: 'Corrigeer een van beide tijdvensters, of voeg een route naar "{{step}}" toe die niet langs "{{predecessor}}" gaat.',
        },
      },
    },
  },
  check({ graph, report }) {
    const idom = dominators(graph);
    const { from, to } = graph.windows();
    // latest[s]: the strict dominator of s with the latest window start (-1 when none has a start)
    const latest = new Int32Array(graph.size).fill(-2);
    const chain: number[] = [];
    for (let s = 0; s < graph.size; s++) {
      let v = s;
      while (latest[v] === -2 && idom[v]! >= 0) {
        chain.push(v);
        v = idom[v]!;
      }
      if (latest[v] === -2) latest[v] = -1;
      while (chain.length > 0) {
        const w = chain.pop()!;
        const d = idom[w]!;
        const inherited = latest[d]!;
        latest[w] = inherited >= 0 && from[inherited]! >= from[d]! ? inherited : Number.isFinite(from[d]!) ? d : inherited;
      }
    }
    const reachable = graph.reachable();
    for (let s = 0; s < graph.size; s++) {
      const d = latest[s]!;
      if (!reachable[s] || d < 0) continue;
      const end = to[s]!;
      const start = from[d]!;
      if (!(end < start)) continue;
      report({
        pointer: stepPointer(graph, s, 'window', 'to'),
        params: {
          step: graph.ids[s]!,
          predecessor: graph.ids[d]!,
          end,
          start,
          endText: describeDay(end, 'en'),
          startText: describeDay(start, 'en'),
          endTextNl: describeDay(end, 'nl'),
          startTextNl: describeDay(start, 'nl'),
        },
      });
    }
  },
});
