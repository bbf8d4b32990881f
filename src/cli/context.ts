import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EXIT, type ExitCode } from './exit-codes.js';

/** Where a command writes: injected so tests can run commands in-process. */
export interface CliContext {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  interactive: boolean;
  cwd: string;
}

/** The real process streams. */
export function processContext(): CliContext {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** A user-facing CLI failure: printed as one clear message, never with a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
  }
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

/**
 * Writes an output file atomically: to a temporary file beside it, flushed, then renamed over the
 * target, so an interrupted run never leaves a half-written file. Refuses to overwrite an input.
 */
export function writeOutputFile(target: string, data: string | Uint8Array, inputs: readonly string[] = []): void {
  for (const input of inputs) {
    if (sameFile(input, target)) throw new CliError(`Refusing to write to "${target}": it is one of the input files. Choose another output file with -o.`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot write "${target}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}
