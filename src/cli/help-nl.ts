import { Option, type Argument, type Command, type HelpConfiguration } from 'commander';
import type { Lang } from '../diagnostics/index.js';

/** The Dutch help of one command: its description, and its arguments and options by name. */
export interface DutchCommandHelp {
  description: string;
  /** By argument name (`files` for `<files...>`). */
  arguments: Readonly<Record<string, string>>;
  /** By the option's long flag (`--lang`), or its short flag when it has no long one. */
  options: Readonly<Record<string, string>>;
}

/** The help of the program itself (`zorgpaden --help`). */
export const PROGRAM_NL: DutchCommandHelp = {
  description: 'Zorgpaden en klantroutes van Kansrijke Start: valideren, simuleren, de dekking meten en tekenen.',
  arguments: {},
  options: { '--version': 'toon het versienummer' },
};

/** Options that every command which has them describes alike (the English text comes from one constant). */
export const SHARED_OPTIONS_NL: Readonly<Record<string, string>> = {
  '--help': 'toon de hulp bij een commando',
  '--root':
    'de map waarin de bestanden moeten liggen die een document noemt (includes, menukaart, adapts) (standaard: de huidige map, of voor een bestand elders zijn package of zijn eigen map)',
  '--allow-outside-root': 'lees de bestanden die een document noemt, waar ze ook staan (alleen voor documenten die je vertrouwt)',
};

const COALITION = 'een coalitiebestand om over het pad toe te passen';
const POPULATION = 'populatiebestand (standaard: de meegeleverde standaardpopulatie)';
const SAME_SEED = 'random seed; dezelfde seed geeft hetzelfde resultaat';
const WORKERS = 'worker threads (het resultaat hangt er niet van af)';
const COHORT = 'aantal cliënten (het Nederlandse geboortecohort is ongeveer 170.000 per jaar)';
const OWN_MENUKAART = 'de menukaart voor de doelgroepen van interventies (standaard: het eigen veld "menukaart" van het pad)';
const PATH_OR_COALITION = 'zorgpadbestand (JSON of YAML), of een coalitiebestand (het pad dat het aanpast, met de coalitie toegepast)';

/**
 * The Dutch help of every command, by command name. A test walks the program and fails when a command,
 * argument or option has no Dutch text here, or when an entry here no longer belongs to one.
 */
