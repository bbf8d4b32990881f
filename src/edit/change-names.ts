import type { Lang } from '../diagnostics/index.js';
import { describeWindow, HOUSEHOLD_OWNER, labelText, type CarePath, type Condition, type HouseholdPath, type Label, type Window } from '../model/index.js';
import { VALUE_WORDS } from './field-words.js';

/** A path a diff was made between: version 1 or a household path. */
export type DiffedPath = CarePath | HouseholdPath;

/** What `describeChange` may use besides the change to write it in the analysts' words. */
export interface ChangeContext {
  /** The path the changes start from: steps, tracks, members, actors and risks are named by their labels. */
  before?: DiffedPath | undefined;
  /** The path the changes lead to; its labels win over those of `before`. */
  after?: DiffedPath | undefined;
  /** Writes a condition (`when`) in words, such as `describeCondition`; without it a condition is shown as JSON. */
  condition?: ((condition: Condition, lang: Lang) => string) | undefined;
}

type Named = Readonly<Record<string, { label?: Label | undefined }>> | undefined;

const isLabel = (value: unknown): value is Label => typeof value === 'object' && value !== null && typeof (value as { nl?: unknown }).nl === 'string';

/** Compact JSON for a value that has no words of its own. */
export function showJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}

// a long text (a description) is shown by its start: the sentence says that it changed
const shorten = (text: string) => (text.length > 100 ? `${text.slice(0, 97)}…` : text);

/** A number as the language writes it: a decimal comma in Dutch. */
export function showNumber(value: number, lang: Lang): string {
  const text = String(Math.round(value * 1e6) / 1e6);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

/** A probability as a percentage with at most one decimal. */
export function showShare(value: number, lang: Lang): string {
  return `${showNumber(Math.round(value * 1000) / 10, lang)}%`;
}

/**
 * Names the things of two paths in one language: by their label, with the id in brackets where
 * another thing of the same kind has the same label, and by their id when neither path has a label
 * for them (or no paths were given).
 */
export class ChangeNames {
  readonly lang: Lang;
  private readonly context: ChangeContext;
  private readonly tables = new Map<string, Map<string, string>>();
  private readonly duplicates = new Map<string, Set<string>>();

  constructor(lang: Lang, context: ChangeContext = {}) {
    this.lang = lang;
    this.context = context;
  }

  step(id: string): string {
    return this.name('steps', id);
  }

  track(id: string): string {
    return this.name('tracks', id);
  }

  actor(id: string): string {
    return this.name('actors', id);
  }

  member(id: string): string {
    if (id === HOUSEHOLD_OWNER && !this.has('members', id)) return this.lang === 'nl' ? 'het hele huishouden' : 'the whole household';
    return this.name('members', id);
  }

  risk(key: string): string {
    return this.name('risks', key);
  }

  /** A step with its label and id both, for a step that comes or goes. */
  stepWithId(id: string, label: Label): string {
    return `"${labelText(label, this.lang)}" (${id})`;
  }

  /** A value of a field, in words where the field says what it is. */
  value(field: string, value: unknown): string {
    const nl = this.lang === 'nl';
    if (value === undefined || value === null) return nl ? 'geen' : 'none';
    if (typeof value === 'boolean') return value ? (nl ? 'ja' : 'yes') : nl ? 'nee' : 'no';
    if (typeof value === 'number') return field === 'accepted' ? showShare(value, this.lang) : showNumber(value, this.lang);
    if (typeof value === 'string') {
      if (field === 'to' || field === 'initial') return this.step(value);
      if (field === 'actor' || field === 'receiver' || field === 'lead') return this.actor(value);
      if (field === 'member') return this.member(value);
      if (field === 'track') return this.track(value);
      if (Object.hasOwn(VALUE_WORDS, value) && (field === 'handoff' || field === 'role' || field === 'phase')) return VALUE_WORDS[value]![this.lang];
      return `"${shorten(value)}"`;
    }
    if (field === 'window') return describeWindow(value as Window, this.lang);
    if (field === 'when' && this.context.condition) return this.context.condition(value as Condition, this.lang);
    if (isLabel(value)) return `"${shorten(labelText(value, this.lang))}"`;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      const word = (v: string) => (field === 'phases' && Object.hasOwn(VALUE_WORDS, v) ? VALUE_WORDS[v]![this.lang] : `"${v}"`);
      const items = field === 'addresses' || field === 'signals' ? value.map((v) => this.risk(v)) : value.map(word);
      return items.length > 0 ? items.join(', ') : nl ? 'geen' : 'none';
    }
    return showJson(value);
  }

  private has(part: string, id: string): boolean {
    return this.table(part).has(id);
  }

  private name(part: string, id: string): string {
    const shown = this.table(part).get(id);
    if (shown === undefined) return `"${id}"`;
    return this.ambiguous(part).has(shown) ? `"${shown}" (${id})` : `"${shown}"`;
  }

  /** The label text of each id of a part (steps, tracks, …) in either path, the later path's first. */
  private table(part: string): Map<string, string> {
    let table = this.tables.get(part);
    if (table) return table;
    table = new Map();
    for (const path of [this.context.after, this.context.before]) {
      const things = (path as unknown as Record<string, Named> | undefined)?.[part];
      if (typeof things !== 'object' || things === null) continue;
      for (const [id, thing] of Object.entries(things)) {
        if (!table.has(id) && typeof thing === 'object' && thing !== null && isLabel(thing.label)) table.set(id, labelText(thing.label, this.lang));
      }
    }
    this.tables.set(part, table);
    return table;
  }

  /** The label texts that more than one id of a part has. */
  private ambiguous(part: string): Set<string> {
    let twice = this.duplicates.get(part);
    if (twice) return twice;
    const seen = new Set<string>();
    twice = new Set();
    for (const text of this.table(part).values()) (seen.has(text) ? twice : seen).add(text);
    this.duplicates.set(part, twice);
    return twice;
  }
}
