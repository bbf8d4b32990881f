import { extname } from './file-names.js';
import { createDiagnostic, isRecord, LOAD_CODES, renderTemplate, requireText, toPointer, type Diagnostic } from '../diagnostics/index.js';
import { LIMITS, type Limits } from '../model/index.js';
import { DOCUMENT_TEXT } from './arguments.js';
import { readJson } from './read-json.js';
import { readCleanJson } from './read-json-fast.js';
import { scanPositions } from './scan-positions.js';
import { readYaml } from './read-yaml.js';
import type { ReadProblem } from './read-types.js';
import { FileLocator } from './source-map.js';

/** The text formats a document can be written in. */
export type SourceFormat = 'json' | 'yaml';

/** Options for reading text: the file name it came from, its format and limits. */
export interface ReadOptions {
  /** The file name, used in diagnostics and to tell the format from its extension. */
  filename?: string;
  /** The format; by default told from the file name, or from the text when there is none. */
  format?: SourceFormat;
  limits?: Partial<Limits>;
}

/** Plain data read from text, with its locator; `data` is undefined when reading failed. */
export interface ReadOutcome {
  data: unknown;
  locator: FileLocator;
  diagnostics: Diagnostic[];
}

/** The format of a file from its extension, or undefined when the extension says nothing. */
export function formatOfFile(filename: string): SourceFormat | undefined {
  requireText('formatOfFile', 'filename', filename, { allowEmpty: true });
  const lower = filename.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

function sniffFormat(text: string): SourceFormat {
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function toDiagnostic(problem: ReadProblem, format: SourceFormat, locator: FileLocator, limits: Limits): Diagnostic {
  const at = (pointer: string) => ({ ...(locator.file !== undefined ? { file: locator.file } : {}), pointer, ...locator.positionAt(problem.offset) });
  switch (problem.kind) {
    case 'syntax': {
      const template = format === 'json' ? LOAD_CODES.invalidJson : LOAD_CODES.invalidYaml;
      const diagnostic = createDiagnostic(template, { reason: problem.reason }, at(''));
      diagnostic.nl.message = renderTemplate(template.message.nl, { reason: problem.reasonNl });
      return diagnostic;
    }
    case 'duplicate-key':
      return createDiagnostic(LOAD_CODES.duplicateKey, { key: problem.key, firstLine: locator.positionAt(problem.firstOffset).line }, at(toPointer(problem.path)));
    case 'forbidden-key':
      return createDiagnostic(LOAD_CODES.forbiddenKey, { key: problem.key }, at(toPointer(problem.path)));
    case 'alias-limit':
      return createDiagnostic(LOAD_CODES.yamlAliasLimit, { limit: limits.maxYamlAliasCount }, at(''));
  }
}

// a document nested thousands of levels deep overflows any recursive reader; say so plainly
function readGuarded(source: string, format: SourceFormat, limits: Limits): ReturnType<typeof readJson> {
  try {
    return format === 'json' ? readJson(source) : readYaml(source, limits.maxYamlAliasCount);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { data: undefined, positions: undefined, problems: [{ kind: 'syntax', offset: 0, reason: 'the document nests too deeply to read', reasonNl: 'het document is te diep genest om te lezen' }] };
  }
}

/** The effective limits: the defaults with the caller's overrides. */
export function effectiveLimits(limits: Partial<Limits> | undefined): Limits {
  return { ...LIMITS, ...limits };
}

/**
 * Reads JSON or YAML text into plain data, keeping the position of every value. Duplicate keys,
 * reserved keys (`__proto__`, …), syntax errors and YAML alias bombs become diagnostics.
 */
export function readSource(text: string, options: ReadOptions = {}): ReadOutcome {
  requireText('readSource', 'text', text, { allowEmpty: true, expected: DOCUMENT_TEXT });
  const limits = effectiveLimits(options.limits);
  const file = options.filename;
  // a byte-order mark is whitespace to us; replacing it keeps every offset in place
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const format = options.format ?? (file !== undefined ? formatOfFile(file) : undefined) ?? sniffFormat(source);
  const empty = new FileLocator(file, text, undefined);
  const size = source.length > limits.maxFileBytes / 3 ? Buffer.byteLength(source, 'utf8') : source.length;
  if (size > limits.maxFileBytes) {
    return { data: undefined, locator: empty, diagnostics: [createDiagnostic(LOAD_CODES.fileTooLarge, { size, limit: limits.maxFileBytes }, { pointer: '', ...(file !== undefined ? { file } : {}) })] };
  }
  if (format === 'json' && /^\s*$/.test(source)) return { data: undefined, locator: empty, diagnostics: [emptyDocument(file)] };
  if (format === 'json') {
    const clean = readCleanJson(source);
    // clean JSON needs no positions until a diagnostic asks for a line
    if (clean) return { data: clean.data, locator: new FileLocator(file, text, () => scanPositions(source)), diagnostics: [] };
  }
  const read = readGuarded(source, format, limits);
  const locator = new FileLocator(file, text, read.positions);
  const diagnostics = read.problems.map((p) => toDiagnostic(p, format, locator, limits));
  // text that is not JSON, in a file whose extension says nothing (notes.txt, path.xml): say so
  // rather than report it as a YAML document that happens not to be an object
  const unnamed = options.format === undefined && file !== undefined && formatOfFile(file) === undefined && extname(file) !== '';
  if (unnamed && format === 'yaml' && (diagnostics.length > 0 || !isRecord(read.data))) {
    return { data: undefined, locator, diagnostics: [createDiagnostic(LOAD_CODES.unknownFormat, { file }, { file, pointer: '', line: 1, column: 1 })] };
  }
  if (format === 'yaml' && diagnostics.length === 0 && read.data === null && isBlankYaml(source)) {
    // an empty file reads as null; "the document is null" would puzzle its author
    return { data: undefined, locator, diagnostics: [emptyDocument(file)] };
  }
  return { data: diagnostics.length > 0 ? undefined : read.data, locator, diagnostics };
}

const EMPTY_HINT = {
  en: 'The file has no content: write the document in it (one object, starting with "schemaVersion": 1 for a care path or another document, 2 for a household path), or check that you gave the right file.',
  nl: 'Het bestand heeft geen inhoud: schrijf het document erin (één object, beginnend met "schemaVersion": 1 voor een zorgpad of ander document, 2 voor een huishoudpad), of controleer of je het juiste bestand hebt gegeven.',
};

// the same words for an empty JSON and an empty YAML file, not "a value was expected"
function emptyDocument(file: string | undefined): Diagnostic {
  return createDiagnostic(LOAD_CODES.notAnObject, { actual: 'empty', actualNl: 'leeg' }, { ...(file !== undefined ? { file } : {}), pointer: '', line: 1, column: 1 }, { hint: EMPTY_HINT });
}

// nothing but blank lines, comments and document markers, checked a line at a time
function isBlankYaml(text: string): boolean {
  return text.split('\n').every((line) => /^\s*((---|\.\.\.)\s*)?(#.*)?$/.test(line));
}
