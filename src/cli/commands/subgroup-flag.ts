import type { Lang } from '../../diagnostics/index.js';
import { BIRTH_EVENT, emitsOf, type CarePath, type Condition, type HouseholdPath, type Menukaart, type Population } from '../../model/index.js';
import type { HouseholdSimulationResult } from '../../simulate/household-result.js';
import { runHouseholdSubgroups, type HouseholdGroup, type HouseholdSubgroupResult } from '../../simulate/household-subgroups.js';
import { simulateSubgroups, type SubgroupResult, type SubgroupShare } from '../../simulate/subgroups.js';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { formatInterval, formatShareInterval } from '../../simulate/summary-interval.js';

/** Risks of money, housing and literacy: the social domain of a risk profile. */
const SOCIAL_RISKS = ['debts', 'low-ses', 'housing-problem', 'low-literacy'];
/** Risks of mind and relationships: the psychosocial domain of a risk profile. */
const PSYCHOSOCIAL_RISKS = ['stress', 'mental-health-or-lvb', 'addiction', 'domestic-violence', 'relationship-problems', 'parental-childhood-adversity', 'child-maltreatment'];

const anyRisk = (keys: readonly string[]): Condition => ({ any: keys.map((hasRisk) => ({ hasRisk })) });

/**
 * Risk profiles over the clients with at least one risk, as four groups that do not overlap: only
 * other risks (lifestyle, medical; the reference), social risks only, psychosocial risks only, both.
 */
function riskProfiles(population: Population): Record<string, Condition> | undefined {
  const known = Object.keys(population.risks);
  const social = SOCIAL_RISKS.filter((k) => known.includes(k));
  const psychosocial = PSYCHOSOCIAL_RISKS.filter((k) => known.includes(k));
  if (social.length === 0 || psychosocial.length === 0) return undefined;
  return {
    'other-risks-only': { all: [anyRisk(known), { not: anyRisk([...social, ...psychosocial]) }] },
    'social-only': { all: [anyRisk(social), { not: anyRisk(psychosocial) }] },
    'psychosocial-only': { all: [anyRisk(psychosocial), { not: anyRisk(social) }] },
    'social-and-psychosocial': { all: [anyRisk(social), anyRisk(psychosocial)] },
  };
}

const byAttribute = (attribute: string, groups: Record<string, Condition>) => ({
  needs: { en: `the attribute "${attribute}"`, nl: `het attribuut "${attribute}"` },
  groups: (population: Population) => (Object.hasOwn(population.attributes, attribute) ? groups : undefined),
});

/** The subgroups `simulate --by` knows, over the shipped population: the first group is the reference. */
export const SUBGROUP_SETS: Record<string, { needs: { en: string; nl: string }; groups: (population: Population) => Record<string, Condition> | undefined }> = {
  language: byAttribute('speaksDutch', { 'speaks-dutch': { attr: 'speaksDutch', eq: true }, 'other-language': { attr: 'speaksDutch', eq: false } }),
  age: byAttribute('age', { '20-34': { all: [{ attr: 'age', gte: 20 }, { attr: 'age', lt: 35 }] }, 'under-20': { attr: 'age', lt: 20 }, '35-plus': { attr: 'age', gte: 35 } }),
  'first-child': byAttribute('firstPregnancy', { 'not-first': { attr: 'firstPregnancy', eq: false }, first: { attr: 'firstPregnancy', eq: true } }),
  'risk-profile': {
    needs: { en: `social risks (${SOCIAL_RISKS.join(', ')}) and psychosocial risks (${PSYCHOSOCIAL_RISKS.join(', ')})`, nl: `sociale risico’s (${SOCIAL_RISKS.join(', ')}) en psychosociale risico’s (${PSYCHOSOCIAL_RISKS.join(', ')})` },
    groups: riskProfiles,
  },
};

/** The groups of `--by`, a usage error when the set is unknown or the population lacks what it needs. */
function conditionGroups(by: string, population: Population, known: readonly string[]): Record<string, Condition> {
  const set = Object.hasOwn(SUBGROUP_SETS, by) ? SUBGROUP_SETS[by] : undefined;
  if (!set) {
    const list = known.join(', ');
    throw new CliError(`--by must be one of ${list}, not "${by}".`, EXIT.usage, `--by moet een van ${list} zijn, niet "${by}".`);
  }
  const groups = set.groups(population);
  if (!groups) {
    throw new CliError(`--by ${by} needs ${set.needs.en}, which the population does not have.`, EXIT.usage, `--by ${by} heeft ${set.needs.nl} nodig, die de populatie niet heeft.`);
  }
  return groups;
}

