import { createDiagnostic, parsePointer, type Diagnostic } from '../../diagnostics/index.js';
import { CarePathSchema, PopulationSchema, safeParseData, type CarePath, type Overlay, type Population, type Result } from '../../model/index.js';
import { nationalSgaChances, type SgaChances } from '../birth-outcomes.js';
import { CALIBRATE_CODES } from './codes.js';

/** One tuned value: a number at a JSON pointer into the path or the population. */
export type OverlayValue = Overlay['values'][number];

// with the article, as the Dutch messages need it (het pad, de populatie)
const FILE_WORDS = { path: { en: 'path', nl: 'het pad' }, population: { en: 'population', nl: 'de populatie' }, 'birth-model': { en: 'birth model', nl: 'het geboortemodel' } } as const;

function wordsOf(file: OverlayValue['file']) {
  return { file: FILE_WORDS[file].en, fileNl: FILE_WORDS[file].nl };
}

/** The container and key a pointer ends in, when every step before it exists. */
function locate(root: unknown, pointer: string): { parent: Record<string, unknown> | unknown[]; key: string } | undefined {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  let node: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  const key = segments[segments.length - 1]!;
  if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
  return { parent: node as Record<string, unknown>, key };
}

/** The number at a pointer, or a diagnostic that says why there is none. */
export function numberAt(document: unknown, value: Pick<OverlayValue, 'file' | 'pointer'>, where = ''): Result<number> {
  const spot = locate(document, value.pointer);
  if (!spot) return { ok: false, diagnostics: [createDiagnostic(CALIBRATE_CODES.overlayPointerMissing, { ...wordsOf(value.file), pointer: value.pointer }, { pointer: where })] };
  const found = (spot.parent as Record<string, unknown>)[spot.key];
  if (typeof found !== 'number') {
    return { ok: false, diagnostics: [createDiagnostic(CALIBRATE_CODES.overlayNotANumber, { ...wordsOf(value.file), pointer: value.pointer, found: JSON.stringify(found) ?? 'nothing' }, { pointer: where })] };
  }
  return { ok: true, value: found, diagnostics: [] };
}

/** A path, population and birth model with tuned values applied. */
export interface TunedModel {
  path: CarePath;
  population: Population;
  /** The chances of small for gestational age that `birthOutcomes` draws with. */
  birthModel: SgaChances;
}

/**
 * Applies tuned values over copies of a path, a population and a birth model (the national chances
 * of small for gestational age when none is given): the originals are left as they are. Each
 * pointer must point at an existing number, each value lie in its range, and the result must still
 * be a valid path, population and birth model (chances between 0 and 1).
 */
export function safeApplyOverlay(path: CarePath, population: Population, values: readonly OverlayValue[], birthModel: SgaChances = nationalSgaChances()): Result<TunedModel> {
  const copies = { path: structuredClone(path), population: structuredClone(population), 'birth-model': { sgaGivenPreterm: birthModel.sgaGivenPreterm, sgaGivenTerm: birthModel.sgaGivenTerm } };
  const diagnostics: Diagnostic[] = [];
  values.forEach((v, i) => {
    const where = `/values/${i}`;
    if ((v.min !== undefined && v.value < v.min) || (v.max !== undefined && v.value > v.max)) {
      diagnostics.push(createDiagnostic(CALIBRATE_CODES.overlayOutOfRange, { pointer: v.pointer, value: v.value, min: v.min ?? '−∞', max: v.max ?? '∞' }, { pointer: `${where}/value` }));
      return;
    }
    const current = numberAt(copies[v.file], v, `${where}/pointer`);
    if (!current.ok) return void diagnostics.push(...current.diagnostics);
    const spot = locate(copies[v.file], v.pointer)!;
    (spot.parent as Record<string, unknown>)[spot.key] = v.value;
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  for (const [file, schema] of [['path', CarePathSchema], ['population', PopulationSchema]] as const) {
    const parsed = safeParseData(schema, copies[file]);
    if (!parsed.ok) {
      const problem = parsed.diagnostics.map((d) => `${d.pointer} ${d.message}`).join('; ');
      diagnostics.push(createDiagnostic(CALIBRATE_CODES.overlayInvalidResult, { ...wordsOf(file), problem }, { pointer: '/values' }));
    }
  }
  for (const [key, chance] of Object.entries(copies['birth-model'])) {
    if (!(chance >= 0 && chance <= 1)) {
      diagnostics.push(createDiagnostic(CALIBRATE_CODES.overlayInvalidResult, { ...wordsOf('birth-model'), problem: `/${key} is ${chance}, not a chance between 0 and 1` }, { pointer: '/values' }));
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, value: { path: copies.path, population: copies.population, birthModel: copies['birth-model'] }, diagnostics: [] };
}
