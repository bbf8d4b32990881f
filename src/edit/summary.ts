import { argumentError, requireRecord, type Lang } from '../diagnostics/index.js';
import { describeWindow, labelText, type Window } from '../model/index.js';
import type { PathChange } from './diff.js';

/** Options of `summarizeDiff`. */
export interface SummaryOptions {
  /** The language of the text; Dutch by default, the analysts' language. */
  lang?: Lang;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}

function showWindow(window: Window | undefined, lang: Lang): string {
  if (!window) return lang === 'nl' ? 'geen venster' : 'no window';
  return describeWindow(window, lang);
}

const on = (event: string, lang: Lang) => (lang === 'nl' ? `bij ${event}` : `on ${event}`);

/**
 * One change as a sentence in the given language.
 * @example
 * for (const change of diffPaths(before, after)) console.log(describeChange(change, 'nl'));
 */
export function describeChange(change: PathChange, lang: Lang = 'nl'): string {
  requireRecord('describeChange', 'change', change, { expected: { en: 'a change from diffPaths', nl: 'een wijziging van diffPaths' } });
  const nl = lang === 'nl';
  switch (change.kind) {
    case 'metadata-changed':
      return nl
        ? `Padveld "${change.field}" gewijzigd: ${show(change.before)} → ${show(change.after)}.`
        : `Path field "${change.field}" changed: ${show(change.before)} → ${show(change.after)}.`;
    case 'initial-changed':
      return nl ? `Beginstap gewijzigd van "${change.before}" naar "${change.after}".` : `Initial step changed from "${change.before}" to "${change.after}".`;
    case 'actor-added':
      return nl ? `Actor "${change.actor}" toegevoegd.` : `Actor "${change.actor}" added.`;
    case 'actor-removed':
      return nl ? `Actor "${change.actor}" verwijderd.` : `Actor "${change.actor}" removed.`;
    case 'actor-changed':
      return nl ? `Actor "${change.actor}" gewijzigd: ${change.fields.join(', ')}.` : `Actor "${change.actor}" changed: ${change.fields.join(', ')}.`;
    case 'step-added':
      return nl ? `Stap "${change.step}" (${labelText(change.label, lang)}) toegevoegd.` : `Step "${change.step}" (${labelText(change.label, lang)}) added.`;
    case 'step-removed':
      return nl ? `Stap "${change.step}" (${labelText(change.label, lang)}) verwijderd.` : `Step "${change.step}" (${labelText(change.label, lang)}) removed.`;
    case 'step-changed': {
      const parts = change.fields.map((f) => `${f} ${show(change.before[f])} → ${show(change.after[f])}`).join('; ');
      return nl ? `Stap "${change.step}" gewijzigd: ${parts}.` : `Step "${change.step}" changed: ${parts}.`;
    }
    case 'label-changed': {
      const before = labelText(change.before, lang);
      const after = labelText(change.after, lang);
      // the label may differ only in the other language; then show both languages
      const [b, a] = before === after ? [show(change.before), show(change.after)] : [`"${before}"`, `"${after}"`];
      return nl ? `Label van stap "${change.step}" gewijzigd: ${b} → ${a}.` : `Label of step "${change.step}" changed: ${b} → ${a}.`;
    }
    case 'window-changed':
      return nl
        ? `Venster van stap "${change.step}" gewijzigd: ${showWindow(change.before, lang)} → ${showWindow(change.after, lang)}.`
        : `Window of step "${change.step}" changed: ${showWindow(change.before, lang)} → ${showWindow(change.after, lang)}.`;
    case 'transition-added':
      return nl
        ? `Overgang van "${change.step}" naar "${change.to}" ${on(change.event, lang)} toegevoegd.`
        : `Transition from "${change.step}" to "${change.to}" ${on(change.event, lang)} added.`;
    case 'transition-removed':
      return nl
        ? `Overgang van "${change.step}" naar "${change.to}" ${on(change.event, lang)} verwijderd.`
        : `Transition from "${change.step}" to "${change.to}" ${on(change.event, lang)} removed.`;
    case 'transition-retargeted':
      return nl
        ? `Overgang ${change.index} van "${change.step}" ${on(change.event, lang)} leidt nu naar "${change.after}" in plaats van "${change.before}".`
        : `Transition ${change.index} of "${change.step}" ${on(change.event, lang)} now leads to "${change.after}" instead of "${change.before}".`;
    case 'transition-changed':
      return nl
        ? `Overgang van "${change.step}" naar "${change.to}" ${on(change.event, lang)} gewijzigd: ${change.fields.join(', ')}.`
        : `Transition from "${change.step}" to "${change.to}" ${on(change.event, lang)} changed: ${change.fields.join(', ')}.`;
  }
}

/**
 * A readable summary of a diff, one sentence per change in the order of the diff.
 *
 * @example
 * summarizeDiff(diffPaths(before, after), { lang: 'en' });
 * // 'Step "nazorg" (Aftercare) added.\nTransition 0 of "intake" on NEXT now leads to "nazorg" instead of "klaar".'
 */
export function summarizeDiff(changes: readonly PathChange[], options: SummaryOptions = {}): string {
  if (!Array.isArray(changes)) throw argumentError('summarizeDiff', 'changes', { en: 'the list diffPaths returned', nl: 'de lijst die diffPaths gaf' }, changes);
  requireRecord('summarizeDiff', 'options', options as unknown, { optional: true });
  const lang = options?.lang ?? 'nl';
  if (changes.length === 0) return lang === 'nl' ? 'Geen wijzigingen.' : 'No changes.';
  return changes.map((c) => describeChange(c, lang)).join('\n');
}
