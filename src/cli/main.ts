import { Command, CommanderError } from 'commander';
import { isZorgpadenError, type Lang } from '../diagnostics/index.js';
import { printable, printableLines } from '../diagnostics/printable.js';
import { COMMANDS } from './commands/index.js';
import { CliError, processContext, type CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { askedLang, speakHelpIn } from './help-nl.js';
import { internalErrorMessage } from './internal-error.js';
import { libraryErrorText } from './library-errors.js';
import { applyConfiguredLang, configuredLang, DEFAULT_LANG } from './lang.js';
import { exitCleanlyOnSignals, removeUnfinishedOutput } from './output-file.js';
import { dutchUsageError, helpPointer, suggestionByWords } from './usage-nl.js';
import { VERSION } from './version.js';

/**
 * Builds the `zorgpaden` program; each command's action resolves to its exit code. Commander's own
 * (English) usage errors go to `outputError` when given, so that the caller can say them in Dutch.
 */
export function buildProgram(context: CliContext, setExitCode: (code: number) => void, outputError?: (message: string) => void): Command {
  const program = new Command('zorgpaden')
    .description('Care paths and client journeys of Kansrijke Start: validate, simulate, cover and draw them.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => context.stdout(s), writeErr: (s) => context.stderr(s), ...(outputError ? { outputError } : {}) })
    .exitOverride();
  for (const command of COMMANDS) command.register(program, context, setExitCode);
  return program;
}

/** Commander codes after which the help or version is already on screen, so no pointer to it is added. */
const SHOWN_HELP = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/** Runs the CLI with the given arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], context: CliContext = processContext()): Promise<number> {
  let exitCode: number = EXIT.ok;
  // commander's usage error, printed once the language is known
  let usageError = '';
  const program = buildProgram(
    context,
    (code) => {
      exitCode = Math.max(exitCode, code);
    },
    (message) => void (usageError += message),
  );
  // remembered so a usage error can point at the help of the command it came from
  let commandName: string | undefined;
  program.hook('preSubcommand', (_program, subcommand) => {
    commandName = subcommand.name();
  });
  program.hook('preAction', (_program, action) => refuseEmptyFileNames(action));
  // the language a command speaks, in its help and its usage errors: its own --lang, else a --lang
  // anywhere on the line (Commander stops reading options at an unknown one; the program has none),
  // else the command's default, which is the configured language or the default
  let fallback: Lang = DEFAULT_LANG;
  const langOf = (command: Command | undefined): Lang => {
    const own: unknown = command?.opts()['lang'];
    if (command?.getOptionValueSource('lang') === 'cli' && (own === 'nl' || own === 'en')) return own;
    return askedLang(argv) ?? (own === 'nl' || own === 'en' ? own : fallback);
  };
  const lang = (): Lang => langOf(program.commands.find((c) => c.name() === commandName));
  speakHelpIn(program, langOf);
  try {
    const configured = settingUnlessOverruled(argv, context.cwd);
    if (configured !== undefined) fallback = configured;
    applyConfiguredLang(program, configured);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit with 0; every other parse problem is a usage error
      if (error.exitCode === 0) return EXIT.ok;
      if (!SHOWN_HELP.has(error.code)) {
        // an option mistyped past Commander's reach of suggestion may still share its first words with one
        const suggestion = suggestionByWords(error, program.commands.find((c) => c.name() === commandName) ?? program);
        const nl = lang() === 'nl' ? dutchUsageError({ code: error.code, message: `${error.message}${suggestion}` }) : undefined;
        context.stderr(nl !== undefined ? `${nl}\n` : usageError.replace(/\n?$/, `${suggestion}\n`));
        context.stderr(helpPointer(commandName, nl !== undefined ? 'nl' : 'en'));
      }
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      context.stderr(`zorgpaden: ${printable(error.text(lang()))}\n`);
      return error.exitCode;
    }
    // content problems come back as diagnostics; a thrown library error means the command could not run
    if (isZorgpadenError(error)) {
      context.stderr(`zorgpaden: ${printableLines(libraryErrorText(error, lang()))}\n`);
      return EXIT.usage;
    }
    context.stderr(internalErrorMessage(error, process.env['ZORGPADEN_DEBUG'] === '1'));
    return EXIT.usage;
  }
}

/** Every argument of every command is a file name, as is every option value named `<file>`: none may be empty. */
function refuseEmptyFileNames(command: Command): void {
  const empty = (value: unknown) => (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && v.trim() === '');
  const names = [
    ...command.registeredArguments.filter((argument, i) => empty(command.processedArgs[i])).map((argument) => `<${argument.name()}>`),
    ...command.options.filter((option) => option.flags.includes('<file>') && empty(command.getOptionValue(option.attributeName()))).map((option) => option.long ?? option.flags),
  ];
  if (names.length > 0) {
    throw new CliError(`The file name for ${names[0]} is empty; give the name of a file.`, EXIT.usage, `De bestandsnaam voor ${names[0]} is leeg; geef de naam van een bestand.`);
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:cli|main)\.[cm]?[jt]s$|[\\/]zorgpaden$/.test(process.argv[1]);
if (invokedDirectly) {
  const debug = process.env['ZORGPADEN_DEBUG'] === '1';
  // an error outside runCli's reach (a callback, a stray promise) is still one short message and exit 2
  const crash = (error: unknown) => {
    removeUnfinishedOutput();
    process.stderr.write(internalErrorMessage(error, debug));
    process.exit(EXIT.usage);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // a reader that stops early (`zorgpaden … | head`) closes the pipe: the rest of the output is
  // dropped quietly, and the command still ends with its own exit code (1 when it found problems)
  for (const stream of [process.stdout, process.stderr]) {
    let closed = false;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') closed = true;
      if (!closed) crash(error);
    });
  }
  exitCleanlyOnSignals();
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, crash);
}

/**
 * The configured language; a broken setting is refused, unless the command line does not need it
 * (an explicit --lang, or help and version) — so it can still be asked how to fix it.
 */
function settingUnlessOverruled(argv: readonly string[], cwd: string): Lang | undefined {
  try {
    return configuredLang(cwd);
  } catch (error) {
    if (argv.some((a) => a === '--lang' || a.startsWith('--lang=') || a === '-h' || a === '--help' || a === '-v' || a === '--version' || a === 'help')) return undefined;
    throw error;
  }
}
