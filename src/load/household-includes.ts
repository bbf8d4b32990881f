import { createDiagnostic, LOAD_CODES, toPointer, type Diagnostic, type SourceLocator } from '../diagnostics/index.js';
import type { CarePath, HouseholdPath, HouseholdStep, Limits, Step } from '../model/index.js';
import type { FileTask } from './files.js';
import { composePath } from './includes.js';
import { MappedLocator } from './source-map.js';

/** A household path with its includes resolved, and the locator that maps its pointers to the files. */
export interface ComposedHousehold {
  path: HouseholdPath;
  locator: SourceLocator;
}

/** The household file whose includes are resolved, and where it is. */
export interface HouseholdFile {
  path: HouseholdPath;
  locator: SourceLocator;
  absolute: string;
  display: string | undefined;
}

/** A version 1 step as a step of a household track: `signals` becomes `detects` with probability 1, as in the migration. */
export function intoTrack(step: Step, track: string): HouseholdStep {
  const { signals, ...rest } = step;
  const joined: HouseholdStep = { ...rest, track };
  if (signals !== undefined && signals.length > 0) joined.detects = Object.fromEntries(signals.map((risk) => [risk, 1]));
  return joined;
}

/**
 * Resolves the includes of a household path: each included file is a version 1 sub-path, read and
 * joined exactly as a version 1 include (the same root, limits, cycle check, prefixing, `connect`
 * and merging of actors and factors), and its steps then join the track the include names.
 * Diagnostics point into the file where the problem is written.
 */
export function* composeHousehold(file: HouseholdFile, limits: Limits, root: string | undefined): FileTask<{ composed?: ComposedHousehold; diagnostics: Diagnostic[] }> {
  const includes = file.path.includes ?? [];
  if (includes.length === 0) return { composed: { path: file.path, locator: file.locator }, diagnostics: [] };
  // two includes under one prefix could not tell whose steps are whose
  const firstWithPrefix = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  includes.forEach((include, index) => {
    const earlier = firstWithPrefix.get(include.as);
    if (earlier === undefined) firstWithPrefix.set(include.as, index);
    else {
      const reason = `Includes ${earlier} and ${index} both use the prefix "${include.as}".`;
      const reasonNl = `Invoegingen ${earlier} en ${index} gebruiken allebei het voorvoegsel "${include.as}".`;
      diagnostics.push(createDiagnostic(LOAD_CODES.includeConflict, { reason, reasonNl }, file.locator.locate(toPointer(['includes', index, 'as']))));
    }
  });
  if (diagnostics.length > 0) return { diagnostics };

  // the household's own steps, actors and factors are what the included sub-paths join, as in version 1
  const asVersion1 = { ...file.path, steps: file.path.steps } as unknown as CarePath;
  const joined = yield* composePath({ path: asVersion1, locator: file.locator, absolute: file.absolute, display: file.display }, limits, root);
  if (!joined.composed) return { diagnostics: joined.diagnostics };
  const composedPath = joined.composed.path as unknown as HouseholdPath;
  const joinedLocator = joined.composed.locator;
  const locator = new MappedLocator(joinedLocator);
  const steps: Record<string, HouseholdStep> = {};
  for (const [id, step] of Object.entries(composedPath.steps)) {
    const index = Object.hasOwn(file.path.steps, id) ? undefined : firstWithPrefix.get(id.slice(0, id.indexOf('/')));
    if (index === undefined) {
      steps[id] = step;
      continue;
    }
    steps[id] = intoTrack(step as unknown as Step, includes[index]!.track);
    // the track of an included step is written at the include
    locator.route(toPointer(['steps', id, 'track']), file.locator, toPointer(['includes', index, 'track']));
    // a risk it detects is written in its signals, as version 1 writes it
    (step as unknown as Step).signals?.forEach((risk, i) => locator.route(toPointer(['steps', id, 'detects', risk]), joinedLocator, toPointer(['steps', id, 'signals', i])));
  }
  return { composed: { path: { ...composedPath, steps }, locator }, diagnostics: joined.diagnostics };
}

/** Keeps one of several diagnostics with the same code at the same place (every step of an include with an unknown track gives one). */
export function onePerPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.file ?? ''}\u0000${d.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