export const COMMANDS_NL: Readonly<Record<string, DutchCommandHelp>> = {
  check: {
    description: 'lees inhoudsbestanden en controleer hun formaat en verwijzingen (paden met includes, coalities over hun pad)',
    arguments: { files: 'pad-, menukaart-, populatie-, coalitie- of routebestanden (JSON of YAML), of mappen daarmee' },
    options: {
      '--json': 'toon { files: [{ file, ok, diagnostics }] } als JSON',
      '--lang': 'taal van de meldingen',
    },
  },
  validate: {
    description: 'controleer zorgpaden en andere inhoudsbestanden met elke validatieregel (docs/rules)',
    arguments: { files: 'pad-, menukaart-, populatie- of coalitiebestanden (JSON of YAML), of mappen daarmee' },
    options: {
      '--format': 'uitvoerformaat',
      '--json': 'hetzelfde als --format json',
      '--rule': 'zet een regel op off, warn of error (herhaalbaar)',
      '--config': 'een configuratiebestand met { "rules": { … } } (standaard: zorgpaden.config.json als dat er is)',
      '--lang': 'taal van de meldingen',
      '--menukaart': 'de menukaart waarnaar de paden verwijzen (standaard: het eigen veld "menukaart" van het pad)',
      '--population': 'de populatie waarmee de paden gesimuleerd worden, voor unknown-key (standaard: de meegeleverde standaardpopulatie)',
      '--phase-uncovered-days': 'phase-uncovered: de langste periode zonder contact die nog wordt geaccepteerd',
      '--output': 'schrijf het rapport naar een bestand in plaats van naar de standaarduitvoer',
    },
  },
  simulate: {
    description: 'simuleer een cohort cliënten door een zorgpad: bereik, onvervulde behoefte, uitkomsten en uitvalpunten',
    arguments: { path: PATH_OR_COALITION },
    options: {
      '--population': POPULATION,
      '--cohort': COHORT,
      '--seed': SAME_SEED,
      '--coalition': COALITION,
      '--menukaart': OWN_MENUKAART,
      '--overlay': 'afgestemde waarden om over het pad en de populatie toe te passen (zoals calibrate ze schrijft)',
      '--batches': 'schat de Monte-Carlofout van elk cijfer uit zoveel onafhankelijke batches van het cohort (2 tot 1000; draait in één thread)',
      '--by':
        'toon bereik, onvervulde behoefte, gemiste signalen en tijd tot steun ook per subgroep: language, age, first-child, risk-profile of (huishoudpaden) multiples',
      '--min-group': 'met --by: toon geen subgroep met minder cliënten (op een huishoudpad: huishoudens) dan dit',
      '--workers': WORKERS,
      '--json': 'toon het resultaat als JSON',
      '--output': 'schrijf het resultaat als JSON naar een bestand',
      '--csv':
        'schrijf ook elke tabel van het resultaat (uitkomsten, bereik, onvervulde behoefte, uitval, overdrachten, stappen, overgangen) als CSV-bestand in deze map, voor een spreadsheet (een huishoudpad: zijn tabellen per stap, overgang, spoor en risico)',
      '--lang': 'taal van de samenvatting',
    },
  },
  calibrate: {
    description: 'stem de afstelbare parameters van een streefwaardenbestand af, zodat de simulatie de streefwaarden haalt; schrijft een overlay',
    arguments: { path: 'zorgpadbestand (JSON of YAML), of een coalitiebestand (het pad dat het aanpast, met de coalitie toegepast)' },
    options: {
      '--targets': 'streefwaardenbestand ("kind": "targets"): de indicatoren en de parameters die afgesteld mogen worden',
      '--population': POPULATION,
      '--menukaart': OWN_MENUKAART,
      '--coalition': COALITION,
      '--cohort': 'cliëntroutes per evaluatie; elke evaluatie gebruikt dezelfde seed (common random numbers)',
      '--seed': 'random seed; dezelfde seed geeft dezelfde afstemming',
      '--max-evaluations': 'hoogstens zoveel simulaties mag het zoeken draaien (standaard 60 per parameter van het pad of de populatie, minstens 40)',
      '--max-exact-states':
        'hoogstens zoveel toestanden voor de exacte berekening (een Markovketen over cliëntprofielen), daarboven worden streefwaarden in de simulatie geteld; 0 telt elke streefwaarde',
      '--sensitivity': 'toon na het afstemmen welke parameter elke streefwaarde stuurt: een tornado over elk bereik, de andere op hun afgestemde waarden',
      '--sobol': 'met --sensitivity: ook Sobol-indices van de eerste orde en totaal, uit n basissteekproeven (n × (parameters + 2) simulaties)',
      '--tornado': 'met of zonder --sensitivity: schrijf het tornadodiagram van elke streefwaarde als <target>.svg in deze map (gemaakt als die ontbreekt)',
      '--output': 'schrijf de overlay (de afgestemde waarden) naar dit bestand; gebruik het met simulate --overlay',
      '--json': 'toon het hele resultaat van de afstemming als JSON',
      '--lang': 'taal van het verslag',
    },
  },
  coverage: {
    description:
      'maak testpaden, stuur ze door de XState-machine van het pad en meld de dekking van stappen en overgangen (voor een huishoudpad: per spoor, met verwijzingen)',
    arguments: {
      path: 'zorgpadbestand (JSON of YAML), of een coalitiebestand (het pad dat het aanpast, met de coalitie toegepast), of een huishoudpad (formaatversie 2)',
    },
    options: {
      '--coalition': COALITION,
      '--strategy': 'shortest: een pad naar elke stap; transitions: paden die elke overgang nemen',
      '--json': 'toon het verslag en de testpaden als JSON',
      '--all': 'noem elke stap, overgang en verwijzing die nooit gedekt is (de tekst noemt de eerste 20 en telt de rest)',
      '--min': 'eindig met 1 als de dekking van stappen of overgangen onder deze verhouding ligt (0–1, of een percentage)',
      '--max-states': 'huishoudpaden: hoogstens zoveel toestanden doorzoekt het zoeken naar testroutes (standaard 1000)',
      '--lang': 'taal van het verslag',
    },
  },
  route: {
    description: 'controleer of een klantroute bij een zorgpad past, en waar hij er voor het eerst van afwijkt',
    arguments: {
      path: 'zorgpadbestand (JSON of YAML), een huishoudpad (formaatversie 2), of een coalitiebestand (het pad dat het aanpast, met de coalitie toegepast)',
      route: 'routebestand (JSON of YAML)',
    },
    options: {
      '--coalition': COALITION,
      '--json': 'toon het resultaat als JSON',
      '--allow-unfinished': 'accepteer een route die stopt voor een uitkomst',
      '--lang': 'taal van de meldingen',
    },
  },
  render: {
    description: 'teken een zorgpad als Mermaid-diagram (tekst, SVG of een op zichzelf staande HTML-pagina)',
    arguments: {
      path: `${PATH_OR_COALITION}; een huishoudpad (formaatversie 2) tekent één baan of gebied per spoor`,
    },
    options: {
      '--kind': 'soort diagram (sequence en journey hebben --route nodig; een huishoudpad tekent state en flowchart)',
      '--format': 'mmd: Mermaid-tekst; svg en html hebben mermaid, playwright-core en Chromium nodig',
      '--overlay': 'een simulatieresultaat (zorgpaden simulate -o sim.json) om op het diagram te tekenen',
      '--force-overlay': 'teken het resultaat van --overlay ook als het op een ander pad, een andere versie of een andere coalitie gesimuleerd is',
      '--overlay-mode': 'cijfers van de overlay als aantallen of als aandelen',
      '--group-by': 'banen van de flowchart (een huishoudpad heeft één baan per spoor)',
      '--collapse-phase': 'vouw fasen samen tot één knoop elk (met komma’s gescheiden: preconception, pregnancy, postpartum)',
      '--collapse-organisation': 'vouw organisaties samen tot één knoop elk (met komma’s gescheiden)',
      '--edge-labels': 'full: elke pijl schrijft zijn voorwaarde uit (de standaard); short: een nummer per voorwaarde, zoals het rapport ze tekent',
      '--route': 'een klantroutebestand, voor --kind sequence of journey',
      '--coalition': COALITION,
      '--lang': 'taal van de labels',
      '--output': 'schrijf het diagram naar een bestand in plaats van naar de standaarduitvoer',
      '--json': 'toon een JSON-object met de diagramtekst (alleen mmd) en waar het geschreven is',
    },
  },
  report: {
    description: 'schrijf een op zichzelf staand HTML-rapport dat offline werkt: diagrammen, validatiebevindingen en (met --simulate) simulatietabellen',
    arguments: {
      path: `${PATH_OR_COALITION}; een huishoudpad (formaatversie 2) krijgt het huishoudrapport`,
    },
    options: {
      '--coalition': COALITION,
      '--simulate': 'simuleer een cohort en voeg een diagram met overlay en tabellen toe (voor een huishoudpad: de cijfers per spoor en per risico)',
      '--overlay': 'gebruik een bewaard simulatieresultaat (zorgpaden simulate -o sim.json) in plaats van te simuleren',
      '--force-overlay': 'gebruik het resultaat van --overlay ook als het op een ander pad, een andere versie of een andere coalitie gesimuleerd is',
      '--cohort': 'aantal cliënten om te simuleren (als bij simulate: ongeveer het Nederlandse geboortecohort per jaar)',
      '--seed': 'random seed voor de simulatie',
      '--batches':
        'onafhankelijke batches van het cohort voor de 95%-intervallen van de kerncijfers (2 tot 1000; 0: één run zonder intervallen; standaard 20, minder voor een cohort onder 40)',
      '--workers': 'worker threads voor de batches van de simulatie, hoogstens n tegelijk (het resultaat hangt er niet van af)',
      '--population': 'populatiebestand voor de simulatie (standaard: de meegeleverde standaardpopulatie)',
      '--compare':
        'een basisscenario (pad- of coalitiebestand): het rapport toont hoe dit scenario ervan verschilt, gesimuleerd op dezelfde huishoudens, met 95%-intervallen',
      '--targets':
        'met --simulate: een streefwaardenbestand ("kind": "targets"); het rapport zet elke streefwaarde zoals de simulatie die meet naast de gepubliceerde waarde en marge, zoals calibrate ze meet',
      '--tuned': 'afgestemde waarden om over het pad en de populatie toe te passen voor het valideren en simuleren (een overlay zoals calibrate -o die schrijft)',
      '--title': 'de titel van het rapport (standaard: de titel van het pad)',
      '--lang': 'taal van het rapport (standaard: $ZORGPADEN_LANG, "lang" in zorgpaden.config.json, anders nl)',
      '--format':
        'html: het rapport; pdf: het rapport door Chromium op A4 afgedrukt (heeft -o nodig); csv: elke tabel van het rapport, elk in een eigen bestand, in de map -o; risks: de route van elk risico als tekst',
      '--output': 'het bestand om te schrijven (een map voor --format csv; standaard: de standaarduitvoer, als dat geen terminal is)',
      '--json': 'toon een samenvatting in JSON (uitvoerbestand, bevindingen, cohort) in plaats van de HTML; heeft -o nodig',
    },
  },
  diff: {
    description:
      'zeg in zinnen wat er veranderd is tussen twee versies van een pad (een zorgpad of een huishoudpad), of wat een coalitie verandert aan het pad dat ze aanpast (eindigt met 1 als ze verschillen, met 2 als een bestand niet vergeleken kan worden)',
    arguments: {
      before: 'het eerdere pad, of een coalitiebestand (alleen: vergeleken met het pad dat het aanpast)',
      after: 'het latere pad (of een coalitiebestand: zijn aangepaste pad); een pad van formaatversie 1 naast een huishoudpad wordt vergeleken alsof het naar een huishoudpad is omgezet',
    },
    options: {
      '--json': 'toon { before, after, identical, changes } als JSON, elke verandering met haar zin in het Engels en het Nederlands',
      '--lang': 'taal van de zinnen',
    },
  },
  compare: {
    description: 'simuleer scenario’s (paden of coalitiebestanden) op dezelfde cliënten en toon hoe elk verschilt van het eerste, met 95%-intervallen',
    arguments: {
      scenarios:
        'twee tot 8 pad- of coalitiebestanden; het eerste is de basis (staat er een huishoudpad tussen, dan wordt elk scenario als huishoudens vergeleken)',
    },
    options: {
      '--population': POPULATION,
      '--cohort': COHORT,
      '--seed': SAME_SEED,
      '--menukaart': 'de menukaart voor elk scenario (standaard: het eigen veld "menukaart" van elk pad)',
      '--workers': WORKERS,
      '--set':
        'voeg een scenario toe: de basis met dit getal veranderd (een JSON-pointer in het pad, zoals het takgewicht van een screeningsstap, of population:/pointer); herhaal om meer te veranderen in hetzelfde scenario',
      '--all': 'noem ook de cijfers die niet veranderd zijn',
      '--json': 'toon elk verschil met schatting, ondergrens en bovengrens als JSON',
      '--lang': 'taal van de tekst',
    },
  },
  apply: {
    description: 'schrijf het pad dat een coalitie aanpast, met de coalitie toegepast, als één zorgpadbestand (includes uitgeschreven)',
    arguments: { coalition: 'een coalitiebestand (of een padbestand, met --coalition)' },
    options: {
      '--coalition': 'een coalitiebestand om over het gegeven pad toe te passen',
      '--output': 'het padbestand om te schrijven (standaard: de standaarduitvoer)',
      '--lang': 'taal van de meldingen',
    },
  },
  init: {
    description: 'schrijf een startcoalitie (YAML) voor een gemeente: elke rol van het pad en elke interventie van de menukaart, met commentaar over wat je moet invullen',
    arguments: { municipality: 'de gemeente (of regio), zoals "Haarlem"' },
    options: {
      '--path': 'het pad dat de coalitie aanpast (standaard: het meegeleverde landelijke pad van de eerste 1000 dagen)',
      '--output': 'het coalitiebestand om te schrijven, zoals coalitie-haarlem.yaml (standaard: de standaarduitvoer)',
      '--lang': 'taal van het commentaar',
    },
  },
  // Commander's own `help [command]`
  help: { description: 'toon de hulp bij een commando', arguments: {}, options: {} },
};

