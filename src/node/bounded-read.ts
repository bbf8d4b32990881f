import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { BoundedReply } from '../load/files.js';


// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

const REASONS: Record<string, [string, string]> = {
  EACCES: ['permission denied', 'geen toegang'],
  EPERM: ['permission denied', 'geen toegang'],
  ELOOP: ['its symbolic links form a loop', 'de symbolische koppelingen vormen een kringloop'],
  ENAMETOOLONG: ['its name is too long', 'de naam is te lang'],
  EMFILE: ['too many files are open', 'er zijn te veel bestanden open'],
  EISDIR: ['it is a directory, not a file', 'het is een map, geen bestand'],
  EAGAIN: ['it gives no data now (a pipe or a device)', 'het geeft nu geen gegevens (een pijp of een apparaat)'],
  EIO: ['the system could not read it (an input/output error)', 'het systeem kon het niet lezen (een invoer-/uitvoerfout)'],
  ENXIO: ['it is a device that is not there', 'het is een apparaat dat er niet is'],
  ENODEV: ['it is a device that is not there', 'het is een apparaat dat er niet is'],
  EINVAL: ['its name is not a valid file name', 'de naam is geen geldige bestandsnaam'],
  ERR_INVALID_ARG_VALUE: ['its name holds a character no file name may hold', 'de naam bevat een teken dat geen bestandsnaam mag bevatten'],
};

/** The reply for an error thrown while opening or reading. */
export function failureOf(error: unknown): Exclude<BoundedReply, { ok: true }> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'not-found' };
  const known = code !== undefined ? REASONS[code] : undefined;
  if (known) return { ok: false, problem: 'unreadable', reason: known[0], reasonNl: known[1] };
  const reason = code ?? String((error as Error | undefined)?.message ?? error);
  return { ok: false, problem: 'unreadable', reason, reasonNl: reason };
}

/**
 * Why a file of this kind is not read: only regular files are. A device such as /dev/zero never
 * ends, a FIFO waits for a writer, and `stat` gives both the size 0.
 */
function refusal(info: Stats): Exclude<BoundedReply, { ok: true }> | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return { ok: false, problem: 'unreadable', reason: REASONS.EISDIR![0], reasonNl: REASONS.EISDIR![1] };
  if (info.isFIFO()) return { ok: false, problem: 'unreadable', reason: 'it is a pipe (FIFO), not a file', reasonNl: 'het is een pijp (FIFO), geen bestand' };
  if (info.isSocket()) return { ok: false, problem: 'unreadable', reason: 'it is a socket, not a file', reasonNl: 'het is een socket, geen bestand' };
  return { ok: false, problem: 'unreadable', reason: 'it is a device, not a file', reasonNl: 'het is een apparaat, geen bestand' };
}

function tooLarge(read: number, limit: number): BoundedReply {
  return { ok: false, problem: 'too-large', size: read, limit };
}

/**
 * Reads a regular file as UTF-8 text, reading at most `maxBytes + 1` bytes whatever `stat` says
 * (files under /proc say 0 and hold more). Devices, FIFOs, sockets and directories are refused.
 */
export function readBoundedSync(file: string, maxBytes: number): BoundedReply {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return failureOf(error);
  }
  try {
    const info = fstatSync(fd);
    const refused = refusal(info);
    if (refused) return refused;
    // a size `stat` knows to be too large needs no reading at all
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      chunks.push(buffer.subarray(0, n));
      total += n;
      if (total > maxBytes) return tooLarge(total, maxBytes);
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return failureOf(error);
  } finally {
    closeSync(fd);
  }
}

/** The asynchronous twin of `readBoundedSync`. */
export async function readBounded(file: string, maxBytes: number): Promise<BoundedReply> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    return failureOf(error);
  }
  try {
    const info = await handle.stat();
    const refused = refusal(info);
    if (refused) return refused;
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return tooLarge(total, maxBytes);
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return failureOf(error);
  } finally {
    await handle.close();
  }
}
