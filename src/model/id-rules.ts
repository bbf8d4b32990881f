// the rules of ids and keys, without zod: the schemas (ids.ts) and the hand-written shapes (shapes.ts) share them

export const SEGMENT = '[a-z0-9][a-z0-9_.-]*';

/**
 * Names no id or key may have: the reader refuses them as object keys (they reach into every
 * object's prototype), so the schema, and with it every edit, refuses them as ids too; an edited
 * path saved to a file then always opens again.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['constructor', 'prototype', '__proto__']);
export const RESERVED_MESSAGE = '"constructor", "prototype" and "__proto__" are reserved names and cannot be used as an id or key.';
export const notReserved = (id: string): boolean => !RESERVED_IDS.has(id);

/** Actor, intervention, risk and source keys: lower-case kebab-case. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;
export const KEY_MESSAGE = 'A key uses lower-case letters, digits and dashes (like "financial-stress").';

/** Event names: upper snake case (`RISK_SIGNALLED`). */
export const EVENT_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;
export const EVENT_NAME_MESSAGE = 'An event name is upper snake case, like "RISK_SIGNALLED".';

/** A client attribute named "__proto__" cannot survive a copy into a plain object: every layer refuses it. */
export const ATTRIBUTE_NAME_MESSAGE = '"__proto__" cannot be the name of an attribute.';
