import type { z } from 'zod';
import { TOO_LONG } from './limits.js';
import { shapeKeysAt, type Shape } from './shape-check.js';
import { typeHint, valueHint } from './issue-hints.js';
import { wrongKindParams } from './kind-words.js';
import { dutchMessage } from './messages-nl.js';
import {
  createDiagnostic,
  didYouMean,
  LOAD_CODES,
  suggestionParams,
  toPointer,
  type Diagnostic,
  type MessageTemplate,
  type PointerSegment,
} from '../diagnostics/index.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

type Words = { en: string; nl: string };

/** A plain-words name of a JSON value's type, in English and Dutch. */
export function typeWords(value: unknown): Words {
  if (value === null) return { en: 'null', nl: 'null' };
  if (Array.isArray(value)) return { en: 'a list', nl: 'een lijst' };
  if (typeof value === 'object') return { en: 'an object', nl: 'een object' };
  if (typeof value === 'string') return { en: 'text', nl: 'tekst' };
  // YAML's .nan is read as NaN: not a number at all, whatever its size
  if (Number.isNaN(value)) return { en: 'not a number (NaN)', nl: 'geen getal (NaN)' };
  // JSON numbers such as 1e400 are read as Infinity
  if (typeof value === 'number' && !Number.isFinite(value)) return { en: 'a number too large to use', nl: 'een getal dat te groot is om te gebruiken' };
  if (typeof value === 'number') return Number.isInteger(value) ? { en: 'a whole number', nl: 'een geheel getal' } : { en: 'a number', nl: 'een getal' };
  if (typeof value === 'boolean') return { en: 'true or false', nl: 'true of false' };
  return { en: typeof value, nl: typeof value };
}

/** A plain-words name of a JSON value's type. */
export function describeType(value: unknown): string {
  return typeWords(value).en;
}

const EXPECTED: Record<string, Words> = {
  string: { en: 'text', nl: 'tekst' },
  number: { en: 'a number', nl: 'een getal' },
  int: { en: 'a whole number', nl: 'een geheel getal' },
  boolean: { en: 'true or false', nl: 'true of false' },
  object: { en: 'an object', nl: 'een object' },
  array: { en: 'a list', nl: 'een lijst' },
  record: { en: 'an object', nl: 'een object' },
  literal: { en: 'a fixed value', nl: 'een vaste waarde' },
};

const ORIGIN_EN: Record<string, [string, string]> = { string: ['characters', 'Text'], array: ['item(s)', 'The list'], set: ['item(s)', 'The set'] };

// zod's own wording ("Too big: expected number to be <=1") in plain words, like the Dutch text
function englishBound(issue: Issue): string | undefined {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return undefined;
  if (!issue.message.startsWith('Too ')) return issue.message;
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const [unit, subject] = ORIGIN_EN[issue.origin] ?? ['', 'The value'];
  if (unit) return `${subject} ${small ? 'needs at least' : 'may have at most'} ${bound} ${unit}.`;
  const comparison = small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
  return `The value must be ${comparison} ${bound}.`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key as string) ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return current;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly') {
      current = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      current = def.in as AnySchema;
    } else if (def.type === 'lazy') {
      current = (def.getter as () => AnySchema)();
    } else return current;
  }
  return current;
}

/** The object schema's field names at a path, for did-you-mean hints on unknown fields. */
function knownKeysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let current: AnySchema | undefined = unwrap(schema);
  for (const key of path) {
    if (!current) return [];
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') current = (def.shape as Record<string, AnySchema>)[key as string];
    else if (def.type === 'record') current = def.valueType as AnySchema;
    else if (def.type === 'array') current = def.element as AnySchema;
    else if (def.type === 'union') current = (def.options as AnySchema[]).find((o) => ['object', 'array', 'record'].includes(unwrap(o)._zod.def.type));
    else return [];
    if (current) current = unwrap(current);
  }
  if (!current) return [];
  const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') {
    const obj = (def.options as AnySchema[]).map(unwrap).find((o) => o._zod.def.type === 'object');
    if (obj) return Object.keys((obj._zod.def as unknown as { shape: object }).shape);
  }
  return [];
}

const REMOVE_FIELD = { suggestion: 'Remove it, or check its spelling and indentation.', suggestionNl: 'Verwijder het, of controleer de spelling en het inspringen.' };

const ADD_FIELD = { en: 'Add "{{field}}" to this object.', nl: 'Voeg "{{field}}" aan dit object toe.' };

const withHint = (hint: MessageTemplate | undefined) => (hint ? { hint } : {});

function firstControlCharacter(text: unknown): string {
  if (typeof text !== 'string') return '?';
  const match = /[\u0000-\u001f\u007f-\u009f]/.exec(text);
  return match ? 'U+' + match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') : '?';
}

const DESCRIPTION_TOO_LONG = {
  en: 'Shorten the description: it is meant for a paragraph or two; put a longer text in a document of its own and refer to it in "sources".',
  nl: 'Maak de beschrijving korter: die is bedoeld voor een alinea of twee; zet een langere tekst in een eigen document en verwijs ernaar in "sources".',
};

