import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { describe, it } from 'vitest';
import { DOCUMENT_KINDS, parsePath, safeParseDocument, safeParsePath, type Result } from '../support/everything.js';
import { fuzz } from './budget.js';
import { dataOfText, expectDocumentedResult, expectReturnsOrDocumentedThrow, mustReturn } from './contract.js';

// file names in a folder that does not exist: includes in the text resolve to nothing on disk
const FILENAMES = ['fuzz/input.json', 'fuzz/input.yaml', 'fuzz/input.yml'] as const;

const control = fc.constantFrom('\u0000', '\u0001', '\t', '\n', '\r', '\r\n', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ud800', '\udfff', '\ud83d', '"', '{', '}', '[', ']', ':', ',', '-', '&a', '*a', '!!', '%YAML', '---', '...', '#', '|', '>', '? ', '<<');
/** Text with characters chosen to hurt a reader: controls, lone surrogates, structure characters, YAML indicators. */
const hostileChars = fc.array(fc.oneof(control, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));

/** Arbitrary text: JSON, YAML of any JSON value, any unicode (with lone surrogates), and structure soup. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
  fc.jsonValue().map((v) => toYaml(v)),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  hostileChars,
  // something that looks like a document with odd values
  fc.record({ schemaVersion: fc.jsonValue(), kind: fc.oneof(fc.constantFrom(...DOCUMENT_KINDS), fc.jsonValue()), id: fc.jsonValue(), steps: fc.jsonValue(), initial: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
);

describe('the loader on arbitrary text', () => {
  it('safeParsePath returns a path or documented diagnostics, for JSON and YAML file names', () => {
    fuzz(
      'loader: safeParsePath(arbitrary text)',
      fc.property(anyText, fc.constantFrom(...FILENAMES), (text, filename) => {
        const origin = { text, filename, data: dataOfText(text, filename) };
        expectDocumentedResult(mustReturn(() => safeParsePath(text, { filename })), origin);
      }),
    );
  });

  it('parsePath returns a path or throws a ZorgpadenError with documented diagnostics', () => {
    fuzz(
      'loader: parsePath(arbitrary text) throws only ZorgpadenError',
      fc.property(anyText, (text) => {
        expectReturnsOrDocumentedThrow(() => parsePath(text), { text });
      }),
    );
  });

  it('safeParseDocument of every kind returns a document or documented diagnostics', () => {
    fuzz(
      'loader: safeParseDocument(arbitrary text, every kind)',
      fc.property(anyText, fc.constantFrom(...DOCUMENT_KINDS), fc.constantFrom(...FILENAMES), (text, kind, filename) => {
        const origin = { text, filename, data: dataOfText(text, filename) };
        expectDocumentedResult(mustReturn((): Result<unknown> => safeParseDocument(text, kind, { filename })), origin);
      }),
    );
  });
});
