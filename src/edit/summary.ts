import { argumentError, requireFunction, requireRecord, type Lang } from '../diagnostics/index.js';
import { describeWindow, labelText, NEXT_EVENT, type Window } from '../model/index.js';
import { ChangeNames, showJson, showShare, type ChangeContext } from './change-names.js';
import type { PathChange } from './diff.js';
import { ACTOR_FIELD_WORDS, fieldWord, MEMBER_FIELD_WORDS, PATH_FIELD_WORDS, REFERRAL_FIELD_WORDS, STEP_FIELD_WORDS, TRACK_FIELD_WORDS, TRANSITION_FIELD_WORDS, VALUE_WORDS, type Words } from './field-words.js';
import type { HouseholdPathChange } from './household-diff.js';

export type { ChangeContext, DiffedPath } from './change-names.js';

/** Options of `summarizeDiff`: the language, and what names the steps and conditions in words. */
export interface SummaryOptions extends ChangeContext {
  /** The language of the text; Dutch by default, the analysts' language. */
  lang?: Lang;
}

function showWindow(window: Window | undefined, lang: Lang): string {
  if (!window) return lang === 'nl' ? 'geen venster' : 'no window';
  return describeWindow(window, lang);
}

// NEXT is the event of a plain "then": it needs no words
const on = (event: string, lang: Lang) => (event === NEXT_EVENT ? '' : lang === 'nl' ? ` bij ${event}` : ` on ${event}`);

