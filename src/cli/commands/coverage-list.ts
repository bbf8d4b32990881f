import type { Lang } from '../../diagnostics/index.js';
import { formatWhole } from '../../render/format.js';

/** How many missed steps, transitions or referrals a coverage report names before it counts the rest. */
export const MISSED_SHOWN = 20;

/**
 * One line of what coverage missed, `Nooit bereikt: a, b, c`: the first {@link MISSED_SHOWN} items
 * and a count of the rest (a path with 20,000 unreachable steps printed them all on one line), or
 * every item with `all` (`--all`; `--json` always has the full list).
 */
export function missedLine(title: string, items: readonly string[], lang: Lang, all = false): string {
  if (items.length === 0) return '';
  if (all || items.length <= MISSED_SHOWN) return `${title}: ${items.join(', ')}\n`;
  const rest = formatWhole(items.length - MISSED_SHOWN, lang);
  const more = lang === 'nl' ? `… en ${rest} meer (alle met --all of --json)` : `… and ${rest} more (all with --all or --json)`;
  return `${title} (${formatWhole(items.length, lang)}): ${items.slice(0, MISSED_SHOWN).join(', ')} ${more}\n`;
}
