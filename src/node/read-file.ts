import { hasDocumentExtension } from '../load/root.js';
import type { FileReader, ReadReply, ReadRequest } from '../load/files.js';
import { readBounded, readBoundedSync } from './bounded-read.js';
import { staysInside, staysInsideAsync } from './root.js';

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

/** The reader of `zorgpaden/node`: files from disk, read with a limit, named files only inside their root. */
export const DISK: FileReader = { now: readFileNow, later: readFileAsync };
