import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Option } from 'commander';
import { hasErrors, isRecord, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import { HOUSEHOLD_SCHEMA_VERSION, LIMITS } from '../../model/index.js';
import { readSource } from '../../load/read.js';
import { readFileAsync } from '../../node/read-file.js';
import { rootFor } from '../../node/root.js';
import { safeLoadRoute } from '../../node/index.js';
import { checkHouseholdRoute, checkRoute } from '../../simulate/coverage/index.js';
import { validateHouseholdPath } from '../../validate/validate-household.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { findingsText, loadFailed, ALLOW_OUTSIDE_ROOT_HELP, ROOT_HELP, rootOptions, type RootFlags } from './flags.js';
import type { CliCommand } from './index.js';
import { loadScenario } from './scenario.js';
import { loadHouseholdFile } from './household-input.js';
import { DEFAULT_LANG } from '../lang.js';
import { deviationWords } from '../deviation-words.js';

interface RouteFlags extends RootFlags {
  coalition?: string;
  json?: boolean;
  lang: Lang;
  allowUnfinished?: boolean;
}

/** `zorgpaden route <path> <route>`: replays a klantroute through the path; exit 1 when it does not fit. */
export const routeCommand: CliCommand = {
  register(program, context, setExitCode) {
        program
      .command('route')
      .option('--root <folder>', ROOT_HELP)
      .option('--allow-outside-root', ALLOW_OUTSIDE_ROOT_HELP)
      .description('check whether a klantroute (client route) fits a care path, and where it first deviates')
      .argument('<path>', 'care path file (JSON or YAML), a household path (format version 2), or a coalition file (the path it adapts, with it applied)')
      .argument('<route>', 'route file (JSON or YAML)')
      .option('--coalition <file>', 'a coalition file to apply over the path')
      .option('--json', 'print the result as JSON')
      .option('--allow-unfinished', 'accept a route that stops before an outcome')
      .addOption(new Option('--lang <lang>', 'language of the messages').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (pathFile: string, routeFile: string, flags: RouteFlags) => {
        setExitCode(await runRoute(pathFile, routeFile, flags, context));
      });
  },
};

async function runRoute(pathFile: string, routeFile: string, flags: RouteFlags, context: CliContext): Promise<number> {
  const at = (file: string) => (isAbsolute(file) ? file : resolve(context.cwd, file));
  const scenario = await loadScenario(pathFile, { coalition: flags.coalition, roots: rootOptions(flags, pathFile, context.cwd) }, context.cwd);
  if (!scenario.ok && isHouseholdFile(scenario.diagnostics)) return runHouseholdRoute(pathFile, routeFile, flags, context);
  if (!scenario.ok) return loadFailed(scenario.diagnostics, flags, context);
  const path = { value: scenario.value.path };
  const route = await safeLoadRoute(at(routeFile));
  if (!route.ok) return loadFailed(route.diagnostics, flags, context);
  const fit = checkRoute(path.value, route.value, { allowUnfinished: flags.allowUnfinished === true });
  const nl = flags.lang === 'nl';
  const coalitionId = scenario.value.coalition?.document.id;
  const pathName = coalitionId === undefined ? path.value.id : `${path.value.id} (${nl ? 'coalitie' : 'coalition'} ${coalitionId})`;
  if (flags.json) {
    context.stdout(`${JSON.stringify({ path: { id: path.value.id, version: path.value.version, ...(scenario.value.coalition ? { coalition: scenario.value.coalition.document.id } : {}) }, route: { id: route.value.id, version: route.value.version }, ...fit }, null, 2)}\n`);
  } else if (fit.fits) {
    context.stdout(nl ? `Route ${route.value.id} past in ${pathName} (${fit.history.length} stappen).\n` : `Route ${route.value.id} fits ${pathName} (${fit.history.length} steps).\n`);
  } else {
    const d = fit.deviation!;
    const expected = d.expected && d.expected.length > 0 ? `\n  ${nl ? 'verwacht' : 'expected'}: ${d.expected.join(', ')}` : '';
    // the route may name the path, or the coalition applied over it
    const given = [at(pathFile), scenario.value.pathFile, ...(scenario.value.coalition ? [scenario.value.coalition.file] : [])];
    const hint = await otherPathHint(given, path.value.id, at(routeFile), route.value.path, flags, context.cwd, nl);
    context.stdout(
      nl
        ? `Route ${route.value.id} past niet in ${pathName}: bij stap ${d.index + 1} ("${d.step}"): ${deviationWords(d.kind, 'nl')}.\n  ${d.nl}${expected}${hint}\n`
        : `Route ${route.value.id} does not fit ${pathName}: at step ${d.index + 1} ("${d.step}"): ${deviationWords(d.kind, 'en')}.\n  ${d.message}${expected}${hint}\n`,
    );
  }
  return fit.fits ? EXIT.ok : EXIT.problems;
}

/** True when loading as a version 1 document failed only because the file is a household path (format version 2). */
function isHouseholdFile(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'unsupported-schema-version' && d.pointer === '/schemaVersion' && d.params.actual === String(HOUSEHOLD_SCHEMA_VERSION));
}

