// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tornado, tornadoSvg, type Tornado } from '../../src/analysis.js';
import { ZorgpadenError } from '../../src/diagnostics/index.js';

/** Parses the SVG as XML, failing on anything that is not well formed. */
function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.tagName.toLowerCase()).toBe('svg');
  return doc;
}

const num = (el: Element, attr: string) => Number(el.getAttribute(attr));

/** Per row: the parameter name and its two bars as [x, width, value]. */
function bars(doc: Document): { name: string; atMin: [number, number, number]; atMax: [number, number, number] }[] {
  return [...doc.querySelectorAll('g.tornado-row')].map((g) => {
    const bar = (cls: string): [number, number, number] => {
      const rect = g.querySelector(`rect.${cls}`)!;
      return [num(rect, 'x'), num(rect, 'width'), num(rect, 'data-value')];
    };
    return { name: g.getAttribute('data-parameter')!, atMin: bar('atMin'), atMax: bar('atMax') };
  });
}

describe('tornadoSvg', () => {
  const table: Tornado = {
    base: 10,
    rows: [
      { name: 'a', atMin: 5, atMax: 20, swing: 15 },
      { name: 'b <&> "q"', atMin: 12, atMax: 8, swing: 4 },
    ],
  };

  it('draws each end as a bar from the base, its length in proportion to the change (a known table)', () => {
    const doc = parse(tornadoSvg(table, { lang: 'en', title: 'Unmet need & reach' }));
    const baseX = num(doc.querySelector('line.base')!, 'x1');
    const rows = bars(doc);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b <&> "q"']);
    // pixels per unit of the figure, from the longest bar
    const scale = rows[0]!.atMax[1] / 10;
    expect(scale).toBeGreaterThan(10);
    for (const row of rows) {
      for (const [x, width, value] of [row.atMin, row.atMax]) {
        expect(width).toBeCloseTo(Math.abs(value - 10) * scale, 1);
        // below the base the bar ends at the base line, above it starts there
        expect(value < 10 ? x + width : x).toBeCloseTo(baseX, 1);
      }
    }
    expect(doc.querySelector('title')!.textContent).toBe('Unmet need & reach');
    expect(doc.documentElement.textContent).toContain('parameter at its minimum');
  });

  it('speaks Dutch by default and writes values with the given format', () => {
    const svg = tornadoSvg(table, { format: (v) => `${(v * 10).toFixed(0)}%` });
    const text = parse(svg).documentElement.textContent!;
    expect(text).toContain('parameter op zijn minimum');
    expect(text).toContain('basis 100%');
    expect(text).toContain('200%');
  });

  it('is well-formed SVG with two bars per parameter for any table', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    const row = fc.record({ name: fc.string({ maxLength: 20, unit: 'grapheme' }), atMin: value, atMax: value }).map((r) => ({ ...r, swing: Math.abs(r.atMax - r.atMin) }));
    fc.assert(
      fc.property(value, fc.array(row, { maxLength: 12 }), (base, rows) => {
        const doc = parse(tornadoSvg({ base, rows }, { lang: 'en' }));
        const drawn = bars(doc);
        // names keep every character XML can hold
        expect(drawn.map((r) => r.name)).toEqual(rows.map((r) => r.name.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')));
        const width = num(doc.documentElement, 'width');
        for (const r of drawn) {
          for (const [x, w] of [r.atMin, r.atMax]) {
            expect(w).toBeGreaterThanOrEqual(0);
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x + w).toBeLessThanOrEqual(width + 0.01);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('draws the table tornado() computes, largest swing on top', () => {
    const t = tornado(([x, y]) => x! + 3 * y!, [
      { name: 'x', min: 0, max: 1 },
      { name: 'y', min: 0, max: 1 },
    ]);
    expect(bars(parse(tornadoSvg(t))).map((r) => r.name)).toEqual(['y', 'x']);
  });

  it('refuses what is not a tornado table with a ZorgpadenError', () => {
    expect(() => tornadoSvg({} as Tornado)).toThrow(ZorgpadenError);
    expect(() => tornadoSvg({ base: 1, rows: [{ name: 'a', atMin: Number.NaN, atMax: 1, swing: 0 }] })).toThrow(ZorgpadenError);
  });
});
