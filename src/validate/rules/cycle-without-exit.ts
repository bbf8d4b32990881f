import { defineRule, ruleDocsUrl } from '../rule.js';
import { stronglyConnected } from '../scc.js';
import { listIds, stepPointer } from '../shared.js';

/** `cycle-without-exit`: a set of steps that, once entered, can never reach an outcome. */
export const cycleWithoutExit = defineRule({
  meta: {
    code: 'cycle-without-exit',
    severity: 'error',
    category: 'structure',
    docs: { description: 'A cycle of steps that, once entered, can never reach an outcome.', url: ruleDocsUrl('cycle-without-exit') },
    messages: {
      default: {
        message: {
          en: 'Steps {{list}} form a cycle that no client can leave towards an outcome ({{count}} steps).',
          nl: 'Stappen {{list}} vormen een kringloop die geen cliënt kan verlaten richting een uitkomst ({{count}} stappen).',
        },
        hint: {
          en: 'Add a transition from one of these steps towards an outcome, for example when the support ends.',
          nl: 'Voeg vanuit een van deze stappen een overgang richting een uitkomst toe, bijvoorbeeld wanneer de ondersteuning eindigt.',
        },
      },
    },
  },
  check({ graph, report }) {
    const { components, cyclic } = stronglyConnected(graph);
    const exits = graph.reachesOutcome();
    const found: number[][] = [];
    components.forEach((members, c) => {
      // members of one component reach the same steps, so one member answers for all
      if (cyclic[c] && !exits[members[0]!]) found.push(members);
    });
    found.sort((a, b) => a[0]! - b[0]!);
    for (const members of found) {
      const steps = members.map((m) => graph.ids[m]!);
      report({ pointer: stepPointer(graph, members[0]!), params: { steps, count: steps.length, list: listIds(steps) } });
    }
  },
});