/** Commander's section titles and usage words, in Dutch. */
const TITLES_NL: Readonly<Record<string, string>> = {
  'Usage:': 'Gebruik:',
  'Arguments:': 'Argumenten:',
  'Options:': 'Opties:',
  'Global Options:': 'Algemene opties:',
  'Commands:': "Commando's:",
};
const USAGE_WORDS_NL: Readonly<Record<string, string>> = { '[options]': '[opties]', '[command]': '[commando]' };

/** The language asked with `--lang nl`, `--lang=en` anywhere on the command line (the last one wins); undefined when none is. */
export function askedLang(argv: readonly string[]): Lang | undefined {
  let asked: Lang | undefined;
  argv.forEach((arg, i) => {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'nl' || value === 'en') asked = value;
  });
  return asked;
}

/** The key an option's Dutch text is found under: its long flag, else its short one. */
export function optionKey(option: Option): string {
  return option.long ?? option.short ?? option.flags;
}

/** The Dutch table of a command: the program's, or a subcommand's by its name. */
function tableOf(command: Command): DutchCommandHelp | undefined {
  return command.parent === null ? PROGRAM_NL : COMMANDS_NL[command.name()];
}

/** The Dutch description of an option of `command`; undefined when it has none (the help then keeps the English). */
export function dutchOption(command: Command, option: Option): string | undefined {
  const key = optionKey(option);
  return tableOf(command)?.options[key] ?? SHARED_OPTIONS_NL[key];
}

