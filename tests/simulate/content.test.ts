import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyCoalition } from '../../src/load/index.js';
import { loadCoalition, loadPath } from '../../src/node/index.js';
import { defaultPopulation, exactOutcomes, generateClients, simulate, simulateSync } from '../../src/simulate/index.js';

const file = (relative: string) => fileURLToPath(new URL(`../../paths/${relative}`, import.meta.url));

describe('simulating the shipped content', async () => {
  const national = await loadPath(file('national/eerste-1000-dagen.json'));
  const haarlem = await loadCoalition(file('coalitions/haarlem.json'));

  it('uses the shipped default population when none is given', async () => {
    const result = await simulate(national, { cohort: 2_000, seed: 1 });
    expect(result.meta.populationId).toBe(defaultPopulation().id);
    expect(JSON.stringify(result)).toBe(JSON.stringify(simulateSync(national, { population: defaultPopulation(), cohort: 2_000, seed: 1 })));
    const ended = Object.values(result.outcomes).reduce((a, b) => a + b, 0) + Object.values(result.stuck).reduce((a, b) => a + b, 0) + Object.values(result.limit).reduce((a, b) => a + b, 0);
    expect(ended).toBe(2_000);
  });

  it('applies a coalition document, the same as simulating the overlaid path', () => {
    const overlaid = applyCoalition(national, haarlem).path;
    const viaOption = simulateSync(national, { coalition: haarlem, cohort: 2_000, seed: 4 });
    const direct = simulateSync(overlaid, { cohort: 2_000, seed: 4 });
    expect(JSON.stringify(viaOption)).toBe(JSON.stringify(direct));
    expect(viaOption.meta.pathId).toBe(overlaid.id);
  });

  it('agrees with the exact chain for one client profile of the default population', () => {
    const [client] = generateClients(defaultPopulation(), { n: 1, seed: 12 });
    const exact = exactOutcomes(national, client!);
    expect(exact.ok, JSON.stringify(exact.diagnostics)).toBe(true);
    if (!exact.ok) return;
    const n = 20_000;
    const profile = { ...defaultPopulation(), attributes: {}, risks: {}, protections: {} };
    // a population of one profile: every attribute, risk and protection fixed to the client's
    for (const [name, value] of Object.entries(client!.attributes)) {
      (profile.attributes as Record<string, unknown>)[name] =
        typeof value === 'boolean' ? { type: 'boolean', p: value ? 1 : 0 } : typeof value === 'number' ? { type: 'number', bins: [{ min: value, max: value, weight: 1 }] } : { type: 'categorical', values: { [value]: 1 } };
    }
    for (const risk of client!.risks) (profile.risks as Record<string, unknown>)[risk] = { label: { nl: risk }, prevalence: 1 };
    for (const p of client!.protections) (profile.protections as Record<string, unknown>)[p] = { label: { nl: p }, prevalence: 1 };
    const sim = simulateSync(national, { population: profile as ReturnType<typeof defaultPopulation>, cohort: n, seed: 8 });
    for (const [step, p] of Object.entries(exact.value.outcomes)) {
      // an exact probability can round to a hair above 1
      const se = Math.sqrt(Math.max(0, p * (1 - p)) / n);
      expect(Math.abs((sim.outcomes[step] ?? 0) / n - p), step).toBeLessThanOrEqual(Math.max(4 * se, 1e-9));
    }
  });
});
