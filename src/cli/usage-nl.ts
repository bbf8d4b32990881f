import type { CommanderError } from 'commander';

/**
 * The Dutch version of a Commander usage error, built from its code and the names quoted in its
 * English message (Commander itself speaks only English); undefined for codes it does not know.
 */
export function dutchUsageError(error: CommanderError): string | undefined {
  const quoted = [...error.message.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  const also = suggestion !== undefined ? ` Bedoelde je ${suggestion}?` : '';
  switch (error.code) {
    case 'commander.unknownCommand':
      return `fout: onbekend commando '${quoted[0]}'.${also}`;
    case 'commander.unknownOption':
      return `fout: onbekende optie '${quoted[0]}'.${also}`;
    case 'commander.missingArgument':
      return `fout: het argument '${quoted[0]}' ontbreekt.`;
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

/** The line after a usage error that points at the help, in the command's language. */
export function helpPointer(commandName: string | undefined, lang: 'en' | 'nl'): string {
  const command = `zorgpaden ${commandName !== undefined ? `${commandName} ` : ''}--help`;
  return lang === 'nl' ? `Typ "${command}" voor het gebruik.\n` : `Run "${command}" for the usage.\n`;
}
