import { argumentError } from '../diagnostics/index.js';
import type { CarePath } from '../model/index.js';
import { requireCarePath } from '../model/arguments.js';
import { nestingFlaw } from '../model/nesting-guard.js';
import { sha256Hex } from './sha256.js';

/** JSON with object keys sorted at every level, so that equal content gives equal text. */
export function stableStringify(value: unknown): string {
  // checked once here, not at every level: a cycle or absurd depth would overflow the stack
  const flaw = nestingFlaw(value);
  if (flaw) throw argumentError('stableStringify', 'value', { en: 'plain data as JSON would give it', nl: 'gewone gegevens zoals JSON ze geeft' }, flaw);
  return stable(value);
}

function stable(value: unknown): string {
  // JSON has no BigInt: say so rather than let JSON.stringify throw a TypeError
  if (typeof value === 'bigint') throw argumentError('stableStringify', 'value', { en: 'plain data as JSON would give it', nl: 'gewone gegevens zoals JSON ze geeft' }, { en: 'a value holding a BigInt', nl: 'een waarde met een BigInt' });
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stable(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
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
  const hash = sha256Hex(stable(path));
  cache.set(path, hash);
  return hash;
}
