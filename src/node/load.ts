/*
 * Loading documents from disk: the file-reading half of the loaders, for Node only. Parsing text
 * lives in the browser-safe core (`src/load/api.ts`); these functions answer the loaders' read
 * requests from the file system.
 */
import { locateDiagnostics, requireText } from '../diagnostics/index.js';
import type { CarePath, Coalition, Menukaart, Overlay, Population, Result, Route, Targets } from '../model/index.js';
import { orThrow, parseDocumentWith, parsePathWith, plain, type LoadOptions, type ParseOptions } from '../load/api.js';
import { requireLoadOptions } from '../load/arguments.js';
import { detectKind, type AnyDocument, type DocumentKind, type DocumentOfKind } from '../load/documents.js';
import { dirname, resolve } from '../load/file-names.js';
import { runAsync, type FileTask } from '../load/files.js';
import { documentTask, pathTask, readSourceTask, type LoadPathOptions, type TaskSource } from '../load/path-task.js';
import { shapeRead } from '../load/shape.js';
import { namedDisplay } from '../load/root.js';
import { DISK } from './read-file.js';
import { rooted, rootFor } from './root.js';

function fileSource(file: string) {
  return { absolute: resolve(file), display: file };
}

function documentName(options: ParseOptions | undefined): string {
  return resolve(typeof options?.filename === 'string' ? options.filename : 'document');
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
  return runAsync(pathTask(fileSource(file), rooted(resolve(file), options)), DISK);
}

/**
 * Loads a care path file like `safeLoadPath`, but throws a `ZorgpadenError` on errors.
 * @example
 * const path = await loadPath('paths/national/zwangerschap.json');
 */
export async function loadPath(file: string, options: LoadPathOptions = {}): Promise<CarePath> {
  return orThrow(await loadPathFile('loadPath', file, options), `"${file}"`);
}

function* coalitionPathTask(file: string, options: LoadPathOptions): FileTask<Result<CarePath>> {
  const coalition = yield* documentTask(fileSource(file), 'coalition', options.limits);
  if (!coalition.ok) return coalition;
  const root = rootFor(resolve(file), options);
  const adapted = {
    absolute: resolve(dirname(resolve(file)), coalition.value.adapts),
    display: namedDisplay(file, coalition.value.adapts),
    where: coalition.locator.locate('/adapts'),
    named: true,
    ...(root !== undefined ? { root } : {}),
  };
  return yield* pathTask(adapted, { ...options, coalition: coalition.value });
}

/**
 * Loads a coalition file, the path it `adapts` (relative to it), and applies the one over the other.
 * @example
 * const result = await safeLoadCoalitionPath('paths/coalitions/haarlem.json');
 */
export function safeLoadCoalitionPath(file: string, options: Omit<LoadPathOptions, 'coalition'> = {}): Promise<Result<CarePath>> {
  return loadCoalitionPathFile('safeLoadCoalitionPath', file, options);
}

async function loadCoalitionPathFile(callee: string, file: string, options: Omit<LoadPathOptions, 'coalition'>): Promise<Result<CarePath>> {
  requireText(callee, 'file', file);
  requireLoadOptions(callee, options);
  return runAsync(coalitionPathTask(file, options), DISK);
}

/**
 * Loads a coalition's adapted path like `safeLoadCoalitionPath`, but throws on errors.
 * @example
 * const local = await loadCoalitionPath('paths/coalitions/haarlem.json');
 */
export async function loadCoalitionPath(file: string, options: Omit<LoadPathOptions, 'coalition'> = {}): Promise<CarePath> {
  return orThrow(await loadCoalitionPathFile('loadCoalitionPath', file, options), `"${file}"`);
}

async function loadKind<K extends DocumentKind>(callee: string, file: string, kind: K, options: LoadOptions): Promise<Result<DocumentOfKind[K]>> {
  requireText(callee, 'file', file);
  requireLoadOptions(callee, options);
  return plain(await runAsync(documentTask(fileSource(file), kind, options.limits), DISK));
}

/**
 * Loads a menukaart file (`"kind": "menukaart"`); returns diagnostics instead of throwing.
 * @example
 * const result = await safeLoadMenukaart('paths/menukaart/menukaart.json');
 */
export const safeLoadMenukaart = (file: string, options: LoadOptions = {}): Promise<Result<Menukaart>> => loadKind('safeLoadMenukaart', file, 'menukaart', options);
/**
 * Loads a population file (`"kind": "population"`); returns diagnostics instead of throwing.
 * @example
 * const result = await safeLoadPopulation('paths/populations/default.json');
 */
export const safeLoadPopulation = (file: string, options: LoadOptions = {}): Promise<Result<Population>> => loadKind('safeLoadPopulation', file, 'population', options);
/**
 * Loads a coalition file (`"kind": "coalition"`) without applying it; returns diagnostics instead of throwing.
 * @example
 * const result = await safeLoadCoalition('paths/coalitions/haarlem.json');
 */
export const safeLoadCoalition = (file: string, options: LoadOptions = {}): Promise<Result<Coalition>> => loadKind('safeLoadCoalition', file, 'coalition', options);
/**
 * Loads a klantroute file (`"kind": "route"`); returns diagnostics instead of throwing.
 * @example
 * const result = await safeLoadRoute('paths/routes/sanne.json');
 */
export const safeLoadRoute = (file: string, options: LoadOptions = {}): Promise<Result<Route>> => loadKind('safeLoadRoute', file, 'route', options);

