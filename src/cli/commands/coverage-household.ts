import { isAbsolute, resolve } from 'node:path';
import type { Diagnostic, Lang } from '../../diagnostics/index.js';
import { formatShare } from '../../render/format.js';
import type { HouseholdPath } from '../../model/index.js';
import { checkHouseholdRoute } from '../../simulate/coverage/household-route-fit.js';
import { householdCoverage, type CoveragePart, type HouseholdCoverageReport } from '../../simulate/coverage/household-coverage.js';
import { householdTestJourneys } from '../../simulate/coverage/household-test-journeys.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatDiagnostics } from '../../validate/index.js';
import { loadFailed, shownName, type RootFlags } from './flags.js';
import { loadHouseholdFile } from './household-input.js';
import { missedLine } from './coverage-list.js';

/** The flags of `coverage` that a household path uses. */
export interface HouseholdCoverageFlags extends RootFlags {
  coalition?: string;
  strategy: 'shortest' | 'transitions';
  json?: boolean;
  all?: boolean;
  /** The most states the search for test journeys looks through (`maxStates`). */
  maxStates?: number | undefined;
  lang: Lang;
}

const pct = (r: number, lang: Lang) => formatShare(r, lang);
const count = (p: CoveragePart<unknown>) => `${p.covered}/${p.total}`;

function text(path: HouseholdPath, report: HouseholdCoverageReport, lang: Lang, header: string, all: boolean): string {
  const nl = lang === 'nl';
  const line = (label: string, p: CoveragePart<unknown>) => `  ${label.padEnd(12)} ${count(p).padStart(7)}  ${pct(p.ratio, lang).padStart(6)}\n`;
  let out = `${header}\n${line(nl ? 'stappen' : 'steps', report.steps)}${line(nl ? 'overgangen' : 'transitions', report.transitions)}${line(nl ? 'verwijzingen' : 'referrals', report.referrals)}`;
  out += `${nl ? 'Per spoor' : 'Per track'}:\n`;
  const width = Math.max(...Object.keys(report.tracks).map((t) => t.length));
  for (const [id, track] of Object.entries(report.tracks)) {
    const label = path.tracks[id]!.label;
    const name = nl ? label.nl : (label.en ?? label.nl);
    const parts = [`${nl ? 'stappen' : 'steps'} ${count(track.steps)}`, `${nl ? 'overgangen' : 'transitions'} ${count(track.transitions)}`];
    if (track.referrals.total > 0) parts.push(`${nl ? 'verwijzingen' : 'referrals'} ${count(track.referrals)}`);
    out += `  ${id.padEnd(width)}  ${parts.join(', ')}  (${name})\n`;
  }
  out += missedLine(nl ? 'Nooit bereikt' : 'Never reached', report.steps.missed, lang, all);
  out += missedLine(nl ? 'Nooit genomen' : 'Never taken', report.transitions.missed.map((t) => `${t.from}[${t.index}] → ${t.to}`), lang, all);
  out += missedLine(nl ? 'Nooit verwezen' : 'Never referred', report.referrals.missed.map((r) => `${r.from} ⇢ ${r.to}`), lang, all);
  return out;
}

/**
 * `coverage` on a household path: generates household test journeys, checks each against the path
 * as a klantroute, and reports coverage in all and per track. A journey that does not fit means the
 * generator and the route check disagree: that is never hidden.
 */
export async function runHouseholdCoverage(file: string, flags: HouseholdCoverageFlags, min: number | undefined, context: CliContext): Promise<number> {
  const loaded = await loadHouseholdFile(file, flags, context, flags.coalition);
  if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
  const path = loaded.value;
  // the search's bound cut short: said on stderr, and in the JSON, so that a gap in coverage is not taken for a finding
  const warnings: Diagnostic[] = [];
  const shown = shownName(isAbsolute(file) ? file : resolve(context.cwd, file), context.cwd);
  const journeys = householdTestJourneys(path, { strategy: flags.strategy, ...(flags.maxStates !== undefined ? { maxStates: flags.maxStates } : {}), onWarning: (w) => warnings.push({ ...w, file: shown }) });
  const rejected: string[] = [];
  for (const journey of journeys) {
    const fit = checkHouseholdRoute(path, journey, { allowUnfinished: !journey.finished });
    if (!fit.fits) rejected.push(flags.lang === 'nl' ? fit.deviation!.nl : fit.deviation!.message);
  }
  const report = householdCoverage(path, journeys);
  if (flags.json) {
    context.stdout(`${JSON.stringify({ path: { id: path.id, version: path.version }, strategy: flags.strategy, min: min ?? null, coverage: report, testJourneys: journeys, rejected, warnings }, null, 2)}\n`);
  } else {
    const header = flags.lang === 'nl' ? `Dekking van ${path.id} ${path.version} (${journeys.length} testroutes van een huishouden, strategie ${flags.strategy})` : `Coverage of ${path.id} ${path.version} (${journeys.length} household test journeys, strategy ${flags.strategy})`;
    context.stdout(text(path, report, flags.lang, header, flags.all === true));
  }
  if (warnings.length > 0) context.stderr(formatDiagnostics(warnings, 'text', { lang: flags.lang }));
  if (rejected.length > 0) {
    context.stderr(`zorgpaden: ${rejected.length} generated household test journey(s) do not fit the path; please report this.\n${rejected.join('\n')}\n`);
    return EXIT.usage;
  }
  if (min !== undefined && (report.steps.ratio < min || report.transitions.ratio < min)) {
    context.stderr(flags.lang === 'nl' ? `Dekking onder het minimum van ${pct(min, flags.lang)}.\n` : `Coverage is below the minimum of ${pct(min, flags.lang)}.\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
