import { FORBIDDEN_KEYS } from './read-types.js';

// every string token, matched one after another so that a match never starts inside a string
const STRING_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"/g;

/**
 * Counts the object keys in valid JSON text: the string tokens followed by a colon. Returns -1 when
 * a key holds an escape: V8's JSON.parse in Node 24 and 26 can decode such a key wrongly once it has
 * seen a similar one (`"\\"` poisons `"\""`, nodejs/node#63785), so those texts take the careful reader.
 */
function countKeysInText(text: string): number {
  let count = 0;
  STRING_TOKEN.lastIndex = 0;
  let token: RegExpExecArray | null;
  while ((token = STRING_TOKEN.exec(text)) !== null) {
    let next = STRING_TOKEN.lastIndex;
    let c = text.charCodeAt(next);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++next);
    if (c !== 58) continue;
    if (token[0].includes('\\')) return -1;
    count++;
  }
  return count;
}

/** Counts the members of every object in a value; -1 when a reserved key is present. */
function countMembers(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) return -1;
      count++;
      const member = (current as Record<string, unknown>)[key];
      if (member !== null && typeof member === 'object') stack.push(member);
    }
  }
  return count;
}

/**
 * The fast path for clean JSON: the native parser, then a check that no key was merged away (as
 * many key tokens in the text as members in the data), that no key holds an escape, and that no
 * reserved key appears. Returns undefined whenever the careful reader is needed.
 */
export function readCleanJson(text: string): { data: unknown } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const members = countMembers(data);
  if (members < 0 || members !== countKeysInText(text)) return undefined;
  return { data };
}
