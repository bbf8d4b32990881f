import { describeDay, describeTimePoint } from '../../model/index.js';
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
          en: 'Step "{{step}}" ends at {{endText}}, but every route into it first passes "{{predecessor}}", which starts only at {{startText}}.',
          nl: 'Stap "{{step}}" eindigt op {{endTextNl}}, maar elke route erheen gaat eerst langs "{{predecessor}}", die pas begint op {{startTextNl}}.',
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
      // each end in the unit its own step's window was written in
      const endWritten = graph.steps[s]!.window?.to;
      const startWritten = graph.steps[d]!.window?.from;
      const endText = (lang: 'en' | 'nl') => (endWritten ? describeTimePoint(endWritten, lang) : describeDay(end, lang));
      const startText = (lang: 'en' | 'nl') => (startWritten ? describeTimePoint(startWritten, lang) : describeDay(start, lang));
      report({
        pointer: stepPointer(graph, s, 'window', 'to'),
        params: {
          step: graph.ids[s]!,
          predecessor: graph.ids[d]!,
          end,
          start,
          endText: endText('en'),
          startText: startText('en'),
          endTextNl: endText('nl'),
          startTextNl: startText('nl'),
        },
      });
    }
  },
});
