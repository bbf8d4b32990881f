import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadValidateConfig, safeLoadValidateConfig } from '../../src/node/index.js';

// a config file inside the repository (test-output/), as the other tests that write files
const dir = join('test-output', 'validate-config-names');

describe('safeLoadValidateConfig', () => {
  it('returns a Result for a good file and for a missing one, never throwing', () => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'zorgpaden.config.json');
    writeFileSync(file, '{ "rules": { "cold-handoff": "off" } }\n');
    expect(safeLoadValidateConfig(file)).toEqual({ ok: true, value: { rules: { 'cold-handoff': 'off' } }, diagnostics: [] });
    const missing = safeLoadValidateConfig(join(dir, 'nothing.json'));
    expect(missing.ok).toBe(false);
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['invalid-config']);
  });

  it('keeps the 0.1 name loadValidateConfig as the same function', () => {
    expect(loadValidateConfig).toBe(safeLoadValidateConfig);
  });
});
