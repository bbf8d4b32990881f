import { describe, expect, it } from 'vitest';
import { safeParsePath } from '../../src/index.js';

// the main entry reads no files: what a document names must be passed in, and the hint says so
describe('a document that names a file, parsed where no file can be read', () => {
  const path = (extra: Record<string, unknown>) =>
    JSON.stringify({ schemaVersion: 1, id: 'test/kaart', version: '1.0.0', title: { nl: 'Kaart' }, initial: 'a', steps: { a: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'A' } } }, ...extra });

  it('a menukaart: file-unreadable with a hint to pass the menukaart, not to check permissions', () => {
    const d = safeParsePath(path({ menukaart: 'menukaart.json' }), { filename: 'pad.json' }).diagnostics.find((x) => x.code === 'file-unreadable');
    expect(d).toBeDefined();
    expect(d!.message).toContain('files cannot be read here');
    expect(d!.hint).toContain('a menukaart as the "menukaart" option');
    expect(d!.nl.hint).toContain('een menukaart als optie "menukaart"');
    expect(`${d!.hint} ${d!.nl.hint}`).not.toContain('ls -l');
  });
});
