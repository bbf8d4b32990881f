import { dirname, resolve } from './file-names.js';
import { attachSource, createDiagnostic, hasErrors, LOAD_CODES, locateDiagnostics, sourceOf, type Diagnostic, type DiagnosticLocation } from '../diagnostics/index.js';
import { checkReferences, type CarePath, type Coalition, type Intervention, type Limits, type Menukaart, type Result } from '../model/index.js';
import type { DocumentKind, DocumentOfKind } from './documents.js';
import { SAFETY_CODES } from './codes.js';
import { readFailure, RESOLVED_FROM, type FileTask } from './files.js';
import { composePath } from './includes.js';
import { safeApplyCoalition } from './overlay.js';
import { effectiveLimits, readSource, type ReadOutcome, type SourceFormat } from './read.js';
import { namedDisplay, type RootOptions } from './root.js';
import { shapeNamedText, shapeText, type ShapedFile } from './shape.js';

/** Options for loading a path: limits, the root, and optionally a menukaart and a coalition to apply. */
export interface LoadPathOptions extends RootOptions {
  limits?: Partial<Limits>;
  /** A menukaart file (relative to the working directory) or document; by default the path's own `menukaart` field is used. */
  menukaart?: string | Menukaart;
  /** A coalition file (relative to the working directory) or document to apply over the path. */
  coalition?: string | Coalition;
}

/** Where a document's text comes from: given text, or a file to read. */
export interface TaskSource {
  text?: string;
  absolute: string;
  display: string | undefined;
  format?: SourceFormat;
  /** Where the file is named (an `adapts` field), for a diagnostic when it does not exist. */
  where?: DiagnosticLocation;
  /** For a file another document names: the root it must lie in (undefined: anywhere). */
  root?: string;
  /** True for a file another document names: it is read only inside the root, and only when it is a document of ours. */
  named?: boolean;
}

/**
 * Asks for a source's file: a file another document names only inside its root. A failure is
 * reported where the document names the file (`where`), when it says.
 */
function* readTextTask(source: TaskSource, limits: Partial<Limits> | undefined, where: DiagnosticLocation | undefined): FileTask<{ ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] }> {
  const display = source.display ?? source.absolute;
  const reply = yield { absolute: source.absolute, display, maxBytes: effectiveLimits(limits).maxFileBytes, ...(source.named && source.root !== undefined ? { root: source.root } : {}) };
  if (reply.ok) return { ok: true, text: reply.text };
  const diagnostic = where && reply.problem === 'not-found' ? createDiagnostic(LOAD_CODES.fileNotFound, { file: display, ...RESOLVED_FROM.referrer }, where) : readFailure(reply, display);
  // a file refused unread is reported where the document names it
  const refused = where && (reply.problem === 'outside-root' || reply.problem === 'not-a-document');
  return { ok: false, diagnostics: [refused ? { ...diagnostic, ...where } : diagnostic] };
}

/** Reads a source's text (asking for the file when the source has none) and parses it as JSON or YAML. */
export function* readSourceTask(source: TaskSource, limits: Partial<Limits> | undefined): FileTask<{ ok: true; text: string; read: ReadOutcome } | { ok: false; diagnostics: Diagnostic[] }> {
  let text = source.text;
  if (text === undefined) {
    const reply = yield* readTextTask(source, limits, source.where);
    if (!reply.ok) return reply;
    text = reply.text;
  }
  const read = readSource(text, { ...(source.display !== undefined ? { filename: source.display } : {}), ...(source.format ? { format: source.format } : {}), ...(limits ? { limits } : {}) });
  if (read.data === undefined) return { ok: false, diagnostics: read.diagnostics };
  return { ok: true, text, read };
}

/** Reads one document of a kind and checks its shape (for paths, see `pathTask`). */
export function* documentTask<K extends DocumentKind>(source: TaskSource, kind: K, limits: Partial<Limits> | undefined, where?: DiagnosticLocation): FileTask<ShapedFile<DocumentOfKind[K]>> {
  let text = source.text;
  if (text === undefined) {
    const reply = yield* readTextTask(source, limits, where);
    if (!reply.ok) return reply;
    text = reply.text;
  }
  const read = { ...(source.format ? { format: source.format } : {}), ...(limits ? { limits } : {}) };
  if (source.named && source.display !== undefined) {
    const shaped = shapeNamedText(text, kind, { ...read, filename: source.display });
    if (!shaped.ok && where && shaped.diagnostics[0]?.code === SAFETY_CODES.notADocument.code) return { ok: false, diagnostics: [{ ...shaped.diagnostics[0], ...where }] };
    return shaped;
  }
  return shapeText(text, kind, { ...(source.display !== undefined ? { filename: source.display } : {}), ...read });
}

