import { defineRule, ruleDocsUrl } from '../rule.js';
import { stepPointer } from '../shared.js';

/** `dead-end`: a step that is not an outcome and has no transition that can ever fire. */
export const deadEnd = defineRule({
  meta: {
    code: 'dead-end',
    severity: 'error',
    category: 'structure',
    docs: { description: 'A step that is not an outcome and has no transition that can ever fire.', url: ruleDocsUrl('dead-end') },
    messages: {
      default: {
        message: { en: 'Step "{{step}}" is not an outcome but has no transitions: clients who get here are stuck.', nl: 'Stap "{{step}}" is geen uitkomst maar heeft geen overgangen: cliënten die hier komen, lopen vast.' },
        hint: { en: 'Add a transition to the next step, or make the step an outcome (kind "outcome").', nl: 'Voeg een overgang naar de volgende stap toe, of maak de stap een uitkomst (kind "outcome").' },
      },
      blocked: {
        message: {
          en: 'Step "{{step}}" has {{count}} transitions, but none can ever fire: each leads to a missing step or has a condition no client meets.',
          nl: 'Stap "{{step}}" heeft {{count}} overgangen, maar geen enkele kan ooit plaatsvinden: elk leidt naar een ontbrekende stap of heeft een voorwaarde waar geen cliënt aan voldoet.',
        },
        hint: { en: 'Fix the targets and conditions, or add a transition without a condition.', nl: 'Herstel de doelen en voorwaarden, of voeg een overgang zonder voorwaarde toe.' },
      },
    },
  },
  check({ graph, report }) {
    for (let i = 0; i < graph.size; i++) {
      if (graph.isOutcome(i)) continue;
      const first = graph.edgeStart[i]!;
      const end = graph.edgeStart[i + 1]!;
      let live = false;
      for (let e = first; e < end && !live; e++) live = graph.edgeLive[e] === 1;
      if (live) continue;
      if (first === end) report({ pointer: stepPointer(graph, i), params: { step: graph.ids[i]! } });
      else report({ pointer: stepPointer(graph, i, 'transitions'), params: { step: graph.ids[i]!, count: end - first }, messageId: 'blocked' });
    }
  },
});
