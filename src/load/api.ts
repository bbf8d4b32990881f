import { dirname, join, resolve } from 'node:path';
import { locateDiagnostics, requireText, ZorgpadenError } from '../diagnostics/index.js';
import type { CarePath, Coalition, Limits, Menukaart, Overlay, Population, Result, Route, Targets } from '../model/index.js';
import { DOCUMENT_TEXT, requireLoadOptions, requireParseOptions, requireKind } from './arguments.js';
import { detectKind, type AnyDocument, type DocumentKind, type DocumentOfKind } from './documents.js';
import { readFailure, runAsync, runNow, type FileTask } from './files.js';
import { documentTask, pathTask, type LoadPathOptions, type TaskSource } from './path-task.js';
import { effectiveLimits, readSource, type SourceFormat } from './read.js';
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

function fileSource(file: string) {
  return { absolute: resolve(file), display: file };
}

function orThrow<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new ZorgpadenError(`Cannot read ${what}.`, result.diagnostics);
  return result.value;
}

function plain<T>(result: Result<T> & { locator?: unknown }): Result<T> {
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
  return parsePathNow('safeParsePath', text, options);
}

function parsePathNow(callee: string, text: string, options: ParseOptions): Result<CarePath> {
  requireText(callee, 'text', text, { allowEmpty: true, expected: DOCUMENT_TEXT });
  requireParseOptions(callee, options);
  return runNow(pathTask(textSource(text, options), options));
}

/** Parses a care path from text like `safeParsePath`, but throws a `ZorgpadenError` on errors. */
export function parsePath(text: string, options: ParseOptions = {}): CarePath {
  return orThrow(parsePathNow('parsePath', text, options), options?.filename ?? 'the path');
}

/**
 * Loads a care path file (JSON or YAML) with its includes, optionally with a menukaart and a
 * coalition applied; returns diagnostics instead of throwing.
 * @example
 * const result = await safeLoadPath('paths/national/zwangerschap.json');
 */
export function safeLoadPath(file: string, options: LoadPathOptions = {}): Promise<Result<CarePath>> {
  return loadPathFile('safeLoadPath', file, options);
}

async function loadPathFile(callee: string, file: string, options: LoadPathOptions): Promise<Result<CarePath>> {
  requireText(callee, 'file', file);
  requireLoadOptions(callee, options);
  return runAsync(pathTask(fileSource(file), options));
}

/** Loads a care path file like `safeLoadPath`, but throws a `ZorgpadenError` on errors. */
export async function loadPath(file: string, options: LoadPathOptions = {}): Promise<CarePath> {
  return orThrow(await loadPathFile('loadPath', file, options), `"${file}"`);
}

function* coalitionPathTask(file: string, options: LoadPathOptions): FileTask<Result<CarePath>> {
  const coalition = yield* documentTask(fileSource(file), 'coalition', options.limits);
  if (!coalition.ok) return coalition;
  const adapted = {
    absolute: resolve(dirname(resolve(file)), coalition.value.adapts),
    display: join(dirname(file), coalition.value.adapts),
    where: coalition.locator.locate('/adapts'),
  };
  return yield* pathTask(adapted, { ...options, coalition: coalition.value });
}

/** Loads a coalition file, the path it `adapts` (relative to it), and applies the one over the other. */
export function safeLoadCoalitionPath(file: string, options: Omit<LoadPathOptions, 'coalition'> = {}): Promise<Result<CarePath>> {
  return loadCoalitionPathFile('safeLoadCoalitionPath', file, options);
}

async function loadCoalitionPathFile(callee: string, file: string, options: Omit<LoadPathOptions, 'coalition'>): Promise<Result<CarePath>> {
  requireText(callee, 'file', file);
  requireLoadOptions(callee, options);
  return runAsync(coalitionPathTask(file, options));
}

/** Loads a coalition's adapted path like `safeLoadCoalitionPath`, but throws on errors. */
export async function loadCoalitionPath(file: string, options: Omit<LoadPathOptions, 'coalition'> = {}): Promise<CarePath> {
  return orThrow(await loadCoalitionPathFile('loadCoalitionPath', file, options), `"${file}"`);
}

async function loadKind<K extends DocumentKind>(callee: string, file: string, kind: K, options: LoadOptions): Promise<Result<DocumentOfKind[K]>> {
  requireText(callee, 'file', file);
  requireLoadOptions(callee, options);
  return plain(await runAsync(documentTask(fileSource(file), kind, options.limits)));
}

/** Loads a menukaart file (`"kind": "menukaart"`); returns diagnostics instead of throwing. */
export const safeLoadMenukaart = (file: string, options: LoadOptions = {}): Promise<Result<Menukaart>> => loadKind('safeLoadMenukaart', file, 'menukaart', options);
/** Loads a population file (`"kind": "population"`); returns diagnostics instead of throwing. */
export const safeLoadPopulation = (file: string, options: LoadOptions = {}): Promise<Result<Population>> => loadKind('safeLoadPopulation', file, 'population', options);
/** Loads a coalition file (`"kind": "coalition"`) without applying it; returns diagnostics instead of throwing. */
export const safeLoadCoalition = (file: string, options: LoadOptions = {}): Promise<Result<Coalition>> => loadKind('safeLoadCoalition', file, 'coalition', options);
/** Loads a klantroute file (`"kind": "route"`); returns diagnostics instead of throwing. */
export const safeLoadRoute = (file: string, options: LoadOptions = {}): Promise<Result<Route>> => loadKind('safeLoadRoute', file, 'route', options);
/** Loads a targets file (`"kind": "targets"`); returns diagnostics instead of throwing. */
export const safeLoadTargets = (file: string, options: LoadOptions = {}): Promise<Result<Targets>> => loadKind('safeLoadTargets', file, 'targets', options);
/** Loads an overlay file (`"kind": "overlay"`, as `calibrate` writes it); returns diagnostics instead of throwing. */
export const safeLoadOverlay = (file: string, options: LoadOptions = {}): Promise<Result<Overlay>> => loadKind('safeLoadOverlay', file, 'overlay', options);

