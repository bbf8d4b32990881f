import { phaseIndex } from '../../model/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { edgePointer } from '../shared.js';

/** `phase-order`: a transition from a later phase back to an earlier one that is not marked as a new pregnancy. */
export const phaseOrder = defineRule({
  meta: {
    code: 'phase-order',
    severity: 'error',
    category: 'structure',
    docs: { description: 'A transition from a later phase back to an earlier one without `newPregnancy: true`.', url: ruleDocsUrl('phase-order') },
    messages: {
      default: {
        message: {
          en: 'The transition from "{{from}}" ({{fromPhase}}) to "{{to}}" ({{toPhase}}) goes back to an earlier phase.',
          nl: 'De overgang van "{{from}}" ({{fromPhase}}) naar "{{to}}" ({{toPhase}}) gaat terug naar een eerdere fase.',
        },
        hint: {
          en: 'If this starts a new pregnancy, add "newPregnancy": true; otherwise correct the phase of one of the steps.',
          nl: 'Begint hier een nieuwe zwangerschap, voeg dan "newPregnancy": true toe; corrigeer anders de fase van een van de stappen.',
        },
      },
    },
  },
  check({ graph, report }) {
    for (let e = 0; e < graph.edgeCount; e++) {
      const target = graph.edgeTarget[e]!;
      if (target < 0) continue;
      const source = graph.steps[graph.edgeSource[e]!]!;
      const to = graph.steps[target]!;
      if (phaseIndex(source.phase) <= phaseIndex(to.phase) || graph.transition(e).newPregnancy === true) continue;
      report({
        pointer: edgePointer(graph, e),
        params: { from: graph.ids[graph.edgeSource[e]!]!, to: graph.ids[target]!, fromPhase: source.phase, toPhase: to.phase },
      });
    }
  },
});
