import type { Lang } from '../diagnostics/index.js';
import { labelText, type Label } from '../model/label.js';

/**
 * Where a summary finds the words for its keys: a care path or household path fits as it is (its
 * steps and risks carry labels). Without it, or for a key it does not label, the key is shown.
 */
export interface SummaryNames {
  steps?: Readonly<Record<string, { label: Label }>>;
  risks?: Readonly<Record<string, { label: Label }>>;
}

/** The label of a key in the summary's language, or the key itself. */
export function nameOf(names: SummaryNames | undefined, kind: 'steps' | 'risks', key: string, lang: Lang): string {
  const entries = names?.[kind];
  return entries !== undefined && Object.hasOwn(entries, key) ? labelText(entries[key]!.label, lang) : key;
}
