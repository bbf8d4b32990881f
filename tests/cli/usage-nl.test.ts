import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { buildProgram, runCli } from '../../src/cli/main.js';
import { dutchUsageError, suggestionByWords } from '../../src/cli/usage-nl.js';

const quiet: CliContext = { stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: process.cwd() };

async function stderrOf(argv: string[]): Promise<string> {
  let err = '';
  const code = await runCli(argv, { ...quiet, stderr: (s) => void (err += s) });
  expect(code).toBe(EXIT.usage);
  return err;
}

const unknown = (flag: string) => ({ code: 'commander.unknownOption', message: `error: unknown option '${flag}'` });

beforeEach(() => void vi.stubEnv('ZORGPADEN_LANG', ''));
afterEach(() => void vi.unstubAllEnvs());

describe('dutchUsageError', () => {
  it('says one suggestion, or several joined with "of"', () => {
    expect(dutchUsageError({ code: 'commander.unknownOption', message: "error: unknown option '--jsn'\n(Did you mean --json?)" })).toBe("fout: onbekende optie '--jsn'. Bedoelde je --json?");
    expect(dutchUsageError({ code: 'commander.unknownOption', message: "error: unknown option '--x'\n(Did you mean one of --a, --b, --c?)" })).toBe(
      "fout: onbekende optie '--x'. Bedoelde je --a, --b of --c?",
    );
  });

  it('says a missing required option', () => {
    expect(dutchUsageError({ code: 'commander.missingMandatoryOptionValue', message: "error: required option '--targets <file>' not specified" })).toBe(
      "fout: de verplichte optie '--targets <file>' ontbreekt.",
    );
  });
});

describe('suggestionByWords', () => {
  const command = new Command('calibrate').option('--max-evaluations <n>').option('--max-exact-states <n>').option('--seed <n>').option('--json');

  it('offers the options that begin with the same words, most shared words first', () => {
    expect(suggestionByWords(unknown('--max-iterations'), command)).toBe('\n(Did you mean one of --max-evaluations, --max-exact-states?)');
    expect(suggestionByWords(unknown('--max-exact-count'), command)).toBe('\n(Did you mean --max-exact-states?)');
    expect(suggestionByWords(unknown('--json-output=x'), command)).toBe('\n(Did you mean --json?)');
  });

  it('offers nothing for an option that shares no first word, or when Commander already suggested one', () => {
    expect(suggestionByWords(unknown('--iterations-max'), command)).toBe('');
    expect(suggestionByWords(unknown('-x'), command)).toBe('');
    expect(suggestionByWords({ ...unknown('--max-evaluation'), message: "error: unknown option '--max-evaluation'\n(Did you mean --max-evaluations?)" }, command)).toBe('');
    expect(suggestionByWords({ code: 'commander.unknownCommand', message: "error: unknown command 'max-x'" }, command)).toBe('');
  });

  it('finds every option of every command from its first words and a last word gone wrong', () => {
    const program = buildProgram(quiet, () => undefined);
    let checked = 0;
    for (const command of program.commands) {
      for (const option of command.options) {
        const words = option.long!.slice(2).split('-');
        if (words.length < 2) continue;
        const mistyped = `--${[...words.slice(0, -1), 'xqzv'].join('-')}`;
        expect(suggestionByWords(unknown(mistyped), command), `${command.name()} ${mistyped}`).toContain(option.long);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('an unknown option on the command line', () => {
  const argv = ['calibrate', 'pad.json', '--targets', 'doelen.json', '--max-iterations', '2'];

  it('gets a did-you-mean in Dutch by shared first words', async () => {
    expect((await stderrOf(argv)).split('\n')).toEqual([
      "fout: onbekende optie '--max-iterations'. Bedoelde je --max-evaluations of --max-exact-states?",
      'Typ "zorgpaden calibrate --help" voor het gebruik.',
      '',
    ]);
  });

  it('gets the same did-you-mean in English', async () => {
    expect((await stderrOf([...argv, '--lang', 'en'])).split('\n')).toEqual([
      "error: unknown option '--max-iterations'",
      '(Did you mean one of --max-evaluations, --max-exact-states?)',
      'Run "zorgpaden calibrate --help" for the usage.',
      '',
    ]);
  });

  it('keeps Commander’s own suggestion for a close match, once', async () => {
    expect(await stderrOf(['simulate', 'pad.json', '--batch', '3', '--lang', 'en'])).toBe("error: unknown option '--batch'\n(Did you mean --batches?)\nRun \"zorgpaden simulate --help\" for the usage.\n");
    expect((await stderrOf(['--versoin'])).split('\n')[0]).toBe("fout: onbekende optie '--versoin'. Bedoelde je --version?");
  });

  it('is said in the language asked anywhere on the line, also before Commander reached that --lang', async () => {
    expect(await stderrOf(['--bogus', '--lang', 'en'])).toBe("error: unknown option '--bogus'\nRun \"zorgpaden --help\" for the usage.\n");
    expect(await stderrOf(['validate', '--nope', '--lang=en', 'pad.json'])).toBe("error: unknown option '--nope'\nRun \"zorgpaden validate --help\" for the usage.\n");
    expect((await stderrOf(['validate', '--nope', 'pad.json'])).split('\n')[0]).toBe("fout: onbekende optie '--nope'.");
  });

  it('says a missing required option in Dutch', async () => {
    expect((await stderrOf(['calibrate', 'pad.json'])).split('\n')[0]).toBe("fout: de verplichte optie '--targets <file>' ontbreekt.");
  });
});
