import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { LIMITS, TOO_LONG } from './limits.js';

export { TOO_LONG } from './limits.js';

// C0 and C1 control characters and DEL; a label is one line of plain text
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;


/** One line of human text: no control characters, not empty, bounded length. */
export const TextSchema = lazySchema((z) => z
  .string()
  .min(1, { message: 'Text must not be empty.' })
  .max(LIMITS.maxLabelLength, { message: TOO_LONG })
  .refine((s) => !CONTROL_CHARACTER.test(s), {
    message: 'Text contains a control character (such as a tab, newline or NUL).',
    params: { zorgpadenCode: 'label-control-character' },
  }));

/** Longer text (descriptions, notes): may span lines, but no other control characters. */
export const LongTextSchema = lazySchema((z) => z
  .string()
  .max(LIMITS.maxLabelLength * 5, { message: TOO_LONG })
  .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(s), {
    message: 'Text contains a control character other than a line break.',
    params: { zorgpadenCode: 'label-control-character' },
  }));

/** A bilingual label: Dutch first (the analysts' language), English beside it. */
export const LabelSchema = lazySchema((z) => z
  .strictObject({
    nl: TextSchema.meta({ description: 'Dutch text (required).' }),
    en: TextSchema.optional().meta({ description: 'English text.' }),
  })
  .meta({ description: 'A label in Dutch (`nl`, required) and English (`en`).' }));
export type Label = z.infer<typeof LabelSchema>;

/** A bilingual description that may span lines. */
export const DescriptionSchema = lazySchema((z) => z.strictObject({ nl: LongTextSchema, en: LongTextSchema.optional() }));
export type Description = z.infer<typeof DescriptionSchema>;

/** The label text in the requested language, falling back to Dutch. */
export function labelText(label: Label | Description | undefined, lang: 'nl' | 'en'): string {
  if (!label) return '';
  return (lang === 'en' ? label.en : undefined) ?? label.nl;
}
