import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeLoadPath } from '../../src/node/index.js';

describe('include-conflict', () => {
  it('says which fields of a definition differ, with both values, in English and Dutch', async () => {
    const result = await safeLoadPath(join(__dirname, '..', 'fixtures', 'broken', 'include-conflict.json'));
    const conflict = result.diagnostics.find((d) => d.code === 'include-conflict')!;
    expect(conflict.message).toBe(
      '"actors.verloskundige" is defined differently in "' +
        join(__dirname, '..', 'fixtures', 'load', 'includes', 'zwangerschap.json') +
        '" than in the including path: field "label" ({"nl":"Verloskundige","en":"Midwife"} there, {"nl":"Vroedvrouw"} here) differs.',
    );
    expect(conflict.nl.message).toContain('veld "label" (daar {"nl":"Verloskundige","en":"Midwife"}, hier {"nl":"Vroedvrouw"}) verschilt.');
  });
});
