import { resolve } from './file-names.js';
import { requireText, ZorgpadenError } from '../diagnostics/index.js';
import type { CarePath, Limits, Result } from '../model/index.js';
import { DOCUMENT_TEXT, requireParseOptions, requireKind } from './arguments.js';
import type { DocumentKind, DocumentOfKind } from './documents.js';
import { NO_FILE_SYSTEM, runNow, type FileReader } from './files.js';
import { pathTask, type LoadPathOptions } from './path-task.js';
import { readSource, type SourceFormat } from './read.js';
import { shapeRead } from './shape.js';

/** Options for parsing text: its file name (for messages, format and includes) and limits. */
export interface ParseOptions extends LoadPathOptions {
  /** The file the text came from; includes are read relative to it. */
  filename?: string;
  /** JSON or YAML; by default told from the file name, or else from the text. */
  format?: SourceFormat;
}

/** Options for loading a document that is not a path. */
export interface LoadOptions {
  limits?: Partial<Limits>;
}

function textSource(text: string, options: ParseOptions) {
  return { text, absolute: resolve(options.filename ?? 'document'), display: options.filename, ...(options.format ? { format: options.format } : {}) };
}

/** The value of a result, or a `ZorgpadenError` with its diagnostics. */
export function orThrow<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new ZorgpadenError(`Cannot read ${what}.`, result.diagnostics);
  return result.value;
}

/** A result without its locator. */
export function plain<T>(result: Result<T> & { locator?: unknown }): Result<T> {
  return result.ok ? { ok: true, value: result.value, diagnostics: result.diagnostics } : { ok: false, diagnostics: result.diagnostics };
}

/**
 * Parses a care path from JSON or YAML text, resolving includes relative to `filename`, and checks
 * its shape and references; returns diagnostics with file, line and column instead of throwing.
 * @example
 * const result = safeParsePath(text, { filename: 'zwangerschap.json' });
 * if (!result.ok) for (const d of result.diagnostics) console.log(`${d.file}:${d.line}:${d.column} ${d.message}`);
 */
export function safeParsePath(text: string, options: ParseOptions = {}): Result<CarePath> {
  return parsePathWith('safeParsePath', text, options, NO_FILE_SYSTEM);
}

/** `safeParsePath` with the reader that answers for includes (none in the core, the disk in `zorgpaden/node`). */
export function parsePathWith(callee: string, text: string, options: ParseOptions, reader: FileReader): Result<CarePath> {
  requireText(callee, 'text', text, { allowEmpty: true, expected: DOCUMENT_TEXT });
  requireParseOptions(callee, options);
  return runNow(pathTask(textSource(text, options), options), reader);
}

/**
 * Parses a care path from text like `safeParsePath`, but throws a `ZorgpadenError` on errors.
 * @example
 * const path = parsePath(text, { filename: 'zwangerschap.json' });
 */
export function parsePath(text: string, options: ParseOptions = {}): CarePath {
  return orThrow(parsePathWith('parsePath', text, options, NO_FILE_SYSTEM), options?.filename ?? 'the path');
}

/**
 * Parses text as a document of the given kind (a care path gets includes and references checked).
 * @example
 * const result = safeParseDocument(text, 'population', { filename: 'population.json' });
 */
export function safeParseDocument<K extends DocumentKind>(text: string, kind: K, options: ParseOptions = {}): Result<DocumentOfKind[K]> {
  return parseDocumentWith('safeParseDocument', text, kind, options, NO_FILE_SYSTEM);
}

/** `safeParseDocument` with the reader that answers for a path's includes. */
export function parseDocumentWith<K extends DocumentKind>(callee: string, text: string, kind: K, options: ParseOptions, reader: FileReader): Result<DocumentOfKind[K]> {
  requireKind(callee, kind);
  if (kind === 'carepath') return parsePathWith(callee, text, options, reader) as Result<DocumentOfKind[K]>;
  requireText(callee, 'text', text, { allowEmpty: true, expected: DOCUMENT_TEXT });
  requireParseOptions(callee, options);
  const read = readSource(text, options);
  if (read.data === undefined) return { ok: false, diagnostics: read.diagnostics };
  return plain(shapeRead(read, kind));
}

/**
 * Parses text as a document of the given kind like `safeParseDocument`, but throws on errors.
 * @example
 * const menukaart = parseDocument(text, 'menukaart', { filename: 'menukaart.json' });
 */
export function parseDocument<K extends DocumentKind>(text: string, kind: K, options: ParseOptions = {}): DocumentOfKind[K] {
  return orThrow(parseDocumentWith('parseDocument', text, kind, options, NO_FILE_SYSTEM), options?.filename ?? `the ${kind}`);
}
