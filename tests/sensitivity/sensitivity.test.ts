import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sobolIndices, tornado } from '../../src/simulate/sensitivity.js';

// the Ishigami function, whose Sobol indices are known in closed form (Ishigami & Homma 1990)
const A = 7;
const B = 0.1;
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1!) + A * Math.sin(x2!) ** 2 + B * x3! ** 4 * Math.sin(x1!);
const PI4 = Math.PI ** 4;
const PI8 = Math.PI ** 8;
const V = A ** 2 / 8 + (B * PI4) / 5 + (B ** 2 * PI8) / 18 + 0.5;
const V1 = 0.5 * (1 + (B * PI4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = ((B ** 2 * PI8) / 18) - ((B ** 2 * PI8) / 50);
const ANALYTIC = { first: [V1 / V, V2 / V, 0], total: [(V1 + V13) / V, V2 / V, V13 / V] };
const ranges = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -Math.PI, max: Math.PI }));

describe('sobolIndices', () => {
  it('has the analytic Ishigami indices right (S1 0.314, S2 0.442, S3 0; ST 0.558, 0.442, 0.244)', () => {
    expect(ANALYTIC.first[0]).toBeCloseTo(0.3139, 4);
    expect(ANALYTIC.total[2]).toBeCloseTo(0.2437, 4);
  });

  it('matches the Ishigami indices within 0.02 at 50,000 base samples, for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const s = sobolIndices(ishigami, ranges, { samples: 50_000, seed });
      expect(s.evaluations).toBe(250_000);
      s.first.forEach((v, i) => expect(Math.abs(v - ANALYTIC.first[i]!)).toBeLessThan(0.02));
      s.total.forEach((v, i) => expect(Math.abs(v - ANALYTIC.total[i]!)).toBeLessThan(0.02));
      expect(Math.abs(s.variance - V)).toBeLessThan(0.2);
    }
  });

  it('gives first = total = the share of each coefficient² for any additive linear function (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }).filter((c) => Math.abs(c) > 0.1), { minLength: 1, maxLength: 4 }), (coefficients) => {
        const r = coefficients.map((_, i) => ({ name: `p${i}`, min: 0, max: 1 }));
        const s = sobolIndices((x) => x.reduce((sum, v, i) => sum + coefficients[i]! * v, 0), r, { samples: 20_000, seed: 9 });
        const sum = coefficients.reduce((t, c) => t + c * c, 0);
        coefficients.forEach((c, i) => {
          expect(Math.abs(s.first[i]! - (c * c) / sum)).toBeLessThan(0.04);
          expect(Math.abs(s.total[i]! - (c * c) / sum)).toBeLessThan(0.04);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('refuses empty or inverted ranges and too few samples', () => {
    expect(() => sobolIndices(ishigami, [], { samples: 10 })).toThrow(/ranges/);
    expect(() => sobolIndices(ishigami, [{ name: 'x', min: 1, max: 0 }], { samples: 10 })).toThrow(/min below max/);
    expect(() => sobolIndices(ishigami, ranges, { samples: 1 })).toThrow(/samples/);
  });
});

describe('tornado', () => {
  it('sorts parameters by swing and evaluates at the ends of each range', () => {
    const t = tornado(([a, b, c]) => 2 * a! - 5 * b! + 0 * c!, [
      { name: 'a', min: 0, max: 1 },
      { name: 'b', min: 0, max: 1 },
      { name: 'c', min: 0, max: 1 },
    ]);
    expect(t.base).toBeCloseTo(-1.5, 12);
    expect(t.rows.map((r) => r.name)).toEqual(['b', 'a', 'c']);
    expect(t.rows[0]).toEqual({ name: 'b', atMin: 1, atMax: -4, swing: 5 });
    expect(t.rows[2]!.swing).toBe(0);
  });
});