/** Loads a menukaart file; throws a `ZorgpadenError` on errors. */
export const loadMenukaart = async (file: string, options: LoadOptions = {}): Promise<Menukaart> => orThrow(await loadKind('loadMenukaart', file, 'menukaart', options), `"${file}"`);
/** Loads a population file; throws a `ZorgpadenError` on errors. */
export const loadPopulation = async (file: string, options: LoadOptions = {}): Promise<Population> => orThrow(await loadKind('loadPopulation', file, 'population', options), `"${file}"`);
/** Loads a coalition file; throws a `ZorgpadenError` on errors. */
export const loadCoalition = async (file: string, options: LoadOptions = {}): Promise<Coalition> => orThrow(await loadKind('loadCoalition', file, 'coalition', options), `"${file}"`);
/** Loads a klantroute file; throws a `ZorgpadenError` on errors. */
export const loadRoute = async (file: string, options: LoadOptions = {}): Promise<Route> => orThrow(await loadKind('loadRoute', file, 'route', options), `"${file}"`);

function* anyDocumentTask(source: TaskSource, options: LoadPathOptions): FileTask<Result<AnyDocument>> {
  let text = source.text;
  if (text === undefined) {
    const display = source.display ?? source.absolute;
    const reply = yield { absolute: source.absolute, display, maxBytes: effectiveLimits(options.limits).maxFileBytes };
    if (!reply.ok) return { ok: false, diagnostics: [readFailure(reply, display)] };
    text = reply.text;
  }
  const read = readSource(text, { ...(source.display !== undefined ? { filename: source.display } : {}), ...(source.format ? { format: source.format } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  if (read.data === undefined) return { ok: false, diagnostics: read.diagnostics };
  const detected = detectKind(read.data);
  if ('diagnostic' in detected) return { ok: false, diagnostics: locateDiagnostics([detected.diagnostic], read.locator) };
  const withText = { ...source, text };
  if (detected.kind === 'carepath') {
    const path = yield* pathTask(withText, options);
    return path.ok ? { ok: true, value: { kind: 'carepath', document: path.value }, diagnostics: path.diagnostics } : path;
  }
  const shaped = plain(shapeRead(read, detected.kind));
  return shaped.ok ? { ok: true, value: { kind: detected.kind, document: shaped.value } as AnyDocument, diagnostics: shaped.diagnostics } : shaped;
}

/**
 * Loads any zorgpaden document, telling its kind from its `kind` field (a care path when absent);
 * paths get their includes and references resolved. Returns diagnostics instead of throwing.
 */
export function safeLoadDocument(file: string, options: LoadPathOptions = {}): Promise<Result<AnyDocument>> {
  return loadDocumentFile('safeLoadDocument', file, options);
}

async function loadDocumentFile(callee: string, file: string, options: LoadPathOptions): Promise<Result<AnyDocument>> {
  requireText(callee, 'file', file);
  requireLoadOptions(callee, options);
  return runAsync(anyDocumentTask(fileSource(file), options));
}

/** Loads any zorgpaden document like `safeLoadDocument`, but throws a `ZorgpadenError` on errors. */
export async function loadDocument(file: string, options: LoadPathOptions = {}): Promise<AnyDocument> {
  return orThrow(await loadDocumentFile('loadDocument', file, options), `"${file}"`);
}

/** Parses text as a document of the given kind (a care path gets includes and references checked). */
export function safeParseDocument<K extends DocumentKind>(text: string, kind: K, options: ParseOptions = {}): Result<DocumentOfKind[K]> {
  return parseDocumentNow('safeParseDocument', text, kind, options);
}

function parseDocumentNow<K extends DocumentKind>(callee: string, text: string, kind: K, options: ParseOptions): Result<DocumentOfKind[K]> {
  requireKind(callee, kind);
  if (kind === 'carepath') return parsePathNow(callee, text, options) as Result<DocumentOfKind[K]>;
  requireText(callee, 'text', text, { allowEmpty: true, expected: DOCUMENT_TEXT });
  requireParseOptions(callee, options);
  const read = readSource(text, options);
  if (read.data === undefined) return { ok: false, diagnostics: read.diagnostics };
  return plain(shapeRead(read, kind));
}

/** Parses text as a document of the given kind like `safeParseDocument`, but throws on errors. */
export function parseDocument<K extends DocumentKind>(text: string, kind: K, options: ParseOptions = {}): DocumentOfKind[K] {
  return orThrow(parseDocumentNow('parseDocument', text, kind, options), options?.filename ?? `the ${kind}`);
}
