import { dirname, resolve } from './file-names.js';
import {
  createDiagnostic,
  didYouMean,
  LOAD_CODES,
  suggestionParams,
  toPointer,
  type Diagnostic,
  type SourceLocator,
} from '../diagnostics/index.js';
import { PHASES, type CarePath, type Include, type Limits, type Step } from '../model/index.js';
import { SAFETY_CODES } from './codes.js';
import { readFailure, type FileTask } from './files.js';
import { namedDisplay } from './root.js';
import { shapeNamedText, type ShapedFile } from './shape.js';
import { MappedLocator } from './source-map.js';

/** A care path file whose shape is checked, and where it is. */
export interface PathFile {
  path: CarePath;
  locator: SourceLocator;
  absolute: string;
  /** The file name shown in diagnostics; undefined for text without a file name. */
  display: string | undefined;
}

/** A path with its includes resolved, and the locator that maps its pointers to the files. */
export interface ComposedPath {
  path: CarePath;
  locator: SourceLocator;
}

// a file that is refused unread, or whose content is not shown, is reported where it is named
const AT_THE_NAME: ReadonlySet<string> = new Set([LOAD_CODES.includeNotFound.code, SAFETY_CODES.outsideRoot.code, SAFETY_CODES.notADocumentFile.code, SAFETY_CODES.notADocument.code]);

