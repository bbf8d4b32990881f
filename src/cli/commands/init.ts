import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Option } from 'commander';
import type { Lang } from '../../diagnostics/index.js';
import { labelText, type CarePath, type Intervention } from '../../model/index.js';
import { defaultPopulationFile } from '../shipped-files.js';
import { CliError, writeOutputFile, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFailed, reportWritten } from './flags.js';
import { refuseHouseholdPath } from './household-input.js';
import type { CliCommand } from './index.js';
import { loadScenario } from './scenario.js';
import { DEFAULT_LANG } from '../lang.js';

interface InitFlags {
  path?: string;
  output?: string;
  lang: Lang;
}

/** `zorgpaden init <municipality>`: a starter coalition over a national path, with every role and intervention to fill in. */
export const initCommand: CliCommand = {
  register(program, context, setExitCode) {
    program
      .command('init')
      .description('write a starter coalition (YAML) for a municipality: every role of the path and every menukaart intervention, with comments on what to fill in')
      .argument('<municipality>', 'the municipality (or region), like "Haarlem"')
      .option('--path <file>', 'the path the coalition adapts (default: the shipped national path of the 1000 days)')
      .option('-o, --output <file>', 'the coalition file to write, like coalitie-haarlem.yaml (default: standard output)')
      .addOption(new Option('--lang <lang>', 'language of the comments').choices(['nl', 'en']).default(DEFAULT_LANG))
      .action(async (municipality: string, flags: InitFlags) => {
        setExitCode(await runInit(municipality, flags, context));
      });
  },
};

/** The shipped national path of the whole 1000 days, beside the shipped default population. */
function shippedNationalPath(): string | undefined {
  const population = defaultPopulationFile();
  return population === undefined ? undefined : resolve(dirname(population), '..', 'national', 'eerste-1000-dagen.json');
}

async function runInit(municipality: string, flags: InitFlags, context: CliContext): Promise<number> {
  const name = municipality.trim();
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '' || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new CliError(`Give the municipality as a name, like "Haarlem"; got "${municipality}".`, EXIT.usage, `Geef de gemeente als naam, zoals "Haarlem"; gekregen: "${municipality}".`);
  }
  const pathFile = flags.path ?? shippedNationalPath();
  if (pathFile === undefined) {
    throw new CliError('The shipped national path is missing from this installation; give the path to adapt with --path <file>.', EXIT.usage, 'Het meegeleverde landelijke pad ontbreekt in deze installatie; geef het pad met --path <bestand>.');
  }
  const loaded = await loadScenario(pathFile, {}, context.cwd);
  if (!loaded.ok) {
    refuseHouseholdPath('init', { en: 'a care path of format version 1 to adapt', nl: 'een zorgpad van formaatversie 1 om aan te passen' }, loaded.diagnostics, context.cwd);
    return loadFailed(loaded.diagnostics, { lang: flags.lang }, context);
  }
  if (loaded.value.coalition) {
    throw new CliError(`"${pathFile}" is a coalition; give the path it adapts with --path.`, EXIT.usage, `"${pathFile}" is een coalitie; geef met --path het pad dat ze aanpast.`);
  }
  const target = flags.output !== undefined ? (isAbsolute(flags.output) ? flags.output : resolve(context.cwd, flags.output)) : undefined;
  const folder = target !== undefined ? dirname(target) : context.cwd;
  const interventions = { ...loaded.value.menukaart?.interventions, ...loaded.value.path.interventions };
  const text = starterCoalition({
    municipality: name,
    slug,
    path: loaded.value.path,
    adapts: relative(folder, loaded.value.pathFile),
    schema: schemaReference(loaded.value.pathFile, loaded.value.path, folder),
    interventions,
    lang: flags.lang,
  });
  if (target === undefined) {
    context.stdout(text);
    return EXIT.ok;
  }
  await writeOutputFile(target, text, [resolve(context.cwd, pathFile)]);
  reportWritten({ en: 'Starter coalition', nl: 'Startcoalitie' }, flags.output!, flags.lang, context, {
    en: `${Object.keys(loaded.value.path.actors).length} roles, ${Object.keys(interventions).length} interventions to fill in`,
    nl: `${Object.keys(loaded.value.path.actors).length} rollen, ${Object.keys(interventions).length} interventies in te vullen`,
  });
  return EXIT.ok;
}

