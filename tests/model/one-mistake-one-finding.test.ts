import { describe, expect, it } from 'vitest';
import { safeParsePath } from '../../src/load/index.js';

function pathWith(window: unknown, when: unknown): string {
  return JSON.stringify({
    schemaVersion: 1,
    id: 't/p',
    version: '1.0.0',
    title: { nl: 'T' },
    actors: { a: { label: { nl: 'A' }, domain: 'medical' } },
    initial: 's',
    steps: {
      s: { kind: 'contact', phase: 'pregnancy', label: { nl: 'S' }, ...(window ? { window } : {}), transitions: [{ to: 'e', ...(when ? { when } : {}) }, { to: 'e' }] },
      e: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'E' } },
    },
  });
}

describe('one mistake, one finding', () => {
  it.each([
    ['a misspelt unit', { from: { gww: 12 } }, undefined, '/steps/s/window/from/gww', 'gw'],
    ['a misspelt operator', undefined, { attr: 'age', lts: 20 }, '/steps/s/transitions/0/when/lts', 'lt'],
    ['a misspelt form', undefined, { hasrisk: 'debts' }, '/steps/s/transitions/0/when/hasrisk', 'hasRisk'],
  ])('%s gives one unknown-field with a did-you-mean', (_name, window, when, pointer, suggestion) => {
    const result = safeParsePath(pathWith(window, when), { filename: 'p.json' });
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['unknown-field', pointer]]);
    expect(result.diagnostics[0]!.hint).toBe(`Did you mean "${suggestion}"?`);
  });

  it('still reports a missing unit or operator when nothing was misspelt', () => {
    expect(safeParsePath(pathWith({ from: {} }, undefined)).diagnostics.map((d) => d.code)).toEqual(['invalid-time']);
    expect(safeParsePath(pathWith(undefined, { attr: 'age' })).diagnostics.map((d) => d.code)).toEqual(['invalid-condition']);
  });
});