/** Runs the subgroups of `--by` (the first group is the reference); a usage error when the population lacks what they need. */
export function runSubgroups(by: string, path: CarePath, options: { population: Population; menukaart?: Menukaart; cohort: number; seed: number; minimumSize: number }): SubgroupResult {
  if (by === 'multiples') throw new CliError('--by multiples needs a household path (format version 2): only households have children.', EXIT.usage, '--by multiples heeft een huishoudpad nodig (formaatversie 2): alleen huishoudens hebben kinderen.');
  return simulateSubgroups(path, { ...options, groups: conditionGroups(by, options.population, Object.keys(SUBGROUP_SETS)) });
}

/** The subgroups `simulate --by` knows for a household path: those of version 1, and multiples (single births the reference). */
export const HOUSEHOLD_SUBGROUP_SETS = [...Object.keys(SUBGROUP_SETS), 'multiples'];

const BIRTH_GROUPS: Record<string, HouseholdGroup> = { single: { birth: 'single' }, multiple: { birth: 'multiple' }, 'no-birth': { birth: 'none' } };

/**
 * Walks the households once for `--by` on a household path: the whole result and the figures per
 * subgroup. Multiples need a birth on the path; households without a birth are a group of their
 * own only when there are any.
 */
export function runHouseholdSubgroupFlag(
  by: string,
  path: HouseholdPath,
  options: { population: Population; menukaart?: Menukaart; cohort: number; seed: number; minimumSize: number; risks: readonly string[] },
): { result: HouseholdSimulationResult; subgroups: HouseholdSubgroupResult } {
  let groups: Record<string, HouseholdGroup>;
  if (by === 'multiples') {
    const births = Object.values(path.steps).some((step) => emitsOf(step).includes(BIRTH_EVENT));
    if (!births) throw new CliError(`--by multiples needs a step that emits "${BIRTH_EVENT}", which the path does not have.`, EXIT.usage, `--by multiples heeft een stap nodig die "${BIRTH_EVENT}" uitzendt, en die heeft het pad niet.`);
    groups = BIRTH_GROUPS;
  } else groups = conditionGroups(by, options.population, HOUSEHOLD_SUBGROUP_SETS);
  // a path that names no risk of its own: every risk of the population, as the summary does
  const { risks, ...rest } = options;
  const ran = runHouseholdSubgroups(path, { ...rest, groups, ...(risks.length > 0 ? { risks } : {}) });
  const noBirth = ran.subgroups.groups['no-birth'];
  if (by === 'multiples' && noBirth?.size === 0) {
    const { 'no-birth': _, ...others } = ran.subgroups.groups;
    return { result: ran.result, subgroups: { ...ran.subgroups, groups: others } };
  }
  return ran;
}

const pct = (n: number | null, lang: Lang) => (n === null ? '–' : `${(n * 100).toFixed(1)}%`.replace('.', lang === 'nl' ? ',' : '.'));
const points = (n: number, lang: Lang) => `${n >= 0 ? '+' : '−'}${Math.abs(n * 100).toFixed(1)}`.replace('.', lang === 'nl' ? ',' : '.');
const times = (n: number, lang: Lang) => n.toFixed(2).replace('.', lang === 'nl' ? ',' : '.');

/** One share of a subgroup with its difference and ratio against the reference, as a line of text. */
function shareLine(name: string, s: SubgroupShare, lang: Lang): string {
  let text = `    ${name}: ${pct(s.share, lang)}${s.interval ? ` ${formatShareInterval(s.interval[0], s.interval[1], lang)}` : ''} (${s.count}/${s.n})`;
  if (s.difference) text += `, ${points(s.difference.value, lang)} ${formatInterval(points(s.difference.interval[0], lang), points(s.difference.interval[1], lang), lang)}`;
  if (s.ratio) text += `, ×${times(s.ratio.value, lang)} ${formatInterval(times(s.ratio.interval[0], lang), times(s.ratio.interval[1], lang), lang)}`;
  return text;
}

/** What the text output calls each group of the `--by` sets (the JSON keeps the keys). */
const GROUP_NAMES: Record<string, { en: string; nl: string }> = {
  'speaks-dutch': { en: 'speaks Dutch', nl: 'spreekt Nederlands' },
  'other-language': { en: 'other language', nl: 'andere taal' },
  '20-34': { en: 'aged 20–34', nl: '20–34 jaar' },
  'under-20': { en: 'under 20', nl: 'jonger dan 20' },
  '35-plus': { en: '35 and over', nl: '35 jaar en ouder' },
  'not-first': { en: 'not the first child', nl: 'niet het eerste kind' },
  first: { en: 'first child', nl: 'eerste kind' },
  'other-risks-only': { en: 'other risks only', nl: 'alleen andere risico’s' },
  'social-only': { en: 'social risks only', nl: 'alleen sociale risico’s' },
  'psychosocial-only': { en: 'psychosocial risks only', nl: 'alleen psychosociale risico’s' },
  'social-and-psychosocial': { en: 'social and psychosocial risks', nl: 'sociale en psychosociale risico’s' },
  single: { en: 'one child born', nl: 'eenling geboren' },
  multiple: { en: 'multiple birth', nl: 'meerling geboren' },
  'no-birth': { en: 'no birth', nl: 'geen geboorte' },
};

