import type { Lang } from '../diagnostics/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';

/** A user-facing CLI failure: printed as one clear message (in the command's `--lang`), never with a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
    /** The same message in Dutch; the English one is shown when it is missing. */
    readonly nl?: string,
  ) {
    super(message);
  }

  /** The message in the given language. */
  text(lang: Lang): string {
    return lang === 'nl' && this.nl !== undefined ? this.nl : this.message;
  }
}
