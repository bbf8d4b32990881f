import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CarePath } from '../../src/model/index.js';
import { exactOutcomes, simulateSync, type ExactOutcomes, type SimulationResult } from '../../src/simulate/index.js';
import { parsePath, path as fixturePath, pathInput } from './fixtures.js';
import { buildPath, clientRisks, fixedPopulation, pathSpec } from './random-paths.js';

const N = 100_000;

/** Outcome, stuck and reach frequencies of a simulation that lie outside 4 standard errors of the exact values. */
function misfits(sim: SimulationResult, exact: ExactOutcomes): string[] {
  const n = sim.cohort;
  const bad: string[] = [];
  const check = (name: string, count: number, p: number) => {
    const se = Math.sqrt((p * (1 - p)) / n);
    // a probability of exactly 0 or 1 must be matched exactly (up to rounding in the solver)
    const ok = se < 1e-9 ? Math.abs(count / n - p) < 1e-6 : Math.abs(count / n - p) <= 4 * se;
    if (!ok) bad.push(`${name}: simulated ${count / n}, exact ${p} (4 SE = ${4 * se})`);
  };
  for (const [step, p] of Object.entries(exact.outcomes)) check(`outcome ${step}`, sim.outcomes[step] ?? 0, p);
  for (const step of Object.keys(sim.visits)) check(`stuck ${step}`, sim.stuck[step] ?? 0, exact.stuck[step] ?? 0);
  for (const [step, p] of Object.entries(exact.reach)) check(`reach ${step}`, sim.clients[step] ?? 0, p);
  return bad;
}

function run(path: CarePath, risks: string[] = [], seed = 11): { sim: SimulationResult; exact: ExactOutcomes } {
  const exact = exactOutcomes(path, { risks });
  if (!exact.ok) throw new Error(JSON.stringify(exact.diagnostics));
  const sim = simulateSync(path, { population: fixedPopulation(risks), cohort: N, seed });
  return { sim, exact: exact.value };
}

function perturb(path: CarePath, factor: number): CarePath {
  const copy = structuredClone(path);
  for (const step of Object.values(copy.steps)) {
    step.transitions.forEach((t, i) => {
      if (i === 0 && step.transitions.length > 1) t.weight = (t.weight ?? 1) * factor;
    });
  }
  return copy;
}

describe('simulation agrees with the exact Markov chain', () => {
  it('on random paths without conditions (outcomes, stuck, reach within 4 SE over 10^5 journeys)', () => {
    fc.assert(
      fc.property(pathSpec(), (spec) => {
        const path = buildPath(spec);
        const { sim, exact } = run(path);
        expect(misfits(sim, exact)).toEqual([]);
        const total = Object.values(exact.outcomes).reduce((a, b) => a + b, 0) + Object.values(exact.stuck).reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(1, 9);
      }),
      { numRuns: 12, seed: 20261122 },
    );
  });

  it('on random paths with conditions and time windows, for random client profiles', () => {
    fc.assert(
      fc.property(pathSpec({ conditions: true, windows: true }), clientRisks, (spec, risks) => {
        const { sim, exact } = run(buildPath(spec), risks);
        expect(misfits(sim, exact)).toEqual([]);
      }),
      { numRuns: 10, seed: 42 },
    );
  });

  it('on the fixture path with windows, delays, a self-loop and a dead end', () => {
    const { sim, exact } = run(fixturePath, []);
    expect(misfits(sim, exact)).toEqual([]);
    const risky = run(fixturePath, ['smoking', 'financial-stress', 'domestic-violence']);
    expect(misfits(risky.sim, risky.exact)).toEqual([]);
    expect(risky.exact.reach['quit-smoking']).toBeGreaterThan(0);
    // past its last window the self-loop of quit-smoking never ends (a tiny share of clients gets
    // there), so its expected visits are unbounded; the simulator stops those at its visit limit
    expect(risky.exact.visits['quit-smoking']).toBe(Infinity);
    // closed by a window of its own, the self-loop (1:1) doubles its expected visits; the simulated mean agrees
    const bounded = parsePath({ ...pathInput, steps: { ...pathInput.steps, 'quit-smoking': { ...pathInput.steps['quit-smoking'], window: { to: { gw: 41 } } } } });
    const closed = run(bounded, ['smoking', 'financial-stress', 'domestic-violence']);
    expect(misfits(closed.sim, closed.exact)).toEqual([]);
    const loops = closed.exact.visits['quit-smoking']! / closed.exact.reach['quit-smoking']!;
    expect(loops).toBeCloseTo(2, 3);
    expect(closed.sim.visits['quit-smoking']! / closed.sim.clients['quit-smoking']!).toBeCloseTo(2, 1);
  });

  it('the comparison has power: it fails when the weights are perturbed', () => {
    const n = 4;
    const path = buildPath({
      outcomes: 2,
      steps: Array.from({ length: n }, (_, i) => ({ transitions: [{ to: i + 1 < n ? i + 1 : n, weight: 2, after: 0 }, { to: n + 1, weight: 1, after: 0 }] })),
    });
    const { sim, exact } = run(path);
    expect(misfits(sim, exact)).toEqual([]);
    const wrong = exactOutcomes(perturb(path, 1.25), {});
    expect(wrong.ok).toBe(true);
    if (wrong.ok) expect(misfits(sim, wrong.value).length).toBeGreaterThan(0);
  });

  it('the comparison has power on random paths: a perturbation that moves an outcome by 10 SE is detected', () => {
    let tested = 0;
    fc.assert(
      fc.property(pathSpec(), (spec) => {
        const path = buildPath(spec);
        const { sim, exact } = run(path);
        const wrong = exactOutcomes(perturb(path, 3), {});
        if (!wrong.ok) return;
        const moved = Object.entries(exact.outcomes).some(([step, p]) => Math.abs((wrong.value.outcomes[step] ?? 0) - p) > 10 * Math.sqrt((p * (1 - p)) / N));
        if (!moved) return;
        tested++;
        expect(misfits(sim, wrong.value).length).toBeGreaterThan(0);
      }),
      { numRuns: 12, seed: 7 },
    );
    expect(tested).toBeGreaterThan(0);
  });
});

