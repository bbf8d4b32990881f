import { toPointer } from '../../diagnostics/index.js';
import { householdReach } from '../household.js';
import { defineRule, ruleDocsUrl, type RuleContext } from '../rule.js';
import { stepPointer } from '../shared.js';

/**
 * `unreachable-step`: a step that no path from the initial step reaches; on a household path, a
 * step that no track start, referral or transition from a reached step leads to.
 */
export const unreachableStep = defineRule({
  meta: {
    code: 'unreachable-step',
    severity: 'error',
    category: 'structure',
    scopes: ['carepath', 'household'],
    docs: { description: 'A step that no path from the initial step reaches.', url: ruleDocsUrl('unreachable-step') },
    messages: {
      default: {
        message: { en: 'No client can reach step "{{step}}" from the initial step "{{initial}}".', nl: 'Geen cliënt kan stap "{{step}}" bereiken vanaf de beginstap "{{initial}}".' },
        hint: {
          en: 'Add a transition into "{{step}}" from a step clients reach, fix a condition that can never hold, or remove the step.',
          nl: 'Voeg een overgang naar "{{step}}" toe vanuit een stap die cliënten bereiken, herstel een voorwaarde die nooit waar kan zijn, of verwijder de stap.',
        },
      },
      household: {
        message: {
          en: 'No household can reach step "{{step}}" (track "{{track}}"): no track starts at it, and no referral or transition from a step households reach leads to it.',
          nl: 'Geen huishouden kan stap "{{step}}" (spoor "{{track}}") bereiken: geen spoor begint ermee, en geen verwijzing of overgang vanuit een stap die huishoudens bereiken leidt ernaartoe.',
        },
        hint: {
          en: 'Make "{{step}}" the "initial" of its track, refer to it ("refers") or add a transition into it from a step households reach, or remove the step.',
          nl: 'Maak "{{step}}" de "initial" van zijn spoor, verwijs ernaar ("refers") of voeg een overgang ernaartoe toe vanuit een stap die huishoudens bereiken, of verwijder de stap.',
        },
      },
    },
  },
  check(context) {
    if (context.document.kind === 'household') checkHousehold(context);
    else checkPath(context);
  },
});

function checkPath({ graph, path, report }: RuleContext): void {
  // without a valid initial step nothing is reachable; unknown-initial says so once
  if (graph.initial < 0) return;
  const reachable = graph.reachable();
  for (let i = 0; i < graph.size; i++) {
    if (!reachable[i]) report({ pointer: stepPointer(graph, i), params: { step: graph.ids[i]!, initial: path.initial } });
  }
}

// conditions are not weighed: a step behind a referral or transition that no household can take counts as reached
function checkHousehold({ household: path, report }: RuleContext): void {
  const { reached } = householdReach(path);
  for (const [id, step] of Object.entries(path.steps)) {
    if (!reached.has(id)) report({ pointer: toPointer(['steps', id]), params: { step: id, track: step.track }, messageId: 'household' });
  }
}