const MERGED = ['actors', 'interventions', 'risks', 'protections', 'sources', 'vocabulary'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function located(file: PathFile, pointer: string): { pointer: string; file?: string; line?: number; column?: number } {
  return file.locator.locate(pointer);
}

/**
 * Joins one resolved sub-path into the composed path under the prefix `include.as`: its steps get
 * the prefix, its transitions follow, and each connected outcome is replaced by its onward step.
 */
function joinInclude(target: CarePath, locator: MappedLocator, file: PathFile, include: Include, index: number, child: ComposedPath, display: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const prefix = include.as + '/';
  const at = (...rest: (string | number)[]) => toPointer(['includes', index, ...rest]);
  const outcomes = Object.keys(child.path.steps).filter((id) => child.path.steps[id]!.kind === 'outcome');
  const connect = new Map<string, string>();
  for (const [outcome, onward] of Object.entries(include.connect ?? {})) {
    if (!outcomes.includes(outcome)) {
      const params = { step: outcome, include: display, ...suggestionParams(didYouMean(outcome, outcomes), outcomes) };
      diagnostics.push(createDiagnostic(LOAD_CODES.unknownConnect, params, located(file, at('connect', outcome))));
    } else connect.set(outcome, onward);
  }
  for (const [id, step] of Object.entries(child.path.steps)) {
    if (connect.has(id)) continue;
    const newId = prefix + id;
    if (Object.hasOwn(target.steps, newId)) {
      const reason = `Step "${newId}" from "${display}" clashes with a step of the same id.`;
      const reasonNl = `Stap "${newId}" uit "${display}" botst met een stap met dezelfde id.`;
      diagnostics.push(createDiagnostic(LOAD_CODES.includeConflict, { reason, reasonNl }, located(file, at('as'))));
      continue;
    }
    const transitions = step.transitions.map((transition, t) => {
      const onward = connect.get(transition.to);
      if (onward === undefined) return { ...transition, to: prefix + transition.to };
      // a wrong onward step is the include's mistake, so point there
      locator.route(toPointer(['steps', newId, 'transitions', t, 'to']), file.locator, at('connect', transition.to));
      return { ...transition, to: onward };
    });
    const joined: Step = { ...step, transitions };
    target.steps[newId] = joined;
    locator.route(toPointer(['steps', newId]), child.locator, toPointer(['steps', id]));
  }
  for (const field of MERGED) {
    const theirs = child.path[field] as Record<string, unknown> | undefined;
    if (!theirs) continue;
    const ours = ((target as Record<string, unknown>)[field] ??= {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(theirs)) {
      if (!Object.hasOwn(ours, key)) {
        ours[key] = value;
        locator.route(toPointer([field, key]), child.locator, toPointer([field, key]));
      } else if (!sameValue(ours[key], value)) {
        const { en, nl } = differingFields(ours[key], value);
        const reason = `"${field}.${key}" is defined differently in "${display}" than in the including path${en}.`;
        const reasonNl = `"${field}.${key}" is in "${display}" anders gedefinieerd dan in het pad dat het invoegt${nl}.`;
        diagnostics.push(createDiagnostic(LOAD_CODES.includeConflict, { reason, reasonNl }, located(file, at('path'))));
      }
    }
  }
  if (child.path.phases) {
    const phases = new Set([...(target.phases ?? []), ...child.path.phases]);
    target.phases = PHASES.filter((p) => phases.has(p));
  }
  return diagnostics;
}

/**
 * Resolves the includes of a path file, depth first: reads each included file (relative to the
 * including one, and inside `root` when there is one), checks its shape, resolves its own includes, and joins it in. Cycles, missing
 * files and too deep nesting are diagnostics at the include entry.
 */
export function* composePath(file: PathFile, limits: Limits, root: string | undefined, stack: readonly PathFile[] = [], read: Map<string, ShapedFile<CarePath> | Diagnostic> = new Map()): FileTask<{ composed?: ComposedPath; diagnostics: Diagnostic[] }> {
  const includes = file.path.includes ?? [];
  if (includes.length === 0) return { composed: { path: file.path, locator: file.locator }, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const target: CarePath = { ...file.path, steps: { ...file.path.steps } };
  delete target.includes;
  for (const field of MERGED) if (file.path[field]) (target as Record<string, unknown>)[field] = { ...file.path[field] };
  const locator = new MappedLocator(file.locator);
  const chain = [...stack, file];
  let count = Object.keys(target.steps).length;
  for (const [index, include] of includes.entries()) {
    const where = located(file, toPointer(['includes', index, 'path']));
    const absolute = resolve(dirname(file.absolute), include.path);
    const display = namedDisplay(file.display, include.path);
    const loop = chain.findIndex((f) => f.absolute === absolute);
    if (loop >= 0) {
      const cycle = [...chain.slice(loop).map((f) => f.display ?? '(text)'), display].join(' → ');
      diagnostics.push(createDiagnostic(LOAD_CODES.includeCycle, { cycle }, where));
      continue;
    }
    if (chain.length > limits.maxIncludeDepth) {
      diagnostics.push(createDiagnostic(LOAD_CODES.includeTooDeep, { limit: limits.maxIncludeDepth }, where));
      continue;
    }
    // a file included many times (a diamond of includes) is read and checked once
    const key = `${absolute}\u0000${display}`;
    let shaped = read.get(key);
    if (shaped === undefined) {
      const reply = yield { absolute, display, maxBytes: limits.maxFileBytes, ...(root !== undefined ? { root } : {}) };
      shaped = reply.ok ? shapeNamedText(reply.text, 'carepath', { filename: display, limits }) : reply.problem === 'not-found' ? createDiagnostic(LOAD_CODES.includeNotFound, { file: display }, where) : readFailure(reply, display);
      read.set(key, shaped);
    }
    if (!('ok' in shaped)) {
      diagnostics.push(AT_THE_NAME.has(shaped.code) ? { ...shaped, ...where } : shaped);
      continue;
    }
    if (!shaped.ok) {
      diagnostics.push(...shaped.diagnostics.map((d) => (AT_THE_NAME.has(d.code) ? { ...d, ...where } : d)));
      continue;
    }
    const child = yield* composePath({ path: shaped.value, locator: shaped.locator, absolute, display }, limits, root, chain, read);
    diagnostics.push(...child.diagnostics);
    if (child.diagnostics.some((d) => d.code === LOAD_CODES.tooManySteps.code)) return { diagnostics };
    if (!child.composed) continue;
    // stop an include bomb (files that include each other many times over) before it grows too
    // big: at least the child's steps less its connected outcomes join this path
    const joining = Object.keys(child.composed.path.steps).length - Object.keys(include.connect ?? {}).length;
    if (count + joining > limits.maxSteps) {
      diagnostics.push(createDiagnostic(LOAD_CODES.tooManySteps, { count: count + joining, limit: limits.maxSteps }, where));
      return { diagnostics };
    }
    diagnostics.push(...joinInclude(target, locator, file, include, index, child.composed, display));
    count += joining;
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { composed: { path: target, locator }, diagnostics };
}

/** Which fields of two definitions differ, with both values, as a clause for the include-conflict message. */
function differingFields(ours: unknown, theirs: unknown): { en: string; nl: string } {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const brief = (v: unknown) => {
    const text = v === undefined ? '(none)' : JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };
  if (!isObject(ours) || !isObject(theirs)) return { en: `: ${brief(theirs)} there, ${brief(ours)} here`, nl: `: daar ${brief(theirs)}, hier ${brief(ours)}` };
  const fields = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter((f) => !sameValue(ours[f], theirs[f])).sort();
  const en = fields.map((f) => `"${f}" (${brief(theirs[f])} there, ${brief(ours[f])} here)`).join(', ');
  const nl = fields.map((f) => `"${f}" (daar ${brief(theirs[f])}, hier ${brief(ours[f])})`).join(', ');
  return fields.length === 1 ? { en: `: field ${en} differs`, nl: `: veld ${nl} verschilt` } : { en: `: fields ${en} differ`, nl: `: velden ${nl} verschillen` };
}
