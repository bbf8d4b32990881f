import { locateDiagnostics, requireText, attachSource, isRecord, hasErrors } from '../diagnostics/index.js';
import { checkHouseholdReferences, HOUSEHOLD_SCHEMA_VERSION, HouseholdPathSchema, safeParseDataWithin, safeParseHouseholdPathData, type HouseholdPath, type Result } from '../model/index.js';
import { DOCUMENT_TEXT, requireParseOptions } from './arguments.js';
import { runNow, type FileTask } from './files.js';
import { resolve } from './file-names.js';
import { composeHousehold, onePerPlace } from './household-includes.js';
import { migratePathV1 } from './migrate-v1.js';
import { pathTask, readSourceTask, type LoadPathOptions, type TaskSource } from './path-task.js';
import { effectiveLimits, type ReadOutcome, type SourceFormat } from './read.js';

/** Options for parsing a household path from text. */
export interface HouseholdParseOptions extends Pick<LoadPathOptions, 'limits' | 'root' | 'allowOutsideRoot'> {
  /** The file the text came from, for messages and the format. */
  filename?: string;
  format?: SourceFormat;
}

/** Reads a household path: version 2 as it is, version 1 through its loader and the migration. */
export function* householdTask(source: TaskSource, options: HouseholdParseOptions): FileTask<Result<HouseholdPath>> {
  const loaded = yield* readSourceTask(source, options.limits);
  if (!loaded.ok) return loaded;
  const { text, read } = loaded;
  if (!isRecord(read.data) || read.data.schemaVersion !== HOUSEHOLD_SCHEMA_VERSION) {
    // version 1 (or a broken version): the version 1 loader says what is wrong, in the user's file
    const v1 = yield* pathTask({ ...source, text }, options);
    if (!v1.ok) return v1;
    return { ok: true, value: migratePathV1(v1.value).path, diagnostics: v1.diagnostics };
  }
  if (Array.isArray(read.data.includes) && read.data.includes.length > 0) return yield* withIncludesTask(source, read, options);
  const parsed = safeParseHouseholdPathData(read.data, options.limits ? { limits: options.limits } : {});
  const diagnostics = locateDiagnostics([...read.diagnostics, ...parsed.diagnostics], read.locator);
  if (!parsed.ok) return { ok: false, diagnostics };
  attachSource(parsed.value, read.locator);
  return { ok: true, value: parsed.value, diagnostics };
}

/** A household path that includes sub-paths: shape first, then the includes, then the references of the whole. */
function* withIncludesTask(source: TaskSource, read: ReadOutcome, options: HouseholdParseOptions): FileTask<Result<HouseholdPath>> {
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
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  attachSource(path, locator);
  return { ok: true, value: path, diagnostics };
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
