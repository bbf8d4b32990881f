import type { Lang } from '../../diagnostics/index.js';
import type { CarePath, Condition, Menukaart, Population } from '../../model/index.js';
import { simulateSubgroups, type SubgroupResult, type SubgroupShare } from '../../simulate/subgroups.js';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

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

/** Runs the subgroups of `--by` (the first group is the reference); a usage error when the population lacks what they need. */
export function runSubgroups(by: string, path: CarePath, options: { population: Population; menukaart?: Menukaart; cohort: number; seed: number; minimumSize: number }): SubgroupResult {
  const set = Object.hasOwn(SUBGROUP_SETS, by) ? SUBGROUP_SETS[by] : undefined;
  if (!set) {
    const known = Object.keys(SUBGROUP_SETS).join(', ');
    throw new CliError(`--by must be one of ${known}, not "${by}".`, EXIT.usage, `--by moet een van ${known} zijn, niet "${by}".`);
  }
  const groups = set.groups(options.population);
  if (!groups) {
    throw new CliError(`--by ${by} needs ${set.needs.en}, which the population does not have.`, EXIT.usage, `--by ${by} heeft ${set.needs.nl} nodig, die de populatie niet heeft.`);
  }
  return simulateSubgroups(path, { ...options, groups });
}

const pct = (n: number | null, lang: Lang) => (n === null ? '–' : `${(n * 100).toFixed(1)}%`.replace('.', lang === 'nl' ? ',' : '.'));
const points = (n: number, lang: Lang) => `${n >= 0 ? '+' : '−'}${Math.abs(n * 100).toFixed(1)}`.replace('.', lang === 'nl' ? ',' : '.');
const times = (n: number, lang: Lang) => n.toFixed(2).replace('.', lang === 'nl' ? ',' : '.');

/** The subgroup figures as text. */
export function subgroupReport(r: SubgroupResult, lang: Lang): string {
  const en = lang === 'en';
  const lines = [
    en
      ? `Subgroups (reference ${r.reference}; differences in points and ratios with 95% intervals; groups under ${r.minimumSize} clients are not reported):`
      : `Subgroepen (referentie ${r.reference}; verschillen in procentpunten en verhoudingen met 95%-intervallen; groepen onder ${r.minimumSize} cliënten worden niet gemeld):`,
  ];
  const share = (name: string, s: SubgroupShare) => {
    let text = `    ${name}: ${pct(s.share, lang)} (${s.count}/${s.n})`;
    if (s.difference) text += `, ${points(s.difference.value, lang)} [${points(s.difference.interval[0], lang)}, ${points(s.difference.interval[1], lang)}]`;
    if (s.ratio) text += `, ×${times(s.ratio.value, lang)} [${times(s.ratio.interval[0], lang)}, ${times(s.ratio.interval[1], lang)}]`;
    return text;
  };
  for (const [name, g] of Object.entries(r.groups)) {
    if (g.refused) {
      lines.push(en ? `  ${name}: ${g.size} clients, fewer than ${g.minimum}: not reported` : `  ${name}: ${g.size} cliënten, minder dan ${g.minimum}: niet gemeld`);
      continue;
    }
    lines.push(`  ${name} (${g.size}):`);
    lines.push(share(en ? 'reach (clients with a risk who got support for one)' : 'bereik (cliënten met een risico die er steun voor kregen)', g.reach));
    lines.push(share(en ? 'unmet need (a risk never supported)' : 'onvervulde behoefte (een risico nooit ondersteund)', g.unmetNeed));
    lines.push(share(en ? 'missed signals (signalled, no support after)' : 'gemiste signalen (gesignaleerd, daarna geen steun)', g.missedSignals));
    const t = g.timeToSupport;
    lines.push(t.median === null ? (en ? '    time to support: none' : '    tijd tot steun: geen') : en ? `    time to support: median ${t.median} days, p90 ${t.p90} days (${t.n})` : `    tijd tot steun: mediaan ${t.median} dagen, p90 ${t.p90} dagen (${t.n})`);
  }
  return lines.join('\n') + '\n';
}
