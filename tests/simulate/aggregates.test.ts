import { describe, expect, it } from 'vitest';
import { evaluateCondition, PHASES, viewClient, type Client } from '../../src/model/index.js';
import { generateClients, simulateSync, traceJourney, type JourneyTrace } from '../../src/simulate/index.js';
import { path, population } from './fixtures.js';

/** Recomputes the aggregates from single journeys (traceJourney) and the path document alone. */
describe('the aggregates agree with a recomputation from single journeys', () => {
  const cohort = 3_000;
  const seed = 17;
  const result = simulateSync(path, { population, cohort, seed });
  const clients = generateClients(population, { n: cohort, seed });
  const journeys: [Client, JourneyTrace][] = clients.map((c, i) => [c, traceJourney(path, c, { seed, index: i })]);
  const count = (pred: (c: Client, j: JourneyTrace) => boolean) => journeys.filter(([c, j]) => pred(c, j)).length;

  it('visits, distinct clients, transitions, outcomes and stuck', () => {
    for (const step of Object.keys(path.steps)) {
      expect(result.visits[step], step).toBe(journeys.reduce((n, [, j]) => n + j.steps.filter((s) => s === step).length, 0));
      expect(result.clients[step], step).toBe(count((_, j) => j.steps.includes(step)));
      path.steps[step]!.transitions.forEach((_, i) => {
        const taken = journeys.reduce((n, [, j]) => n + j.transitions.filter((t, k) => j.steps[k] === step && t === i).length, 0);
        expect(result.transitionCounts[step]![i], `${step}[${i}]`).toBe(taken);
      });
    }
    for (const [step, n] of Object.entries(result.outcomes)) expect(n).toBe(count((_, j) => j.end === 'outcome' && j.steps.at(-1) === step));
    for (const [step, n] of Object.entries(result.stuck)) expect(n).toBe(count((_, j) => j.end === 'stuck' && j.steps.at(-1) === step));
    expect(Object.values(result.stuck).reduce((a, b) => a + b, 0)).toBe(count((_, j) => j.end === 'stuck'));
  });

  it('reach and eligibility of interventions, and unmet need', () => {
    for (const [step, reach] of Object.entries(result.interventions)) {
      const addresses = path.steps[step]!.addresses ?? [];
      const eligible = (c: Client) => evaluateCondition({ any: addresses.map((r) => ({ hasRisk: r })) }, viewClient(c));
      expect(reach.reached).toBe(count((_, j) => j.steps.includes(step)));
      expect(reach.eligible).toBe(count((c) => eligible(c)));
      expect(reach.reachedEligible).toBe(count((c, j) => eligible(c) && j.steps.includes(step)));
    }
    for (const [risk, need] of Object.entries(result.unmetNeed)) {
      const addressing = Object.keys(path.steps).filter((s) => path.steps[s]!.addresses?.includes(risk));
      expect(need.withRisk).toBe(count((c) => c.risks.includes(risk)));
      expect(need.unmet).toBe(count((c, j) => c.risks.includes(risk) && !j.steps.some((s) => addressing.includes(s))));
    }
  });

  it('time from the first risk signal to support (nearest-rank median and p90)', () => {
    const waits: number[] = [];
    for (const [c, j] of journeys) {
      const signal = j.steps.findIndex((s) => path.steps[s]!.kind === 'screening' && (path.steps[s]!.signals ?? []).some((r) => c.risks.includes(r)));
      if (signal < 0) continue;
      const support = j.steps.findIndex((s, k) => k >= signal && (path.steps[s]!.addresses ?? []).some((r) => c.risks.includes(r)));
      if (support >= 0) waits.push(j.days[support]! - j.days[signal]!);
    }
    waits.sort((a, b) => a - b);
    const rank = (q: number) => waits[Math.max(1, Math.ceil(q * waits.length)) - 1];
    expect(result.timeToSupport).toEqual({ n: waits.length, median: rank(0.5), p90: rank(0.9) });
  });

  it('days per phase and handoffs', () => {
    PHASES.forEach((phase) => {
      let total = 0;
      for (const [, j] of journeys) for (let k = 0; k + 1 < j.steps.length; k++) if (path.steps[j.steps[k]!]!.phase === phase) total += j.days[k + 1]! - j.days[k]!;
      const entered = count((_, j) => j.steps.some((s) => path.steps[s]!.phase === phase));
      expect(result.phaseDays[phase]).toEqual({ total, mean: entered === 0 ? 0 : total / entered });
    });
    const kinds = { warm: 0, cold: 0, unmarked: 0 };
    for (const [, j] of journeys) {
      j.transitions.forEach((i, k) => {
        const from = path.steps[j.steps[k]!]!;
        const t = from.transitions[i]!;
        const to = path.steps[t.to]!;
        if (t.handoff) kinds[t.handoff]++;
        else if (to.kind === 'handoff' || (from.actor && to.actor && from.actor !== to.actor)) kinds.unmarked++;
      });
    }
    expect(result.handoffs).toEqual(kinds);
  });
});