/** Checks what names the things of a change: the two paths (objects) and the condition writer (a function), each optional. */
function requireContext(callee: string, argument: string, context: unknown): void {
  requireRecord(callee, argument, context, { optional: true });
  if (context === undefined) return;
  const PATH = { en: 'a path (or left out)', nl: 'een pad (of weggelaten)' };
  if (context.before !== undefined && !isObject(context.before)) throw argumentError(callee, `${argument}.before`, PATH, context.before);
  if (context.after !== undefined && !isObject(context.after)) throw argumentError(callee, `${argument}.after`, PATH, context.after);
  if (context.condition !== undefined) requireFunction(callee, `${argument}.condition`, context.condition, { en: 'a function (condition, lang) => text', nl: 'een functie (condition, lang) => tekst' });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const CHANGE = { en: 'a change from diffPaths or diffHouseholdPaths', nl: 'een wijziging van diffPaths of diffHouseholdPaths' };

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "before → after" in words; as JSON when the words are the same (a label changed only in the other language). */
function fromTo(field: string, before: unknown, after: unknown, names: ChangeNames): string {
  const [b, a] = [names.value(field, before), names.value(field, after)];
  return b === a ? `${showJson(before)} → ${showJson(after)}` : `${b} → ${a}`;
}

/**
 * "field before → after" for each changed field, in the words of its table; the field words alone
 * for a change made without its values (by hand, or by an earlier version).
 */
function fieldChanges(table: Readonly<Record<string, Words>>, fields: readonly string[], before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, names: ChangeNames): string {
  if (!Array.isArray(fields)) return '';
  if (!isObject(before) || !isObject(after)) return fields.map((f) => fieldWord(table, f, names.lang)).join(', ');
  return fields.map((f) => `${fieldWord(table, f, names.lang)} ${fromTo(f, before[f], after[f], names)}`).join('; ');
}

/**
 * One change as a sentence in the given language. Given the paths the diff was made between
 * (`context.before` and `context.after`), steps, tracks, members and actors are named by their
 * labels; otherwise by their ids.
 * @example
 * for (const change of diffPaths(before, after)) console.log(describeChange(change, 'nl', { before, after }));
 */
export function describeChange(change: PathChange | HouseholdPathChange, lang: Lang = 'nl', context: ChangeContext = {}): string {
  requireRecord('describeChange', 'change', change, { expected: CHANGE });
  requireContext('describeChange', 'context', context as unknown);
  return sentence(change, new ChangeNames(lang === 'nl' ? 'nl' : 'en', context ?? {}));
}

function sentence(change: PathChange | HouseholdPathChange, names: ChangeNames): string {
  const { lang } = names;
  const nl = lang === 'nl';
  const step = (id: string) => names.step(id);
  switch (change.kind) {
    case 'metadata-changed': {
      const word = fieldWord(PATH_FIELD_WORDS, change.field, lang);
      const values = fromTo(change.field, change.before, change.after, names);
      return nl ? `${capital(word)} van het pad gewijzigd: ${values}.` : `${capital(word)} of the path changed: ${values}.`;
    }
    case 'initial-changed':
      return nl ? `Beginstap gewijzigd van ${step(change.before)} naar ${step(change.after)}.` : `Initial step changed from ${step(change.before)} to ${step(change.after)}.`;
    case 'actor-added':
      return nl ? `Actor ${names.actor(change.actor)} toegevoegd.` : `Actor ${names.actor(change.actor)} added.`;
    case 'actor-removed':
      return nl ? `Actor ${names.actor(change.actor)} verwijderd.` : `Actor ${names.actor(change.actor)} removed.`;
    case 'actor-changed': {
      const parts = fieldChanges(ACTOR_FIELD_WORDS, change.fields, change.before, change.after, names);
      return nl ? `Actor ${names.actor(change.actor)} gewijzigd: ${parts}.` : `Actor ${names.actor(change.actor)} changed: ${parts}.`;
    }
    case 'step-added':
    case 'step-removed': {
      const what = names.stepWithId(change.step, change.label);
      const track = change.track === undefined ? '' : nl ? ` ${change.kind === 'step-added' ? 'in' : 'uit'} spoor ${names.track(change.track)}` : ` ${change.kind === 'step-added' ? 'in' : 'from'} track ${names.track(change.track)}`;
      if (change.kind === 'step-added') return nl ? `Stap ${what} toegevoegd${track}.` : `Step ${what} added${track}.`;
      return nl ? `Stap ${what} verwijderd${track}.` : `Step ${what} removed${track}.`;
    }
    case 'step-changed': {
      const parts = fieldChanges(STEP_FIELD_WORDS, change.fields, change.before, change.after, names);
      return nl ? `Stap ${step(change.step)} gewijzigd: ${parts}.` : `Step ${step(change.step)} changed: ${parts}.`;
    }
    case 'label-changed': {
      const before = labelText(change.before, lang);
      const after = labelText(change.after, lang);
      // the label may differ only in the other language; then show both languages
      const [b, a] = before === after ? [showJson(change.before), showJson(change.after)] : [`"${before}"`, `"${after}"`];
      return nl ? `Naam van stap "${change.step}" gewijzigd: ${b} → ${a}.` : `Label of step "${change.step}" changed: ${b} → ${a}.`;
    }
    case 'window-changed':
      return nl
        ? `Tijdvenster van stap ${step(change.step)} gewijzigd: ${showWindow(change.before, lang)} → ${showWindow(change.after, lang)}.`
        : `Time window of step ${step(change.step)} changed: ${showWindow(change.before, lang)} → ${showWindow(change.after, lang)}.`;
    case 'transition-added':
      return nl
        ? `Overgang van ${step(change.step)} naar ${step(change.to)}${on(change.event, lang)} toegevoegd.`
        : `Transition from ${step(change.step)} to ${step(change.to)}${on(change.event, lang)} added.`;
    case 'transition-removed':
      return nl
        ? `Overgang van ${step(change.step)} naar ${step(change.to)}${on(change.event, lang)} verwijderd.`
        : `Transition from ${step(change.step)} to ${step(change.to)}${on(change.event, lang)} removed.`;
    case 'transition-retargeted':
      return nl
        ? `Overgang van ${step(change.step)}${on(change.event, lang)} leidt nu naar ${step(change.after)} in plaats van ${step(change.before)}.`
        : `Transition from ${step(change.step)}${on(change.event, lang)} now leads to ${step(change.after)} instead of ${step(change.before)}.`;
    case 'transition-changed': {
      const parts = fieldChanges(TRANSITION_FIELD_WORDS, change.fields, change.before, change.after, names);
      return nl
        ? `Overgang van ${step(change.step)} naar ${step(change.to)}${on(change.event, lang)} gewijzigd: ${parts}.`
        : `Transition from ${step(change.step)} to ${step(change.to)}${on(change.event, lang)} changed: ${parts}.`;
    }
    default:
      return householdSentence(change, names);
  }
}

/** The sentences of the kinds only a household path has. */
function householdSentence(change: Exclude<HouseholdPathChange, PathChange>, names: ChangeNames): string {
  const { lang } = names;
  const nl = lang === 'nl';
  const step = (id: string) => names.step(id);
  const role = (r: string) => (Object.hasOwn(VALUE_WORDS, r) ? VALUE_WORDS[r]![lang] : r);
  switch (change.kind) {
    case 'member-added':
      return nl ? `Gezinslid "${labelText(change.label, lang)}" (${change.member}, ${role(change.role)}) toegevoegd.` : `Member "${labelText(change.label, lang)}" (${change.member}, ${role(change.role)}) added.`;
    case 'member-removed':
      return nl ? `Gezinslid "${labelText(change.label, lang)}" (${change.member}, ${role(change.role)}) verwijderd.` : `Member "${labelText(change.label, lang)}" (${change.member}, ${role(change.role)}) removed.`;
    case 'member-changed': {
      const parts = fieldChanges(MEMBER_FIELD_WORDS, change.fields, change.before, change.after, names);
      return nl ? `Gezinslid ${names.member(change.member)} gewijzigd: ${parts}.` : `Member ${names.member(change.member)} changed: ${parts}.`;
    }
    case 'track-added':
      return nl ? `Spoor "${labelText(change.label, lang)}" (${change.track}) toegevoegd.` : `Track "${labelText(change.label, lang)}" (${change.track}) added.`;
    case 'track-removed':
      return nl ? `Spoor "${labelText(change.label, lang)}" (${change.track}) verwijderd.` : `Track "${labelText(change.label, lang)}" (${change.track}) removed.`;
    case 'track-changed': {
      const parts = fieldChanges(TRACK_FIELD_WORDS, change.fields, change.before, change.after, names);
      return nl ? `Spoor ${names.track(change.track)} gewijzigd: ${parts}.` : `Track ${names.track(change.track)} changed: ${parts}.`;
    }
    case 'step-track-changed':
      return nl
        ? `Stap ${step(change.step)} hoort nu bij spoor ${names.track(change.after)} in plaats van ${names.track(change.before)}.`
        : `Step ${step(change.step)} now belongs to track ${names.track(change.after)} instead of ${names.track(change.before)}.`;
    case 'referral-added':
      return nl ? `Verwijzing van ${step(change.step)} naar ${step(change.to)} toegevoegd.` : `Referral from ${step(change.step)} to ${step(change.to)} added.`;
    case 'referral-removed':
      return nl ? `Verwijzing van ${step(change.step)} naar ${step(change.to)} verwijderd.` : `Referral from ${step(change.step)} to ${step(change.to)} removed.`;
    case 'referral-retargeted':
      return nl
        ? `Verwijzing van ${step(change.step)} leidt nu naar ${step(change.after)} in plaats van ${step(change.before)}.`
        : `Referral from ${step(change.step)} now leads to ${step(change.after)} instead of ${step(change.before)}.`;
    case 'referral-changed': {
      const parts = fieldChanges(REFERRAL_FIELD_WORDS, change.fields, change.before, change.after, names);
      return nl ? `Verwijzing van ${step(change.step)} naar ${step(change.to)} gewijzigd: ${parts}.` : `Referral from ${step(change.step)} to ${step(change.to)} changed: ${parts}.`;
    }
    case 'emit-added':
      return nl ? `Stap ${step(change.step)} meldt nu gebeurtenis ${change.event}.` : `Step ${step(change.step)} now emits event ${change.event}.`;
    case 'emit-removed':
      return nl ? `Stap ${step(change.step)} meldt gebeurtenis ${change.event} niet meer.` : `Step ${step(change.step)} no longer emits event ${change.event}.`;
    case 'detection-added':
      return nl
        ? `Stap ${step(change.step)} signaleert nu risico ${names.risk(change.risk)} (kans ${showShare(change.probability, lang)}).`
        : `Step ${step(change.step)} now detects risk ${names.risk(change.risk)} (chance ${showShare(change.probability, lang)}).`;
    case 'detection-removed':
      return nl
        ? `Stap ${step(change.step)} signaleert risico ${names.risk(change.risk)} niet meer (was kans ${showShare(change.probability, lang)}).`
        : `Step ${step(change.step)} no longer detects risk ${names.risk(change.risk)} (chance was ${showShare(change.probability, lang)}).`;
    case 'detection-changed':
      return nl
        ? `Kans dat stap ${step(change.step)} risico ${names.risk(change.risk)} signaleert gewijzigd: ${showShare(change.before, lang)} → ${showShare(change.after, lang)}.`
        : `Chance that step ${step(change.step)} detects risk ${names.risk(change.risk)} changed: ${showShare(change.before, lang)} → ${showShare(change.after, lang)}.`;
  }
  // a change of a kind this version does not know (from a newer version, or made by hand)
  const { kind, pointer } = change as { kind: unknown; pointer: unknown };
  return nl ? `Wijziging ${showJson(kind)} bij ${showJson(pointer)}.` : `Change ${showJson(kind)} at ${showJson(pointer)}.`;
}

/**
 * A readable summary of a diff, one sentence per change in the order of the diff. Give the two
 * paths (`before`, `after`) to have steps and the rest named by their labels.
 *
 * @example
 * summarizeDiff(diffPaths(before, after), { lang: 'en', before, after });
 * // 'Step "Aftercare" (nazorg) added.\nTransition from "Intake" now leads to "Aftercare" instead of "Done".'
 */
export function summarizeDiff(changes: readonly (PathChange | HouseholdPathChange)[], options: SummaryOptions = {}): string {
  if (!Array.isArray(changes)) throw argumentError('summarizeDiff', 'changes', { en: 'the list diffPaths returned', nl: 'de lijst die diffPaths gaf' }, changes);
  requireContext('summarizeDiff', 'options', options as unknown);
  const lang = (options?.lang ?? 'nl') === 'nl' ? 'nl' : 'en';
  if (changes.length === 0) return lang === 'nl' ? 'Geen wijzigingen.' : 'No changes.';
  const names = new ChangeNames(lang, options ?? {});
  return changes
    .map((change: unknown) => {
      requireRecord('describeChange', 'change', change, { expected: CHANGE });
      return sentence(change as unknown as PathChange | HouseholdPathChange, names);
    })
    .join('\n');
}
