import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, lstatSync, openSync, readSync, realpathSync, rmSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { open, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './errors.js';
import { SIGNAL_EXIT } from './exit-codes.js';

/**
 * The name of the temporary file written beside the target, `.<file name>.<process id>.<8 hex>.zorgpaden-tmp`;
 * only a process killed with SIGKILL (or a power cut) while writing can leave one behind.
 */
export const TEMPORARY_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]{8}\.zorgpaden-tmp$/;

// written in pieces, so a signal can be handled between them instead of after the whole file
const CHUNK_BYTES = 1 << 20;
// temporary files of writes in progress, and whether each is being renamed onto its target
const unfinished = new Map<string, 'writing' | 'renaming'>();
let exitOnSignal = false;

/** Removes the temporary files of writes still in progress; returns how many were removed. */
export function removeUnfinishedOutput(): number {
  let removed = 0;
  for (const file of unfinished.keys()) {
    try {
      rmSync(file, { force: true });
      removed++;
    } catch {
      // the process is ending anyway; a temporary file that cannot be removed is only left behind
    }
  }
  unfinished.clear();
  return removed;
}

/**
 * For the `zorgpaden` process itself: while an output file is being written, SIGINT, SIGTERM and
 * SIGHUP remove the unfinished temporary file and exit with 128 + the signal number.
 */
export function exitCleanlyOnSignals(): void {
  exitOnSignal = true;
}

/**
 * Removes the temporary files of the writes in progress; true when one of them had already been
 * renamed onto its target (the signal came between the rename and its completion callback).
 */
function removeOrFindRenamed(): boolean {
  let renamed = false;
  for (const [file, state] of unfinished) {
    try {
      unlinkSync(file);
    } catch (error) {
      // gone while being renamed: the rename happened, and the target is the whole new file
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && state === 'renaming') renamed = true;
    }
  }
  unfinished.clear();
  return renamed;
}

function onSignal(signal: NodeJS.Signals): void {
  if (removeOrFindRenamed()) {
    // the output is complete: end as the signal would, without claiming the old file was kept
    guardSignals(false);
    process.kill(process.pid, signal);
    return;
  }
  process.stderr.write(
    `zorgpaden: stopped by ${signal} while writing; the unfinished output file was removed and the old one, if any, left as it was.\n` +
      `zorgpaden: gestopt door ${signal} tijdens het schrijven; het onvoltooide uitvoerbestand is verwijderd en het oude, als dat er was, is gebleven.\n`,
  );
  process.exit(SIGNAL_EXIT[signal as keyof typeof SIGNAL_EXIT]);
}

