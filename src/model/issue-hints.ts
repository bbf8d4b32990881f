import type { z } from 'zod';
import type { MessageTemplate } from '../diagnostics/index.js';

type Issue = z.core.$ZodIssue;

// how to write each type, in JSON and in YAML: the hint of an `invalid-type` diagnostic
const TYPE_HINTS: Record<string, MessageTemplate> = {
  array: {
    en: 'Write a list: in JSON ["first", "second"]; in YAML one "- item" per line, indented under the field.',
    nl: 'Schrijf een lijst: in JSON ["eerste", "tweede"]; in YAML één "- item" per regel, ingesprongen onder het veld.',
  },
  object: {
    en: 'Write an object: in JSON { "key": value }; in YAML "key: value" lines, indented under the field.',
    nl: 'Schrijf een object: in JSON { "sleutel": waarde }; in YAML regels "sleutel: waarde", ingesprongen onder het veld.',
  },
  string: {
    en: 'Write text: in JSON between double quotes ("…"); in YAML put quotes around text that looks like a number, true or false.',
    nl: 'Schrijf tekst: in JSON tussen dubbele aanhalingstekens ("…"); zet in YAML aanhalingstekens om tekst die op een getal, true of false lijkt.',
  },
  number: {
    en: 'Write a number without quotes, like 3 or 0.25 (a number above 1e308 is too large to use).',
    nl: 'Schrijf een getal zonder aanhalingstekens, zoals 3 of 0.25 (een getal boven 1e308 is te groot om te gebruiken).',
  },
  int: { en: 'Write a whole number without quotes, like 3.', nl: 'Schrijf een geheel getal zonder aanhalingstekens, zoals 3.' },
  boolean: { en: 'Write true or false, without quotes.', nl: 'Schrijf true of false, zonder aanhalingstekens.' },
  union: {
    en: 'Write text ("…") or a list of texts (["…", "…"]).',
    nl: 'Schrijf tekst ("…") of een lijst teksten (["…", "…"]).',
  },
  schemaVersion: { en: 'Write the number without quotes: "schemaVersion": 1.', nl: 'Schrijf het getal zonder aanhalingstekens: "schemaVersion": 1.' },
};
TYPE_HINTS.record = TYPE_HINTS.object!;

/** The hint for a value of the wrong type, by the type zod expected ("array", "object", …). */
export function typeHint(expected: string): MessageTemplate | undefined {
  return Object.hasOwn(TYPE_HINTS, expected) ? TYPE_HINTS[expected] : undefined;
}

const FIX_AS_SAID: MessageTemplate = {
  en: 'Change the value as the message says.',
  nl: 'Pas de waarde aan zoals de melding zegt.',
};

/** The hint for a value that has the right type but is not allowed, by the zod issue. */
export function valueHint(issue: Issue): MessageTemplate {
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      if (issue.origin === 'array' || issue.origin === 'set') {
        return small
          ? { en: 'Add the missing items to the list, or remove the field when it is optional.', nl: 'Voeg de ontbrekende items aan de lijst toe, of laat het veld weg als het niet verplicht is.' }
          : { en: 'Remove items from the list.', nl: 'Haal items uit de lijst.' };
      }
      if (issue.origin === 'string') {
        return small
          ? { en: 'Write the text out, or remove the field when it is optional.', nl: 'Schrijf de tekst uit, of laat het veld weg als het niet verplicht is.' }
          : { en: 'Shorten the text.', nl: 'Maak de tekst korter.' };
      }
      return { en: 'Change the number so it lies within the bound the message names.', nl: 'Pas het getal aan zodat het binnen de grens uit de melding valt.' };
    }
    case 'invalid_value':
      return { en: 'Use one of the listed values, spelled exactly as shown.', nl: 'Gebruik een van de genoemde waarden, precies zo gespeld.' };
    case 'invalid_format':
      return issue.format === 'url'
        ? { en: 'Write a full web address, starting with https://.', nl: 'Schrijf een volledig webadres, beginnend met https://.' }
        : { en: 'Rewrite the value in the form the message describes.', nl: 'Herschrijf de waarde in de vorm die de melding beschrijft.' };
    case 'invalid_key':
      return { en: 'Rename the key in the form the message describes.', nl: 'Hernoem de sleutel in de vorm die de melding beschrijft.' };
    case 'not_multiple_of':
      return { en: `Use a multiple of ${String(issue.divisor)}.`, nl: `Gebruik een veelvoud van ${String(issue.divisor)}.` };
    default:
      return FIX_AS_SAID;
  }
}