/**
 * Loads a targets file (`"kind": "targets"`): published indicators to calibrate against; returns diagnostics instead of throwing.
 * @example
 * const result = await safeLoadTargets('paths/targets/monitor.json');
 */
export const safeLoadTargets = (file: string, options: LoadOptions = {}): Promise<Result<Targets>> => loadKind('safeLoadTargets', file, 'targets', options);
/**
 * Loads a parameter overlay (`"kind": "overlay"`), as `zorgpaden calibrate` writes it; returns diagnostics instead of throwing.
 * @example
 * const result = await safeLoadOverlay('kalibratie.json');
 */
export const safeLoadOverlay = (file: string, options: LoadOptions = {}): Promise<Result<Overlay>> => loadKind('safeLoadOverlay', file, 'overlay', options);

/**
 * Loads a menukaart file; throws a `ZorgpadenError` on errors.
 * @example
 * const menukaart = await loadMenukaart('paths/menukaart/menukaart.json');
 */
export const loadMenukaart = async (file: string, options: LoadOptions = {}): Promise<Menukaart> => orThrow(await loadKind('loadMenukaart', file, 'menukaart', options), `"${file}"`);
/**
 * Loads a population file; throws a `ZorgpadenError` on errors.
 * @example
 * const population = await loadPopulation('paths/populations/default.json');
 */
export const loadPopulation = async (file: string, options: LoadOptions = {}): Promise<Population> => orThrow(await loadKind('loadPopulation', file, 'population', options), `"${file}"`);
/**
 * Loads a coalition file; throws a `ZorgpadenError` on errors.
 * @example
 * const coalition = await loadCoalition('paths/coalitions/haarlem.json');
 */
export const loadCoalition = async (file: string, options: LoadOptions = {}): Promise<Coalition> => orThrow(await loadKind('loadCoalition', file, 'coalition', options), `"${file}"`);
/**
 * Loads a klantroute file; throws a `ZorgpadenError` on errors.
 * @example
 * const route = await loadRoute('paths/routes/sanne.json');
 */
export const loadRoute = async (file: string, options: LoadOptions = {}): Promise<Route> => orThrow(await loadKind('loadRoute', file, 'route', options), `"${file}"`);

function* anyDocumentTask(source: TaskSource, options: LoadPathOptions): FileTask<Result<AnyDocument>> {
  const parsed = yield* readSourceTask(source, options.limits);
  if (!parsed.ok) return parsed;
  const { text, read } = parsed;
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
 * @example
 * const result = await safeLoadDocument('paths/menukaart/menukaart.json');
 * if (result.ok) console.log(result.value.kind); // 'menukaart'
 */
export function safeLoadDocument(file: string, options: LoadPathOptions = {}): Promise<Result<AnyDocument>> {
  return loadDocumentFile('safeLoadDocument', file, options);
}

async function loadDocumentFile(callee: string, file: string, options: LoadPathOptions): Promise<Result<AnyDocument>> {
  requireText(callee, 'file', file);
  requireLoadOptions(callee, options);
  return runAsync(anyDocumentTask(fileSource(file), rooted(resolve(file), options)), DISK);
}

/**
 * Loads any zorgpaden document like `safeLoadDocument`, but throws a `ZorgpadenError` on errors.
 * @example
 * const { kind, document } = await loadDocument('paths/routes/sanne.json');
 */
export async function loadDocument(file: string, options: LoadPathOptions = {}): Promise<AnyDocument> {
  return orThrow(await loadDocumentFile('loadDocument', file, options), `"${file}"`);
}


/**
 * Parses a care path from text like the core's `safeParsePath`, reading its includes (and a
 * menukaart or coalition named by file) from disk, relative to `filename`.
 * @example
 * import { safeParsePath } from 'zorgpaden/node';
 * const result = safeParsePath(text, { filename: 'paths/national/1000-dagen.json' });
 */
export function safeParsePath(text: string, options: ParseOptions = {}): Result<CarePath> {
  return parsePathWith('safeParsePath', text, rooted(documentName(options), options ?? {}), DISK);
}

/**
 * Parses a care path from text like `safeParsePath` from `zorgpaden/node`, but throws a
 * `ZorgpadenError` on errors.
 * @example
 * import { parsePath } from 'zorgpaden/node';
 * const path = parsePath(readFileSync('paths/national/1000-dagen.json', 'utf8'), { filename: 'paths/national/1000-dagen.json' });
 */
export function parsePath(text: string, options: ParseOptions = {}): CarePath {
  return orThrow(parsePathWith('parsePath', text, rooted(documentName(options), options ?? {}), DISK), options?.filename ?? 'the path');
}

/**
 * Parses text as a document of the given kind, reading a path's includes from disk; returns
 * diagnostics instead of throwing.
 * @example
 * const result = safeParseDocument(text, 'menukaart', { filename: 'menukaart.json' });
 */
export function safeParseDocument<K extends DocumentKind>(text: string, kind: K, options: ParseOptions = {}): Result<DocumentOfKind[K]> {
  return parseDocumentWith('safeParseDocument', text, kind, rooted(documentName(options), options ?? {}), DISK);
}

/**
 * Parses text as a document of the given kind like `safeParseDocument`, but throws on errors.
 * @example
 * const menukaart = parseDocument(text, 'menukaart', { filename: 'menukaart.json' });
 */
export function parseDocument<K extends DocumentKind>(text: string, kind: K, options: ParseOptions = {}): DocumentOfKind[K] {
  return orThrow(parseDocumentWith('parseDocument', text, kind, rooted(documentName(options), options ?? {}), DISK), options?.filename ?? `the ${kind}`);
}
