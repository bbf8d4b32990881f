import { isSupportStep } from '../../model/index.js';
import { backwardReach } from '../graph.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { areCompatible } from '../satisfiable.js';
import { stepPointer } from '../shared.js';

/** `risk-without-intervention`: a risk a step can signal, with no reachable support step that addresses it. */
export const riskWithoutIntervention = defineRule({
  meta: {
    code: 'risk-without-intervention',
    severity: 'warning',
    category: 'chain',
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
    },
  },
  check({ graph, options, report }) {
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
  },
});
