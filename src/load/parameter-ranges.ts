import type * as z from 'zod';
import { createDiagnostic, isRecord, parsePointer, toPointer, type Diagnostic } from '../diagnostics/index.js';
import { CarePathSchema, PopulationSchema, type Targets, type TunableParameter } from '../model/index.js';
import { TARGETS_CODES } from './codes.js';

type AnySchema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string };

/** One end of the values a number field allows. */
interface Bound {
  value: number;
  inclusive: boolean;
}

/** The values a number field of the file format allows: from `min` to `max`, either end open when absent; whole numbers only when `whole`. */
export interface FieldRange {
  min?: Bound;
  max?: Bound;
  whole?: boolean;
}

// the birth model is in no file and has no schema: its two chances lie between 0 and 1, as
// the overlay checks them when it sets them
const CHANCE: FieldRange = { min: { value: 0, inclusive: true }, max: { value: 1, inclusive: true } };
const BIRTH_MODEL_FIELDS = new Set(['/sgaGivenPreterm', '/sgaGivenTerm']);

// with the article, as the Dutch messages need it (het pad, de populatie)
const FILE_WORDS: Record<TunableParameter['file'], { en: string; nl: string }> = {
  path: { en: 'path', nl: 'het pad' },
  population: { en: 'population', nl: 'de populatie' },
  'birth-model': { en: 'birth model', nl: 'het geboortemodel' },
};

const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;

// the schema inside optional, default, nullable, pipe and lazy wrappers
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly') current = def.innerType as AnySchema;
    else if (def.type === 'pipe') current = def.in as AnySchema;
    else if (def.type === 'lazy') current = (def.getter as () => AnySchema)();
    else return current;
  }
  return current;
}

/** The number schema at `segments` below `schema`, following the data; undefined when the data holds no number there. */
function numberSchemaAt(schema: AnySchema, data: unknown, segments: readonly string[]): AnySchema | undefined {
  const current = unwrap(schema);
  const def = defOf(current);
  if (def.type === 'union') {
    // the branch that accepts the data is the one the number belongs to
    const options = def.options as AnySchema[];
    const accepting = options.filter((option) => (option as unknown as z.ZodType).safeParse(data).success);
    for (const option of [...accepting, ...options]) {
      const found = numberSchemaAt(option, data, segments);
      if (found) return found;
    }
    return undefined;
  }
  if (segments.length === 0) return def.type === 'number' && typeof data === 'number' ? current : undefined;
  const [segment, ...rest] = segments as [string, ...string[]];
  if (!(isRecord(data) || Array.isArray(data)) || !Object.hasOwn(data, segment)) return undefined;
  const child = (data as Record<string, unknown>)[segment];
  if (def.type === 'object') {
    const field = (def.shape as Record<string, AnySchema>)[segment];
    return field === undefined ? undefined : numberSchemaAt(field, child, rest);
  }
  if (def.type === 'record') return numberSchemaAt(def.valueType as AnySchema, child, rest);
  if (def.type === 'array' && Array.isArray(data)) return numberSchemaAt(def.element as AnySchema, child, rest);
  return undefined;
}

/** The bounds a number schema checks (`min`, `max`, `gt`, `lt`), the tightest of each kind, and whether it takes whole numbers only (`int`). */
function boundsOf(schema: AnySchema): FieldRange {
  const range: FieldRange = {};
  for (const check of (defOf(schema).checks as { _zod: { def: { check: string; value?: unknown; inclusive?: boolean; format?: string } } }[] | undefined) ?? []) {
    const { check: kind, value, inclusive = true, format } = check._zod.def;
    if (kind === 'number_format' && (format === 'safeint' || format === 'int32' || format === 'uint32')) range.whole = true;
    if (typeof value !== 'number') continue;
    if (kind === 'greater_than' && (range.min === undefined || value > range.min.value || (value === range.min.value && !inclusive))) range.min = { value, inclusive };
    if (kind === 'less_than' && (range.max === undefined || value < range.max.value || (value === range.max.value && !inclusive))) range.max = { value, inclusive };
  }
  return range;
}

