/*
 * The few file-name operations the loaders need, in plain TypeScript with the semantics of
 * `node:path` on POSIX systems, so that parsing runs in a browser. They only compute names; reading
 * files is the Node entry's job (`zorgpaden/node`).
 */

function normalizeSegments(path: string, absolute: boolean): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  return out.join('/');
}

function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  let body = normalizeSegments(path, absolute);
  if (body === '' && !absolute) body = '.';
  if (body !== '' && trailing) body += '/';
  return absolute ? `/${body}` : body;
}

/** Joins names with `/` and normalises the result, like `path.posix.join`. */
export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

/** The directory part of a name, like `path.posix.dirname`. */
export function dirname(path: string): string {
  if (path === '') return '.';
  const hasRoot = path.startsWith('/');
  let end = -1;
  let matchedSlash = true;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === '/') {
      if (!matchedSlash) {
        end = i;
        break;
      }
    } else matchedSlash = false;
  }
  if (end === -1) return hasRoot ? '/' : '.';
  if (hasRoot && end === 1) return '//';
  return path.slice(0, end);
}

/** The last part of a name, like `path.posix.basename` with one argument. */
export function basename(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

/** The extension of the last part of a name (with its dot), like `path.posix.extname`. */
export function extname(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  // no dot, a leading dot (".profile") or a name of two dots ("..") gives no extension
  if (dot <= 0 || base === '..') return '';
  return base.slice(dot);
}

// the working directory when there is one (Node, Deno, Bun); the root in a browser
function workingDirectory(): string {
  const process = (globalThis as { process?: { cwd?: () => string } }).process;
  const cwd = typeof process?.cwd === 'function' ? process.cwd() : '/';
  return cwd.startsWith('/') ? cwd : '/';
}

/** An absolute name from right to left, like `path.posix.resolve`. */
export function resolve(...parts: string[]): string {
  let resolved = '';
  for (let i = parts.length - 1; i >= 0 && !resolved.startsWith('/'); i--) {
    const part = parts[i]!;
    if (part === '') continue;
    resolved = resolved === '' ? part : `${part}/${resolved}`;
  }
  if (!resolved.startsWith('/')) resolved = resolved === '' ? workingDirectory() : `${workingDirectory()}/${resolved}`;
  return `/${normalizeSegments(resolved, true)}`;
}

/** The name of `to` seen from the folder `from`, like `path.posix.relative` ('' for the folder itself). */
export function relative(from: string, to: string): string {
  const source = resolve(from).split('/').filter((s) => s !== '');
  const target = resolve(to).split('/').filter((s) => s !== '');
  let common = 0;
  while (common < source.length && common < target.length && source[common] === target[common]) common++;
  return [...source.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
