export { CliError } from './errors.js';
export { writeOutputFile, removeUnfinishedOutput, TEMPORARY_FILE_PATTERN } from './output-file.js';

/** Where a command writes: injected so tests can run commands in-process. */
export interface CliContext {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  interactive: boolean;
  /** True when stdout is a terminal: a command whose output is a whole file then asks for -o. */
  stdoutIsTerminal?: boolean;
  cwd: string;
}

/** The real process streams. */
export function processContext(): CliContext {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}
