import { argumentError, isRecord, requireRecord, type Words } from '../diagnostics/index.js';
import { requireLimits } from '../model/index.js';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from './documents.js';

/** What a parser's `text` argument must be. */
export const DOCUMENT_TEXT: Words = { en: 'the text of a JSON or YAML document', nl: 'de tekst van een JSON- of YAML-document' };

const FILE_OR_DOCUMENT = (what: Words): Words => ({ en: `a file name or a ${what.en} document`, nl: `een bestandsnaam of een ${what.nl}-document` });

function requireFileOrDocument(callee: string, argument: string, value: unknown, what: Words): void {
  if (value === undefined || isRecord(value) || (typeof value === 'string' && value !== '')) return;
  throw argumentError(callee, argument, FILE_OR_DOCUMENT(what), value);
}

/** Checks the options object of a loader: an object (or left out) with valid limits, menukaart and coalition. */
export function requireLoadOptions(callee: string, options: unknown): void {
  requireRecord(callee, 'options', options, { optional: true });
  if (options === undefined) return;
  requireLimits(callee, 'options.limits', options.limits);
  requireFileOrDocument(callee, 'options.menukaart', options.menukaart, { en: 'menukaart', nl: 'menukaart' });
  requireFileOrDocument(callee, 'options.coalition', options.coalition, { en: 'coalition', nl: 'coalitie' });
  if (options.root !== undefined && (typeof options.root !== 'string' || options.root === '')) {
    throw argumentError(callee, 'options.root', { en: 'the name of a folder (text)', nl: 'de naam van een map (tekst)' }, options.root);
  }
  if (options.allowOutsideRoot !== undefined && typeof options.allowOutsideRoot !== 'boolean') {
    throw argumentError(callee, 'options.allowOutsideRoot', { en: 'true or false', nl: 'true of false' }, options.allowOutsideRoot);
  }
}

/** Checks the options object of a parser: load options plus a text `filename` and a known `format`. */
export function requireParseOptions(callee: string, options: unknown): void {
  requireLoadOptions(callee, options);
  if (options === undefined) return;
  const { filename, format } = options as Record<string, unknown>;
  if (filename !== undefined && (typeof filename !== 'string' || filename === '')) {
    throw argumentError(callee, 'options.filename', { en: 'a file name (text)', nl: 'een bestandsnaam (tekst)' }, filename);
  }
  if (format !== undefined && format !== 'json' && format !== 'yaml') throw argumentError(callee, 'options.format', { en: '"json" or "yaml"', nl: '"json" of "yaml"' }, format);
}

/** Checks that `kind` names a document kind. */
export function requireKind(callee: string, kind: unknown): asserts kind is DocumentKind {
  if (isDocumentKind(kind)) return;
  const list = DOCUMENT_KINDS.map((k) => `"${k}"`).join(', ');
  throw argumentError(callee, 'kind', { en: `one of ${list}`, nl: `een van ${list}` }, kind);
}

const COALITION: Words = { en: 'a coalition (as returned by loadCoalition)', nl: 'een coalitie (zoals loadCoalition die geeft)' };

/** Checks that `value` has the shape of a loaded coalition (kind, offers, partners, replaces, steps, transitions). */
export function requireCoalition(callee: string, argument: string, value: unknown): void {
  if (!isRecord(value)) throw argumentError(callee, argument, COALITION, value);
  const records = ['partners', 'replaces', 'steps'].filter((f) => !isRecord(value[f]));
  const lists = ['offers', 'transitions'].filter((f) => !Array.isArray(value[f]));
  const flaw = value.kind !== 'coalition' ? '"kind" is not "coalition"' : records.length > 0 ? `"${records[0]}" is not an object` : lists.length > 0 ? `"${lists[0]}" is not a list` : undefined;
  const flawNl = value.kind !== 'coalition' ? '"kind" niet "coalition" is' : records.length > 0 ? `"${records[0]}" geen object is` : `"${lists[0]}" geen lijst is`;
  if (flaw) throw argumentError(callee, argument, COALITION, { en: `an object whose ${flaw}`, nl: `een object waarvan ${flawNl}` });
}
