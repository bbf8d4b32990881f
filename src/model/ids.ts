import * as z from 'zod';

const SEGMENT = '[a-z0-9][a-z0-9_.-]*';

/**
 * Names no id or key may have: the reader refuses them as object keys (they reach into every
 * object's prototype), so the schema, and with it every edit, refuses them as ids too; an edited
 * path saved to a file then always opens again.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['constructor', 'prototype', '__proto__']);
const RESERVED_MESSAGE = '"constructor", "prototype" and "__proto__" are reserved names and cannot be used as an id or key.';
const notReserved = (id: string) => !RESERVED_IDS.has(id);

/** Step ids: kebab-case; included paths add a namespace prefix with `/` (`zwangerschap/intake`). */
export const StepIdSchema = z
  .string()
  .regex(new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`), {
    message: 'A step id uses lower-case letters, digits and dashes (like "prenataal-huisbezoek"); "/" separates an include prefix.',
  })
  .refine(notReserved, { message: RESERVED_MESSAGE })
  .max(200);

/** Actor, intervention, risk and source keys: lower-case kebab-case. */
export const KeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, { message: 'A key uses lower-case letters, digits and dashes (like "financial-stress").' })
  .refine(notReserved, { message: RESERVED_MESSAGE })
  .max(200);

/** Event names: upper snake case (`RISK_SIGNALLED`). */
export const EventNameSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, { message: 'An event name is upper snake case, like "RISK_SIGNALLED".' })
  .max(100);

/** Path, menukaart, population, coalition and route ids: kebab-case segments joined by `/`. */
export const DocumentIdSchema = z
  .string()
  .regex(new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`), { message: 'An id uses lower-case letters, digits and dashes, with "/" between parts (like "kansrijke-start/zwangerschap").' })
  .refine(notReserved, { message: RESERVED_MESSAGE })
  .max(200);

/** A semantic version such as `1.0.0`. */
export const VersionSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: 'A version is semantic: MAJOR.MINOR.PATCH, like "1.0.0".' });

/** The file format's version; a reader migrates older documents up to it. */
export const SCHEMA_VERSION = 1 as const;
export const SchemaVersionSchema = z.literal(SCHEMA_VERSION).meta({ description: 'Version of the file format. Currently 1.' });