/** A group's name in the words of the language, or its key when it has none. */
function groupName(key: string, lang: Lang): string {
  return Object.hasOwn(GROUP_NAMES, key) ? GROUP_NAMES[key]![lang === 'en' ? 'en' : 'nl'] : key;
}

/** The subgroup figures as text. */
export function subgroupReport(r: SubgroupResult, lang: Lang): string {
  const en = lang === 'en';
  const lines = [
    en
      ? `Subgroups (reference ${groupName(r.reference, lang)}; shares with 95% intervals [Wilson], differences in points and ratios with 95% intervals; groups under ${r.minimumSize} clients are not reported):`
      : `Subgroepen (referentie ${groupName(r.reference, lang)}; aandelen met 95%-intervallen [Wilson], verschillen in procentpunten en verhoudingen met 95%-intervallen; groepen onder ${r.minimumSize} cliënten worden niet gemeld):`,
  ];
  const share = (name: string, s: SubgroupShare) => shareLine(name, s, lang);
  for (const [name, g] of Object.entries(r.groups)) {
    if (g.refused) {
      lines.push(en ? `  ${groupName(name, lang)}: ${g.size} clients, fewer than ${g.minimum}: not reported` : `  ${groupName(name, lang)}: ${g.size} cliënten, minder dan ${g.minimum}: niet gemeld`);
      continue;
    }
    lines.push(`  ${groupName(name, lang)} (${g.size}):`);
    lines.push(share(en ? 'reach (clients with a risk who got support for one)' : 'bereik (cliënten met een risico die er steun voor kregen)', g.reach));
    lines.push(share(en ? 'unmet need (a risk never supported)' : 'onvervulde behoefte (een risico nooit ondersteund)', g.unmetNeed));
    lines.push(share(en ? 'missed signals (signalled, no support after)' : 'gemiste signalen (gesignaleerd, daarna geen steun)', g.missedSignals));
    const t = g.timeToSupport;
    lines.push(t.median === null ? (en ? '    time to support: none' : '    tijd tot steun: geen') : en ? `    time to support: median ${t.median} days, p90 ${t.p90} days (${t.n})` : `    tijd tot steun: mediaan ${t.median} dagen, p90 ${t.p90} dagen (${t.n})`);
  }
  return lines.join('\n') + '\n';
}

/** The figures per subgroup of households as text: over any of the risks, then the days from signal to support. */
export function householdSubgroupReport(r: HouseholdSubgroupResult, lang: Lang): string {
  const en = lang === 'en';
  const lines = [
    en
      ? `Subgroups of households (reference ${groupName(r.reference, lang)}; over the households with one of the path's risks; shares with 95% intervals [Wilson], differences in points and ratios with 95% intervals; groups under ${r.minimumSize} households are not reported):`
      : `Subgroepen van huishoudens (referentie ${groupName(r.reference, lang)}; over de huishoudens met een van de risico’s van het pad; aandelen met 95%-intervallen [Wilson], verschillen in procentpunten en verhoudingen met 95%-intervallen; groepen onder ${r.minimumSize} huishoudens worden niet gemeld):`,
  ];
  for (const [name, g] of Object.entries(r.groups)) {
    if (g.refused) {
      lines.push(en ? `  ${groupName(name, lang)}: ${g.size} households, fewer than ${g.minimum}: not reported` : `  ${groupName(name, lang)}: ${g.size} huishoudens, minder dan ${g.minimum}: niet gemeld`);
      continue;
    }
    lines.push(`  ${groupName(name, lang)} (${g.size}):`);
    lines.push(shareLine(en ? 'reach (a risk addressed)' : 'bereik (een risico aangepakt)', g.reach, lang));
    lines.push(shareLine(en ? 'unmet need (a risk never addressed)' : 'onvervulde behoefte (een risico nooit aangepakt)', g.unmetNeed, lang));
    lines.push(shareLine(en ? 'missed signals (a risk never signalled)' : 'gemiste signalen (een risico nooit gesignaleerd)', g.missedSignals, lang));
    lines.push(shareLine(en ? 'signalled without follow-up (of the households with a signal)' : 'gesignaleerd zonder vervolg (van de huishoudens met een signaal)', g.noFollowUp, lang));
    const t = g.timeToSupport;
    lines.push(t.median === null ? (en ? '    signal to support: none' : '    van signaal tot steun: geen') : en ? `    signal to support: median ${t.median} days, p90 ${t.p90} days (${t.n} ${t.n === 1 ? 'risk' : 'risks'})` : `    van signaal tot steun: mediaan ${t.median} dagen, p90 ${t.p90} dagen (${t.n} ${t.n === 1 ? 'risico' : 'risico’s'})`);
  }
  return lines.join('\n') + '\n';
}
