import { expect } from 'vitest';
import type { Diagnostic } from '../support/everything.js';

/** A line of a JavaScript stack trace. */
export const STACK_FRAME = /^\s*at .+(:\d+:\d+\)?|\(native\))$/m;

/**
 * A message a user reads: no stack frames, no "[object Object]", no "undefined", non-empty in English
 * and Dutch; `more` adds the checks of one corpus.
 */
export function expectReadable(diagnostics: readonly Diagnostic[], more?: (d: Diagnostic) => void): void {
  for (const d of diagnostics) {
    for (const text of [d.message, d.hint ?? '', d.nl.message, d.nl.hint ?? '']) {
      expect(text).not.toMatch(STACK_FRAME);
      expect(text).not.toContain('[object Object]');
      expect(text).not.toContain('undefined');
    }
    expect(d.message.trim()).not.toBe('');
    expect(d.nl.message.trim()).not.toBe('');
    more?.(d);
  }
}
