import { Option } from 'commander';
import type { Lang } from '../../diagnostics/index.js';
import { createJourney, toMachine } from '../../machine/index.js';
import { coverage, testPaths, type CoverageReport } from '../../simulate/coverage/index.js';
import { CliError, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFailed, ALLOW_OUTSIDE_ROOT_HELP, ROOT_HELP, rootOptions, wholeNumber, type RootFlags } from './flags.js';
import type { CliCommand } from './index.js';
import { loadScenario } from './scenario.js';
import { isHouseholdFile } from './household-input.js';
import { runHouseholdCoverage } from './coverage-household.js';
import { missedLine } from './coverage-list.js';
import { DEFAULT_LANG } from '../lang.js';
import { formatShare } from '../../render/format.js';

interface CoverageFlags extends RootFlags {
  coalition?: string;
  strategy: 'shortest' | 'transitions';
  json?: boolean;
  all?: boolean;
  min?: string;
  maxStates?: string;
  lang: Lang;
}

// a search through more states than this would run for hours
const MAX_STATES = 1_000_000;

function ratioFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new CliError(
      `--min must be a ratio between 0 and 1 (like 0.9) or a percentage (like 90%), not "${value}".`,
      EXIT.usage,
      `--min moet een verhouding tussen 0 en 1 zijn (zoals 0.9) of een percentage (zoals 90%), niet "${value}".`,
    );
  }
  return n;
}

/** A share as the language writes it: 87,5% in Dutch, 87.5% in English. */
const pct = (r: number, lang: Lang) => formatShare(r, lang);

function text(report: CoverageReport, lang: Lang, header: string, all: boolean): string {
  const nl = lang === 'nl';
  const line = (label: string, part: { covered: number; total: number; ratio: number }) => `  ${label.padEnd(12)} ${`${part.covered}/${part.total}`.padStart(7)}  ${pct(part.ratio, lang).padStart(6)}\n`;
  let out = `${header}\n${line(nl ? 'stappen' : 'steps', report.steps)}${line(nl ? 'overgangen' : 'transitions', report.transitions)}`;
  out += missedLine(nl ? 'Nooit bereikt' : 'Never reached', report.steps.missed, lang, all);
  out += missedLine(nl ? 'Nooit genomen' : 'Never taken', report.transitions.missed.map((t) => `${t.from}[${t.index}] → ${t.to}`), lang, all);
  return out;
}

/** `zorgpaden coverage <path>`: drives generated test paths through the path's machine and prints the coverage. */
export const coverageCommand: CliCommand = {
  register(program, context, setExitCode) {
        program
      .command('coverage')
      .option('--root <folder>', ROOT_HELP)
      .option('--allow-outside-root', ALLOW_OUTSIDE_ROOT_HELP)
      .description('generate test paths, drive them through the path’s XState machine and report step and transition coverage (for a household path: per track, with referrals)')
      .argument('<path>', 'care path file (JSON or YAML), or a coalition file (the path it adapts, with it applied), or a household path (format version 2)')
      .option('--coalition <file>', 'a coalition file to apply over the path')
      .addOption(new Option('--strategy <strategy>', 'shortest: a path to every step; transitions: paths that take every transition').choices(['shortest', 'transitions']).default('transitions'))
      .option('--json', 'print the report and the test paths as JSON')
      .option('--all', 'list every step, transition and referral never covered (the text lists the first 20 and counts the rest)')
      .option('--min <ratio>', 'exit with 1 when step or transition coverage is below this ratio (0–1, or a percentage)')
      .option('--max-states <n>', 'household paths: the most states the search for test journeys looks through (default 1000)')
      .addOption(new Option('--lang <lang>', 'language of the report').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (file: string, flags: CoverageFlags) => {
        setExitCode(await runCoverage(file, flags, context));
      });
  },
};

async function runCoverage(file: string, flags: CoverageFlags, context: CliContext): Promise<number> {
  const min = ratioFlag(flags.min);
  const maxStates = flags.maxStates === undefined ? undefined : wholeNumber('--max-states', flags.maxStates, 1, MAX_STATES);
  const loaded = await loadScenario(file, { coalition: flags.coalition, roots: rootOptions(flags, file, context.cwd) }, context.cwd);
  if (!loaded.ok && isHouseholdFile(loaded.diagnostics)) return runHouseholdCoverage(file, { ...flags, maxStates }, min, context);
  if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
  // test paths of a version 1 path come from its graph, with no search to bound: the flag would do nothing
  if (maxStates !== undefined) throw new CliError('--max-states is for household paths (format version 2) only; leave it out.', EXIT.usage, '--max-states is alleen voor huishoudpaden (formaatversie 2); laat het weg.');
  const { path } = loaded.value;
  const paths = testPaths(path, { strategy: flags.strategy });
  const machine = toMachine(path);
  const rejected: string[] = [];
  const journeys = paths.map((tp) => {
    const journey = createJourney(path, tp.client, { machine });
    for (const event of tp.events) {
      const result = journey.send(event);
      if (!result.accepted) rejected.push(flags.lang === 'nl' ? result.rejected.nl : result.rejected.message);
    }
    return journey;
  });
  const report = coverage(path, journeys);
  if (flags.json) {
    context.stdout(`${JSON.stringify({ path: { id: path.id, version: path.version, ...(loaded.value.coalition ? { coalition: loaded.value.coalition.document.id } : {}) }, strategy: flags.strategy, min: min ?? null, coverage: report, testPaths: paths, rejected }, null, 2)}\n`);
  } else {
    const coalition = loaded.value.coalition ? `, ${flags.lang === 'nl' ? 'coalitie' : 'coalition'} ${loaded.value.coalition.document.id}` : '';
    const header = flags.lang === 'nl' ? `Dekking van ${path.id} ${path.version}${coalition} (${paths.length} testpaden, strategie ${flags.strategy})` : `Coverage of ${path.id} ${path.version}${coalition} (${paths.length} test paths, strategy ${flags.strategy})`;
    context.stdout(text(report, flags.lang, header, flags.all === true));
  }
  // a generated path the machine refuses means test paths and machine disagree: never hide it
  if (rejected.length > 0) {
    context.stderr(`zorgpaden: the machine refused ${rejected.length} event(s) of the generated test paths; please report this.\n${rejected.join('\n')}\n`);
    return EXIT.usage;
  }
  if (min !== undefined && (report.steps.ratio < min || report.transitions.ratio < min)) {
    context.stderr(flags.lang === 'nl' ? `Dekking onder het minimum van ${pct(min, flags.lang)}.\n` : `Coverage is below the minimum of ${pct(min, flags.lang)}.\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
