/** The CLI's exit codes (docs/reference/cli.md). */
export const EXIT = {
  /** Done; no errors found. */
  ok: 0,
  /** Done, and problems were found (errors in a path, a route that does not fit, coverage below a threshold). */
  problems: 1,
  /** The command could not run: wrong arguments, unreadable input, an output file that cannot be written, or an internal error. */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Exit codes when the process is stopped by a signal: 128 + the signal number, as a shell reports a
 * process killed by it. While an output file is being written the CLI catches these signals, removes
 * its unfinished temporary file and exits with the same code.
 */
export const SIGNAL_EXIT = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
} as const;

const UNREADABLE = new Set(['file-not-found', 'file-unreadable', 'file-too-large', 'unknown-format']);

/** True when one of the input files itself could not be read: the command could not run on it (exit 2). */
export function inputUnreadable(diagnostics: readonly { code: string; pointer: string }[]): boolean {
  return diagnostics.some((d) => UNREADABLE.has(d.code) && d.pointer === '');
}
