import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { COMMANDS_NL, dutchHelpGaps, dutchOption, PROGRAM_NL } from '../../src/cli/help-nl.js';
import { buildProgram, runCli } from '../../src/cli/main.js';
import { built, runBuilt } from './built-cli.js';

const quiet: CliContext = { stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: process.cwd() };
const program = buildProgram(quiet, () => undefined);
const commands = program.commands;

/** Runs the CLI in-process; the help it prints, with its wrapping undone. */
async function helpOf(argv: string[]): Promise<string> {
  let out = '';
  const context: CliContext = { ...quiet, stdout: (s) => void (out += s), stderr: (s) => void (out += s) };
  expect(await runCli(argv, context)).toBe(0);
  return out;
}
const unwrapped = (text: string) => text.replace(/\s+/g, ' ');

// neither the environment nor a config file sets the language: the CLI's own default, Dutch, applies
beforeEach(() => void vi.stubEnv('ZORGPADEN_LANG', ''));
afterEach(() => void vi.unstubAllEnvs());

describe('the Dutch help tables', () => {
  it('have a Dutch text for every command, argument and option of the program, and none for what it lacks', () => {
    expect(dutchHelpGaps(program)).toEqual([]);
  });

  it('report a command, argument or option added without Dutch, and Dutch left behind', () => {
    const grown = buildProgram(quiet, () => undefined);
    grown.commands.find((c) => c.name() === 'validate')!.option('--nieuw', 'a new option');
    grown.command('extra').description('a new command').argument('<thing>', 'a new argument');
    expect(dutchHelpGaps(grown)).toEqual(['extra: no Dutch description', 'validate --nieuw: no Dutch text']);

    const shrunk = new Command('zorgpaden');
    shrunk.command('check').option('--lang <lang>', 'language');
    const gaps = dutchHelpGaps(shrunk);
    expect(gaps).toContain('validate: Dutch help of a command the program does not have');
    expect(gaps).toContain('check --json: Dutch text of an option it does not have');
    expect(gaps).toContain('check <files>: Dutch text of an argument it does not have');
  });

  // the Dutch may word things its own way, but must speak of the same options and figures
  const mentions = (text: string) => [...text.matchAll(/(?:^|[\s(])(--?[a-z][a-z-]*)|(\d+)/g)].map((m) => m[1] ?? m[2]).sort();
  it.each(commands.map((c) => [c.name(), c] as const))('%s: every Dutch text names the options and numbers its English one names', (_name, command) => {
    expect(mentions(COMMANDS_NL[command.name()]!.description)).toEqual(mentions(command.description()));
    for (const argument of command.registeredArguments) {
      expect(mentions(COMMANDS_NL[command.name()]!.arguments[argument.name()]!), argument.name()).toEqual(mentions(argument.description));
    }
    for (const option of command.options) expect(mentions(dutchOption(command, option)!), option.flags).toEqual(mentions(option.description));
  });
});

describe('zorgpaden --help', () => {
  it('speaks Dutch by default: usage, description, sections and every command', async () => {
    const help = await helpOf(['--help']);
    expect(help.split('\n')[0]).toBe('Gebruik: zorgpaden [opties] [commando]');
    for (const title of ['Opties:', "Commando's:"]) expect(help).toMatch(new RegExp(`^${title}$`, 'm'));
    const text = unwrapped(help);
    expect(text).toContain(PROGRAM_NL.description);
    for (const command of commands) {
      expect(text).toContain(`${command.name()} [opties]`);
      expect(text).toContain(COMMANDS_NL[command.name()]!.description);
      expect(text).not.toContain(command.description());
    }
    expect(text).toContain(`help [commando] ${COMMANDS_NL['help']!.description}`);
    expect(text).not.toMatch(/Usage|Options|Commands|display help|print the version/);
  });

  it('speaks English with --lang en, or when the language is set to English', async () => {
    const asked = await helpOf(['--help', '--lang', 'en']);
    expect(asked.split('\n')[0]).toBe('Usage: zorgpaden [options] [command]');
    expect(unwrapped(asked)).toContain(program.description());
    vi.stubEnv('ZORGPADEN_LANG', 'en');
    expect(await helpOf(['--help'])).toBe(asked);
    expect((await helpOf(['--help', '--lang=nl'])).split('\n')[0]).toBe('Gebruik: zorgpaden [opties] [commando]');
  });
});

describe('zorgpaden <command> --help', () => {
  it.each(commands.map((c) => [c.name(), c] as const))('%s speaks Dutch by default: every argument and option in Dutch, none in English', async (name, command) => {
    const help = await helpOf([name, '--help']);
    expect(help.split('\n')[0]).toMatch(new RegExp(`^Gebruik: zorgpaden ${name} \\[opties\\]`));
    expect(help).toMatch(/^Opties:$/m);
    if (command.registeredArguments.length > 0) expect(help).toMatch(/^Argumenten:$/m);
    const text = unwrapped(help);
    expect(text).toContain(COMMANDS_NL[name]!.description);
    for (const argument of command.registeredArguments) {
      expect(text).toContain(COMMANDS_NL[name]!.arguments[argument.name()]);
      expect(text).not.toContain(argument.description);
    }
    for (const option of [...command.options, command.createHelp().visibleOptions(command).at(-1)!]) {
      expect(text).toContain(`${option.flags} ${dutchOption(command, option)!}`);
      expect(text).not.toContain(option.description);
    }
    expect(text).not.toMatch(/\(default:|choices:|Usage:|Options:|Arguments:/);
  });

  it.each(commands.map((c) => [c.name(), c] as const))('%s speaks English with --lang en', async (name, command) => {
    const text = unwrapped(await helpOf([name, '--help', '--lang', 'en']));
    expect(text.startsWith(`Usage: zorgpaden ${name} [options]`)).toBe(true);
    for (const option of command.options) expect(text).toContain(option.description);
    expect(text).not.toContain(COMMANDS_NL[name]!.description);
  });

  it('words choices and defaults in Dutch, and shows the default language that applies', async () => {
    const text = unwrapped(await helpOf(['validate', '--help']));
    expect(text).toContain('-f, --format <format> uitvoerformaat (keuzes: "text", "json", "sarif"; standaard: "text")');
    // a repeatable option starts empty: no default to show
    expect(text).toContain('-r, --rule <code=setting> zet een regel op off, warn of error (herhaalbaar) -c');
    expect(text).toContain('--lang <lang> taal van de meldingen (keuzes: "nl", "en"; standaard: "nl")');
    vi.stubEnv('ZORGPADEN_LANG', 'en');
    const configured = unwrapped(await helpOf(['validate', '--help', '--lang', 'nl']));
    expect(configured).toContain('--lang <lang> taal van de meldingen (keuzes: "nl", "en"; standaard: "en")');
    expect(unwrapped(await helpOf(['help', 'validate']))).toContain('Usage: zorgpaden validate [options]');
  });
});

describe.skipIf(!built)('the built CLI’s help', () => {
  it('is Dutch by default and English with --lang en', () => {
    const nl = runBuilt(['--help']);
    expect(nl.status).toBe(0);
    expect(nl.stdout.split('\n')[0]).toBe('Gebruik: zorgpaden [opties] [commando]');
    expect(unwrapped(nl.stdout)).toContain(COMMANDS_NL['validate']!.description);

    const validate = runBuilt(['validate', '--help']);
    expect(validate.stdout.split('\n')[0]).toBe('Gebruik: zorgpaden validate [opties] <files...>');
    expect(unwrapped(validate.stdout)).toContain('--json hetzelfde als --format json');

    const en = runBuilt(['validate', '--help', '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout.split('\n')[0]).toBe('Usage: zorgpaden validate [options] <files...>');
    expect(unwrapped(en.stdout)).toContain('--json the same as --format json');
    expect(en.stderr).toBe('');
  });
});
