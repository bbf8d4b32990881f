import { parse as parseYaml } from 'yaml';
import { expect } from 'vitest';
import * as api from '../support/everything.js';
import { parsePointer, RULE_CODES, ZorgpadenError, type Diagnostic, type DiagnosticTemplate, type Result } from '../support/everything.js';

/** Every diagnostic code the library documents: the rule codes and every exported `*_CODES` registry (load, edit, machine, …). */
export const KNOWN_CODES: ReadonlySet<string> = new Set([
  ...RULE_CODES,
  ...Object.entries(api)
    .filter(([name, value]) => name.endsWith('_CODES') && value !== null && typeof value === 'object' && !Array.isArray(value))
    .flatMap(([, registry]) => Object.values(registry as Record<string, DiagnosticTemplate>).map((t) => t.code)),
]);

const SEVERITIES = new Set(['error', 'warning', 'info']);
// what leaks when an error is turned into text without care
const LEAKS = /\[object Object\]|Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|\bat .+\.(?:ts|js):\d+/;

/**
 * Known bugs outside this area that the properties keep finding, each an exact class of
 * diagnostic, so the properties can still run meanwhile. Remove an entry once its bug is fixed.
 */
export const KNOWN_ISSUES: { id: string; matches: (d: Diagnostic) => boolean }[] = [
  // none open; 'yaml-deep-nesting-raw-range-error' (YAML nested ~1000 deep said "Maximum call stack
  // size exceeded") was fixed in src/load by commit 8691c93
];

const isKnownIssue = (d: Diagnostic) => KNOWN_ISSUES.some((k) => k.matches(d));

/** Where the diagnostics came from, so their location can be checked. */
export interface Origin {
  /** The data the pointers point into (the parsed document), when known. */
  data?: unknown;
  /** The text that was read and the file name given with it. */
  text?: string;
  filename?: string;
}

/** The value at a JSON pointer in `data`, or `missing`. */
export const MISSING = Symbol('missing');
export function resolvePointer(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return MISSING;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** The parent of a pointer (`/a/b` → `/a`). */
function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function lineCount(text: string): number {
  // the line index counts \n, \r\n and lone \r as breaks
  return text.split(/\r\n|\r|\n/).length;
}

/** The document a text holds, as plain data (undefined when it does not read). */
export function dataOfText(text: string, filename: string): unknown {
  try {
    return filename.endsWith('.json') ? JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) : parseYaml(text, { uniqueKeys: false, maxAliasCount: 1000, logLevel: 'silent' });
  } catch {
    return undefined;
  }
}

/** Asserts that one diagnostic keeps the documented contract: known code, severity, en+nl text, a valid location. */
export function expectDocumentedDiagnostic(d: Diagnostic, origin: Origin = {}): void {
  const where = `${d.code} at "${d.pointer}": ${d.message}`;
  expect(KNOWN_CODES.has(d.code), `unknown code: ${where}`).toBe(true);
  expect(SEVERITIES.has(d.severity), `severity: ${where}`).toBe(true);
  expect(typeof d.message === 'string' && d.message.trim() !== '', `empty en message: ${where}`).toBe(true);
  expect(typeof d.nl?.message === 'string' && d.nl.message.trim() !== '', `empty nl message: ${where}`).toBe(true);
  if (!isKnownIssue(d)) expect(LEAKS.test(d.message) || LEAKS.test(d.nl.message), `raw error text in message: ${where}`).toBe(false);
  expect(d.pointer === '' || d.pointer.startsWith('/'), `not a JSON pointer: ${where}`).toBe(true);
  const ownFile = d.file === undefined || d.file === origin.filename;
  if (origin.data !== undefined && origin.data !== null && typeof origin.data === 'object' && ownFile) {
    // a pointer to a missing field points at where it belongs: its parent must exist
    const found = resolvePointer(origin.data, d.pointer) !== MISSING || resolvePointer(origin.data, parentOf(d.pointer)) !== MISSING;
    expect(found, `pointer does not resolve in the input: ${where}`).toBe(true);
  }
  // text read under a file name: every diagnostic says in which file and on which line
  if (origin.filename !== undefined) expect(d.file !== undefined && Number.isInteger(d.line) && d.line! >= 1, `no file and line: ${where} (file ${d.file}, line ${d.line})`).toBe(true);
  if (origin.filename !== undefined && d.file === origin.filename) {
    expect(Number.isInteger(d.line) && d.line! >= 1, `line missing or < 1: ${where} (line ${d.line})`).toBe(true);
    expect(d.column === undefined || (Number.isInteger(d.column) && d.column >= 1), `column < 1: ${where}`).toBe(true);
    if (origin.text !== undefined) expect(d.line!, `line past the end of the text: ${where}`).toBeLessThanOrEqual(lineCount(origin.text));
  }
}

/** Asserts the contract for each diagnostic of a list. */
export function expectDocumentedDiagnostics(diagnostics: readonly Diagnostic[], origin: Origin = {}): void {
  expect(Array.isArray(diagnostics)).toBe(true);
  for (const d of diagnostics) expectDocumentedDiagnostic(d, origin);
}

/** Asserts that a Result is documented: ok with a value, or not ok with at least one error diagnostic; both keep the contract. */
export function expectDocumentedResult<T>(result: Result<T>, origin: Origin = {}): void {
  expect(typeof result.ok).toBe('boolean');
  expectDocumentedDiagnostics(result.diagnostics, origin);
  if (result.ok) expect(result.value).toBeDefined();
  else expect(result.diagnostics.some((d) => d.severity === 'error'), 'a failed result must say why').toBe(true);
}

/**
 * Runs `call` and asserts that it returns, or throws a `ZorgpadenError` whose diagnostics keep
 * the contract; never a raw TypeError, RangeError or stack overflow. Returns the value, or the error.
 */
export function expectReturnsOrDocumentedThrow<T>(call: () => T, origin: Origin = {}, options: { diagnosticsRequired?: boolean } = {}): { value: T } | { error: ZorgpadenError } {
  try {
    return { value: call() };
  } catch (error) {
    if (!(error instanceof ZorgpadenError)) throw new Error(`undocumented throw: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`, { cause: error });
    if (options.diagnosticsRequired !== false) expect(error.diagnostics.length, `ZorgpadenError without diagnostics: ${error.message}`).toBeGreaterThan(0);
    expectDocumentedDiagnostics(error.diagnostics, origin);
    return { error };
  }
}

/** Runs a `safe*` call, which documents that it never throws: any throw fails with its name, message and stack. */
export function mustReturn<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw new Error(`a safe call threw: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`, { cause: error });
  }
}