function dutchArgument(command: Command, argument: Argument): string | undefined {
  return tableOf(command)?.arguments[argument.name()];
}

/** An option's choices and default, worded in Dutch as Commander words them in English. */
function dutchExtras(option: Option | Argument): string {
  const extras: string[] = [];
  if (option.argChoices) extras.push(`keuzes: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`);
  const value: unknown = option.defaultValue;
  // a repeatable option starts from an empty list, no default worth naming; nor is a switch's
  const isSwitch = option instanceof Option && !option.required && !option.optional;
  const shown = value !== undefined && !isSwitch && !(Array.isArray(value) && value.length === 0);
  if (shown) extras.push(`standaard: ${option.defaultValueDescription ?? JSON.stringify(value)}`);
  return extras.length > 0 ? ` (${extras.join('; ')})` : '';
}

function dutchUsageWords(text: string): string {
  return text.replace(/\[options\]|\[command\]/g, (word) => USAGE_WORDS_NL[word] ?? word);
}

/** The help hooks of one command that speak Dutch whenever `lang(command)` says so, and leave the English alone otherwise. */
function helpHooks(command: Command, lang: (command: Command) => Lang): HelpConfiguration {
  // Commander builds a fresh Help for every help text from the same configuration, so the language is asked each time
  const english = command.createHelp();
  const nl = () => lang(command) === 'nl';
  return {
    styleTitle: (title) => (nl() ? (TITLES_NL[title] ?? title) : title),
    commandUsage: (cmd) => (nl() ? dutchUsageWords(english.commandUsage(cmd)) : english.commandUsage(cmd)),
    subcommandTerm: (sub) => (nl() ? dutchUsageWords(english.subcommandTerm(sub)) : english.subcommandTerm(sub)),
    commandDescription: (cmd) => (nl() ? (tableOf(cmd)?.description ?? english.commandDescription(cmd)) : english.commandDescription(cmd)),
    subcommandDescription: (sub) => (nl() ? (COMMANDS_NL[sub.name()]?.description ?? english.subcommandDescription(sub)) : english.subcommandDescription(sub)),
    optionDescription: (option) => {
      const dutch = nl() ? dutchOption(command, option) : undefined;
      return dutch !== undefined ? `${dutch}${dutchExtras(option)}` : english.optionDescription(option);
    },
    argumentDescription: (argument) => {
      const dutch = nl() ? dutchArgument(command, argument) : undefined;
      return dutch !== undefined ? `${dutch}${dutchExtras(argument)}` : english.argumentDescription(argument);
    },
  };
}

