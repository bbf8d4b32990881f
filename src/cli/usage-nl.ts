import type { Command, CommanderError } from 'commander';

/**
 * The Dutch version of a Commander usage error, built from its code and the names quoted in its
 * English message (Commander itself speaks only English); undefined for codes it does not know.
 */
export function dutchUsageError(error: Pick<CommanderError, 'code' | 'message'>): string | undefined {
  const quoted = [...error.message.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  const also = suggestion !== undefined ? ` Bedoelde je ${dutchList(suggestion)}?` : '';
  switch (error.code) {
    case 'commander.unknownCommand':
      return `fout: onbekend commando '${quoted[0]}'.${also}`;
    case 'commander.unknownOption':
      return `fout: onbekende optie '${quoted[0]}'.${also}`;
    case 'commander.missingArgument':
      return `fout: het argument '${quoted[0]}' ontbreekt.`;
    case 'commander.missingMandatoryOptionValue':
      return `fout: de verplichte optie '${quoted[0]}' ontbreekt.`;
    case 'commander.optionMissingArgument':
      return `fout: de optie '${quoted[0]}' heeft een waarde nodig.`;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\./.exec(error.message)?.[1];
      return `fout: '${quoted[1]}' is geen geldige waarde voor de optie '${quoted[0]}'${choices !== undefined ? `; kies uit ${choices}` : ''}.`;
    }
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(error.message);
      return `fout: te veel argumenten voor '${quoted[0]}'${counts ? `: ${counts[1]} verwacht, ${counts[2]} gekregen` : ''}.`;
    }
    default:
      return undefined;
  }
}

/** Commander's "one of --a, --b, --c" as "--a, --b of --c"; a single name as it is. */
function dutchList(suggestion: string): string {
  if (!suggestion.startsWith('one of ')) return suggestion;
  const names = suggestion.slice('one of '.length).split(', ');
  return `${names.slice(0, -1).join(', ')} of ${names.at(-1)!}`;
}

/** The line after a usage error that points at the help, in the command's language. */
export function helpPointer(commandName: string | undefined, lang: 'en' | 'nl'): string {
  const command = `zorgpaden ${commandName !== undefined ? `${commandName} ` : ''}--help`;
  return lang === 'nl' ? `Typ "${command}" voor het gebruik.\n` : `Run "${command}" for the usage.\n`;
}

/**
 * For an unknown long option that Commander found no close match for, the options of `command` that
 * begin with the same words (`--max-iterations` → `--max-evaluations`, `--max-exact-states`), as
 * Commander words its own suggestion ("\n(Did you mean …?)"); an empty string when there are none.
 */
export function suggestionByWords(error: Pick<CommanderError, 'code' | 'message'>, command: Command): string {
  if (error.code !== 'commander.unknownOption' || error.message.includes('(Did you mean')) return '';
  const flag = /'(--[^'=]+)/.exec(error.message)?.[1];
  if (flag === undefined) return '';
  const words = flag.slice(2).split('-');
  const candidates = command
    .createHelp()
    .visibleOptions(command)
    .flatMap((option) => (option.long !== undefined ? [option.long] : []));
  // the number of leading words a candidate shares with the unknown flag
  const shared = (long: string) => {
    const theirs = long.slice(2).split('-');
    let n = 0;
    while (n < words.length && n < theirs.length && words[n] === theirs[n]) n++;
    return n;
  };
  const best = Math.max(0, ...candidates.map(shared));
  const similar = best === 0 ? [] : candidates.filter((long) => shared(long) === best).sort();
  // many options with the same first word say little about which one was meant
  if (similar.length === 0 || similar.length > 3) return '';
  return similar.length === 1 ? `\n(Did you mean ${similar[0]}?)` : `\n(Did you mean one of ${similar.join(', ')}?)`;
}
