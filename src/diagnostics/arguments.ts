import { createDiagnostic, type DiagnosticTemplate } from './diagnostic.js';
import { ZorgpadenError } from './errors.js';

/** A phrase in both languages, such as what an argument should be. */
export interface Words {
  en: string;
  nl: string;
}

/** The diagnostic of a call with an argument of the wrong type or value (misuse, so it is thrown). */
export const ARGUMENT_CODES = {
  invalidArgument: {
    code: 'invalid-argument',
    severity: 'error',
    message: {
      en: '{{callee}}: {{argument}} must be {{expected}}, but it is {{actual}}.',
      nl: '{{callee}}: {{argument}} moet {{expectedNl}} zijn, maar is {{actualNl}}.',
    },
    hint: {
      en: 'Check the arguments of the call against the API reference.',
      nl: 'Controleer de argumenten van de aanroep met de API-documentatie.',
    },
  },
} as const satisfies Record<string, DiagnosticTemplate>;

const quoteText = (text: string) => JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text);

/** A short description of any JavaScript value, in both languages, for argument errors. */
export function describeValue(value: unknown): Words {
  if (value === undefined) return { en: 'missing', nl: 'afwezig' };
  if (value === null) return { en: 'null', nl: 'null' };
  switch (typeof value) {
    case 'string':
      return value === '' ? { en: 'empty text', nl: 'lege tekst' } : { en: `the text ${quoteText(value)}`, nl: `de tekst ${quoteText(value)}` };
    case 'number':
      if (Number.isNaN(value)) return { en: 'NaN (not a number)', nl: 'NaN (geen getal)' };
      return { en: `the number ${value}`, nl: `het getal ${value}` };
    case 'bigint':
      return { en: `the bigint ${value}`, nl: `de bigint ${value}` };
    case 'boolean':
      return { en: String(value), nl: String(value) };
    case 'function':
      return { en: 'a function', nl: 'een functie' };
    case 'symbol':
      return { en: 'a symbol', nl: 'een symbool' };
  }
  if (Array.isArray(value)) return { en: `a list of ${value.length} item(s)`, nl: `een lijst van ${value.length} element(en)` };
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const name = proto?.constructor?.name;
  if (proto === null || proto === Object.prototype || typeof name !== 'string' || name === '') return { en: 'an object', nl: 'een object' };
  return { en: `a ${name} object`, nl: `een ${name}-object` };
}

/** The error for argument `argument` of `callee`: what it must be and what it is. */
export function argumentError(callee: string, argument: string, expected: Words, actual: Words | unknown): ZorgpadenError {
  const isWords = (v: unknown): v is Words => typeof v === 'object' && v !== null && typeof (v as Words).en === 'string' && typeof (v as Words).nl === 'string' && Object.keys(v).length === 2;
  const got = isWords(actual) ? actual : describeValue(actual);
  const params = { callee, argument, expected: expected.en, expectedNl: expected.nl, actual: got.en, actualNl: got.nl };
  const diagnostic = createDiagnostic(ARGUMENT_CODES.invalidArgument, params, { pointer: '' });
  return new ZorgpadenError(diagnostic.message, [diagnostic]);
}

/** What a seed and other unbounded whole numbers must be. */
export const WHOLE_NUMBER: Words = { en: 'a whole number', nl: 'een geheel getal' };

/** What a whole number in a range must be: "a whole number from 1 to 256", or "of at least 1" without an upper bound. */
export function wholeNumberFrom(min: number, max?: number): Words {
  if (max === undefined) return { en: `a whole number of at least ${min}`, nl: `een geheel getal van minstens ${min}` };
  return { en: `a whole number from ${min} to ${max}`, nl: `een geheel getal van ${min} tot en met ${max}` };
}

const TEXT: Words = { en: 'text', nl: 'tekst' };
const NON_EMPTY_TEXT: Words = { en: 'non-empty text', nl: 'niet-lege tekst' };
const OBJECT: Words = { en: 'an object', nl: 'een object' };

/** True for a non-null object that is not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws `invalid-argument` unless `value` is text (non-empty unless `allowEmpty`). */
export function requireText(callee: string, argument: string, value: unknown, { allowEmpty = false, expected }: { allowEmpty?: boolean; expected?: Words } = {}): asserts value is string {
  if (typeof value !== 'string' || (!allowEmpty && value === '')) throw argumentError(callee, argument, expected ?? (allowEmpty ? TEXT : NON_EMPTY_TEXT), value);
}

/** Throws `invalid-argument` unless `value` is an object (or undefined, when `optional`). */
export function requireRecord(callee: string, argument: string, value: unknown, { optional = false, expected = OBJECT } = {}): asserts value is Record<string, unknown> {
  if (optional && value === undefined) return;
  if (!isRecord(value)) throw argumentError(callee, argument, expected, value);
}

/** Throws `invalid-argument` unless `value` is a function. */
export function requireFunction(callee: string, argument: string, value: unknown, expected: Words): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') throw argumentError(callee, argument, expected, value);
}

/** Throws `invalid-argument` unless `value` is a finite number (or undefined, when `optional`). */
export function requireFinite(callee: string, argument: string, value: unknown, { optional = false } = {}): asserts value is number {
  if (optional && value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw argumentError(callee, argument, { en: 'a finite number', nl: 'een eindig getal' }, value);
}
