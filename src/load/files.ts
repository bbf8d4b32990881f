import { createDiagnostic, LOAD_CODES, type Diagnostic } from '../diagnostics/index.js';
import { SAFETY_CODES } from './codes.js';
import { basename } from './file-names.js';

/** A request for a file's text, as the loaders yield it: the absolute path and the name to show. */
export interface ReadRequest {
  absolute: string;
  display: string;
  maxBytes: number;
  /** For a file a document names: the folder it must lie in (undefined: anywhere). */
  root?: string;
}

/** The answer to reading a file with a limit on what is read. */
export type BoundedReply =
  | { ok: true; text: string }
  | { ok: false; problem: 'not-found' }
  | { ok: false; problem: 'too-large'; size: number; limit: number }
  | { ok: false; problem: 'unreadable'; reason: string; reasonNl: string; noFileSystem?: true };

/** The answer to a read request: a bounded read, or a refusal of a name outside the root or not a document of ours. */
export type ReadReply = BoundedReply | { ok: false; problem: 'outside-root'; root: string } | { ok: false; problem: 'not-a-document' };

/** A loader written as a generator: it yields the files it needs and receives their text. */
export type FileTask<T> = Generator<ReadRequest, T, ReadReply>;

/** Answers read requests: from disk in `zorgpaden/node`, from nowhere in the browser-safe core. */
export interface FileReader {
  now(request: ReadRequest): ReadReply;
  later(request: ReadRequest): ReadReply | Promise<ReadReply>;
}

const NO_FILES: ReadReply = {
  ok: false,
  problem: 'unreadable',
  reason: 'files cannot be read here',
  reasonNl: 'bestanden kunnen hier niet gelezen worden',
  noFileSystem: true,
};

// where no file can be read (in a browser), "check its permissions with ls -l" means nothing
const NO_FILE_SYSTEM_HINT = {
  en: 'Pass what the document names yourself: a menukaart as the "menukaart" option (parsed with parseDocument), included steps written into the document. In Node, parsePath from "zorgpaden/node" reads the files.',
  nl: 'Geef zelf mee wat het document noemt: een menukaart als optie "menukaart" (gelezen met parseDocument), ingevoegde stappen uitgeschreven in het document. In Node leest parsePath uit "zorgpaden/node" de bestanden.',
};

/** The reader of the core, which runs without a file system: every read fails with a clear reason. */
export const NO_FILE_SYSTEM: FileReader = { now: () => NO_FILES, later: () => NO_FILES };

/** Runs a file task, reading files synchronously. */
export function runNow<T>(task: FileTask<T>, reader: FileReader = NO_FILE_SYSTEM): T {
  let step = task.next();
  while (!step.done) step = task.next(reader.now(step.value));
  return step.value;
}

/** Runs a file task, reading files asynchronously. */
export async function runAsync<T>(task: FileTask<T>, reader: FileReader = NO_FILE_SYSTEM): Promise<T> {
  let step = task.next();
  while (!step.done) step = task.next(await reader.later(step.value));
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
  return createDiagnostic(LOAD_CODES.fileUnreadable, { file: display, reason: reply.reason, reasonNl: reply.reasonNl }, at, reply.noFileSystem ? { hint: NO_FILE_SYSTEM_HINT } : {});
}
