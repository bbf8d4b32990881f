import { requireText, ZorgpadenError } from '../diagnostics/index.js';
import type { HouseholdPath, Menukaart, Result } from '../model/index.js';
import { requireLoadOptions } from '../load/arguments.js';
import { resolve } from '../load/file-names.js';
import { runAsync } from '../load/files.js';
import { householdMenukaartTask, householdTask } from '../load/household.js';
import type { LoadPathOptions } from '../load/path-task.js';
import { DISK } from './read-file.js';
import { rootFor, rooted } from './root.js';

/**
 * Loads a household path file (version 2, or version 1 migrated); returns diagnostics instead of throwing.
 * @example
 * const result = await safeLoadHouseholdPath('gezin.json');
 */
export function safeLoadHouseholdPath(file: string, options: Pick<LoadPathOptions, 'limits' | 'root' | 'allowOutsideRoot'> = {}): Promise<Result<HouseholdPath>> {
  requireText('safeLoadHouseholdPath', 'file', file);
  requireLoadOptions('safeLoadHouseholdPath', options);
  return runAsync(householdTask({ absolute: resolve(file), display: file }, rooted(resolve(file), options)), DISK);
}

/**
 * Loads a household path file as `safeLoadHouseholdPath` does, but returns a path whose shape is
 * right even when its references have errors (those errors among its diagnostics): what a report
 * needs to show the path with its findings. Not for simulating: such a path cannot be walked.
 */
export function safeLoadHouseholdPathWithErrors(file: string, options: Pick<LoadPathOptions, 'limits' | 'root' | 'allowOutsideRoot'> = {}): Promise<Result<HouseholdPath>> {
  requireText('safeLoadHouseholdPathWithErrors', 'file', file);
  requireLoadOptions('safeLoadHouseholdPathWithErrors', options);
  return runAsync(householdTask({ absolute: resolve(file), display: file }, { ...rooted(resolve(file), options), keepReferenceErrors: true }), DISK);
}

/**
 * Loads a household path file like `safeLoadHouseholdPath`, but throws a `ZorgpadenError` on errors.
 * @example
 * const path = await loadHouseholdPath('gezin.json');
 */
export async function loadHouseholdPath(file: string, options: Pick<LoadPathOptions, 'limits' | 'root' | 'allowOutsideRoot'> = {}): Promise<HouseholdPath> {
  const result = await safeLoadHouseholdPath(file, options);
  if (!result.ok) throw new ZorgpadenError(`Cannot read "${file}".`, result.diagnostics);
  return result.value;
}

/**
 * The menukaart a loaded household path names in its "menukaart" field, relative to `file` (the file
 * the path was loaded from) and read inside the same root as its includes; a file outside the root,
 * missing or not a menukaart is reported at that field, with its line. None when the path names none.
 */
export function safeLoadHouseholdMenukaart(path: HouseholdPath, file: string, options: Pick<LoadPathOptions, 'limits' | 'root' | 'allowOutsideRoot'> = {}): Promise<Result<Menukaart | undefined>> {
  return runAsync(householdMenukaartTask(path, { absolute: resolve(file), display: file }, options, rootFor(resolve(file), options)), DISK);
}
