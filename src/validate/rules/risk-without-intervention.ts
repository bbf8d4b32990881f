import { toPointer } from '../../diagnostics/index.js';
import { isSupportStep } from '../../model/index.js';
import { backwardReach } from '../graph.js';
import { stepAddresses } from '../../model/index.js';
import { householdReach } from '../household.js';
import { defineRule, ruleDocsUrl, type RuleContext } from '../rule.js';
import { areCompatible } from '../satisfiable.js';
import { stepPointer } from '../shared.js';

/** `risk-without-intervention`: a risk a step can signal, with no reachable support step that addresses it. */
export const riskWithoutIntervention = defineRule({
  meta: {
    code: 'risk-without-intervention',
    severity: 'warning',
    category: 'chain',
    scopes: ['carepath', 'household'],
    docs: { description: 'A risk that a screening step can signal, for which no reachable support step addresses it.', url: ruleDocsUrl('risk-without-intervention') },
    messages: {
      default: {
        message: {
          en: 'Step "{{step}}" can signal the risk "{{risk}}", but no step that addresses "{{risk}}" can be reached from it by a client with that risk.',
          nl: 'Stap "{{step}}" kan het risico "{{risk}}" signaleren, maar een cliënt met dat risico kan vanaf daar geen stap bereiken die "{{risk}}" aanpakt.',
        },
        hint: {
          en: 'Route clients with "{{risk}}" to an intervention or support step whose "addresses" lists it, or remove it from "signals".',
          nl: 'Leid cliënten met "{{risk}}" naar een interventie of ondersteuningsstap met "{{risk}}" in "addresses", of haal het uit "signals".',
        },
      },
      household: {
        message: {
          en: 'Step "{{step}}" can signal "{{risk}}", but only households without "{{risk}}" can reach a step that addresses it: the referrals and transitions on the way have conditions a household with the risk does not meet.',
          nl: 'Stap "{{step}}" kan "{{risk}}" signaleren, maar alleen huishoudens zonder "{{risk}}" kunnen een stap bereiken die het aanpakt: de verwijzingen en overgangen op weg ernaartoe hebben voorwaarden waar een huishouden met het risico niet aan voldoet.',
        },
        hint: {
          en: 'Let households with "{{risk}}" reach the support: a referral or transition with { "signalled": "{{risk}}" } to a step whose "addresses" lists it, or fix the condition on the way.',
          nl: 'Laat huishoudens met "{{risk}}" de steun bereiken: een verwijzing of overgang met { "signalled": "{{risk}}" } naar een stap met "{{risk}}" in "addresses", of herstel de voorwaarde onderweg.',
        },
      },
    },
  },
  check(context) {
    if (context.document.kind === 'household') checkHousehold(context);
    else checkPath(context);
  },
});

function checkPath({ graph, options, report }: RuleContext): void {
  const signalled = new Set<string>();
  for (const step of graph.steps) step.signals?.forEach((r) => signalled.add(r));
  for (const risk of [...signalled].sort()) {
    const supports: number[] = [];
    graph.steps.forEach((step, i) => {
      if (!isSupportStep(step)) return;
      const intervention = step.intervention === undefined ? undefined : options.interventions?.[step.intervention];
      if (step.addresses?.includes(risk) || intervention?.addresses?.includes(risk)) supports.push(i);
    });
    const withRisk = { hasRisk: risk };
    // only transitions a client with this risk can take count as a route to support
    const canReach = backwardReach(graph, supports, (e) => graph.edgePositive[e] === 1 || areCompatible(withRisk, graph.transition(e).when));
    graph.steps.forEach((step, i) => {
      step.signals?.forEach((r, k) => {
        if (r === risk && !canReach[i]) report({ pointer: stepPointer(graph, i, 'signals', k), params: { step: graph.ids[i]!, risk } });
      });
    });
  }
}

/**
 * On a household path: support for a detected risk that households reach, in any track, but only
 * by referrals and transitions a household with the risk cannot take. When no reachable step
 * addresses the risk at all, signal-without-support says so, and this rule stays silent.
 */
function checkHousehold({ household: path, options, report }: RuleContext): void {
  const interventions = options.interventions ?? path.interventions;
  // what addresses a risk as signal-without-support reads it: the step's addresses, or its intervention's
  const supports = (id: string, risk: string) => stepAddresses(path.steps[id]!, interventions).includes(risk);
  const anyone = householdReach(path).reached;
  const detected = new Set(Object.values(path.steps).flatMap((s) => Object.keys(s.detects ?? {})));
  for (const risk of [...detected].sort()) {
    if (![...anyone].some((id) => supports(id, risk))) continue;
    const withRisk = { hasRisk: risk };
    const reached = householdReach(path, { accept: (when) => areCompatible(withRisk, when) }).reached;
    if ([...reached].some((id) => supports(id, risk))) continue;
    for (const [id, step] of Object.entries(path.steps)) {
      if (Object.hasOwn(step.detects ?? {}, risk)) report({ pointer: toPointer(['steps', id, 'detects', risk]), params: { step: id, risk }, messageId: 'household' });
    }
  }
}