describe('exactOutcomes', () => {
  it('computes a two-way branch, a geometric loop and expected visits by hand', () => {
    const path = buildPath({ outcomes: 2, steps: [{ transitions: [{ to: 1, weight: 1, after: 0 }, { to: 0, weight: 3, after: 0 }, { to: 2, weight: 1, after: 0 }] }] });
    const exact = exactOutcomes(path, {});
    expect(exact.ok).toBe(true);
    if (!exact.ok) return;
    // from s0: 1/5 to o0, 1/5 to o1, 3/5 back: outcomes 1/2 each, visits 1/(1 − 3/5) = 2.5
    expect(exact.value.outcomes.o0).toBeCloseTo(0.5, 12);
    expect(exact.value.outcomes.o1).toBeCloseTo(0.5, 12);
    expect(exact.value.visits.s0).toBeCloseTo(2.5, 12);
    expect(exact.value.reach.s0).toBeCloseTo(1, 12);
  });

  it('reports a state space that is too large as a diagnostic', () => {
    const exact = exactOutcomes(fixturePath, {}, { maxStates: 3 });
    expect(exact.ok).toBe(false);
    expect(exact.diagnostics[0]?.code).toBe('exact-too-large');
    expect(exact.diagnostics[0]?.nl.message).toMatch(/toestanden/);
  });

  it('follows a cycle without exit past the step where it is entered (a→o | a→d, d→b, b→c, c→b)', () => {
    const label = { nl: 'x' };
    const step = (to: string[]) => ({ kind: 'contact', phase: 'pregnancy', label, transitions: to.map((t) => ({ to: t })) });
    const path = parsePath({
      schemaVersion: 1, id: 'loop', version: '1.0.0', title: label, initial: 'a',
      steps: { a: step(['o', 'd']), d: step(['b']), b: step(['c']), c: step(['b']), o: { kind: 'outcome', phase: 'pregnancy', label } },
    });
    const exact = exactOutcomes(path, {});
    expect(exact.ok).toBe(true);
    if (!exact.ok) return;
    expect(exact.value.reach).toEqual({ a: 1, d: 0.5, b: 0.5, c: 0.5, o: 0.5 });
    expect(exact.value.visits).toEqual({ a: 1, d: 0.5, b: Infinity, c: Infinity, o: 0.5 });
    expect(exact.value.neverEnds).toBe(0.5);
    expect(exact.diagnostics[0]!.params.steps).toEqual(['b', 'c']);
    // the simulator agrees on reach (it ends the endless journeys at its visit limit)
    const sim = simulateSync(path, { population: fixedPopulation([]), cohort: N, seed: 3, maxVisits: 20 });
    expect(misfits(sim, exact.value)).toEqual([]);
    expect(sim.limit).toEqual({ c: sim.clients.b });
  });
});