/** The commands that read a household path; the others read version 1 care paths only. */
export const HOUSEHOLD_COMMANDS = ['validate', 'check', 'simulate', 'coverage', 'render', 'report', 'compare', 'route', 'diff', 'apply'] as const;

/** The commands that read a household path as a list in a sentence: `validate`, `check`, … and `route`. */
export function householdCommandList(and: string): string {
  const named = HOUSEHOLD_COMMANDS.map((command) => `\`${command}\``);
  return `${named.slice(0, -1).join(', ')} ${and} ${named[named.length - 1]}`;
}

/** `unsupported-schema-version` for a household path where a version 1 path is expected: this version of zorgpaden does read it, elsewhere. */
const HOUSEHOLD_HERE = {
  ...LOAD_CODES.unsupportedSchemaVersion,
  message: {
    en: 'This is a household path (format version 2); a care path of format version 1 is expected here.',
    nl: 'Dit is een zorgpad voor een huishouden (formaatversie 2); hier wordt een zorgpad van formaatversie 1 verwacht.',
  },
  hint: {
    en: `zorgpaden ${householdCommandList('and')} read household paths, and so do \`loadHouseholdPath\` (zorgpaden/node) and \`safeParseHouseholdPath\` (zorgpaden/household); an included file must be a version 1 path.`,
    nl: `zorgpaden ${householdCommandList('en')} lezen zorgpaden voor een huishouden, net als \`loadHouseholdPath\` (zorgpaden/node) en \`safeParseHouseholdPath\` (zorgpaden/household); een ingevoegd bestand moet een pad van versie 1 zijn.`,
  },
};

/**
 * Turns zod issues into diagnostics with stable codes and JSON pointers: unknown fields get a
 * did-you-mean hint, missing fields say which, wrong types say what was expected and found. The
 * schema is a zod schema or a hand-written shape (shape-check.ts); it names the known fields.
 */
