import type { Lang } from '../diagnostics/index.js';
import { householdShare } from './household-intervals.js';
import type { HouseholdSimulationResult, RiskResult } from './household-result.js';
import { nameOf, type SummaryNames } from './summary-names.js';
import { formatShareInterval } from './summary-interval.js';

function whole(n: number, lang: Lang): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
}

function percent(share: number, lang: Lang): string {
  const text = (Math.round(share * 1000) / 10).toFixed(1);
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
}

function decimal(value: number, lang: Lang): string {
  const text = value.toFixed(2);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

const TEXT = {
  en: {
    header: (r: HouseholdSimulationResult, n: string) => `Simulated ${n} households through ${r.meta.coalition ? `coalition ${r.meta.coalition} over ` : ''}${r.meta.pathId} ${r.meta.pathVersion} (population ${r.meta.populationId}, seed ${r.meta.seed}).`,
    outcomes: 'Outcomes (track instances that ended there):',
    risks: 'Risks (share of households, with its 95% interval: Wilson, households are independent):',
    riskLine: (risk: string, present: string, signalled: string, addressed: string) => `  ${risk}: present ${present}, signalled ${signalled}, addressed ${addressed}`,
    failures: (missed: string, noFollowUp: string) => `    missed signal (present, never signalled) ${missed}; signalled without follow-up ${noFollowUp}`,
    wait: (median: number, p90: number, n: string) => `    signal to support: median ${median} days, p90 ${p90} days (${n} ${n === '1' ? 'household' : 'households'})`,
    noWait: '    signal to support: no household went from a signal to support',
    noRisks: '  no household had a risk of this path',
    notShown: (names: string) => `  Not listed, as the path is not about them (the full result has them): ${names}.`,
    handoffs: 'Handoffs per household:',
    transfers: (warm: string, cold: string) => `  transfers of responsibility: ${warm} warm, ${cold} cold`,
    referrals: (made: string, warm: string, cold: string, unmarked: string, accepted: string) => `  referrals made: ${made} (${warm} warm, ${cold} cold, ${unmarked} unmarked), accepted ${accepted}`,
    children: (households: string, children: string, multiple: string) => `Children: ${children} born in ${households} households (${multiple} multiple births).`,
    multipleShare: (share: string) => `  Multiple births: ${share} of the households with a birth.`,
    tooWide: '  * interval too wide to use: simulate a larger cohort',
    stuck: 'Track instances that ended stuck:',
    waiting: 'Track instances still waiting for an event:',
    line: (step: string, n: string) => `  ${step}: ${n}`,
    limit: (n: string) => `${n} track instances were ended at the visit limit (a cycle they did not leave).`,
  },
  nl: {
    header: (r: HouseholdSimulationResult, n: string) => `${n} huishoudens gesimuleerd door ${r.meta.coalition ? `coalitie ${r.meta.coalition} over ` : ''}${r.meta.pathId} ${r.meta.pathVersion} (populatie ${r.meta.populationId}, seed ${r.meta.seed}).`,
    outcomes: 'Uitkomsten (sporen die daar eindigden):',
    risks: 'Risico’s (aandeel van de huishoudens, met het 95%-interval: Wilson, huishoudens zijn onafhankelijk):',
    riskLine: (risk: string, present: string, signalled: string, addressed: string) => `  ${risk}: aanwezig ${present}, gesignaleerd ${signalled}, aangepakt ${addressed}`,
    failures: (missed: string, noFollowUp: string) => `    gemist signaal (aanwezig, nooit gesignaleerd) ${missed}; gesignaleerd zonder vervolg ${noFollowUp}`,
    wait: (median: number, p90: number, n: string) => `    van signaal tot steun: mediaan ${median} dagen, p90 ${p90} dagen (${n} ${n === '1' ? 'huishouden' : 'huishoudens'})`,
    noWait: '    van signaal tot steun: geen huishouden ging van een signaal naar steun',
    noRisks: '  geen huishouden had een risico van dit pad',
    notShown: (names: string) => `  Niet getoond, want het pad gaat er niet over (het volledige resultaat noemt ze wel): ${names}.`,
    handoffs: 'Overdrachten per huishouden:',
    transfers: (warm: string, cold: string) => `  overdrachten van verantwoordelijkheid: ${warm} warm, ${cold} koud`,
    referrals: (made: string, warm: string, cold: string, unmarked: string, accepted: string) => `  verwijzingen gedaan: ${made} (${warm} warm, ${cold} koud, ${unmarked} niet aangegeven), geaccepteerd ${accepted}`,
    children: (households: string, children: string, multiple: string) => `Kinderen: ${children} geboren in ${households} huishoudens (${multiple} meerlingen).`,
    multipleShare: (share: string) => `  Meerlingen: ${share} van de huishoudens met een geboorte.`,
    tooWide: '  * interval te breed om te gebruiken: simuleer een groter cohort',
    stuck: 'Sporen die vastliepen:',
    waiting: 'Sporen die nog op een gebeurtenis wachtten:',
    line: (step: string, n: string) => `  ${step}: ${n}`,
    limit: (n: string) => `${n} sporen zijn gestopt bij de bezoekgrens (een kringloop die ze niet verlieten).`,
  },
} as const;

/** Options of `summarizeHousehold`. */
export interface HouseholdSummaryOptions {
  lang?: Lang;
  /** List only these risks (e.g. the risks the path is about, even when no household had them); every risk some household had when not given or empty. */
  risks?: readonly string[];
  /** The household path simulated: steps and risks are then named by their labels, not their keys. */
  names?: SummaryNames;
}

/** Steps with the most track instances in them, largest first (ties by name). */
function largest(counts: Record<string, number>, top: number): [string, number][] {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
}

/** A share of households with its 95% interval, e.g. "12.3% [11.8%, 12.9%]", marked "*" when the interval is too wide to use. */
function shareWithInterval(count: number, n: number, lang: Lang): { text: string; tooWide: boolean } {
  const f = householdShare(count, n);
  if (!f) return { text: '–', tooWide: false };
  const [low, high] = f.interval;
  return { text: `${percent(f.estimate, lang)} ${formatShareInterval(low, high, lang)}${f.tooWide ? '*' : ''}`, tooWide: f.tooWide };
}

function riskLines(risk: string, r: RiskResult, n: number, lang: Lang, wide: { any: boolean }): string[] {
  const t = TEXT[lang];
  const share = (count: number) => {
    const f = shareWithInterval(count, n, lang);
    if (f.tooWide) wide.any = true;
    return `${f.text} (${whole(count, lang)})`;
  };
  const { median, p90, n: waited } = r.timeToSupport;
  return [
    t.riskLine(risk, share(r.present), share(r.signalled), share(r.addressed)),
    t.failures(share(r.neverSignalled), share(r.signalledNotAddressed)),
    waited > 0 && median !== null && p90 !== null ? t.wait(median, p90, whole(waited, lang)) : t.noWait,
  ];
}

/**
 * A short human summary of a household simulation, in Dutch or English: outcomes per track, per
 * risk present / signalled / addressed with the two ways a family falls through the chain (a
 * missed signal, a signal without follow-up) and the days from signal to support, handoffs and
 * referrals per household, and children born.
 */
export function summarizeHousehold(result: HouseholdSimulationResult, options: HouseholdSummaryOptions = {}): string {
  const lang = options.lang ?? 'nl';
  const t = TEXT[lang];
  const n = result.cohort;
  const lines: string[] = [t.header(result, whole(n, lang)), '', t.outcomes];
  const step = (id: string) => nameOf(options.names, 'steps', id, lang);
  for (const [id, count] of Object.entries(result.outcomes)) lines.push(t.line(step(id), whole(count, lang)));
  const only = options.risks !== undefined && options.risks.length > 0 ? new Set(options.risks) : undefined;
  const risks = Object.entries(result.risks).filter(([risk, r]) => (only === undefined ? r.present > 0 : only.has(risk)));
  lines.push('', t.risks);
  if (risks.length === 0) lines.push(t.noRisks);
  const wide = { any: false };
  for (const [risk, r] of risks.sort((a, b) => b[1].neverSignalled + b[1].signalledNotAddressed - (a[1].neverSignalled + a[1].signalledNotAddressed) || (a[0] < b[0] ? -1 : 1))) {
    lines.push(...riskLines(nameOf(options.names, 'risks', risk, lang), r, n, lang, wide));
  }
  if (wide.any) lines.push(t.tooWide);
  // risks some household had that the list leaves out: named, so the reader knows the JSON has more
  const left = only === undefined ? [] : Object.entries(result.risks).filter(([risk, r]) => !only.has(risk) && r.present > 0);
  if (left.length > 0) lines.push(t.notShown(left.map(([risk]) => nameOf(options.names, 'risks', risk, lang)).join(', ')));
  const { transfers, referrals } = result.handoffs;
  const per = (count: number) => decimal(n === 0 ? 0 : count / n, lang);
  lines.push('', t.handoffs, t.transfers(per(transfers.warm), per(transfers.cold)));
  lines.push(t.referrals(per(referrals.made), per(referrals.warm), per(referrals.cold), per(referrals.unmarked), per(referrals.accepted)));
  lines.push('', t.children(whole(result.births.households, lang), whole(result.births.children, lang), whole(result.births.multiple, lang)));
  if (result.births.households > 0) {
    const multiple = shareWithInterval(result.births.multiple, result.births.households, lang);
    lines.push(t.multipleShare(multiple.text));
    if (multiple.tooWide) lines.push(t.tooWide);
  }
  for (const [title, counts] of [[t.stuck, result.stuck], [t.waiting, result.waiting]] as const) {
    const top = largest(counts, 5);
    if (top.length === 0) continue;
    lines.push('', title);
    for (const [id, count] of top) lines.push(t.line(step(id), whole(count, lang)));
  }
  const limited = Object.values(result.limit).reduce((a, b) => a + b, 0);
  if (limited > 0) lines.push('', t.limit(whole(limited, lang)));
  return lines.join('\n') + '\n';
}
