import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CarePathSchema, startDay, windowDays, type CarePath } from '../../src/model/index.js';
import { arrivalWindows } from '../../src/validate/index.js';

// small random DAGs with windows and delays
const dagArbitrary = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    windows: fc.array(fc.record({ from: fc.option(fc.integer({ min: -250, max: 0 })), length: fc.option(fc.integer({ min: 0, max: 120 })) }), { minLength: n, maxLength: n }),
    edges: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), after: fc.option(fc.integer({ min: 0, max: 60 })) }), { minLength: 1, maxLength: 3 * n }),
  }),
).map(({ n, windows, edges }) => {
  const steps: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const w = windows[i]!;
    const window = w.from === null ? (w.length === null ? undefined : { to: { day: -100 + w.length } }) : { from: { day: w.from }, ...(w.length === null ? {} : { to: { day: w.from + w.length } }) };
    const own = edges.filter((e) => e.from % n === i && i < n - 1).map((e) => ({ to: `s${i + 1 + (e.to % (n - 1 - i))}`, ...(e.after === null ? {} : { after: e.after }) }));
    steps[`s${i}`] = { kind: own.length === 0 ? 'outcome' : 'contact', phase: 'pregnancy', label: { nl: `s${i}` }, ...(window ? { window } : {}), transitions: own };
  }
  return CarePathSchema.parse({ schemaVersion: 1, id: 'dag', version: '1.0.0', title: { nl: 'DAG' }, initial: 's0', steps });
});

// every route enumerated, following the journey semantics literally
function arrivalsByHand(path: CarePath): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const visit = (id: string, day: number) => {
    out.set(id, [...(out.get(id) ?? []), day]);
    for (const t of path.steps[id]!.transitions) {
      const target = windowDays(path.steps[t.to]!.window);
      const arrival = Math.max(day + (t.after ?? 0), target.from);
      if (arrival <= target.to) visit(t.to, arrival);
    }
  };
  const first = windowDays(path.steps[path.initial]!.window);
  const start = Math.max(startDay(path), first.from);
  if (start <= first.to) visit(path.initial, start);
  return out;
}

describe('arrivalWindows', () => {
  it('earliest arrival is exact, latest is an upper bound, and "reached in time" matches every enumerated route', () => {
    fc.assert(
      fc.property(dagArbitrary, (path) => {
        const computed = arrivalWindows(path);
        const byHand = arrivalsByHand(path);
        for (const id of Object.keys(path.steps)) {
          const days = byHand.get(id);
          const w = computed[id];
          if (days === undefined) {
            expect(w?.feasible ?? false).toBe(false);
            continue;
          }
          expect(w?.feasible).toBe(true);
          expect(w!.earliest).toBe(Math.min(...days));
          expect(w!.latest).toBeGreaterThanOrEqual(Math.max(...days));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports the days clients would try to enter a step that is always too late', () => {
    const path = CarePathSchema.parse({
      schemaVersion: 1, id: 'x', version: '1.0.0', title: { nl: 'X' }, initial: 'a',
      steps: {
        a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'a' }, window: { from: { day: -100 } }, transitions: [{ to: 'b', after: 30 }] },
        b: { kind: 'contact', phase: 'pregnancy', label: { nl: 'b' }, window: { to: { day: -90 } }, transitions: [{ to: 'c' }] },
        c: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'c' } },
      },
    });
    expect(arrivalWindows(path)).toEqual({ a: { earliest: -100, latest: -100, feasible: true }, b: { earliest: -70, latest: -70, feasible: false } });
  });

  it('handles a cycle with a delay without looping forever', () => {
    const path = CarePathSchema.parse({
      schemaVersion: 1, id: 'x', version: '1.0.0', title: { nl: 'X' }, initial: 'a',
      steps: {
        a: { kind: 'contact', phase: 'postpartum', label: { nl: 'a' }, window: { from: { day: 0 }, to: { day: 700 } }, transitions: [{ to: 'a', after: 1 }, { to: 'b' }] },
        b: { kind: 'outcome', phase: 'postpartum', label: { nl: 'b' } },
      },
    });
    expect(arrivalWindows(path).a).toEqual({ earliest: 0, latest: 700, feasible: true });
  });
});
