import { existsSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Where the files a document names (includes, menukaart, adapts) may lie. */
export interface RootOptions {
  /**
   * The folder every file a document names must lie in. By default the current folder when the
   * file you load lies inside it, else the package the file belongs to (the nearest folder above it
   * with a package.json), else the folder of that file. A server that loads uploads sets it to the
   * upload's own folder.
   */
  root?: string;
  /** Reads files a document names wherever they are. Only for documents you trust. */
  allowOutsideRoot?: boolean;
}

/** The extensions of the files a document may name: JSON and YAML documents, nothing else. */
export const DOCUMENT_EXTENSIONS = ['.json', '.yaml', '.yml'] as const;

/** True when the name ends in a document extension. */
export function hasDocumentExtension(file: string): boolean {
  const lower = file.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

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

/** The name to show for a file a document names: as written when absolute, else beside the document. */
export function namedDisplay(referrer: string | undefined, named: string): string {
  return isAbsolute(named) ? named : join(dirname(referrer ?? '.'), named);
}
