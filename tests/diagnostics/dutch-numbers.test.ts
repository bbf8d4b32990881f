import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDiagnostic, dutchNumber, LOAD_CODES } from '../../src/diagnostics/index.js';

describe('large numbers in Dutch messages', () => {
  it('are grouped by points in Dutch and left as they are in English', () => {
    const d = createDiagnostic(LOAD_CODES.fileTooLarge, { size: 60_002_528, limit: 33_554_432 }, { pointer: '' });
    expect(d.nl.message).toBe('Bestand is 60.002.528 bytes, meer dan de grens van 33.554.432 bytes.');
    expect(d.message).toBe('File is 60002528 bytes, more than the limit of 33554432 bytes.');
  });

  it('read back as the same number, with groups of three, and four digits or fewer stay bare (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = dutchNumber(n);
        expect(Number(text.replaceAll('.', ''))).toBe(n);
        if (Math.abs(n) < 10_000) expect(text).toBe(String(n));
        else expect(text).toMatch(/^-?\d{1,3}(\.\d{3})+$/);
      }),
    );
    expect(dutchNumber(0.25)).toBe('0.25');
  });
});
