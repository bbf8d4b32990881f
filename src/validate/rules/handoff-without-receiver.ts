import { handoffFacts, receiverOf } from '../handoff.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { edgePointer } from '../shared.js';

/** `handoff-without-receiver`: a handoff that names neither a receiving actor nor a contact. */
export const handoffWithoutReceiver = defineRule({
  meta: {
    code: 'handoff-without-receiver',
    severity: 'warning',
    category: 'chain',
    docs: { description: 'A handoff between organisations that names no receiving actor or contact.', url: ruleDocsUrl('handoff-without-receiver') },
    messages: {
      default: {
        message: {
          en: 'The handoff from "{{from}}" to "{{to}}" names nobody to receive the client: no receiving actor and no contact.',
          nl: 'De overdracht van "{{from}}" naar "{{to}}" noemt niemand die de cliënt ontvangt: geen ontvangende actor en geen contactpersoon.',
        },
        hint: {
          en: 'Add "receiver" (an actor) or "contact" (a desk or role) to the transition, or give the target step an actor.',
          nl: 'Voeg "receiver" (een actor) of "contact" (een loket of functie) toe aan de overgang, of geef de doelstap een actor.',
        },
      },
    },
  },
  check({ graph, report }) {
    for (let e = 0; e < graph.edgeCount; e++) {
      // most transitions name their receiver through the target's actor: no need for the full facts
      if (graph.edgeTarget[e]! < 0 || receiverOf(graph, e) !== undefined || graph.transition(e).contact !== undefined) continue;
      const facts = handoffFacts(graph, e);
      if (!facts.isHandoff || facts.named) continue;
      report({
        pointer: edgePointer(graph, e),
        params: { from: graph.ids[graph.edgeSource[e]!]!, to: graph.ids[graph.edgeTarget[e]!]!, sender: facts.sender ?? null },
      });
    }
  },
});
