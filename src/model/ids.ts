// the schema types are named by this namespace (z.ZodString) in declarations and the API report
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { EVENT_NAME_MESSAGE, EVENT_NAME_PATTERN, KEY_MESSAGE, KEY_PATTERN, notReserved, RESERVED_MESSAGE, SEGMENT } from './id-rules.js';

export { RESERVED_IDS } from './id-rules.js';

/** Step ids: kebab-case; included paths add a namespace prefix with `/` (`zwangerschap/intake`). */
export const StepIdSchema = lazySchema((z) => z
  .string()
  .regex(new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`), {
    message: 'A step id uses lower-case letters, digits and dashes (like "prenataal-huisbezoek"); "/" separates an include prefix.',
  })
  .refine(notReserved, { message: RESERVED_MESSAGE })
  .max(200));

/** Actor, intervention, risk and source keys: lower-case kebab-case. */
export const KeySchema = lazySchema((z) => z
  .string()
  .regex(KEY_PATTERN, { message: KEY_MESSAGE })
  .refine(notReserved, { message: RESERVED_MESSAGE })
  .max(200));

/** Event names: upper snake case (`RISK_SIGNALLED`). */
export const EventNameSchema = lazySchema((z) => z
  .string()
  .regex(EVENT_NAME_PATTERN, { message: EVENT_NAME_MESSAGE })
  .max(100));

/** Path, menukaart, population, coalition and route ids: kebab-case segments joined by `/`. */
export const DocumentIdSchema = lazySchema((z) => z
  .string()
  .regex(new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`), { message: 'An id uses lower-case letters, digits and dashes, with "/" between parts (like "kansrijke-start/zwangerschap").' })
  .refine(notReserved, { message: RESERVED_MESSAGE })
  .max(200));

/** A semantic version such as `1.0.0`. */
export const VersionSchema = lazySchema((z) => z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: 'A version is semantic: MAJOR.MINOR.PATCH, like "1.0.0".' }));

/** The file format's version; a reader migrates older documents up to it. */
export const SCHEMA_VERSION = 1 as const;
export const SchemaVersionSchema = lazySchema((z) => z.literal(SCHEMA_VERSION).meta({ description: 'Version of the file format. Currently 1.' }));
