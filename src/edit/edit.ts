import { enablePatches, Immer, type Draft, type Patch as ImmerPatch } from 'immer';
import { argumentError, requireFunction, requireRecord, ZorgpadenError } from '../diagnostics/index.js';
import { requireCarePath, requireLimits, safeParseCarePathData, type CarePath, type ReferenceOptions, type Result } from '../model/index.js';

/** One recorded change in immer's format: `op` (`add`, `replace`, `remove`), `path` as segments, and `value`. */
export type Patch = ImmerPatch;

/** The result of an edit: the new path, the patches that made it, and the patches that undo it. */
export interface PathEdit {
  path: CarePath;
  /** JSON-patch-like operations (immer's format: `op`, `path` as segments, `value`) from the old path to the new. */
  patches: Patch[];
  /** The operations from the new path back to the old; `undoEdit` applies them. */
  inversePatches: Patch[];
}

/** A function that changes a draft of a path in place (or returns a whole new path). */
export type PathRecipe = (draft: Draft<CarePath>) => Draft<CarePath> | void | undefined;

/** What the re-check after an edit may consult (menukaart interventions, limits). */
export type EditOptions = ReferenceOptions;

let patchesEnabled = false;

// immer's default auto-freeze would freeze the parts an edited path shares with the caller's path,
// changing objects the caller owns; this instance never freezes
const immer = new Immer({ autoFreeze: false });

// the package is side-effect free, so the immer plugin is switched on at first use, not on import
function ensurePatches(): void {
  if (patchesEnabled) return;
  enablePatches();
  patchesEnabled = true;
}

/**
 * Edits a path immutably and checks the result like a loaded file; a recipe that leaves the path
 * invalid gives diagnostics (pointers into the new path) instead of a path.
 * @example
 * const result = safeEditPath(path, (draft) => { draft.initial = 'nowhere'; });
 * if (!result.ok) console.log(result.diagnostics[0]?.code);
 */
export function safeEditPath(path: CarePath, recipe: PathRecipe, options: EditOptions = {}): Result<PathEdit> {
  return editNow('safeEditPath', path, recipe, options);
}

const RECIPE = { en: 'a function that changes a draft of the path', nl: 'een functie die een kladversie van het pad wijzigt' };

/** Checks the arguments every edit takes: a path, and an options object with valid limits. */
export function requireEditArguments(callee: string, path: unknown, options: unknown): void {
  requireCarePath(callee, 'path', path);
  requireRecord(callee, 'options', options, { optional: true });
  requireLimits(callee, 'options.limits', (options as EditOptions | undefined)?.limits);
}

function editNow(callee: string, path: CarePath, recipe: PathRecipe, options: EditOptions): Result<PathEdit> {
  requireEditArguments(callee, path, options);
  requireFunction(callee, 'recipe', recipe, RECIPE);
  ensurePatches();
  const [next, patches, inversePatches] = immer.produceWithPatches(path, recipe as (draft: Draft<CarePath>) => Draft<CarePath> | void);
  const checked = safeParseCarePathData(next, options);
  if (!checked.ok) return { ok: false, diagnostics: checked.diagnostics };
  return { ok: true, value: { path: next, patches, inversePatches }, diagnostics: checked.diagnostics };
}

/**
 * Edits a path immutably with an immer recipe and returns the new path with its patches; throws a
 * `ZorgpadenError` carrying the diagnostics when the edited path is not valid. The input is not
 * changed and nothing is frozen; the result shares unchanged parts with it, so treat both as values.
 *
 * @example
 * const { path: next, patches } = editPath(path, (draft) => {
 *   draft.steps.intake!.label.en = 'First visit';
 * });
 * // patches: [{ op: 'replace', path: ['steps', 'intake', 'label', 'en'], value: 'First visit' }]
 */
export function editPath(path: CarePath, recipe: PathRecipe, options: EditOptions = {}): PathEdit {
  const result = editNow('editPath', path, recipe, options);
  if (!result.ok) throw new ZorgpadenError(`The edit leaves path "${path.id}" invalid.`, result.diagnostics);
  return result.value;
}

/**
 * Applies patches (from an edit, or stored in a change log) to a path and returns the new path.
 * @example
 * const edit = editPath(path, (draft) => { draft.version = '1.1.0'; });
 * const again = applyPathPatches(path, edit.patches);
 */
export function applyPathPatches(path: CarePath, patches: readonly Patch[]): CarePath {
  requireCarePath('applyPathPatches', 'path', path);
  if (!Array.isArray(patches)) throw argumentError('applyPathPatches', 'patches', { en: 'a list of patches (from an edit)', nl: 'een lijst patches (van een bewerking)' }, patches);
  ensurePatches();
  return immer.applyPatches(path, patches);
}

/**
 * The path as it was before an edit: applies the edit's inverse patches to its result.
 * @example
 * const edit = renameStep(path, 'intake', 'eerste-contact');
 * const original = undoEdit(edit);
 */
export function undoEdit(edit: PathEdit): CarePath {
  requireRecord('undoEdit', 'edit', edit, { expected: { en: 'the result of editPath', nl: 'het resultaat van editPath' } });
  return applyPathPatches(edit.path, edit.inversePatches);
}
