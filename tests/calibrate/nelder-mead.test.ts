import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/simulate/calibrate/nelder-mead.js';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 2000, fTolerance: 1e-14, xTolerance: 1e-8 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('finds the centre of any convex quadratic from any start (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0.2, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (centre, scales, from) => {
          const n = centre.length;
          const f = (x: number[]) => x.reduce((s, v, i) => s + scales[i]! * (v - centre[i]!) ** 2, 0);
          const r = nelderMead(f, from.slice(0, n), { maxEvaluations: 4000, fTolerance: 1e-16, xTolerance: 1e-9, step: 1 });
          r.x.forEach((v, i) => expect(Math.abs(v - centre[i]!)).toBeLessThan(1e-3));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('stays inside the box and stops on the bound when the minimum lies outside', () => {
    const seen: number[][] = [];
    const r = nelderMead((x) => (seen.push(x), (x[0]! - 3) ** 2 + (x[1]! + 3) ** 2), [0.5, 0.5], { lower: [0, 0], upper: [1, 1], maxEvaluations: 500 });
    for (const x of seen) for (const v of x) expect(v >= 0 && v <= 1).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(0, 4);
  });

  it('is deterministic, keeps a non-increasing trace and respects the evaluation budget', () => {
    const f = (x: number[]) => Math.abs(x[0]! - 0.3) + Math.abs(x[1]! - 0.7);
    const a = nelderMead(f, [0, 0], { maxEvaluations: 37 });
    const b = nelderMead(f, [0, 0], { maxEvaluations: 37 });
    expect(a).toEqual(b);
    expect(a.evaluations).toBeLessThanOrEqual(37 + 2);
    for (let i = 1; i < a.trace.length; i++) expect(a.trace[i]!.best).toBeLessThanOrEqual(a.trace[i - 1]!.best);
  });
});
