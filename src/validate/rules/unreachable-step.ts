import { defineRule, ruleDocsUrl } from '../rule.js';
import { stepPointer } from '../shared.js';

/** `unreachable-step`: a step that no path from the initial step reaches. */
export const unreachableStep = defineRule({
  meta: {
    code: 'unreachable-step',
    severity: 'error',
    category: 'structure',
    docs: { description: 'A step that no path from the initial step reaches.', url: ruleDocsUrl('unreachable-step') },
    messages: {
      default: {
        message: { en: 'No client can reach step "{{step}}" from the initial step "{{initial}}".', nl: 'Geen cliënt kan stap "{{step}}" bereiken vanaf de beginstap "{{initial}}".' },
        hint: {
          en: 'Add a transition into "{{step}}" from a step clients reach, fix a condition that can never hold, or remove the step.',
          nl: 'Voeg een overgang naar "{{step}}" toe vanuit een stap die cliënten bereiken, herstel een voorwaarde die nooit waar kan zijn, of verwijder de stap.',
        },
      },
    },
  },
  check({ graph, path, report }) {
    // without a valid initial step nothing is reachable; unknown-initial says so once
    if (graph.initial < 0) return;
    const reachable = graph.reachable();
    for (let i = 0; i < graph.size; i++) {
      if (!reachable[i]) report({ pointer: stepPointer(graph, i), params: { step: graph.ids[i]!, initial: path.initial } });
    }
  },
});
