import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createDiagnostic, LOAD_CODES, type Diagnostic } from '../diagnostics/index.js';

/** A request for a file's text, as the loaders yield it: the absolute path and the name to show. */
export interface ReadRequest {
  absolute: string;
  display: string;
  maxBytes: number;
}

/** The answer to a read request. */
export type ReadReply =
  | { ok: true; text: string }
  | { ok: false; problem: 'not-found' }
  | { ok: false; problem: 'too-large'; size: number; limit: number }
  | { ok: false; problem: 'unreadable'; reason: string; reasonNl: string };

/** A loader written as a generator: it yields the files it needs and receives their text. */
export type FileTask<T> = Generator<ReadRequest, T, ReadReply>;

const DIRECTORY: ReadReply = { ok: false, problem: 'unreadable', reason: 'it is a directory, not a file', reasonNl: 'het is een map, geen bestand' };

const REASONS: Record<string, [string, string]> = {
  EACCES: ['permission denied', 'geen toegang'],
  EPERM: ['permission denied', 'geen toegang'],
  ELOOP: ['its symbolic links form a loop', 'de symbolische koppelingen vormen een kringloop'],
  ENAMETOOLONG: ['its name is too long', 'de naam is te lang'],
  EMFILE: ['too many files are open', 'er zijn te veel bestanden open'],
};

function failure(error: unknown): ReadReply {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'not-found' };
  if (code === 'EISDIR') return DIRECTORY;
  const known = code !== undefined ? REASONS[code] : undefined;
  if (known) return { ok: false, problem: 'unreadable', reason: known[0], reasonNl: known[1] };
  const reason = code ?? String((error as Error).message ?? error);
  return { ok: false, problem: 'unreadable', reason, reasonNl: reason };
}

/** Reads a file from disk; the size is checked with `stat` first, so an oversized file is never read. */
export async function readFileAsync(request: ReadRequest): Promise<ReadReply> {
  try {
    const info = await stat(request.absolute);
    if (info.isDirectory()) return DIRECTORY;
    if (info.size > request.maxBytes) return { ok: false, problem: 'too-large', size: info.size, limit: request.maxBytes };
    return { ok: true, text: await readFile(request.absolute, 'utf8') };
  } catch (error) {
    return failure(error);
  }
}

/** The synchronous twin of `readFileAsync`, for includes of text parsed with `parsePath`. */
export function readFileNow(request: ReadRequest): ReadReply {
  try {
    const info = statSync(request.absolute);
    if (info.isDirectory()) return DIRECTORY;
    if (info.size > request.maxBytes) return { ok: false, problem: 'too-large', size: info.size, limit: request.maxBytes };
    return { ok: true, text: readFileSync(request.absolute, 'utf8') };
  } catch (error) {
    return failure(error);
  }
}

/** Runs a file task, reading files synchronously. */
export function runNow<T>(task: FileTask<T>): T {
  let step = task.next();
  while (!step.done) step = task.next(readFileNow(step.value));
  return step.value;
}

/** Runs a file task, reading files asynchronously. */
export async function runAsync<T>(task: FileTask<T>): Promise<T> {
  let step = task.next();
  while (!step.done) step = task.next(await readFileAsync(step.value));
  return step.value;
}

/** Where a relative file name is resolved from, in the words of a `file-not-found` hint. */
export const RESOLVED_FROM = {
  cwd: { base: 'the current directory', baseNl: 'de huidige map' },
  referrer: { base: 'the file that names it', baseNl: 'het bestand dat het noemt' },
} as const;

// "-" names standard input on many command lines; the loaders read files only
const STDIN_NOT_FOUND = {
  ...LOAD_CODES.fileNotFound,
  message: {
    en: 'File "{{file}}" does not exist, and reading from standard input ("-") is not supported.',
    nl: 'Bestand "{{file}}" bestaat niet, en lezen van standaardinvoer ("-") wordt niet ondersteund.',
  },
  hint: {
    en: 'Give the name of a file; to check text from a pipe, save it to a file first.',
    nl: 'Geef de naam van een bestand; sla tekst uit een pijp eerst op in een bestand.',
  },
};

/** The diagnostic for a file that could not be read. */
export function readFailure(reply: Exclude<ReadReply, { ok: true }>, display: string): Diagnostic {
  const at = { pointer: '', file: display };
  if (reply.problem === 'not-found') return createDiagnostic(basename(display) === '-' ? STDIN_NOT_FOUND : LOAD_CODES.fileNotFound, { file: display, ...RESOLVED_FROM.cwd }, at);
  if (reply.problem === 'too-large') return createDiagnostic(LOAD_CODES.fileTooLarge, { size: reply.size, limit: reply.limit, file: display }, at);
  return createDiagnostic(LOAD_CODES.fileUnreadable, { file: display, reason: reply.reason, reasonNl: reply.reasonNl }, at);
}
