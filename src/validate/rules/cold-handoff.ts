import { risksIn } from '../../model/index.js';
import type { PathGraph } from '../graph.js';
import { handoffFacts } from '../handoff.js';
import { defineRule, ruleDocsUrl, type RuleContext } from '../rule.js';
import { areCompatible } from '../satisfiable.js';
import { edgePointer } from '../shared.js';

/** `cold-handoff`: a handoff between organisations for a client in a vulnerable situation that is not warm. */
export const coldHandoff = defineRule({
  meta: {
    code: 'cold-handoff',
    severity: 'warning',
    category: 'chain',
    docs: { description: 'A handoff between organisations for a client in a vulnerable situation that is not marked warm.', url: ruleDocsUrl('cold-handoff') },
    messages: {
      default: {
        message: {
          en: 'Clients with risks go from {{senderOrganisation}} ("{{from}}") to {{receiverOrganisation}} ("{{to}}") in a cold handoff.',
          nl: 'Cliënten met risico’s gaan van {{senderOrganisation}} ("{{from}}") naar {{receiverOrganisation}} ("{{to}}") met een koude overdracht.',
        },
        hint: {
          en: 'Make it warm ("handoff": "warm"): the sender introduces the family to the receiver in person, for example in a joint home visit.',
          nl: 'Maak hem warm ("handoff": "warm"): de verwijzer brengt het gezin persoonlijk in contact met de ontvanger, bijvoorbeeld met een gezamenlijk huisbezoek.',
        },
      },
      unmarked: {
        message: {
          en: 'Clients with risks go from {{senderOrganisation}} ("{{from}}") to {{receiverOrganisation}} ("{{to}}"), and the handoff is not marked warm.',
          nl: 'Cliënten met risico’s gaan van {{senderOrganisation}} ("{{from}}") naar {{receiverOrganisation}} ("{{to}}"), en de overdracht is niet als warm gemarkeerd.',
        },
        hint: {
          en: 'Mark the transition "handoff": "warm" if the sender introduces the family in person; otherwise plan a warm handoff.',
          nl: 'Markeer de overgang met "handoff": "warm" als de verwijzer het gezin persoonlijk introduceert; plan anders een warme overdracht.',
        },
      },
    },
  },
  check(context) {
    const { graph, report } = context;
    for (let e = 0; e < graph.edgeCount; e++) {
      const t = graph.transition(e);
      if (t.handoff === 'warm' || !graph.edgeLive[e]) continue;
      const facts = handoffFacts(graph, e);
      if (!facts.crossesOrganisations || !forVulnerableClients(context, graph, e)) continue;
      report({
        pointer: edgePointer(graph, e, ...(t.handoff ? ['handoff'] : [])),
        params: {
          from: graph.ids[graph.edgeSource[e]!]!,
          to: graph.ids[graph.edgeTarget[e]!]!,
          sender: facts.sender!,
          receiver: facts.receiver!,
          senderOrganisation: facts.senderOrganisation!,
          receiverOrganisation: facts.receiverOrganisation!,
          handoff: t.handoff ?? 'unmarked',
        },
        messageId: t.handoff === 'cold' ? 'default' : 'unmarked',
      });
    }
  },
});

// a transition is for vulnerable clients when its condition tests a risk or its target gives support for risks
function forVulnerableClients(context: RuleContext, graph: PathGraph, edge: number): boolean {
  const t = graph.transition(edge);
  const target = graph.steps[graph.edgeTarget[edge]!]!;
  const intervention = target.intervention === undefined ? undefined : context.options.interventions?.[target.intervention];
  const aboutRisk = risksIn(t.when).size > 0 || (target.addresses?.length ?? 0) > 0 || (intervention?.addresses?.length ?? 0) > 0;
  return aboutRisk && areCompatible(context.options.vulnerable, t.when);
}
