import { requireCarePath, type CarePath } from '../model/index.js';
import { sha256Hex } from './sha256.js';

/** JSON with object keys sorted at every level, so that equal content gives equal text. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableStringify(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

const cache = new WeakMap<object, string>();

/**
 * A content hash of a path (sha256 of its stable JSON, hex): equal paths hash equally.
 * @example
 * const same = pathHash(a) === pathHash(structuredClone(a)); // true
 */
export function pathHash(path: CarePath): string {
  requireCarePath('pathHash', 'path', path);
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const hash = sha256Hex(stableStringify(path));
  cache.set(path, hash);
  return hash;
}
