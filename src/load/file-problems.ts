import { createDiagnostic, LOAD_CODES, type Diagnostic } from '../diagnostics/index.js';
import type { ReadReply } from './files.js';

/** The diagnostic for a file that could not be read. */
export function readFailure(reply: Exclude<ReadReply, { ok: true }>, display: string, base = 'the current directory'): Diagnostic {
  const at = { pointer: '', file: display };
  if (reply.problem === 'not-found') return createDiagnostic(LOAD_CODES.fileNotFound, { file: display, base }, at);
  if (reply.problem === 'too-large') return createDiagnostic(LOAD_CODES.fileTooLarge, { size: reply.size, limit: reply.limit, file: display }, at);
  return createDiagnostic(LOAD_CODES.fileUnreadable, { file: display, reason: reply.reason }, at);
}
