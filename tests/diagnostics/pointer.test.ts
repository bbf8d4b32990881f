import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeSegment, joinPointer, parsePointer, toPointer } from '../../src/diagnostics/index.js';

describe('JSON pointers (RFC 6901)', () => {
  it('escapes ~ before / so that the two never mix', () => {
    expect(escapeSegment('a/b')).toBe('a~1b');
    expect(escapeSegment('a~b')).toBe('a~0b');
    expect(escapeSegment('~1')).toBe('~01');
    expect(toPointer(['steps', 'zwangerschap/intake', 'transitions', 0, 'to'])).toBe('/steps/zwangerschap~1intake/transitions/0/to');
  });

  it('the empty pointer is the whole document; an empty key is allowed', () => {
    expect(toPointer([])).toBe('');
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('/a//b')).toEqual(['a', '', 'b']);
  });

  it('unescapes ~1 before ~0, as the RFC requires', () => {
    expect(parsePointer('/~01')).toEqual(['~1']);
    expect(parsePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
  });

  it('refuses text that is not a pointer', () => {
    expect(() => parsePointer('steps/intake')).toThrow(/starts with "\/"/);
  });

  it('joins a base pointer and segments', () => {
    expect(joinPointer('/steps/a~1b', 'transitions', 2)).toBe('/steps/a~1b/transitions/2');
    expect(joinPointer('')).toBe('');
  });

  it('property: parsePointer inverts toPointer for any segments', () => {
    const segment = fc.oneof(fc.string({ unit: fc.constantFrom('a', '/', '~', '0', '1', 'é', ' ') }), fc.string(), fc.nat());
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        expect(parsePointer(toPointer(segments))).toEqual(segments.map(String));
      }),
      { numRuns: 500 },
    );
  });

  it('property: toPointer inverts parsePointer for any valid pointer', () => {
    const pointer = fc.array(fc.oneof(fc.stringMatching(/^(?:[^~/]|~[01])*$/)), { maxLength: 6 }).map((parts) => parts.map((p) => '/' + p).join(''));
    fc.assert(
      fc.property(pointer, (p) => {
        expect(toPointer(parsePointer(p))).toBe(p);
      }),
    );
  });
});