function guardSignals(on: boolean): void {
  if (!exitOnSignal) return;
  for (const signal of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) {
    if (on) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
}

/** True when `target` is `input` under another name: the same spelling, a symlink or a hard link. */
function sameFile(input: string, target: string): boolean {
  if (resolve(input) === resolve(target)) return true;
  try {
    const a = statSync(input);
    const b = statSync(target);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    // the target does not exist yet: compare where it would be with where the input is
    const real = (p: string) => (existsSync(p) ? realpathSync(p) : existsSync(dirname(p)) ? join(realpathSync(dirname(p)), basename(p)) : resolve(p));
    return real(input) === real(target);
  }
}

/**
 * True when `file` starts like a zorgpaden content file (JSON or YAML with a top-level `schemaVersion`).
 * No command writes one, so such a target is most likely a file the command read through an input,
 * like an included path or the path's menukaart.
 */
function isContentFile(file: string): boolean {
  const head = Buffer.alloc(64 * 1024);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    return /^\s*\{[\s\S]*?"schemaVersion"\s*:/.test(text) || /^schemaVersion\s*:/m.test(text);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function statIfAny(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

async function writeInPlace(target: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(target, bytes);
  } catch (error) {
    throw writeProblem(target, error as NodeJS.ErrnoException);
  }
}

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function writeProblem(target: string, error: NodeJS.ErrnoException): CliError {
  const folder = dirname(target);
  const reasons: Record<string, [string, string]> = {
    ENOENT: [`the folder "${folder}" does not exist; create it first or choose another file with -o`, `de map "${folder}" bestaat niet; maak die eerst aan of kies met -o een ander bestand`],
    ENOTDIR: [`a part of "${folder}" is not a folder; choose another file with -o`, `een deel van "${folder}" is geen map; kies met -o een ander bestand`],
    EACCES: [`no permission to write in "${folder}"; choose another folder with -o`, `geen toestemming om te schrijven in "${folder}"; kies met -o een andere map`],
    EPERM: [`no permission to write in "${folder}"; choose another folder with -o`, `geen toestemming om te schrijven in "${folder}"; kies met -o een andere map`],
    EROFS: [`"${folder}" is on a read-only file system; choose another folder with -o`, `"${folder}" staat op een alleen-lezen bestandssysteem; kies met -o een andere map`],
    EISDIR: [`it is a folder; give a file name with -o, like -o ${join(target, 'out.json')}`, `het is een map; geef met -o een bestandsnaam, zoals -o ${join(target, 'out.json')}`],
    READONLY_FILE: [`the file is read-only; make it writable or choose another file with -o`, `het bestand is alleen-lezen; maak het schrijfbaar of kies met -o een ander bestand`],
    ENOSPC: ['the disk is full; free some space or choose another disk with -o', 'de schijf is vol; maak ruimte vrij of kies met -o een andere schijf'],
  };
  const [en, nl] = reasons[error.code ?? ''] ?? [`${error.code ?? error.message}`, `${error.code ?? error.message}`];
  return new CliError(`Cannot write "${target}": ${en}. Nothing was written.`, 2, `Kan "${target}" niet schrijven: ${nl}. Er is niets geschreven.`);
}

/** What else `writeOutputFile` may do. */
export interface OutputOptions {
  /** For a command that writes content (`apply`): true for an existing content file it may replace, such as its own earlier output. */
  mayReplace?: (target: string) => boolean;
}

/**
 * Writes an output file atomically: to a temporary file beside it, flushed to disk, then renamed over
 * the target, so an interrupted run leaves either the old file or the new one, never a half-written
 * one. Refuses to overwrite an input, under any spelling, symlink or hard link of it, and any
 * zorgpaden content file (which may be an included path or a menukaart the input names).
 */
export async function writeOutputFile(target: string, data: string | Uint8Array, inputs: readonly string[] = [], options: OutputOptions = {}): Promise<void> {
  for (const input of inputs) {
    if (sameFile(input, target)) {
      throw new CliError(
        `Refusing to write to "${target}": it is one of the input files (${input}). Choose another output file with -o.`,
        2,
        `"${target}" wordt niet overschreven: het is een van de invoerbestanden (${input}). Kies met -o een ander uitvoerbestand.`,
      );
    }
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // a device, pipe or socket (-o /dev/stdout, a FIFO) is written into: renaming over it would replace it
  const existing = statIfAny(target);
  if (existing !== undefined && !existing.isFile() && !existing.isDirectory()) return writeInPlace(target, bytes);
  // through a symlink, the file it points at is replaced and the link stays
  if (existing !== undefined && lstatSync(target).isSymbolicLink()) return writeOutputFile(realpathSync(target), bytes, inputs, options);
  // a replaced file keeps its permissions, so a private report does not become readable by others
  let mode: number | undefined;
  if (existing !== undefined) {
    mode = existing.mode & 0o7777;
    if (existing.isDirectory()) throw writeProblem(target, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    if (isContentFile(target) && options.mayReplace?.(target) !== true) {
      throw new CliError(
        `Refusing to write to "${target}": it is a zorgpaden content file (a path, menukaart, population, coalition or route), perhaps one this command read. Choose another output file with -o.`,
        2,
        `"${target}" wordt niet overschreven: het is een zorgpaden-inhoudsbestand (een pad, menukaart, populatie, coalitie of route), misschien een dat dit commando las. Kies met -o een ander uitvoerbestand.`,
      );
    }
    // renaming would replace a file its owner made read-only; respect that as writing into it would
    if (!writable(target)) throw writeProblem(target, Object.assign(new Error('read-only file'), { code: 'READONLY_FILE' }));
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.zorgpaden-tmp`);
  let handle: FileHandle | undefined;
  unfinished.set(temporary, 'writing');
  if (unfinished.size === 1) guardSignals(true);
  try {
    handle = await open(temporary, 'wx');
    // best effort: file systems without Unix permissions refuse chmod, and the write matters more
    if (mode !== undefined) await handle.chmod(mode).catch(() => undefined);
    for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, Math.min(CHUNK_BYTES, bytes.length - offset))).bytesWritten;
    await handle.sync();
    await handle.close();
    handle = undefined;
    unfinished.set(temporary, 'renaming');
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    rmSync(temporary, { force: true });
    throw writeProblem(target, error as NodeJS.ErrnoException);
  } finally {
    unfinished.delete(temporary);
    if (unfinished.size === 0) guardSignals(false);
  }
}