/**
 * The values the file format allows for the number a parameter tunes, in the loaded path or
 * population (or the birth model's chances); undefined when there is no number at its pointer
 * (calibration says so itself).
 */
export function fieldRange(parameter: Pick<TunableParameter, 'file' | 'pointer'>, documents: { path: unknown; population: unknown }): FieldRange | undefined {
  if (parameter.file === 'birth-model') return BIRTH_MODEL_FIELDS.has(parameter.pointer) ? CHANCE : undefined;
  let segments: string[];
  try {
    segments = parsePointer(parameter.pointer);
  } catch {
    return undefined;
  }
  const schema = parameter.file === 'path' ? CarePathSchema : PopulationSchema;
  const number = numberSchemaAt(schema as unknown as AnySchema, documents[parameter.file], segments);
  return number === undefined ? undefined : boundsOf(number);
}

const below = (value: number, bound: Bound | undefined) => bound !== undefined && (bound.inclusive ? value < bound.value : value <= bound.value);
const above = (value: number, bound: Bound | undefined) => bound !== undefined && (bound.inclusive ? value > bound.value : value >= bound.value);

/** A range in words: "between 0 and 1", "at least 0", "more than 0 and at most 1". */
export function rangeWords(range: FieldRange): { en: string; nl: string } {
  const { min, max } = range;
  if (min?.inclusive && max?.inclusive) return { en: `between ${min.value} and ${max.value}`, nl: `tussen ${min.value} en ${max.value}` };
  const low = min === undefined ? undefined : min.inclusive ? { en: `at least ${min.value}`, nl: `minstens ${min.value}` } : { en: `more than ${min.value}`, nl: `groter dan ${min.value}` };
  const high = max === undefined ? undefined : max.inclusive ? { en: `at most ${max.value}`, nl: `hoogstens ${max.value}` } : { en: `less than ${max.value}`, nl: `kleiner dan ${max.value}` };
  if (low && high) return { en: `${low.en} and ${high.en}`, nl: `${low.nl} en ${high.nl}` };
  return low ?? high ?? { en: 'any number', nl: 'een willekeurig getal' };
}

/**
 * Checks the range of every tunable parameter of a targets file against the number it tunes,
 * before calibration simulates anything: `min` and `max` must lie within what the file format
 * allows there (a weight is not negative, a prevalence or chance lies between 0 and 1), and the
 * distance between them must be a number. Each finding points at the parameter's `min` or `max`;
 * a number the format takes whole only (a delay in days) is refused at the parameter's `pointer`.
 */
export function checkParameterRanges(targets: Targets, documents: { path: unknown; population: unknown }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [parameter, p] of Object.entries(targets.parameters)) {
    const allowed = fieldRange(p, documents);
    if (allowed === undefined) continue;
    const words = rangeWords(allowed);
    const where = toPointer(['parameters', parameter]);
    const common = { parameter, pointer: p.pointer, file: FILE_WORDS[p.file].en, fileNl: FILE_WORDS[p.file].nl, allowed: words.en, allowedNl: words.nl };
    // the search moves through a continuous range: a number of whole days would never take its values
    if (allowed.whole) diagnostics.push(createDiagnostic(TARGETS_CODES.parameterWholeNumber, common, { pointer: `${where}/pointer` }));
    const low = below(p.min, allowed.min);
    const high = above(p.max, allowed.max);
    if (low) diagnostics.push(createDiagnostic(TARGETS_CODES.parameterRangeNotAllowed, { ...common, field: 'min', value: p.min, ends: 'starts', endsNl: 'begint' }, { pointer: `${where}/min` }));
    if (high) diagnostics.push(createDiagnostic(TARGETS_CODES.parameterRangeNotAllowed, { ...common, field: 'max', value: p.max, ends: 'ends', endsNl: 'eindigt' }, { pointer: `${where}/max` }));
    if (!low && !high && !Number.isFinite(p.max - p.min)) diagnostics.push(createDiagnostic(TARGETS_CODES.parameterRangeTooWide, { parameter, min: p.min, max: p.max }, { pointer: `${where}/max` }));
  }
  return diagnostics;
}
