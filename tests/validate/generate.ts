import fc from 'fast-check';
import { CarePathSchema, type CarePath, type Condition } from '../../src/model/index.js';

/** Conditions whose satisfiability is known, so tests can compute reachability without the library. */
export const CONDITIONS: { when: Condition; satisfiable: boolean }[] = [
  { when: { hasRisk: 'debts' }, satisfiable: true },
  { when: { not: { hasRisk: 'debts' } }, satisfiable: true },
  { when: { attr: 'age', lt: 20 }, satisfiable: true },
  { when: { any: [{ hasRisk: 'violence' }, { attr: 'firstPregnancy', eq: true }] }, satisfiable: true },
  { when: { all: [{ hasRisk: 'debts' }, { not: { hasRisk: 'debts' } }] }, satisfiable: false },
  { when: { all: [{ attr: 'age', lt: 18 }, { attr: 'age', gt: 30 }] }, satisfiable: false },
  { when: { any: [] }, satisfiable: false },
  { when: { all: [{ attr: 'parity', in: [1, 2] }, { attr: 'parity', exists: false }] }, satisfiable: false },
];

const PHASES = ['preconception', 'pregnancy', 'postpartum'] as const;

/** A generated path plus, per transition, whether its condition can hold. */
export interface GeneratedPath {
  path: CarePath;
  satisfiable: Map<string, boolean[]>;
}

/**
 * Random valid paths: steps s0..s(n-1) in time order, every step reached by an unconditional
 * transition from an earlier non-outcome step, every non-outcome step with an unconditional way
 * forward, the last step an outcome; extra forward transitions carry conditions, some contradictory.
 */
export const validPathArbitrary: fc.Arbitrary<GeneratedPath> = fc
  .integer({ min: 2, max: 30 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      outcome: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      parent: fc.array(fc.nat(), { minLength: n, maxLength: n }),
      forward: fc.array(fc.nat(), { minLength: n, maxLength: n }),
      extras: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), condition: fc.nat({ max: CONDITIONS.length }), weight: fc.option(fc.double({ min: 0.01, max: 5, noNaN: true })) }), { maxLength: 2 * n }),
      cuts: fc.tuple(fc.nat(), fc.nat()),
    }),
  )
  .map(({ n, outcome, parent, forward, extras, cuts }) => {
    const isOutcome = outcome.map((o, i) => i === n - 1 || (i > 0 && o));
    isOutcome[0] = n === 1;
    const edges: { from: number; to: number; condition?: number; weight?: number }[] = [];
    const nonOutcomesBefore = (j: number) => [...Array(j).keys()].filter((i) => !isOutcome[i]);
    for (let j = 1; j < n; j++) {
      const candidates = nonOutcomesBefore(j);
      edges.push({ from: candidates[parent[j]! % candidates.length]!, to: j });
    }
    for (let i = 0; i < n - 1; i++) if (!isOutcome[i]) edges.push({ from: i, to: i + 1 + (forward[i]! % (n - 1 - i)) });
    for (const e of extras) {
      const from = e.from % (n - 1);
      if (isOutcome[from]) continue;
      const to = from + 1 + (e.to % (n - 1 - from));
      edges.push({ from, to, ...(e.condition < CONDITIONS.length ? { condition: e.condition } : {}), ...(e.weight !== null ? { weight: e.weight } : {}) });
    }
    const [a, b] = [Math.min(cuts[0] % (n + 1), cuts[1] % (n + 1)), Math.max(cuts[0] % (n + 1), cuts[1] % (n + 1))];
    const phaseOf = (i: number) => PHASES[i < a ? 0 : i < b ? 1 : 2]!;
    const steps: Record<string, unknown> = {};
    const satisfiable = new Map<string, boolean[]>();
    for (let i = 0; i < n; i++) {
      const own = edges.filter((e) => e.from === i);
      steps[`s${i}`] = {
        kind: isOutcome[i] ? 'outcome' : i % 3 === 0 ? 'contact' : i % 3 === 1 ? 'decision' : 'wait',
        phase: phaseOf(i),
        label: { nl: `Stap ${i}` },
        transitions: own.map((e) => ({ to: `s${e.to}`, ...(e.condition !== undefined ? { when: CONDITIONS[e.condition]!.when } : {}), ...(e.weight !== undefined ? { weight: e.weight, source: 'test' } : {}) })),
      };
      satisfiable.set(`s${i}`, own.map((e) => (e.condition === undefined ? true : CONDITIONS[e.condition]!.satisfiable)));
    }
    const path = CarePathSchema.parse({ schemaVersion: 1, id: 'generated', version: '1.0.0', title: { nl: 'Gegenereerd' }, initial: 's0', steps });
    return { path, satisfiable };
  });