/** `route` on a household path: validates it, replays the route through its tracks and prints the fit, or the deviation with its place in the route file. */
async function runHouseholdRoute(pathFile: string, routeFile: string, flags: RouteFlags, context: CliContext): Promise<number> {
  const at = (file: string) => (isAbsolute(file) ? file : resolve(context.cwd, file));
  const loaded = await loadHouseholdFile(pathFile, flags, context, flags.coalition);
  if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
  const path = loaded.value;
  const checked = validateHouseholdPath(path);
  if (hasErrors(checked.diagnostics)) return loadFailed(checked.diagnostics.filter((d) => d.severity === 'error'), flags, context);
  const route = await safeLoadRoute(at(routeFile));
  if (!route.ok) return loadFailed(route.diagnostics, flags, context);
  const fit = checkHouseholdRoute(path, route.value, { allowUnfinished: flags.allowUnfinished === true });
  const nl = flags.lang === 'nl';
  // a coalition over the path is named as version 1 routes name it
  const pathName = path.coalition === undefined ? path.id : `${path.id} (${nl ? 'coalitie' : 'coalition'} ${path.coalition.id})`;
  if (flags.json) {
    context.stdout(`${JSON.stringify({ path: { id: path.id, version: path.version, ...(path.coalition ? { coalition: path.coalition.id } : {}) }, route: { id: route.value.id, version: route.value.version }, ...fit }, null, 2)}\n`);
  } else if (fit.fits) {
    const tracks = Object.keys(fit.tracks).length;
    context.stdout(nl ? `Route ${route.value.id} past in ${pathName} (${route.value.steps.length} stappen in ${tracks} sporen).\n` : `Route ${route.value.id} fits ${pathName} (${route.value.steps.length} steps in ${tracks} tracks).\n`);
  } else {
    const d = fit.deviation!;
    const track = d.track === undefined ? '' : nl ? `, spoor ${d.track}` : `, track ${d.track}`;
    const hint = await otherPathHint([at(pathFile)], path.id, at(routeFile), route.value.path, flags, context.cwd, nl);
    context.stdout(nl ? `Route ${route.value.id} past niet in ${pathName}: bij stap ${d.index + 1} ("${d.step}"${track}): ${deviationWords(d.kind, 'nl')}.${hint}\n` : `Route ${route.value.id} does not fit ${pathName}: at step ${d.index + 1} ("${d.step}"${track}): ${deviationWords(d.kind, 'en')}.${hint}\n`);
    context.stdout(findingsText(fit.diagnostics, flags.lang, context.cwd, [at(routeFile)]));
  }
  return fit.fits ? EXIT.ok : EXIT.problems;
}

/**
 * A hint line when the route's own `path` field (relative to the route file) names another path than
 * the one given. None when that file is not there (a route copied elsewhere keeps its old `path`) or
 * is the path given under another name (the same id); the file is read only inside the route's root.
 */
async function otherPathHint(given: readonly string[], givenId: string, routeFile: string, routePath: string, flags: RootFlags, cwd: string, nl: boolean): Promise<string> {
  const own = resolve(dirname(routeFile), routePath);
  if (given.some((file) => resolve(file) === own)) return '';
  const named = await documentId(own, rootFor(routeFile, rootOptions(flags, routeFile, cwd), cwd));
  if (named === undefined || named === givenId) return '';
  const shown = relative(cwd, own) || own;
  return nl
    ? `\n  tip: deze route hoort bij ${shown} (het veld "path" van de route); controleer die met "zorgpaden route ${shown} ${relative(cwd, routeFile) || routeFile}".`
    : `\n  hint: this route belongs to ${shown} (the route's "path" field); check it with "zorgpaden route ${shown} ${relative(cwd, routeFile) || routeFile}".`;
}

/** The `id` of the document in `file`, read inside `root`; undefined when it cannot be read or has none. */
async function documentId(file: string, root: string | undefined): Promise<string | undefined> {
  const reply = await readFileAsync({ absolute: file, display: file, maxBytes: LIMITS.maxFileBytes, ...(root !== undefined ? { root } : {}) });
  if (!reply.ok) return undefined;
  const { data } = readSource(reply.text, { filename: file });
  return isRecord(data) && typeof data['id'] === 'string' ? data['id'] : undefined;
}
