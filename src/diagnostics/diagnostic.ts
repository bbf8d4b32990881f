/** How serious a finding is; `error` makes a path invalid and the CLI exit with 1. */
export type Severity = 'error' | 'warning' | 'info';

/** A language the library writes its messages in. Dutch is the analysts' language. */
export type Lang = 'nl' | 'en';

/** Values a message template can interpolate. */
export type DiagnosticParams = Record<string, string | number | boolean | readonly (string | number)[] | null>;

/**
 * One problem found in a path or in another content file: plain, JSON-serialisable data.
 * `message` and `hint` are English; `nl` holds the Dutch text of both.
 */
export interface Diagnostic {
  /** Stable kebab-case code, e.g. `unknown-target`; never renamed or reused. */
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  nl: { message: string; hint?: string };
  params: DiagnosticParams;
  /** The file the problem is in, when it came from a file. */
  file?: string;
  /** RFC 6901 JSON pointer into the document, `""` for the whole document. */
  pointer: string;
  /** 1-based line and column in `file`, when the source text is known. */
  line?: number;
  column?: number;
}

/** A message in both languages, with `{{name}}` placeholders for params. */
export interface MessageTemplate {
  en: string;
  nl: string;
}

/** The text of one diagnostic code: its message and an optional hint on how to fix it. */
export interface DiagnosticTemplate {
  code: string;
  severity: Severity;
  message: MessageTemplate;
  hint?: MessageTemplate;
}

const DUTCH_WHOLE = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/**
 * A whole number of five digits or more as Dutch text reads it, with points between groups of three
 * (20.000.000); shorter numbers (a limit of 2000, a year) and other values as they are.
 */
export function dutchNumber(value: number): string {
  return Number.isSafeInteger(value) && Math.abs(value) >= 10_000 ? DUTCH_WHOLE.format(value) : String(value);
}

/** Fills `{{name}}` placeholders; arrays are joined with commas, missing params stay visible; in Dutch, large whole numbers are grouped. */
export function renderTemplate(template: string, params: DiagnosticParams, lang: Lang = 'en'): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (Array.isArray(value)) return value.join(', ');
    if (lang === 'nl' && typeof value === 'number') return dutchNumber(value);
    return String(value);
  });
}

/** Where a diagnostic points: a JSON pointer and, when known, the file and its line and column. */
export interface DiagnosticLocation {
  pointer: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Builds a diagnostic from its template, its params and its location. */
export function createDiagnostic(
  template: DiagnosticTemplate,
  params: DiagnosticParams,
  location: DiagnosticLocation,
  overrides: { severity?: Severity; hint?: MessageTemplate } = {},
): Diagnostic {
  const hintTemplate = overrides.hint ?? template.hint;
  const diagnostic: Diagnostic = {
    code: template.code,
    severity: overrides.severity ?? template.severity,
    message: renderTemplate(template.message.en, params),
    nl: { message: renderTemplate(template.message.nl, params, 'nl') },
    params,
    pointer: location.pointer,
  };
  if (hintTemplate) {
    diagnostic.hint = renderTemplate(hintTemplate.en, params);
    diagnostic.nl.hint = renderTemplate(hintTemplate.nl, params, 'nl');
  }
  if (location.file !== undefined) diagnostic.file = location.file;
  if (location.line !== undefined) diagnostic.line = location.line;
  if (location.column !== undefined) diagnostic.column = location.column;
  return diagnostic;
}

/** The message and hint of a diagnostic in the given language. */
export function textOf(diagnostic: Diagnostic, lang: Lang): { message: string; hint?: string } {
  if (lang === 'nl') return diagnostic.nl;
  return diagnostic.hint === undefined ? { message: diagnostic.message } : { message: diagnostic.message, hint: diagnostic.hint };
}

/**
 * True when any diagnostic is an error.
 * @example
 * if (hasErrors(result.diagnostics)) process.exitCode = 1;
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

// code-point order, so the result does not depend on the machine's locale
const byCodePoint = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Sorts diagnostics by file, line, pointer, severity and code, so output is stable on any machine. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      byCodePoint(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      byCodePoint(a.pointer, b.pointer) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      byCodePoint(a.code, b.code),
  );
}
