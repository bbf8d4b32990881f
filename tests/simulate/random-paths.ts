import fc from 'fast-check';
import { PopulationSchema, type CarePath, type Population } from '../../src/model/index.js';
import { parsePath } from './fixtures.js';

const label = { nl: 'x', en: 'x' };

/** The shape of a generated path: per non-outcome step, its transitions (target, weight, delay, condition). */
export interface PathSpec {
  steps: { transitions: { to: number; weight: number; after: number; risk?: number }[]; window?: { from?: number; to?: number } }[];
  outcomes: number;
}

/**
 * Random paths: steps 0 … n−1 are not outcomes, n … n+outcomes−1 are. Every step has one
 * "forward" transition (weight ≥ 1) to a later step or an outcome, so every journey can end;
 * the others may go anywhere (cycles), have weight 0, delays, and, when asked, conditions and windows.
 */
export function pathSpec(options: { conditions?: boolean; windows?: boolean } = {}): fc.Arbitrary<PathSpec> {
  return fc.integer({ min: 1, max: 7 }).chain((n) =>
    fc.integer({ min: 1, max: 3 }).chain((outcomes) => {
      const total = n + outcomes;
      const transition = fc.record({
        to: fc.integer({ min: 0, max: total - 1 }),
        weight: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
        after: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
        risk: options.conditions ? fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }) : fc.constant(undefined),
      });
      const window = options.windows
        ? fc.option(
            fc
              .record({ from: fc.option(fc.integer({ min: -280, max: 100 }), { nil: undefined }), to: fc.option(fc.integer({ min: -200, max: 300 }), { nil: undefined }) })
              // only ordered windows: a window that ends before it starts is refused when a path is read
              .map((w) => (w.from !== undefined && w.to !== undefined && w.from > w.to ? { from: w.to, to: w.from } : w)),
            { nil: undefined },
          )
        : fc.constant(undefined);
      const step = (i: number) =>
        fc.record({
          forward: fc.record({ to: fc.integer({ min: i + 1, max: total - 1 }), weight: fc.integer({ min: 1, max: 6 }), after: fc.integer({ min: 0, max: 30 }) }),
          others: fc.array(transition, { maxLength: 3 }),
          window,
        });
      return fc.tuple(...Array.from({ length: n }, (_, i) => step(i))).map((steps) => ({
        outcomes,
        steps: steps.map((s) => {
          const transitions: PathSpec['steps'][number]['transitions'] = [...s.others];
          transitions.splice(s.others.length > 0 ? s.others[0]!.after % (s.others.length + 1) : 0, 0, s.forward);
          return s.window ? { transitions, window: s.window } : { transitions };
        }),
      }));
    }),
  );
}

const id = (i: number, n: number) => (i < n ? `s${i}` : `o${i - n}`);
const RISKS = ['r0', 'r1', 'r2'];

/** Builds the care path of a spec. */
export function buildPath(spec: PathSpec): CarePath {
  const n = spec.steps.length;
  const steps: Record<string, unknown> = {};
  spec.steps.forEach((s, i) => {
    const window = s.window && {
      ...(s.window.from !== undefined ? { from: { day: s.window.from } } : {}),
      ...(s.window.to !== undefined ? { to: { day: s.window.to } } : {}),
    };
    steps[id(i, n)] = {
      kind: 'contact',
      phase: 'pregnancy',
      label,
      ...(window && Object.keys(window).length > 0 ? { window } : {}),
      transitions: s.transitions.map((t) => ({
        to: id(t.to, n),
        weight: t.weight,
        ...(t.after > 0 ? { after: t.after } : {}),
        ...(t.risk !== undefined ? { when: t.risk === 2 ? { not: { hasRisk: 'r2' } } : { hasRisk: RISKS[t.risk]! } } : {}),
      })),
    };
  });
  for (let k = 0; k < spec.outcomes; k++) steps[id(n + k, n)] = { kind: 'outcome', phase: 'postpartum', label };
  return parsePath({ schemaVersion: 1, id: 'random', version: '1.0.0', title: label, initial: 's0', steps });
}

/** A population where every client has exactly the given risks. */
export function fixedPopulation(risks: string[]): Population {
  return PopulationSchema.parse({
    schemaVersion: 1,
    kind: 'population',
    id: 'test/fixed',
    version: '1.0.0',
    title: label,
    risks: Object.fromEntries([...new Set([...RISKS, ...risks])].map((r) => [r, { label, prevalence: risks.includes(r) ? 1 : 0 }])),
  });
}

export const clientRisks = fc.subarray(RISKS);
