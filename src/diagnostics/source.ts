import type { Diagnostic, DiagnosticLocation } from './diagnostic.js';

/** Resolves a JSON pointer of a loaded document to the file, pointer, line and column it came from. */
export interface SourceLocator {
  /** The file the document was read from (the including file for a composed path). */
  readonly file?: string;
  locate(pointer: string): DiagnosticLocation;
  /** The source text of a file this locator knows, for excerpts under a message. */
  textOf(file: string | undefined): string | undefined;
}

const locators = new WeakMap<object, SourceLocator>();

/** Remembers where a loaded document came from, so later diagnostics can name lines. */
export function attachSource<T extends object>(document: T, locator: SourceLocator): T {
  locators.set(document, locator);
  return document;
}

/** The source locator of a document that was loaded from text, if any. */
export function sourceOf(document: object): SourceLocator | undefined {
  return locators.get(document);
}

/** Fills in file, line and column of diagnostics that carry only a pointer. */
export function locateDiagnostics(diagnostics: Diagnostic[], locator: SourceLocator | undefined): Diagnostic[] {
  if (!locator) return diagnostics;
  return diagnostics.map((d) => {
    if (d.line !== undefined) return d;
    const where = locator.locate(d.pointer);
    const located: Diagnostic = { ...d, pointer: where.pointer };
    if (where.file !== undefined) located.file = where.file;
    if (where.line !== undefined) located.line = where.line;
    if (where.column !== undefined) located.column = where.column;
    return located;
  });
}