export function issuesToDiagnostics(issues: readonly Issue[], input: unknown, schema: AnySchema | Shape, base: PointerSegment[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PointerSegment[])];
    const pointer = toPointer(path);
    const relative = issue.path as PropertyKey[];
    const actual = valueAt(input, relative);
    const field = String(relative[relative.length - 1] ?? '');
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = '_zod' in schema ? knownKeysAt(schema, relative) : shapeKeysAt(schema, relative);
        for (const key of issue.keys) {
          const suggestion = didYouMean(key, known);
          // with no known fields to name, "nothing to refer to yet" would puzzle; say what to do
          const params = { field: key, ...(suggestion === undefined && known.length === 0 ? REMOVE_FIELD : suggestionParams(suggestion, known)) };
          diagnostics.push(createDiagnostic(LOAD_CODES.unknownField, params, { pointer: toPointer([...path, key]) }));
        }
        break;
      }
      case 'invalid_type': {
        if (actual === undefined) {
          diagnostics.push(createDiagnostic(LOAD_CODES.missingField, { field }, { pointer }, { hint: ADD_FIELD }));
        } else {
          const expected = EXPECTED[issue.expected] ?? { en: issue.expected, nl: issue.expected };
          const found = typeWords(actual);
          diagnostics.push(createDiagnostic(LOAD_CODES.invalidType, { expected: expected.en, expectedNl: expected.nl, actual: found.en, actualNl: found.nl }, { pointer }, withHint(typeHint(issue.expected))));
        }
        break;
      }
      case 'invalid_union': {
        // the branch with the fewest issues is the one the author most likely meant
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
        if (best && best.length > 0 && !best.every((i) => i.code === 'invalid_type')) {
          diagnostics.push(...issuesToDiagnostics(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })) as Issue[], input, schema, base));
        } else {
          const found = typeWords(actual);
          diagnostics.push(createDiagnostic(LOAD_CODES.invalidType, { expected: 'text or a list of texts', expectedNl: 'tekst of een lijst teksten', actual: found.en, actualNl: found.nl }, { pointer }, withHint(typeHint('union'))));
        }
        break;
      }
      case 'invalid_key': {
        const inner = issue.issues[0];
        const reason = inner?.message ?? 'Invalid key.';
        const reasonNl = (inner && dutchMessage(inner)) ?? reason;
        diagnostics.push(createDiagnostic(LOAD_CODES.invalidValue, { reason: `Key "${field}": ${reason}`, reasonNl: `Sleutel "${field}": ${reasonNl}` }, { pointer }, { hint: valueHint(issue) }));
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
        if (actual === undefined) {
          diagnostics.push(createDiagnostic(LOAD_CODES.missingField, { field }, { pointer }, { hint: ADD_FIELD }));
        } else if (field === 'schemaVersion' && typeof actual !== 'number') {
          const found = typeWords(actual);
          diagnostics.push(createDiagnostic(LOAD_CODES.invalidType, { expected: `the number ${allowed}`, expectedNl: `het getal ${allowed}`, actual: found.en, actualNl: found.nl }, { pointer }, withHint(typeHint('schemaVersion'))));
        } else if (field === 'schemaVersion') {
          // version 2 is a household path: read by other loaders and commands, not by this one
          const household = actual === 2 && relative.length === 1;
          diagnostics.push(createDiagnostic(household ? HOUSEHOLD_HERE : LOAD_CODES.unsupportedSchemaVersion, { actual: JSON.stringify(actual), supported: allowed }, { pointer }));
        } else if (field === 'kind' && relative.length === 1 && typeof actual === 'string') {
          const expected = issue.values.length === 1 && typeof issue.values[0] === 'string' ? issue.values[0] : allowed;
          diagnostics.push(createDiagnostic(LOAD_CODES.wrongKind, wrongKindParams(actual, expected), { pointer }));
        } else {
          const suggestion = typeof actual === 'string' ? didYouMean(actual, issue.values.map(String)) : undefined;
          const reason = `${JSON.stringify(actual)} is not allowed here; use one of ${allowed}.` + (suggestion ? ` Did you mean "${suggestion}"?` : '');
          const reasonNl = `${JSON.stringify(actual)} is hier niet toegestaan; gebruik een van ${allowed}.` + (suggestion ? ` Bedoelde je "${suggestion}"?` : '');
          diagnostics.push(createDiagnostic(LOAD_CODES.invalidValue, { reason, reasonNl, allowed }, { pointer }, { hint: valueHint(issue) }));
        }
        break;
      }
      case 'custom': {
        const code = (issue.params as { zorgpadenCode?: string } | undefined)?.zorgpadenCode;
        const reasonNl = (issue.params as { nl?: string } | undefined)?.nl ?? issue.message;
        if (code === 'label-control-character') {
          diagnostics.push(createDiagnostic(LOAD_CODES.labelControlCharacter, { char: firstControlCharacter(actual) }, { pointer }));
        } else if (code === 'invalid-condition') {
          diagnostics.push(createDiagnostic(LOAD_CODES.invalidCondition, { reason: issue.message, reasonNl }, { pointer }));
        } else if (code === 'window-reversed') {
          const { from, to, fromNl, toNl } = issue.params as Record<string, string>;
          diagnostics.push(createDiagnostic(LOAD_CODES.windowReversed, { from: from!, to: to!, fromNl: fromNl!, toNl: toNl! }, { pointer }));
        } else if (code === 'invalid-time') {
          diagnostics.push(createDiagnostic(LOAD_CODES.invalidTime, { reason: issue.message, reasonNl }, { pointer }));
        } else if (code === 'missing-field') {
          diagnostics.push(createDiagnostic(LOAD_CODES.missingField, { field }, { pointer }, { hint: ADD_FIELD }));
        } else {
          diagnostics.push(createDiagnostic(LOAD_CODES.invalidValue, { reason: issue.message, reasonNl: dutchMessage(issue) ?? issue.message }, { pointer }, { hint: valueHint(issue) }));
        }
        break;
      }
      default: {
        if (issue.code === 'too_big' && issue.message === TOO_LONG && typeof actual === 'string') {
          // a description is already where longer text goes: its hint says to shorten it, not to move it
          const inDescription = relative.includes('description');
          diagnostics.push(createDiagnostic(LOAD_CODES.labelTooLong, { length: actual.length, limit: Number(issue.maximum) }, { pointer }, inDescription ? { hint: DESCRIPTION_TOO_LONG } : {}));
          break;
        }
        const message = englishBound(issue) ?? issue.message;
        const reason = message.endsWith('.') ? message : message + '.';
        diagnostics.push(createDiagnostic(LOAD_CODES.invalidValue, { reason, reasonNl: dutchMessage(issue) ?? reason }, { pointer }, { hint: valueHint(issue) }));
      }
    }
  }
  return withoutEchoes(onlyTheVersion(diagnostics));
}

/**
 * A file in another format version is read by another schema: every other finding would only
 * describe the difference between the formats, so the version's own finding stands alone.
 */
function onlyTheVersion(diagnostics: Diagnostic[]): Diagnostic[] {
  const version = diagnostics.find((d) => d.code === LOAD_CODES.unsupportedSchemaVersion.code && d.pointer === '/schemaVersion');
  return version ? [version] : diagnostics;
}

/**
 * One mistake, one finding: a misspelt unit or operator (`{ "gww": 12 }`, `{ "attr": "age", "lts": 20 }`)
 * is an unknown field with a did-you-mean; the object then also lacks its unit or operator, which is
 * the same mistake and is not reported again.
 */
function withoutEchoes(diagnostics: Diagnostic[]): Diagnostic[] {
  const unknownIn = new Set(diagnostics.filter((d) => d.code === 'unknown-field').map((d) => d.pointer.slice(0, d.pointer.lastIndexOf('/'))));
  return diagnostics.filter((d) => !((d.code === 'invalid-time' || d.code === 'invalid-condition') && unknownIn.has(d.pointer)));
}
