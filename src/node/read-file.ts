import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { FileReader, ReadReply, ReadRequest } from '../load/files.js';

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

/** The reader of `zorgpaden/node`: files from disk, size-checked before they are read. */
export const DISK: FileReader = { now: readFileNow, later: readFileAsync };