function* menukaartOf(path: CarePath, source: TaskSource, options: LoadPathOptions, root: string | undefined, locate: (pointer: string) => DiagnosticLocation): FileTask<{ interventions?: Record<string, Intervention>; diagnostics: Diagnostic[] }> {
  let menukaart = options.menukaart;
  let from: TaskSource | undefined;
  if (typeof menukaart === 'string') from = { absolute: resolve(menukaart), display: menukaart };
  else if (menukaart === undefined && path.menukaart !== undefined) {
    from = { absolute: resolve(dirname(source.absolute), path.menukaart), display: namedDisplay(source.display, path.menukaart), named: true, ...(root !== undefined ? { root } : {}) };
  }
  if (from) {
    const read = yield* documentTask(from, 'menukaart', options.limits, typeof options.menukaart === 'string' ? undefined : locate('/menukaart'));
    if (!read.ok) return { diagnostics: read.diagnostics };
    menukaart = read.value;
  }
  return { ...(menukaart && typeof menukaart !== 'string' ? { interventions: menukaart.interventions } : {}), diagnostics: [] };
}

/**
 * Loads a care path: reads and shape-checks it, resolves its includes, checks every reference
 * (against its menukaart when it names one), and applies a coalition when asked.
 */
export function* pathTask(source: TaskSource, options: LoadPathOptions = {}): FileTask<Result<CarePath>> {
  const limits = effectiveLimits(options.limits);
  // the files this path names lie in the root of the file the caller named: the Node entry sets it
  // (`zorgpaden/node` decides the default on disk); the core reads no files at all
  const root = source.named ? source.root : options.allowOutsideRoot === true || options.root === undefined ? undefined : resolve(options.root);
  const shaped = yield* documentTask(source, 'carepath', options.limits, source.where);
  if (!shaped.ok) return shaped;
  const { locator } = shaped;
  const composed = yield* composePath({ path: shaped.value, locator, absolute: source.absolute, display: source.display }, limits, root);
  if (!composed.composed) return { ok: false, diagnostics: composed.diagnostics };
  const { path: composedPath, locator: composedLocator } = composed.composed;
  const menu = yield* menukaartOf(composedPath, source, options, root, (pointer) => composedLocator.locate(pointer));
  if (hasErrors(menu.diagnostics)) return { ok: false, diagnostics: menu.diagnostics };
  const references = locateDiagnostics(checkReferences(composedPath, { ...(menu.interventions ? { interventions: menu.interventions } : {}), limits }), composedLocator);
  const diagnostics = [...composed.diagnostics, ...references];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  // the path carries the entries of its menukaart, so validation and simulation of a loaded path see
  // the same target groups as the CLI, without the caller loading the menukaart again
  const path = menu.interventions ? { ...composedPath, interventions: { ...menu.interventions, ...composedPath.interventions } } : composedPath;
  attachSource(path, composedLocator);
  if (options.coalition === undefined) return { ok: true, value: path, diagnostics };

  let coalition = options.coalition;
  if (typeof coalition === 'string') {
    const read = yield* documentTask({ absolute: resolve(coalition), display: coalition }, 'coalition', options.limits);
    if (!read.ok) return { ok: false, diagnostics: [...diagnostics, ...read.diagnostics] };
    coalition = read.value;
  }
  const overlay = safeApplyCoalition(path, coalition, menu.interventions ? { menukaart: menu.interventions } : {});
  if (!overlay.ok) return { ok: false, diagnostics: [...diagnostics, ...overlay.diagnostics] };
  // local steps and transitions must resolve too; the overlay's locator points into the coalition file
  const overlaid = overlay.value.path;
  const local = locateDiagnostics(checkReferences(overlaid, { ...(menu.interventions ? { interventions: menu.interventions } : {}), limits }), sourceOf(overlaid));
  const all = [...diagnostics, ...overlay.diagnostics, ...local];
  if (hasErrors(all)) return { ok: false, diagnostics: all };
  return { ok: true, value: overlaid, diagnostics: all };
}
