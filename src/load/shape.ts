import { attachSource, createDiagnostic, LOAD_CODES, locateDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { LIMITS, safeParseDataWithin, wrongKindParams, type Limits } from '../model/index.js';
import { schemaOf, undeclaredKind, type DocumentKind, type DocumentOfKind } from './documents.js';
import { readSource, type ReadOptions, type ReadOutcome } from './read.js';
import { SAFETY_CODES } from './codes.js';
import type { FileLocator } from './source-map.js';

/** One file read and checked against its schema (references not yet checked), with its locator. */
export type ShapedFile<T> = { ok: true; value: T; locator: FileLocator; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Reads text and checks it against the schema of `kind`; diagnostics carry file, line and column. */
export function shapeText<K extends DocumentKind>(text: string, kind: K, options: ReadOptions): ShapedFile<DocumentOfKind[K]> {
  return shapeRead(readSource(text, options), kind, options.limits);
}

/** Checks data already read against the schema of `kind`. */
export function shapeRead<K extends DocumentKind>(read: ReadOutcome, kind: K, limits?: Partial<Limits>): ShapedFile<DocumentOfKind[K]> {
  if (read.data === undefined) return { ok: false, diagnostics: read.diagnostics };
  const declared = read.data !== null && typeof read.data === 'object' ? (read.data as Record<string, unknown>).kind : undefined;
  // a care path has no "kind"; given where a route or a population is expected, its shape shows it
  const shown = kind === 'carepath' ? undefined : undeclaredKind(read.data);
  if ((declared !== undefined && declared !== kind) || shown !== undefined) {
    // a file of another kind fails every field; only the kind is worth saying
    const diagnostic = createDiagnostic(LOAD_CODES.wrongKind, wrongKindParams(declared ?? shown, kind), { pointer: declared !== undefined ? '/kind' : '' });
    return { ok: false, diagnostics: locateDiagnostics([diagnostic], read.locator) };
  }
  const parsed = safeParseDataWithin(schemaOf(kind), read.data, limits?.maxConditionDepth ?? LIMITS.maxConditionDepth);
  const diagnostics = locateDiagnostics(parsed.diagnostics, read.locator);
  if (!parsed.ok) return { ok: false, diagnostics };
  const value = attachSource(parsed.value as DocumentOfKind[K] & object, read.locator);
  return { ok: true, value, locator: read.locator, diagnostics };
}

// a document of ours says so in its first field; a file that does not is someone else's
const CLAIMS_TO_BE_OURS = /(^|[\s{,"'])schemaVersion["']?\s*:/;

/**
 * Like `shapeText`, for a file another document names (an include, a menukaart, an `adapts`): a
 * file that is not a zorgpaden document gives one diagnostic without any of its content, so that
 * naming a secrets file or a system file never shows what is in it.
 */
export function shapeNamedText<K extends DocumentKind>(text: string, kind: K, options: ReadOptions & { filename: string }): ShapedFile<DocumentOfKind[K]> {
  const read = readSource(text, options);
  const data = read.data as Record<string, unknown> | undefined;
  const ours = data !== undefined ? data !== null && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'schemaVersion') : CLAIMS_TO_BE_OURS.test(text);
  if (!ours) return { ok: false, diagnostics: [createDiagnostic(SAFETY_CODES.notADocument, { file: options.filename }, { pointer: '', file: options.filename })] };
  return shapeRead(read, kind, options.limits);
}
