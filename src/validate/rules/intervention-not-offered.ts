import { defineRule, ruleDocsUrl } from '../rule.js';
import { edgePointer } from '../shared.js';

/** `intervention-not-offered`: in a coalition's path, a route into an intervention the coalition does not offer. */
export const interventionNotOffered = defineRule({
  meta: {
    code: 'intervention-not-offered',
    severity: 'warning',
    category: 'chain',
    docs: { description: 'In a coalition’s path, a route into an intervention the coalition does not offer.', url: ruleDocsUrl('intervention-not-offered') },
    messages: {
      default: {
        message: {
          en: 'Clients are routed from "{{from}}" to "{{to}}" ({{intervention}}), but {{municipality}} does not offer "{{intervention}}".',
          nl: 'Cliënten worden van "{{from}}" naar "{{to}}" ({{intervention}}) geleid, maar {{municipality}} biedt "{{intervention}}" niet aan.',
        },
        hint: {
          en: 'Add "{{intervention}}" to the coalition’s "offers", or name the local step used instead in "replaces".',
          nl: 'Voeg "{{intervention}}" toe aan "offers" van de coalitie, of noem in "replaces" de lokale stap die in plaats daarvan wordt gebruikt.',
        },
      },
    },
  },
  check({ graph, path, report }) {
    const coalition = path.coalition;
    if (!coalition) return;
    const offered = new Set(coalition.offers);
    const replaced = coalition.replaced ?? {};
    const reachable = graph.reachable();
    for (let e = 0; e < graph.edgeCount; e++) {
      const target = graph.edgeTarget[e]!;
      if (!graph.edgeLive[e] || !reachable[graph.edgeSource[e]!]) continue;
      const intervention = graph.steps[target]!.intervention;
      if (intervention === undefined || offered.has(intervention)) continue;
      // a replacement step means the coalition chose what clients get instead
      if (Object.hasOwn(replaced, intervention) && replaced[intervention] !== null) continue;
      report({
        pointer: edgePointer(graph, e, 'to'),
        params: { from: graph.ids[graph.edgeSource[e]!]!, to: graph.ids[target]!, intervention, coalition: coalition.id, municipality: coalition.municipality },
      });
    }
  },
});
