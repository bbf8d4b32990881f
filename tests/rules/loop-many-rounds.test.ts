import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_CODES, validatePath } from '../../src/validate/index.js';
import { makePath, ruleTester, step } from './rule-tester.js';

/** a → b; b goes back to a with weight `back` or on to the end with weight 1. */
const loop = (back: number, after?: number) => ({
  a: step('contact', [{ to: 'b', ...(after !== undefined ? { after } : {}) }]),
  b: step('decision', [{ to: 'a', weight: back }, { to: 'c', weight: 1 }]),
  c: step('outcome'),
});

ruleTester('loop-many-rounds', {
  valid: [
    { name: 'a loop gone round twice on average', steps: loop(1) },
    { name: 'no loop', steps: { a: step('contact', ['b']), b: step('outcome') } },
    { name: 'a loop without a way out is another rule', steps: { a: step('contact', ['b']), b: step('contact', ['a']), c: step('outcome') } },
  ],
  invalid: [
    {
      name: 'a loop gone round ten times on average, without time passing',
      steps: loop(9),
      findings: [{ pointer: '/steps/a', params: { steps: ['a', 'b'], entry: 'a', rounds: 10, noTime: ', without any time passing' } }],
    },
    {
      name: 'a loop with a delay is still many rounds',
      steps: { start: step('contact', ['b']), ...loop(4, 14) },
      findings: [{ pointer: '/steps/b', params: { entry: 'b', rounds: 5, noTime: '' } }],
    },
  ],
});

describe('loop-many-rounds against the closed form', () => {
  it('finds a two-step loop exactly when back + 1 rounds reach the limit', () => {
    const only = Object.fromEntries(RULE_CODES.filter((c) => c !== 'loop-many-rounds').map((c) => [c, 'off' as const]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (back) => {
        const found = validatePath(makePath(loop(back)), { rules: only }).diagnostics.filter((d) => d.code === 'loop-many-rounds');
        // from a, the chance to come back is back / (back + 1): back + 1 rounds on average
        if (back + 1 >= 3) expect(found.map((d) => d.params['rounds'])).toEqual([back + 1]);
        else expect(found).toEqual([]);
        expect(found.every((d) => d.severity === 'info')).toBe(true);
      }),
    );
  });
});