/**
 * Makes the help of the program and of each of its commands speak the language `lang` gives for that
 * command (Dutch from the tables above, Commander's English otherwise). Call it once every command is registered.
 */
export function speakHelpIn(program: Command, lang: (command: Command) => Lang): void {
  for (const command of [program, ...program.commands]) command.configureHelp({ ...command.configureHelp(), ...helpHooks(command, lang) });
}

/**
 * Every command, argument and option of the program that has no Dutch help, and every Dutch entry
 * that no longer belongs to a command, argument or option: one line each, none when all is in order.
 */
export function dutchHelpGaps(program: Command): string[] {
  const gaps: string[] = [];
  const help = program.createHelp();
  // the commands listed in the program's help, Commander's `help` among them
  const listed = help.visibleCommands(program).map((command) => command.name());
  for (const name of listed) if (COMMANDS_NL[name] === undefined) gaps.push(`${name}: no Dutch description`);
  for (const name of Object.keys(COMMANDS_NL)) if (!listed.includes(name)) gaps.push(`${name}: Dutch help of a command the program does not have`);
  for (const command of [program, ...program.commands]) {
    const table = tableOf(command);
    if (table === undefined) continue;
    const name = command === program ? program.name() : command.name();
    const options = help.visibleOptions(command);
    for (const option of options) if (dutchOption(command, option) === undefined) gaps.push(`${name} ${optionKey(option)}: no Dutch text`);
    for (const key of Object.keys(table.options)) if (!options.some((o) => optionKey(o) === key)) gaps.push(`${name} ${key}: Dutch text of an option it does not have`);
    const args = command.registeredArguments;
    for (const argument of args) if (argument.description !== '' && dutchArgument(command, argument) === undefined) gaps.push(`${name} <${argument.name()}>: no Dutch text`);
    for (const key of Object.keys(table.arguments)) if (!args.some((a) => a.name() === key)) gaps.push(`${name} <${key}>: Dutch text of an argument it does not have`);
  }
  return gaps;
}
