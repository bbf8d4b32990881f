import { describe, expect, it } from 'vitest';
import { validatePath, type CarePath } from '../../src/index.js';

// counterexamples the fuzz properties found, shrunk, kept as plain tests
describe('fuzz regressions', () => {
  it('validatePath({ steps: {} }) gives schema diagnostics, not an internal error', () => {
    const result = validatePath({ steps: {} } as unknown as CarePath);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['missing-field', '/id'],
      ['missing-field', '/initial'],
      ['missing-field', '/schemaVersion'],
      ['missing-field', '/title'],
      ['missing-field', '/version'],
    ]);
  });

  it('validatePath with a null transition names the transition, not an internal error', () => {
    const result = validatePath({ steps: { a: { transitions: [null] } } } as unknown as CarePath);
    expect(result.diagnostics.some((d) => d.code === 'internal-error')).toBe(false);
    expect(result.diagnostics.find((d) => d.pointer === '/steps/a/transitions/0')?.code).toBe('invalid-type');
  });
});
