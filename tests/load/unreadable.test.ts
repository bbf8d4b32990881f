import { describe, expect, it } from 'vitest';
import { readFailure } from '../../src/load/files.js';

// root reads any file, so a permission error cannot be made on disk in every test run: the
// diagnostic is built from the reply the reader gives for EACCES
describe('a file that cannot be read', () => {
  it('says why and how to fix it, in English and Dutch', () => {
    const d = readFailure({ ok: false, problem: 'unreadable', reason: 'permission denied', reasonNl: 'geen toegang' }, 'paden/zwangerschap.json');
    expect(d).toMatchObject({ code: 'file-unreadable', pointer: '', file: 'paden/zwangerschap.json' });
    expect(d.message).toBe('File "paden/zwangerschap.json" cannot be read: permission denied.');
    expect(d.nl.message).toBe('Bestand "paden/zwangerschap.json" kan niet worden gelezen: geen toegang.');
    expect(d.hint).toContain('you may read it (its permissions');
    expect(d.nl.hint).toContain('dat je het mag lezen (de rechten');
  });
});
