import { argumentError, isRecord, type Lang } from '../diagnostics/index.js';
import type { SimulationResult } from './result.js';
import { nameOf, type SummaryNames } from './summary-names.js';

function whole(n: number, lang: Lang): string {
  const text = String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
  return text;
}

function percent(share: number, lang: Lang): string {
  const text = (Math.round(share * 1000) / 10).toFixed(1);
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
}

const TEXT = {
  en: {
    header: (r: SimulationResult) => `Simulated ${whole(r.cohort, 'en')} journeys through ${r.meta.coalition ? `coalition ${r.meta.coalition} over ` : ''}${r.meta.pathId} ${r.meta.pathVersion} (population ${r.meta.populationId}, seed ${r.meta.seed}).`,
    outcomes: 'Outcomes:',
    reach: 'Reach of interventions (share of eligible clients):',
    reachLine: (id: string, share: string, reachedEligible: string, eligible: string, reached: string) => `  ${id}: ${share} (${reachedEligible} of ${eligible} eligible; ${reached} clients reached in all)`,
    unmet: 'Unmet need (clients with a risk who never reached support for it):',
    unmetLine: (risk: string, share: string, unmet: string, withRisk: string) => `  ${risk}: ${share} (${unmet} of ${withRisk})`,
    tts: (n: string, median: number, p90: number) => `Time from first risk signal to support: median ${median} days, p90 ${p90} days (${n} clients).`,
    ttsNone: 'No client went from a risk signal to support.',
    dropouts: 'Top drop-out points (journeys that ended stuck):',
    dropoutLine: (step: string, n: string, share: string) => `  ${step}: ${n} (${share})`,
    none: '  none',
    limit: (n: string) => `${n} journeys were ended at the visit limit (a cycle they did not leave).`,
  },
  nl: {
    header: (r: SimulationResult) => `${whole(r.cohort, 'nl')} routes gesimuleerd door ${r.meta.coalition ? `coalitie ${r.meta.coalition} over ` : ''}${r.meta.pathId} ${r.meta.pathVersion} (populatie ${r.meta.populationId}, seed ${r.meta.seed}).`,
    outcomes: 'Uitkomsten:',
    reach: 'Bereik van interventies (aandeel van de cliënten voor wie ze bedoeld zijn):',
    reachLine: (id: string, share: string, reachedEligible: string, eligible: string, reached: string) => `  ${id}: ${share} (${reachedEligible} van ${eligible} in de doelgroep; ${reached} cliënten bereikt in totaal)`,
    unmet: 'Onvervulde behoefte (cliënten met een risico die nooit steun ervoor kregen):',
    unmetLine: (risk: string, share: string, unmet: string, withRisk: string) => `  ${risk}: ${share} (${unmet} van ${withRisk})`,
    tts: (n: string, median: number, p90: number) => `Tijd van eerste risicosignaal tot steun: mediaan ${median} dagen, p90 ${p90} dagen (${n} cliënten).`,
    ttsNone: 'Geen cliënt ging van een risicosignaal naar steun.',
    dropouts: 'Grootste uitvalpunten (routes die vastliepen):',
    dropoutLine: (step: string, n: string, share: string) => `  ${step}: ${n} (${share})`,
    none: '  geen',
    limit: (n: string) => `${n} routes zijn gestopt bij de bezoekgrens (een kringloop die ze niet verlieten).`,
  },
} as const;

/** Options of `summarize`. */
export interface SimulationSummaryOptions {
  lang?: Lang;
  /** How many drop-out points to list (5 when not given). */
  top?: number;
  /** List unmet need only for these risks (e.g. `risksOfPath(path)`); all risks when not given or empty. */
  risks?: readonly string[];
  /** The path simulated (or its labels): steps and risks are then named by their labels, not their keys. */
  names?: SummaryNames;
}

/**
 * A short human summary of a simulation: outcomes, reach, unmet need, time to support and the
 * top drop-out points, in Dutch or English.
 * @example
 * console.log(summarize(simulateSync(path, { cohort: 1000, seed: 1 })));
 */
export function summarize(result: SimulationResult, options: SimulationSummaryOptions = {}): string {
  if (!isRecord(result) || typeof result.cohort !== 'number' || !isRecord(result.outcomes)) {
    throw argumentError('summarize', 'result', { en: 'a simulation result (as returned by simulate)', nl: 'een simulatieresultaat (zoals simulate het geeft)' }, result);
  }
  const lang = options.lang ?? 'nl';
  const top = options.top ?? 5;
  const t = TEXT[lang];
  const n = result.cohort;
  const step = (id: string) => nameOf(options.names, 'steps', id, lang);
  const riskName = (key: string) => nameOf(options.names, 'risks', key, lang);
  const lines: string[] = [t.header(result), '', t.outcomes];
  for (const [id, count] of Object.entries(result.outcomes)) lines.push(`  ${step(id)}: ${whole(count, lang)} (${percent(count / n, lang)})`);
  const interventions = Object.entries(result.interventions);
  if (interventions.length > 0) {
    lines.push('', t.reach);
    for (const [id, r] of interventions) lines.push(t.reachLine(step(id), percent(r.share, lang), whole(r.reachedEligible, lang), whole(r.eligible, lang), whole(r.reached, lang)));
  }
  const only = options.risks !== undefined && options.risks.length > 0 ? new Set(options.risks) : undefined;
  const risks = Object.entries(result.unmetNeed).filter(([risk, u]) => u.withRisk > 0 && (only === undefined || only.has(risk)));
  if (risks.length > 0) {
    lines.push('', t.unmet);
    for (const [risk, u] of risks.sort((a, b) => b[1].share - a[1].share)) lines.push(t.unmetLine(riskName(risk), percent(u.share, lang), whole(u.unmet, lang), whole(u.withRisk, lang)));
  }
  const tts = result.timeToSupport;
  lines.push('', tts.n > 0 && tts.median !== null && tts.p90 !== null ? t.tts(whole(tts.n, lang), tts.median, tts.p90) : t.ttsNone);
  lines.push('', t.dropouts);
  const stuck = Object.entries(result.stuck).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
  if (stuck.length === 0) lines.push(t.none);
  for (const [id, count] of stuck) lines.push(t.dropoutLine(step(id), whole(count, lang), percent(count / n, lang)));
  const limited = Object.values(result.limit).reduce((a, b) => a + b, 0);
  if (limited > 0) lines.push('', t.limit(whole(limited, lang)));
  return lines.join('\n') + '\n';
}
