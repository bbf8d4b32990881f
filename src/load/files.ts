import { basename } from 'node:path';
import { createDiagnostic, LOAD_CODES, type Diagnostic } from '../diagnostics/index.js';
import { readBounded, readBoundedSync, type BoundedReply } from './bounded-read.js';
import { SAFETY_CODES } from './codes.js';
import { hasDocumentExtension, staysInside, staysInsideAsync } from './root.js';

/** A request for a file's text, as the loaders yield it: the absolute path and the name to show. */
export interface ReadRequest {
  absolute: string;
  display: string;
  maxBytes: number;
  /** For a file a document names: the folder it must lie in (undefined: anywhere). */
  root?: string;
}

/** The answer to a read request. */
export type ReadReply = BoundedReply | { ok: false; problem: 'outside-root'; root: string } | { ok: false; problem: 'not-a-document' };

/** A loader written as a generator: it yields the files it needs and receives their text. */
export type FileTask<T> = Generator<ReadRequest, T, ReadReply>;

// a file a document names is a document of ours, inside the root; anything else is not even opened
function refusedName(request: ReadRequest): ReadReply | undefined {
  if (request.root === undefined) return undefined;
  if (!hasDocumentExtension(request.absolute)) return { ok: false, problem: 'not-a-document' };
  return undefined;
}

/** Reads a file from disk, at most `maxBytes` of it, whatever `stat` says; only regular files. */
export async function readFileAsync(request: ReadRequest): Promise<ReadReply> {
  const refused = refusedName(request);
  if (refused) return refused;
  if (request.root !== undefined && !(await staysInsideAsync(request.root, request.absolute))) return { ok: false, problem: 'outside-root', root: request.root };
  return readBounded(request.absolute, request.maxBytes);
}

/** The synchronous twin of `readFileAsync`, for includes of text parsed with `parsePath`. */
export function readFileNow(request: ReadRequest): ReadReply {
  const refused = refusedName(request);
  if (refused) return refused;
  if (request.root !== undefined && !staysInside(request.root, request.absolute)) return { ok: false, problem: 'outside-root', root: request.root };
  return readBoundedSync(request.absolute, request.maxBytes);
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
  if (reply.problem === 'outside-root') return createDiagnostic(SAFETY_CODES.outsideRoot, { file: display, root: reply.root }, at);
  if (reply.problem === 'not-a-document') return createDiagnostic(SAFETY_CODES.notADocumentFile, { file: display }, at);
  if (reply.problem === 'too-large') return createDiagnostic(LOAD_CODES.fileTooLarge, { size: reply.size, limit: reply.limit, file: display }, at);
  return createDiagnostic(LOAD_CODES.fileUnreadable, { file: display, reason: reply.reason, reasonNl: reply.reasonNl }, at);
}
