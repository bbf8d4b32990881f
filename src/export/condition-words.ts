import type { AttributeValue, CarePath, Condition, Label } from '../model/index.js';
import { labelText } from '../model/index.js';

/** The language diagrams and reports are written in. */
export type ExportLang = 'nl' | 'en';

/** Labels for risk and protective factor keys, attributes and their values, so conditions read in the analysts' words. */
export type FactorLabels = Pick<CarePath, 'risks' | 'protections' | 'vocabulary'>;

const WORDS = {
  nl: {
    hasRisk: 'heeft risico',
    anyRisk: "heeft een van de risico's",
    noneRisk: "heeft geen van de risico's",
    noRisk: 'heeft geen risico',
    hasProtection: 'heeft beschermende factor',
    noProtection: 'heeft geen beschermende factor',
    signalled: 'risico gesignaleerd',
    and: ' en ',
    or: ' of ',
    not: 'niet',
    is: 'is',
    isNot: 'is niet',
    lt: 'is kleiner dan',
    lte: 'is hoogstens',
    gt: 'is groter dan',
    gte: 'is minstens',
    in: 'is een van',
    known: 'is bekend',
    unknown: 'is onbekend',
    yes: 'ja',
    no: 'nee',
  },
  en: {
    hasRisk: 'has risk',
    anyRisk: 'has one of the risks',
    noneRisk: 'has none of the risks',
    noRisk: 'does not have risk',
    hasProtection: 'has protective factor',
    noProtection: 'does not have protective factor',
    signalled: 'risk signalled',
    and: ' and ',
    or: ' or ',
    not: 'not',
    is: 'is',
    isNot: 'is not',
    lt: 'is less than',
    lte: 'is at most',
    gt: 'is more than',
    gte: 'is at least',
    in: 'is one of',
    known: 'is known',
    unknown: 'is unknown',
    yes: 'yes',
    no: 'no',
  },
} as const;

function valueText(v: AttributeValue, lang: ExportLang, values?: Record<string, Label>): string {
  const own = values?.[String(v)];
  if (own) return labelText(own, lang);
  if (typeof v === 'boolean') return v ? WORDS[lang].yes : WORDS[lang].no;
  if (typeof v === 'number') return lang === 'nl' ? String(v).replace('.', ',') : String(v);
  return v;
}

function factor(key: string, table: FactorLabels['risks'], lang: ExportLang): string {
  const entry = table?.[key];
  return entry ? labelText(entry.label, lang) : key;
}

/** How an event or attribute name reads: its vocabulary label, or the name itself. */
export function termLabel(name: string, lang: ExportLang, vocabulary: CarePath['vocabulary']): string {
  const term = vocabulary?.[name];
  return term ? labelText(term.label, lang) : name;
}

function attribute(c: Condition, lang: ExportLang, factors: FactorLabels): string {
  const w = WORDS[lang];
  const values = c.attr !== undefined ? factors.vocabulary?.[c.attr]?.values : undefined;
  const value = (v: AttributeValue, l: ExportLang) => valueText(v, l, values);
  const parts: string[] = [];
  if (c.exists !== undefined) parts.push(c.exists ? w.known : w.unknown);
  if (c.eq !== undefined) parts.push(`${w.is} ${value(c.eq, lang)}`);
  if (c.ne !== undefined) parts.push(`${w.isNot} ${value(c.ne, lang)}`);
  if (c.in !== undefined) parts.push(`${w.in}: ${c.in.map((v) => value(v, lang)).join(', ')}`);
  if (c.lt !== undefined) parts.push(`${w.lt} ${value(c.lt, lang)}`);
  if (c.lte !== undefined) parts.push(`${w.lte} ${value(c.lte, lang)}`);
  if (c.gt !== undefined) parts.push(`${w.gt} ${value(c.gt, lang)}`);
  if (c.gte !== undefined) parts.push(`${w.gte} ${value(c.gte, lang)}`);
  return `${c.attr !== undefined ? termLabel(c.attr, lang, factors.vocabulary) : ''} ${parts.join(w.and)}`;
}

function group(items: Condition[], joiner: string, lang: ExportLang, factors: FactorLabels, nested: boolean): string {
  let text = '';
  for (let i = 0; i < items.length; i++) text += (i > 0 ? joiner : '') + describe(items[i] as Condition, lang, factors, true);
  return nested && items.length > 1 ? `(${text})` : text;
}

function describe(c: Condition, lang: ExportLang, factors: FactorLabels, nested: boolean): string {
  const w = WORDS[lang];
  if (c.all !== undefined) {
    if (c.all.length > 2 && c.all.every((item) => item.not?.hasRisk !== undefined)) {
      return `${w.noneRisk}: ${c.all.map((item) => factor(item.not?.hasRisk as string, factors.risks, lang)).join(', ')}`;
    }
    return group(c.all, w.and, lang, factors, nested);
  }
  if (c.any !== undefined) {
    // "any of these risks" reads as one list rather than a long chain of "or"s
    if (c.any.length > 2 && c.any.every((item) => item.hasRisk !== undefined)) {
      return `${w.anyRisk}: ${c.any.map((item) => factor(item.hasRisk as string, factors.risks, lang)).join(', ')}`;
    }
    return group(c.any, w.or, lang, factors, nested);
  }
  if (c.not !== undefined) {
    // the common negations read as one phrase; anything else as "niet (…)"
    if (c.not.hasRisk !== undefined) return `${w.noRisk}: ${factor(c.not.hasRisk, factors.risks, lang)}`;
    if (c.not.hasProtection !== undefined) return `${w.noProtection}: ${factor(c.not.hasProtection, factors.protections, lang)}`;
    return `${w.not} (${describe(c.not, lang, factors, false)})`;
  }
  if (c.hasRisk !== undefined) return `${w.hasRisk}: ${factor(c.hasRisk, factors.risks, lang)}`;
  if (c.hasProtection !== undefined) return `${w.hasProtection}: ${factor(c.hasProtection, factors.protections, lang)}`;
  if (c.signalled !== undefined) return `${w.signalled}: ${factor(c.signalled, factors.risks, lang)}`;
  if (c.attr !== undefined) return attribute(c, lang, factors);
  return '';
}

/**
 * Writes a condition in plain Dutch or English words, using the path's factor labels when given,
 * e.g. `{ hasRisk: "schulden" }` → "heeft risico: schulden".
 * @example
 * describeCondition({ hasRisk: 'financial-stress' }, 'en'); // 'has risk: financial-stress'
 */
export function describeCondition(condition: Condition, lang: ExportLang = 'nl', factors: FactorLabels = {}): string {
  return describe(condition, lang, factors, false);
}
