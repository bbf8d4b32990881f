import { didYouMean, suggestionParams, toPointer } from '../../diagnostics/index.js';
import type { CarePath, Condition, Intervention, Population } from '../../model/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

type KeyKind = 'risk' | 'protection' | 'attribute';

/**
 * The keys that exist, by kind: declared by the path (its `risks` and `protections`), its menukaart
 * or the population; undefined when nothing declares any.
 */
export function knownKeys(path: Pick<CarePath, 'risks' | 'protections'>, interventions: Readonly<Record<string, Intervention>> | undefined, population: Population | undefined): Record<KeyKind, Set<string> | undefined> {
  const risks = new Set<string>([...Object.keys(path.risks ?? {}), ...Object.keys(population?.risks ?? {})]);
  const protections = new Set<string>([...Object.keys(path.protections ?? {}), ...Object.keys(population?.protections ?? {})]);
  const attributes = new Set<string>(Object.keys(population?.attributes ?? {}));
  // the menukaart is a curated list: what its interventions address and test exists
  for (const entry of Object.values(interventions ?? {})) {
    entry.addresses?.forEach((r) => risks.add(r));
    visit(entry.targetGroup, '', (kind, key) => (kind === 'risk' ? risks : kind === 'protection' ? protections : attributes).add(key));
  }
  return { risk: risks.size > 0 ? risks : undefined, protection: protections.size > 0 ? protections : undefined, attribute: attributes.size > 0 ? attributes : undefined };
}

/** Calls `found` for every key a condition tests, with the pointer of the field that names it. */
function visit(condition: Condition | undefined, pointer: string, found: (kind: KeyKind, key: string, pointer: string) => void): void {
  if (!condition) return;
  if (condition.hasRisk !== undefined) found('risk', condition.hasRisk, `${pointer}/hasRisk`);
  if (condition.hasProtection !== undefined) found('protection', condition.hasProtection, `${pointer}/hasProtection`);
  if (condition.attr !== undefined) found('attribute', condition.attr, `${pointer}/attr`);
  condition.all?.forEach((c, i) => visit(c, `${pointer}/all/${i}`, found));
  condition.any?.forEach((c, i) => visit(c, `${pointer}/any/${i}`, found));
  visit(condition.not, `${pointer}/not`, found);
}

const WHERE: Record<KeyKind, { en: string; nl: string }> = {
  risk: { en: 'the path\'s "risks", its menukaart or the population', nl: 'de "risks" van het pad, de menukaart of de populatie' },
  protection: { en: 'the path\'s "protections" or the population', nl: 'de "protections" van het pad of de populatie' },
  attribute: { en: 'the population\'s "attributes"', nl: 'de "attributes" van de populatie' },
};

/**
 * `unknown-key`: a risk, protection or attribute key that nothing declares. A condition on it never
 * holds for a simulated client, so the mistake would only show as drop-outs at the next step.
 */
export const unknownKey = defineRule({
  meta: {
    code: 'unknown-key',
    severity: 'warning',
    category: 'chain',
    docs: { description: 'A risk, protection or attribute key that neither the path, its menukaart nor the population declares.', url: ruleDocsUrl('unknown-key') },
    messages: {
      default: {
        message: { en: 'The risk "{{key}}" is not known: {{where}} name no such risk.', nl: 'Het risico "{{key}}" is onbekend: {{whereNl}} noemen zo\'n risico niet.' },
        hint: { en: '{{suggestion}} A new risk is declared in the path\'s "risks" and given a prevalence in the population.', nl: '{{suggestionNl}} Een nieuw risico zet je in de "risks" van het pad, met een prevalentie in de populatie.' },
      },
      protection: {
        message: { en: 'The protective factor "{{key}}" is not known: {{where}} name no such factor.', nl: 'De beschermende factor "{{key}}" is onbekend: {{whereNl}} noemen zo\'n factor niet.' },
        hint: { en: '{{suggestion}} A new factor is declared in the path\'s "protections" and given a prevalence in the population.', nl: '{{suggestionNl}} Een nieuwe factor zet je in de "protections" van het pad, met een prevalentie in de populatie.' },
      },
      attribute: {
        message: { en: 'The attribute "{{key}}" is not known: {{where}} name no such attribute.', nl: 'Het kenmerk "{{key}}" is onbekend: {{whereNl}} noemen zo\'n kenmerk niet.' },
        hint: { en: '{{suggestion}} A new attribute is added to the population\'s "attributes".', nl: '{{suggestionNl}} Een nieuw kenmerk voeg je toe aan de "attributes" van de populatie.' },
      },
    },
  },
  check({ path, options, report }) {
    const known = knownKeys(path, options.interventions, options.population);
    const found = (kind: KeyKind, key: string, pointer: string) => {
      const keys = known[kind];
      if (keys === undefined || keys.has(key)) return;
      const candidates = [...keys].sort();
      const suggestion = didYouMean(key, candidates);
      report({
        pointer,
        params: { key, kind, where: WHERE[kind].en, whereNl: WHERE[kind].nl, ...(suggestion !== undefined ? { suggested: suggestion } : {}), ...suggestionParams(suggestion, candidates) },
        ...(kind !== 'risk' ? { messageId: kind } : {}),
      });
    };
    for (const [id, step] of Object.entries(path.steps)) {
      step.signals?.forEach((risk, i) => found('risk', risk, toPointer(['steps', id, 'signals', i])));
      step.addresses?.forEach((risk, i) => found('risk', risk, toPointer(['steps', id, 'addresses', i])));
      step.transitions.forEach((t, i) => visit(t.when, toPointer(['steps', id, 'transitions', i, 'when']), found));
    }
  },
});
