import { toPointer } from '../../diagnostics/index.js';
import type { CarePath, HouseholdPath, Menukaart, Population } from '../../model/index.js';
import { defineRule, ruleDocsUrl, type RuleReport } from '../rule.js';

/** Any content object that may carry provenance. */
interface Provenance {
  source?: unknown;
  assumption?: unknown;
}

function cites(o: Provenance | undefined): boolean {
  return o !== undefined && ((o.source !== undefined && o.source !== '') || (o.assumption !== undefined && o.assumption !== ''));
}

// a fact is documented by a source or an assumption on itself or on an object that encloses it
function documented(fact: Provenance | undefined, ...enclosing: (Provenance | undefined)[]): boolean {
  return cites(fact) || enclosing.some(cites);
}

/** `missing-source`: a weight, an intervention fact or a prevalence without a source or an assumption. */
export const missingSource = defineRule({
  meta: {
    code: 'missing-source',
    severity: 'warning',
    category: 'chain',
    scopes: ['carepath', 'menukaart', 'population', 'household'],
    docs: { description: 'Content (a prevalence, a weight, an intervention fact) without a source.', url: ruleDocsUrl('missing-source') },
    messages: {
      default: {
        message: { en: 'The weight {{weight}} of the transition from "{{step}}" to "{{to}}" has no source.', nl: 'Het gewicht {{weight}} van de overgang van "{{step}}" naar "{{to}}" heeft geen bron.' },
        hint: {
          en: 'Add "source" (an id from paths/sources.json, a document or a URL) to the transition, or "assumption" with the reasoning.',
          nl: 'Voeg "source" (een id uit paths/sources.json, een document of een URL) toe aan de overgang, of "assumption" met de onderbouwing.',
        },
      },
      intervention: {
        message: { en: 'Intervention "{{intervention}}" has no source for its facts.', nl: 'Interventie "{{intervention}}" heeft geen bron voor haar gegevens.' },
        hint: {
          en: 'Add "source" to the entry (or to the menukaart as a whole), for example the intervention database page.',
          nl: 'Voeg "source" toe aan de interventie (of aan de hele menukaart), bijvoorbeeld de pagina in de interventiedatabank.',
        },
      },
      prevalence: {
        message: { en: 'The prevalence {{prevalence}} of "{{factor}}" has no source.', nl: 'De prevalentie {{prevalence}} van "{{factor}}" heeft geen bron.' },
        hint: { en: 'Add "source" (for example a CBS or RIVM table), or "assumption" with the reasoning.', nl: 'Voeg "source" toe (bijvoorbeeld een tabel van CBS of RIVM), of "assumption" met de onderbouwing.' },
      },
      accepted: {
        message: { en: 'The acceptance share {{accepted}} of the referral from "{{step}}" to "{{to}}" has no source.', nl: 'Het aandeel {{accepted}} dat de verwijzing van "{{step}}" naar "{{to}}" aanneemt, heeft geen bron.' },
        hint: {
          en: 'Add "source" (an id from paths/sources.json, a document or a URL) to the referral, or "assumption" with the reasoning.',
          nl: 'Voeg "source" (een id uit paths/sources.json, een document of een URL) toe aan de verwijzing, of "assumption" met de onderbouwing.',
        },
      },
      detects: {
        message: { en: 'The chance {{chance}} that step "{{step}}" signals "{{risk}}" has no source.', nl: 'De kans {{chance}} dat stap "{{step}}" "{{risk}}" signaleert, heeft geen bron.' },
        hint: {
          en: 'Add "source" to the step (for example the screening instrument\'s validation study), or "assumption" with the reasoning.',
          nl: 'Voeg "source" toe aan de stap (bijvoorbeeld het validatieonderzoek van het signaleringsinstrument), of "assumption" met de onderbouwing.',
        },
      },
      attribute: {
        message: { en: 'The distribution of attribute "{{attribute}}" has no source.', nl: 'De verdeling van kenmerk "{{attribute}}" heeft geen bron.' },
        hint: { en: 'Add "source", or "assumption" with the reasoning.', nl: 'Voeg "source" toe, of "assumption" met de onderbouwing.' },
      },
    },
  },
  check({ document, report }) {
    if (document.kind === 'carepath') checkPath(document.value, report);
    else if (document.kind === 'menukaart') checkInterventions(document.value.interventions, document.value, '/interventions', report);
    else if (document.kind === 'population') checkPopulation(document.value, report);
    else if (document.kind === 'household') checkHousehold(document.value, report);
  },
});

