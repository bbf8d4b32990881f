import { describe, expect, it } from 'vitest';
import {
  attachSource,
  createDiagnostic,
  isZorgpadenError,
  LOAD_CODES,
  locateDiagnostics,
  sourceOf,
  ZorgpadenError,
  type SourceLocator,
} from '../../src/diagnostics/index.js';

const target = createDiagnostic(LOAD_CODES.unknownTarget, { from: 'intake', to: 'screenig', suggestion: 'Did you mean "screening"?', suggestionNl: 'Bedoelde je "screening"?' }, { pointer: '/steps/intake/transitions/0/to', file: 'pad.json', line: 12, column: 15 });
const missing = createDiagnostic(LOAD_CODES.missingField, { field: 'initial' }, { pointer: '/initial' });

describe('ZorgpadenError', () => {
  it('is an Error named ZorgpadenError that carries its diagnostics', () => {
    const error = new ZorgpadenError('Path "x" is not valid.', [target, missing]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ZorgpadenError');
    expect(error.diagnostics).toEqual([target, missing]);
    expect(isZorgpadenError(error)).toBe(true);
    expect(isZorgpadenError(new Error('x'))).toBe(false);
  });

  it('lists every diagnostic in its message: where, severity, code, text, pointer and hint', () => {
    const lines = new ZorgpadenError('Path "x" is not valid.', [target, missing]).message.split('\n');
    expect(lines).toEqual([
      'Path "x" is not valid.',
      '  pad.json:12:15 error unknown-target: Step "intake" has a transition to "screenig", which does not exist. at /steps/intake/transitions/0/to (Did you mean "screening"?)',
      '  error missing-field: Field "initial" is required. at /initial',
    ]);
  });

  it('does not repeat a diagnostic that says what the heading says', () => {
    const lines = new ZorgpadenError(missing.message, [missing]).message.split('\n');
    expect(lines).toEqual([missing.message, '  error missing-field at /initial']);
  });

  it('without diagnostics the message is just the message', () => {
    expect(new ZorgpadenError('Bad call.').message).toBe('Bad call.');
  });
});

describe('source locators', () => {
  const locator: SourceLocator = {
    file: 'pad.yaml',
    locate: (pointer) => ({ pointer, file: 'pad.yaml', line: pointer.split('/').length, column: 1 }),
    textOf: () => undefined,
  };

  it('remember where a document came from, per object', () => {
    const doc = attachSource({ id: 'x' }, locator);
    expect(sourceOf(doc)).toBe(locator);
    expect(sourceOf({ id: 'x' })).toBeUndefined();
  });

  it('fill in file and line of diagnostics that have only a pointer', () => {
    const located = locateDiagnostics([missing, target], locator);
    expect(located[0]).toMatchObject({ file: 'pad.yaml', line: 2, column: 1, pointer: '/initial' });
    expect(located[1]).toBe(target);
    expect(missing.line).toBeUndefined();
    expect(locateDiagnostics([missing], undefined)).toEqual([missing]);
  });
});
