import { toPointer } from '../../diagnostics/index.js';
import type { CoalitionInfo } from '../../model/index.js';
import { householdReach } from '../household.js';
import { defineRule, ruleDocsUrl, type RuleContext } from '../rule.js';
import { edgePointer } from '../shared.js';

/** Whether a coalition leaves clients routed into `intervention` without it: neither offered nor replaced by a step of its own. */
function notOffered(coalition: CoalitionInfo, intervention: string | undefined): intervention is string {
  if (intervention === undefined || coalition.offers.includes(intervention)) return false;
  // a replacement step means the coalition chose what clients get instead
  const replaced = coalition.replaced ?? {};
  return !(Object.hasOwn(replaced, intervention) && replaced[intervention] !== null);
}

/** `intervention-not-offered`: in a coalition's path, a route into an intervention the coalition does not offer. */
export const interventionNotOffered = defineRule({
  meta: {
    code: 'intervention-not-offered',
    severity: 'warning',
    category: 'chain',
    scopes: ['carepath', 'household'],
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
  check(context) {
    if (context.document.kind === 'household') checkReferrals(context);
    else checkTransitions(context);
  },
});

function checkTransitions({ graph, path, report }: RuleContext): void {
  const coalition = path.coalition;
  if (!coalition) return;
  const reachable = graph.reachable();
  for (let e = 0; e < graph.edgeCount; e++) {
    const target = graph.edgeTarget[e]!;
    if (!graph.edgeLive[e] || !reachable[graph.edgeSource[e]!]) continue;
    const intervention = graph.steps[target]!.intervention;
    if (!notOffered(coalition, intervention)) continue;
    report({
      pointer: edgePointer(graph, e, 'to'),
      params: { from: graph.ids[graph.edgeSource[e]!]!, to: graph.ids[target]!, intervention, coalition: coalition.id, municipality: coalition.municipality },
    });
  }
}

// a household path: the transitions inside each track are checked as above, track by track; a
// referral into another track is not a transition of either, so it is checked here
function checkReferrals({ household: path, report }: RuleContext): void {
  const coalition = path.coalition;
  if (!coalition) return;
  const { reached } = householdReach(path);
  for (const [id, step] of Object.entries(path.steps)) {
    if (!reached.has(id)) continue;
    (step.refers ?? []).forEach((referral, i) => {
      const intervention = Object.hasOwn(path.steps, referral.to) ? path.steps[referral.to]!.intervention : undefined;
      if (!notOffered(coalition, intervention)) return;
      report({ pointer: toPointer(['steps', id, 'refers', i, 'to']), params: { from: id, to: referral.to, intervention, coalition: coalition.id, municipality: coalition.municipality } });
    });
  }
}
