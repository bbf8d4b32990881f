import { defineRule, ruleDocsUrl } from '../rule.js';
import { areCompatible } from '../satisfiable.js';
import { edgePointer } from '../shared.js';

/** `ineligible-route`: a transition into an intervention whose target group can never hold for the clients it routes. */
export const ineligibleRoute = defineRule({
  meta: {
    code: 'ineligible-route',
    severity: 'error',
    category: 'chain',
    docs: { description: 'A transition into an intervention whose target-group condition contradicts the transition’s condition.', url: ruleDocsUrl('ineligible-route') },
    messages: {
      default: {
        message: {
          en: 'The transition from "{{from}}" routes clients to "{{to}}" ({{intervention}}), but none of them can belong to the target group of "{{intervention}}".',
          nl: 'De overgang vanaf "{{from}}" leidt cliënten naar "{{to}}" ({{intervention}}), maar geen van hen kan tot de doelgroep van "{{intervention}}" behoren.',
        },
        hint: {
          en: 'Compare the transition’s "when" with the intervention’s "targetGroup" on the menukaart, and route these clients to an intervention meant for them.',
          nl: 'Vergelijk de "when" van de overgang met de "targetGroup" van de interventie op de menukaart, en leid deze cliënten naar een interventie die voor hen bedoeld is.',
        },
      },
    },
  },
  check({ graph, options, report }) {
    const interventions = options.interventions;
    if (!interventions) return;
    for (let e = 0; e < graph.edgeCount; e++) {
      const target = graph.edgeTarget[e]!;
      if (target < 0) continue;
      const key = graph.steps[target]!.intervention;
      const group = key === undefined || !Object.hasOwn(interventions, key) ? undefined : interventions[key]!.targetGroup;
      if (group === undefined) continue;
      const when = graph.transition(e).when;
      if (areCompatible(when, group)) continue;
      report({
        pointer: edgePointer(graph, e, ...(when ? ['when'] : [])),
        params: { from: graph.ids[graph.edgeSource[e]!]!, to: graph.ids[target]!, intervention: key! },
      });
    }
  },
});
