import { locateDiagnostics, requireText, attachSource, isRecord, hasErrors, sourceOf } from '../diagnostics/index.js';
import { checkHouseholdReferences, HOUSEHOLD_SCHEMA_VERSION, HouseholdPathSchema, safeParseDataWithin, safeParseHouseholdPathData, type Coalition, type HouseholdPath, type Intervention, type Menukaart, type Result } from '../model/index.js';
import { DOCUMENT_TEXT, requireParseOptions } from './arguments.js';
import { runNow, type FileTask } from './files.js';
import { dirname, relative, resolve } from './file-names.js';
import { composeHousehold, onePerPlace } from './household-includes.js';
import { safeApplyHouseholdCoalition } from './household-overlay.js';
import { migratePathV1 } from './migrate-v1.js';
import { documentTask, pathTask, readSourceTask, type LoadPathOptions, type TaskSource } from './path-task.js';
import { effectiveLimits, type ReadOutcome, type SourceFormat } from './read.js';
import { namedDisplay } from './root.js';

/** Options for parsing a household path from text. */
export interface HouseholdParseOptions extends Pick<LoadPathOptions, 'limits' | 'root' | 'allowOutsideRoot'> {
  /** The file the text came from, for messages and the format. */
  filename?: string;
  format?: SourceFormat;
}

/**
 * How a household path is read. `keepReferenceErrors`: a path whose shape is right is returned even
 * when its references have errors (the errors among its diagnostics), so that a report can show
 * the path with its findings; without it such a path is not returned.
 */
export interface HouseholdTaskOptions extends HouseholdParseOptions {
  keepReferenceErrors?: boolean;
}

/**
 * Reads a household path: version 2 as it is, version 1 through its loader and the migration, and a
 * coalition as the path it adapts with the coalition applied.
 */
export function* householdTask(source: TaskSource, options: HouseholdTaskOptions): FileTask<Result<HouseholdPath>> {
  const loaded = yield* readSourceTask(source, options.limits);
  if (!loaded.ok) return loaded;
  const { text, read } = loaded;
  if (isRecord(read.data) && read.data.kind === 'coalition' && !source.named) return yield* coalitionTask({ ...source, text }, options);
  if (!isRecord(read.data) || read.data.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION) {
    // version 1 (or a broken version): the version 1 loader says what is wrong, in the user's file
    const v1 = yield* pathTask({ ...source, text }, options);
    if (!v1.ok) return v1;
    return { ok: true, value: migratePathV1(v1.value).path, diagnostics: v1.diagnostics };
  }
  if (Array.isArray(read.data.includes) && read.data.includes.length > 0) return yield* withIncludesTask(source, read, options);
  const parsed = options.keepReferenceErrors === true ? shapedWithReferences(read.data, options) : safeParseHouseholdPathData(read.data, options.limits ? { limits: options.limits } : {});
  const diagnostics = locateDiagnostics([...read.diagnostics, ...parsed.diagnostics], read.locator);
  if (!parsed.ok) return { ok: false, diagnostics };
  attachSource(parsed.value, read.locator);
  return { ok: true, value: parsed.value, diagnostics };
}

/**
 * A coalition file: the path it `adapts` (inside the root, relative to the coalition) with the
 * coalition applied. Over a household path the household overlay applies it; over a version 1 path
 * the version 1 overlay does, and the result is migrated as any version 1 path is.
 */
function* coalitionTask(source: TaskSource, options: HouseholdTaskOptions): FileTask<Result<HouseholdPath>> {
  const coalition = yield* documentTask(source, 'coalition', options.limits);
  if (!coalition.ok) return coalition;
  const root = options.allowOutsideRoot === true || options.root === undefined ? undefined : resolve(options.root);
  const { adapts } = coalition.value;
  const adapted: TaskSource = {
    absolute: resolve(dirname(source.absolute), adapts),
    display: namedDisplay(source.display, adapts),
    where: coalition.locator.locate('/adapts'),
    named: true,
    ...(root !== undefined ? { root } : {}),
  };
  const loaded = yield* readSourceTask(adapted, options.limits);
  if (!loaded.ok) return loaded;
  const named = { ...adapted, text: loaded.text };
  if (!isRecord(loaded.read.data) || loaded.read.data.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION) {
    const v1 = yield* pathTask(named, { ...options, coalition: coalition.value });
    if (!v1.ok) return v1;
    return { ok: true, value: migratePathV1(v1.value).path, diagnostics: v1.diagnostics };
  }
  const household = yield* householdTask(named, options);
  if (!household.ok) return household;
  const menukaart = yield* householdMenukaartTask(household.value, adapted, options, root);
  if (!menukaart.ok) return { ok: false, diagnostics: [...household.diagnostics, ...menukaart.diagnostics] };
  const applied = applyAndCheck(household.value, coalition.value, menukaart.value?.interventions, options.keepReferenceErrors === true);
  const diagnostics = [...household.diagnostics, ...applied.diagnostics];
  if (!applied.ok) return { ok: false, diagnostics };
  return { ok: true, value: rebased(applied.value, dirname(adapted.absolute), dirname(source.absolute)), diagnostics };
}

