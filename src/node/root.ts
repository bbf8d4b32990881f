/*
 * The root that files a document names must lie in, decided on disk: the current folder, the
 * package a file belongs to, and the real paths behind symbolic links.
 */
import { existsSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isRecord } from '../diagnostics/index.js';
import type { RootOptions } from '../load/root.js';

/**
 * The root for a document loaded from `absolute` (undefined: no root, everything may be read): the
 * one the caller set; else the current folder when the file lies inside it; else the package the
 * file belongs to (the nearest folder above it with a package.json, as for the paths shipped in
 * node_modules/zorgpaden); else the file's own folder.
 */
export function rootFor(absolute: string, options: RootOptions, cwd: string = process.cwd()): string | undefined {
  if (options.allowOutsideRoot === true) return undefined;
  if (options.root !== undefined) return resolve(options.root);
  if (isInside(cwd, absolute)) return resolve(cwd);
  return packageOf(dirname(absolute)) ?? dirname(absolute);
}

function packageOf(folder: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/** True when `absolute` is `root` or lies below it, by name. */
export function isInside(root: string, absolute: string): boolean {
  const rel = relative(resolve(root), resolve(absolute));
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

// a symbolic link inside the root may point outside it: compare the real paths too
function realOrSelf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

async function realOrSelfAsync(file: string): Promise<string | undefined> {
  try {
    return await realpath(file);
  } catch {
    return undefined;
  }
}

/** True when the file lies inside the root both by name and after following symbolic links. */
export function staysInside(root: string, absolute: string): boolean {
  if (!isInside(root, absolute)) return false;
  const real = realOrSelf(absolute);
  return real === undefined || isInside(realOrSelf(root) ?? root, real);
}

/** The asynchronous twin of `staysInside`. */
export async function staysInsideAsync(root: string, absolute: string): Promise<boolean> {
  if (!isInside(root, absolute)) return false;
  const real = await realOrSelfAsync(absolute);
  return real === undefined || isInside((await realOrSelfAsync(root)) ?? root, real);
}

/** The options with the root that files named by the document at `absolute` must lie in (see `RootOptions`). */
export function rooted<O extends RootOptions>(absolute: string, options: O): O {
  // options of the wrong shape are left as they are, for the argument check to name them
  if (!isRecord(options) || (options.root !== undefined && typeof options.root !== 'string')) return options;
  const root = rootFor(absolute, options);
  return root === undefined ? options : { ...options, root };
}