function checkPath(path: CarePath, report: (r: RuleReport) => void): void {
  const pathCites = cites(path);
  for (const stepId in path.steps) {
    const step = path.steps[stepId]!;
    const transitions = step.transitions ?? [];
    for (let k = 0; k < transitions.length; k++) {
      const t = transitions[k]!;
      if (t.weight === undefined || pathCites || cites(t) || cites(step)) continue;
      report({ pointer: toPointer(['steps', stepId, 'transitions', k, 'weight']), params: { step: stepId, to: t.to, weight: t.weight } });
    }
  }
  checkInterventions(path.interventions ?? {}, path, '/interventions', report);
}

// the steps of every track: weights as in version 1, and what households add, the chance a referral is
// accepted and the chance a step signals a risk; a chance of 1 is version 1's "signals" (and an included
// sub-path's), which says no more than that the step signals the risk
function checkHousehold(path: HouseholdPath, report: (r: RuleReport) => void): void {
  for (const [stepId, step] of Object.entries(path.steps)) {
    const undocumented = (fact: Provenance) => !documented(fact, step, path);
    step.transitions.forEach((t, k) => {
      if (t.weight !== undefined && undocumented(t)) report({ pointer: toPointer(['steps', stepId, 'transitions', k, 'weight']), params: { step: stepId, to: t.to, weight: t.weight } });
    });
    (step.refers ?? []).forEach((r, k) => {
      if (r.accepted !== undefined && undocumented(r)) report({ pointer: toPointer(['steps', stepId, 'refers', k, 'accepted']), params: { step: stepId, to: r.to, accepted: r.accepted }, messageId: 'accepted' });
    });
    for (const [risk, chance] of Object.entries(step.detects ?? {})) {
      if (chance !== 1 && undocumented({})) report({ pointer: toPointer(['steps', stepId, 'detects', risk]), params: { step: stepId, risk, chance }, messageId: 'detects' });
    }
  }
  checkInterventions(path.interventions ?? {}, path, '/interventions', report);
}

function checkInterventions(interventions: Menukaart['interventions'], root: Provenance, base: string, report: (r: RuleReport) => void): void {
  for (const [key, intervention] of Object.entries(interventions)) {
    if (!documented(intervention, root)) report({ pointer: base + toPointer([key]), params: { intervention: key }, messageId: 'intervention' });
  }
}

function checkPopulation(population: Population, report: (r: RuleReport) => void): void {
  for (const group of ['risks', 'protections'] as const) {
    for (const [key, factor] of Object.entries(population[group] ?? {})) {
      if (!documented(factor, population)) {
        report({ pointer: toPointer([group, key, 'prevalence']), params: { factor: key, prevalence: factor.prevalence }, messageId: 'prevalence' });
      }
      (factor.given ?? []).forEach((given, i) => {
        if (documented(given, factor, population)) return;
        report({ pointer: toPointer([group, key, 'given', i, 'prevalence']), params: { factor: key, prevalence: given.prevalence }, messageId: 'prevalence' });
      });
    }
  }
  for (const [key, attribute] of Object.entries(population.attributes ?? {})) {
    if (!documented(attribute, population)) report({ pointer: toPointer(['attributes', key]), params: { attribute: key }, messageId: 'attribute' });
  }
}