/**
 * Applies a coalition over a loaded household path and checks the references of the result: local
 * steps, transitions and retargeted references must resolve too. The overlay's locator points into
 * the coalition file.
 */
export function applyAndCheck(path: HouseholdPath, coalition: Coalition, interventions: Record<string, Intervention> | undefined, keepReferenceErrors = false): Result<HouseholdPath> {
  const overlay = safeApplyHouseholdCoalition(path, coalition, interventions ? { menukaart: interventions } : {});
  if (!overlay.ok) return overlay;
  const result = overlay.value.path;
  const references = onePerPlace(locateDiagnostics(checkHouseholdReferences(result), sourceOf(result)));
  const diagnostics = [...overlay.diagnostics, ...references];
  if (hasErrors(diagnostics) && !keepReferenceErrors) return { ok: false, diagnostics };
  return { ok: true, value: result, diagnostics };
}

/**
 * The path with the files it names (`$schema`, `menukaart`) relative to the coalition's folder, as
 * for any path loaded from that file: whoever reads them next resolves them from the file they gave.
 */
function rebased(path: HouseholdPath, from: string, to: string): HouseholdPath {
  const move = (name: string) => (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('/') ? name : relative(to, resolve(from, name)) || '.');
  const moved = { ...path, ...(path.$schema !== undefined ? { $schema: move(path.$schema) } : {}), ...(path.menukaart !== undefined ? { menukaart: move(path.menukaart) } : {}) };
  const locator = sourceOf(path);
  return locator ? attachSource(moved, locator) : moved;
}

/**
 * The menukaart a household path names (relative to `source`, the file it was loaded from), read
 * inside the root; a file refused or missing is reported at the path's "menukaart" field, with its
 * line. None when the path names no menukaart.
 */
export function* householdMenukaartTask(path: HouseholdPath, source: TaskSource, options: HouseholdParseOptions, root: string | undefined): FileTask<Result<Menukaart | undefined>> {
  if (path.menukaart === undefined) return { ok: true, value: undefined, diagnostics: [] };
  const from: TaskSource = { absolute: resolve(dirname(source.absolute), path.menukaart), display: namedDisplay(source.display, path.menukaart), named: true, ...(root !== undefined ? { root } : {}) };
  const where = sourceOf(path)?.locate('/menukaart');
  const read = yield* documentTask(from, 'menukaart', options.limits, where);
  return read.ok ? { ok: true, value: read.value, diagnostics: read.diagnostics } : { ok: false, diagnostics: read.diagnostics };
}

/** A household path that includes sub-paths: shape first, then the includes, then the references of the whole. */
function* withIncludesTask(source: TaskSource, read: ReadOutcome, options: HouseholdTaskOptions): FileTask<Result<HouseholdPath>> {
  const shaped = safeParseDataWithin(HouseholdPathSchema, read.data, effectiveLimits(options.limits).maxConditionDepth);
  const shapeDiagnostics = locateDiagnostics([...read.diagnostics, ...shaped.diagnostics], read.locator);
  if (!shaped.ok) return { ok: false, diagnostics: shapeDiagnostics };
  // included files lie in the root, as for a version 1 path; the core alone reads no files at all
  const root = options.allowOutsideRoot === true || options.root === undefined ? undefined : resolve(options.root);
  const file = { path: shaped.value, locator: read.locator, absolute: source.absolute, display: source.display };
  const composed = yield* composeHousehold(file, effectiveLimits(options.limits), root);
  if (!composed.composed) return { ok: false, diagnostics: [...shapeDiagnostics, ...composed.diagnostics] };
  const { path, locator } = composed.composed;
  const references = onePerPlace(locateDiagnostics(checkHouseholdReferences(path), locator));
  const diagnostics = [...shapeDiagnostics, ...composed.diagnostics, ...references];
  if (hasErrors([...shapeDiagnostics, ...composed.diagnostics]) || (hasErrors(references) && options.keepReferenceErrors !== true)) return { ok: false, diagnostics };
  attachSource(path, locator);
  return { ok: true, value: path, diagnostics };
}

/** The shape of a household path checked, then its references; reference errors are returned with the path. */
function shapedWithReferences(data: unknown, options: HouseholdParseOptions): Result<HouseholdPath> {
  const shaped = safeParseDataWithin(HouseholdPathSchema, data, effectiveLimits(options.limits).maxConditionDepth);
  if (!shaped.ok) return shaped;
  return { ok: true, value: shaped.value, diagnostics: checkHouseholdReferences(shaped.value) };
}

/**
 * Parses a household path (format version 2) from JSON or YAML text; a version 1 path is read as
 * before and migrated to one parent track. Diagnostics carry file, line and column.
 * @example
 * const result = safeParseHouseholdPath(text, { filename: 'gezin.json' });
 */
export function safeParseHouseholdPath(text: string, options: HouseholdParseOptions = {}): Result<HouseholdPath> {
  requireText('safeParseHouseholdPath', 'text', text, { allowEmpty: true, expected: DOCUMENT_TEXT });
  requireParseOptions('safeParseHouseholdPath', options);
  return runNow(householdTask({ text, absolute: resolve(options.filename ?? 'document'), display: options.filename, ...(options.format ? { format: options.format } : {}) }, options));
}
