import { BUGS_URL } from './version.js';

/**
 * The message for an error the CLI did not expect: one line that says it is a bug and where to report
 * it, and the stack trace only when `ZORGPADEN_DEBUG=1` asks for it.
 */
export function internalErrorMessage(error: unknown, debug: boolean): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = BUGS_URL !== undefined ? ` at ${BUGS_URL}` : '';
  let out =
    `zorgpaden: internal error (${what.split('\n')[0]}).\n` +
    `This is a bug in zorgpaden, not a problem in your files: please report it${where} with the command you ran` +
    (debug ? '.\n' : ' and the output of the same command run with ZORGPADEN_DEBUG=1.\n') +
    `Dit is een fout in zorgpaden, niet in je bestanden: meld die${where} met het commando dat je gaf.\n`;
  if (debug && error instanceof Error && error.stack !== undefined) out += `${error.stack}\n`;
  return out;
}
