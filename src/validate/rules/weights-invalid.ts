import { weightOf } from '../../model/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { stepPointer } from '../shared.js';

/** `weights-invalid`: a weight that is negative or not a finite number, or a step whose weights are all zero. */
export const weightsInvalid = defineRule({
  meta: {
    code: 'weights-invalid',
    severity: 'error',
    category: 'structure',
    docs: { description: 'A weight that is negative or not a number, or all weights of a step zero.', url: ruleDocsUrl('weights-invalid') },
    messages: {
      default: {
        message: { en: 'The weight {{weight}} of the transition from "{{step}}" to "{{to}}" is not a number of 0 or more.', nl: 'Het gewicht {{weight}} van de overgang van "{{step}}" naar "{{to}}" is geen getal van 0 of meer.' },
        hint: { en: 'A weight is a relative share, such as 0.8 or 4; leave it out for the default 1.', nl: 'Een gewicht is een relatief aandeel, zoals 0.8 of 4; laat het weg voor de standaard 1.' },
      },
      allZero: {
        message: {
          en: 'All {{count}} transitions of step "{{step}}" have weight 0, so a simulation can never choose one.',
          nl: 'Alle {{count}} overgangen van stap "{{step}}" hebben gewicht 0, dus een simulatie kan er nooit een kiezen.',
        },
        hint: { en: 'Give at least one transition a weight above 0.', nl: 'Geef minstens één overgang een gewicht boven 0.' },
      },
    },
  },
  check({ graph, report }) {
    for (let i = 0; i < graph.size; i++) {
      const transitions = graph.steps[i]!.transitions ?? [];
      let valid = true;
      transitions.forEach((t, k) => {
        const weight: unknown = t.weight;
        if (weight === undefined || (typeof weight === 'number' && Number.isFinite(weight) && weight >= 0)) return;
        valid = false;
        report({ pointer: stepPointer(graph, i, 'transitions', k, 'weight'), params: { step: graph.ids[i]!, to: t.to, weight: JSON.stringify(weight) ?? String(weight) } });
      });
      if (valid && transitions.length > 0 && transitions.every((t) => weightOf(t) === 0)) {
        report({ pointer: stepPointer(graph, i, 'transitions'), params: { step: graph.ids[i]!, count: transitions.length }, messageId: 'allZero' });
      }
    }
  },
});