/** The coalition JSON Schema beside the path's own `$schema`, relative to the folder written to. */
function schemaReference(pathFile: string, path: CarePath, folder: string): string | undefined {
  if (path.$schema === undefined || /^[a-z][a-z0-9+.-]*:/i.test(path.$schema)) return undefined;
  return relative(folder, resolve(dirname(pathFile), dirname(path.$schema), 'coalition.schema.json'));
}

interface Starter {
  municipality: string;
  slug: string;
  path: CarePath;
  adapts: string;
  schema: string | undefined;
  interventions: Record<string, Intervention>;
  lang: Lang;
}

const q = (text: string) => JSON.stringify(text);

/** The starter coalition as YAML: valid as it stands, with a comment at everything to fill in. */
export function starterCoalition(s: Starter): string {
  const nl = s.lang === 'nl';
  const lines: string[] = [];
  const say = (en: string, dutch: string) => lines.push(`# ${nl ? dutch : en}`);
  say(`Kansrijke Start coalition ${s.municipality}: a starter written by "zorgpaden init".`, `Coalitie Kansrijke Start ${s.municipality}: een begin, geschreven door "zorgpaden init".`);
  say(`It adapts ${s.path.id} ${s.path.version}. Fill in the partners and mark each intervention offered or not,`, `Ze past ${s.path.id} ${s.path.version} aan. Vul de partners in en geef bij elke interventie aan of jullie die bieden,`);
  say('then check it with "zorgpaden validate" and compare it with the national path with "zorgpaden compare".', 'controleer haar dan met "zorgpaden validate" en vergelijk haar met het landelijke pad met "zorgpaden compare".');
  if (s.schema !== undefined) lines.push(`$schema: ${q(s.schema)}`);
  lines.push('schemaVersion: 1', 'kind: coalition', `id: ${q(`coalities/${s.slug}`)}`, 'version: 0.1.0');
  lines.push(`title: { nl: ${q(`Coalitie Kansrijke Start ${s.municipality}`)}, en: ${q(`Kansrijke Start coalition ${s.municipality}`)} }`);
  lines.push(`municipality: ${q(s.municipality)}`, `adapts: ${q(s.adapts)}`, '');
  say('Every role of the path. Fill in the organisation that fills it here, and who receives', 'Elke rol van het pad. Vul de organisatie in die de rol hier invult, en wie overdrachten');
  say('handoffs ("contact"). "source" names where you found it.', 'ontvangt ("contact"). Noem bij "source" waar je het vond.');
  lines.push('partners:');
  for (const [key, actor] of Object.entries(s.path.actors)) {
    lines.push(`  ${key}: # ${labelText(actor.label, s.lang)} (${actor.domain})`);
    lines.push(`    organisation: ${q(nl ? `In te vullen: organisatie voor ${labelText(actor.label, 'nl')}` : `To fill in: organisation for ${labelText(actor.label, 'en')}`)}`);
    lines.push(`    # contact: ${q(nl ? 'het loket of de rol die overdrachten ontvangt' : 'the desk or role that receives handoffs')}`);
  }
  lines.push('');
  say('Every intervention of the menukaart. Keep the line of each one the coalition offers. For one it', 'Elke interventie van de menukaart. Laat de regel staan van elke interventie die de coalitie biedt. Voor een');
  say('does not offer, delete its line here and add it under "replaces".', 'interventie die ze niet biedt: haal de regel hier weg en zet haar onder "replaces".');
  lines.push('offers:');
  for (const [key, entry] of Object.entries(s.interventions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`  - ${key} # ${labelText(entry.label, s.lang)} (${entry.phases.join(', ')})`);
  }
  lines.push('');
  say('For an intervention not offered: the local step families go to instead, or null for none.', 'Voor een interventie die niet geboden wordt: de lokale stap waar gezinnen in plaats daarvan heen gaan, of null voor geen.');
  say('{ step: <local step>, handoff: warm } also marks the transitions to it as a warm handoff.', '{ step: <lokale stap>, handoff: warm } markeert de overgangen erheen ook als warme overdracht.');
  lines.push('replaces: {}');
  lines.push(`  # ${nl ? 'voorbeeld' : 'example'}: stevig-ouderschap: { step: lokale-gezinscoach, handoff: warm }`);
  lines.push('');
  say('Local steps and the transitions into them (see docs/guide/includes-and-coalitions.md).', 'Lokale stappen en de overgangen erheen (zie docs/guide/includes-and-coalitions.md).');
  lines.push('steps: {}', 'transitions: []');
  return `${lines.join('\n')}\n`;
}
