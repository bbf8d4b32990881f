import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDiagnostic,
  hasErrors,
  LOAD_CODES,
  renderTemplate,
  sortDiagnostics,
  textOf,
  type Diagnostic,
  type DiagnosticTemplate,
  type Severity,
} from '../../src/diagnostics/index.js';
import { EDIT_CODES } from '../../src/edit/codes.js';
import { TARGETS_CODES } from '../../src/load/codes.js';

describe('renderTemplate', () => {
  it('fills placeholders, with or without spaces inside the braces', () => {
    expect(renderTemplate('Step "{{step}}" to {{ to }}.', { step: 'intake', to: 'klaar' })).toBe('Step "intake" to klaar.');
  });

  it('joins lists with commas and writes numbers, booleans and null as text', () => {
    expect(renderTemplate('{{a}} | {{n}} | {{b}} | {{z}}', { a: ['x', 1], n: 2.5, b: false, z: null })).toBe('x, 1 | 2.5 | false | null');
  });

  it('leaves a missing placeholder visible so the gap shows', () => {
    expect(renderTemplate('Hello {{name}}', {})).toBe('Hello {{name}}');
  });

  it('does not interpret placeholders inside values', () => {
    expect(renderTemplate('{{a}} {{b}}', { a: '{{b}}', b: 'x' })).toBe('{{b}} x');
  });
});

describe('createDiagnostic', () => {
  const template: DiagnosticTemplate = {
    code: 'demo-code',
    severity: 'warning',
    message: { en: 'Step "{{step}}" is odd.', nl: 'Stap "{{step}}" is vreemd.' },
    hint: { en: 'Fix {{step}}.', nl: 'Herstel {{step}}.' },
  };

  it('renders message and hint in English and Dutch', () => {
    const d = createDiagnostic(template, { step: 'intake' }, { pointer: '/steps/intake' });
    expect(d).toEqual({
      code: 'demo-code',
      severity: 'warning',
      message: 'Step "intake" is odd.',
      hint: 'Fix intake.',
      nl: { message: 'Stap "intake" is vreemd.', hint: 'Herstel intake.' },
      params: { step: 'intake' },
      pointer: '/steps/intake',
    });
    expect(textOf(d, 'nl')).toEqual({ message: 'Stap "intake" is vreemd.', hint: 'Herstel intake.' });
    expect(textOf(d, 'en')).toEqual({ message: 'Step "intake" is odd.', hint: 'Fix intake.' });
  });

  it('carries file, line and column only when given, and takes overrides', () => {
    const d = createDiagnostic(template, { step: 'a' }, { pointer: '', file: 'p.json', line: 3, column: 7 }, { severity: 'error', hint: { en: 'Other.', nl: 'Anders.' } });
    expect(d).toMatchObject({ file: 'p.json', line: 3, column: 7, severity: 'error', hint: 'Other.', nl: { hint: 'Anders.' } });
    const bare = createDiagnostic({ ...template, hint: undefined }, { step: 'a' }, { pointer: '' });
    expect(Object.keys(bare).sort()).toEqual(['code', 'message', 'nl', 'params', 'pointer', 'severity']);
    expect(textOf(bare, 'en')).toEqual({ message: 'Step "a" is odd.' });
  });

  it('hasErrors looks at severities only', () => {
    const warning = createDiagnostic(template, { step: 'a' }, { pointer: '' });
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, { ...warning, severity: 'error' }])).toBe(true);
    expect(hasErrors([])).toBe(false);
  });
});

describe('the code templates', () => {
  const placeholders = (text: string | undefined) => new Set([...(text ?? '').matchAll(/\{\{\s*(\w+?)(?:Nl)?\s*\}\}/g)].map((m) => m[1]));
  const all = [...Object.values(LOAD_CODES), ...Object.values(EDIT_CODES), ...Object.values(TARGETS_CODES)] as DiagnosticTemplate[];

  it('have unique, kebab-case codes', () => {
    const codes = all.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('say the same things in both languages: the same placeholders, and no untranslated Dutch', () => {
    for (const t of all) {
      expect(placeholders(t.message.nl), t.code).toEqual(placeholders(t.message.en));
      expect(placeholders(t.hint?.nl), t.code).toEqual(placeholders(t.hint?.en));
      if (t.message.en !== '{{reason}}' && t.message.en !== '{{suggestion}}') expect(t.message.nl, t.code).not.toBe(t.message.en);
    }
  });
});

describe('sortDiagnostics', () => {
  const severities: Severity[] = ['error', 'warning', 'info'];
  const diagnosticArb: fc.Arbitrary<Diagnostic> = fc.record({
    code: fc.constantFrom('a-code', 'b-code'),
    severity: fc.constantFrom(...severities),
    message: fc.constant('m'),
    nl: fc.constant({ message: 'm' }),
    params: fc.constant({}),
    pointer: fc.constantFrom('', '/a', '/b', '/a/0'),
    file: fc.option(fc.constantFrom('a.json', 'b.json'), { nil: undefined }),
    line: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  });

  it('orders by file, line, pointer, severity and code', () => {
    const d = (over: Partial<Diagnostic>): Diagnostic => ({ code: 'x', severity: 'error', message: '', nl: { message: '' }, params: {}, pointer: '', ...over });
    const input = [d({ file: 'b' }), d({ file: 'a', line: 9 }), d({ file: 'a', line: 2, pointer: '/z' }), d({ file: 'a', line: 2, pointer: '/a', severity: 'info' }), d({ file: 'a', line: 2, pointer: '/a', code: 'b' }), d({ file: 'a', line: 2, pointer: '/a', code: 'a' })];
    const sorted = sortDiagnostics(input);
    expect(sorted).toEqual([input[5], input[4], input[3], input[2], input[1], input[0]]);
  });

  it('property: returns a sorted permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(diagnosticArb, { maxLength: 20 }), (list) => {
        const copy = [...list];
        const sorted = sortDiagnostics(list);
        expect(list).toEqual(copy);
        expect(sorted).toHaveLength(list.length);
        for (const item of list) expect(sorted).toContain(item);
        const rank = { error: 0, warning: 1, info: 2 };
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          const key = (x: Diagnostic) => [x.file ?? '', x.line ?? 0, x.pointer, rank[x.severity], x.code] as const;
          const [ka, kb] = [key(a), key(b)];
          const cmp = ka.findIndex((v, j) => v !== kb[j]);
          if (cmp >= 0) expect(ka[cmp]! < kb[cmp]!).toBe(true);
        }
      }),
    );
  });
});
