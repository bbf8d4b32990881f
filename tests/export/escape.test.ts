import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLabel, escapeLineText, quoted, unescapeLabel } from '../../src/export/index.js';
import { expectedLabel, hostileText } from './helpers/hostile.js';

// what an escaped label may contain: readable letters and a few marks, or numeric entities
const ESCAPED = /^(?:[\p{L}\p{M}\p{N} .'_-]|#\d+;)*$/u;

describe('escapeLabel', () => {
  it('keeps Dutch text readable and encodes what Mermaid would read as syntax', () => {
    expect(escapeLabel("Signalering psychosociale risico's")).toBe("Signalering psychosociale risico's");
    expect(escapeLabel('Zorg voor één cliënt')).toBe('Zorg voor één cliënt');
    expect(escapeLabel('a "b"')).toBe('a #34;b#34;');
    expect(escapeLabel('x --> y')).toBe('x #45;#45;#62; y');
    expect(escapeLabel('%% c')).toBe('#37;#37; c');
    expect(escapeLabel('a;b#c:d,e|f')).toBe('a#59;b#35;c#58;d#44;e#124;f');
    expect(escapeLabel('<script>')).toBe('#60;script#62;');
    expect(escapeLabel('🤰')).toBe('#129328;');
    expect(escapeLabel('ß ﬂ')).toBe('#223; #64258;');
  });

  it('turns line breaks into spaces and protects spaces at the ends', () => {
    expect(escapeLabel('a\nb\r\nc')).toBe('a b c');
    expect(escapeLabel(' a ')).toBe('#32;a#32;');
    expect(escapeLabel('')).toBe('#32;');
  });

  it('never lets a dash pair or any syntax character through, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), hostileText), (text) => {
        const escaped = escapeLabel(text);
        expect(escaped).toMatch(ESCAPED);
        expect(escaped).not.toMatch(/--|^ | $/);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips: decoding gives the text back as one line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), hostileText), (text) => {
        expect(unescapeLabel(escapeLabel(text))).toBe(expectedLabel(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes once, so text that looks like an entity survives', () => {
    expect(unescapeLabel(escapeLabel('#35; and #quot;'))).toBe('#35; and #quot;');
  });
});

describe('quoted and escapeLineText', () => {
  it('quotes a label', () => {
    expect(quoted('a "b"')).toBe('"a #34;b#34;"');
  });

  it('encodes the first character so a label cannot start with a keyword', () => {
    expect(escapeLineText('section x')).toBe('#115;ection x');
    expect(escapeLineText('click s0 call alert(1)').startsWith('#99;lick')).toBe(true);
    expect(escapeLineText('#')).toBe('#35;');
    expect(escapeLineText('élan')).toBe('#233;lan');
    fc.assert(
      fc.property(hostileText, (text) => {
        const escaped = escapeLineText(text);
        expect(escaped.startsWith('#')).toBe(true);
        expect(unescapeLabel(escaped)).toBe(expectedLabel(text));
      }),
    );
  });
});
