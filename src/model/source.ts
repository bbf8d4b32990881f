import type * as z from 'zod';
import { lazyFields, lazySchema } from './lazy-schema.js';
import { LongTextSchema, TextSchema } from './label.js';

/**
 * Where a fact comes from: a source id from `paths/sources.json`, a seed file name or a URL.
 * One reference or a list of them.
 */
export const SourceRefSchema = lazySchema((z) => z
  .union([TextSchema, z.array(TextSchema).min(1)])
  .meta({ description: 'Source of this fact: a source id (see sources.json), a document name or a URL; or a list of them.' }));
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** Provenance fields any content object may carry. `assumption` says why a fact has no source. */
export const provenanceFields = lazyFields(() => ({
  source: SourceRefSchema.optional(),
  assumption: LongTextSchema.optional().meta({ description: 'Marks a fact as an assumption, with the reason; use when no source states it.' }),
  note: LongTextSchema.optional().meta({ description: 'A remark for readers of the file.' }),
}));

/** An entry of a bibliography (`sources.json`). */
export const SourceSchema = lazySchema((z) => z.strictObject({
  title: TextSchema,
  url: z.url().optional(),
  file: TextSchema.optional().meta({ description: 'A document name, e.g. a seed file.' }),
  publisher: TextSchema.optional(),
  date: TextSchema.optional(),
  note: LongTextSchema.optional(),
}));
export type Source = z.infer<typeof SourceSchema>;

/** The sources of a fact as a list. */
export function sourcesOf(ref: SourceRef | undefined): string[] {
  if (ref === undefined) return [];
  return typeof ref === 'string' ? [ref] : ref;
}
