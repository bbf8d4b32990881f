import { didYouMean, suggestionParams, toPointer } from '../../diagnostics/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/**
 * `risk-not-in-population`: a risk the path declares that the population it is simulated with does
 * not have. No simulated client or household then has it, so its signalling and support show 0%
 * without a word; `unknown-key` covers keys that nothing declares at all.
 */
export const riskNotInPopulation = defineRule({
  meta: {
    code: 'risk-not-in-population',
    severity: 'warning',
    category: 'chain',
    scopes: ['carepath', 'household'],
    docs: { description: 'A risk the path declares that the population it is simulated with does not have.', url: ruleDocsUrl('risk-not-in-population') },
    messages: {
      default: {
        message: {
          en: 'The risk "{{risk}}" does not occur in the population "{{population}}": no simulated client or household has it, so its signalling and support stay at 0.',
          nl: 'Het risico "{{risk}}" komt niet voor in de populatie "{{population}}": geen gesimuleerde cliënt of huishouden heeft het, dus signalering en steun blijven op 0.',
        },
        hint: {
          en: '{{suggestion}} Use the population\'s key in the path, give "{{risk}}" a prevalence in the population\'s "risks", or simulate with a population that has it (--population).',
          nl: '{{suggestionNl}} Gebruik de sleutel van de populatie in het pad, geef "{{risk}}" een prevalentie in de "risks" van de populatie, of simuleer met een populatie die het heeft (--population).',
        },
      },
    },
  },
  check({ document, options, report }) {
    const population = options.population;
    if (population === undefined || (document.kind !== 'carepath' && document.kind !== 'household')) return;
    const known = Object.keys(population.risks ?? {}).sort();
    for (const risk of Object.keys(document.value.risks ?? {})) {
      if (Object.hasOwn(population.risks ?? {}, risk)) continue;
      const suggestion = didYouMean(risk, known);
      report({ pointer: toPointer(['risks', risk]), params: { risk, population: population.id, ...(suggestion !== undefined ? { suggested: suggestion } : {}), ...suggestionParams(suggestion, known) } });
    }
  },
});
