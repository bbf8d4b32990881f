import { describe, expect, it } from 'vitest';
import { runSubgroups, SUBGROUP_SETS } from '../../src/cli/commands/subgroup-flag.js';
import { loadPath } from '../../src/node/index.js';
import { defaultPopulation } from '../../src/simulate/index.js';
import { simulateSubgroups } from '../../src/simulate/subgroups.js';
import { built, ROOT, runBuilt } from '../cli/built-cli.js';

const shipped = `${ROOT}/paths/national/eerste-1000-dagen.json`;

describe('subgroups by risk profile', () => {
  it('split the clients with a risk into four groups that neither overlap nor leave anyone out', async () => {
    const path = await loadPath(shipped);
    const population = defaultPopulation();
    const profiles = runSubgroups('risk-profile', path, { population, cohort: 4000, seed: 3, minimumSize: 1 });
    expect(Object.keys(profiles.groups)).toEqual(['other-risks-only', 'social-only', 'psychosocial-only', 'social-and-psychosocial']);
    expect(profiles.reference).toBe('other-risks-only');
    // the same clients, counted once as "any risk at all"
    const all = simulateSubgroups(path, { population, cohort: 4000, seed: 3, minimumSize: 1, groups: { 'any-risk': { any: Object.keys(population.risks).map((hasRisk) => ({ hasRisk })) } } });
    const sizes = Object.values(profiles.groups).map((g) => g.size);
    expect(sizes.every((n) => n > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(all.groups['any-risk']!.size);
    // every client in the groups has a risk, so reach is over the whole group
    for (const g of Object.values(profiles.groups)) if (!g.refused) expect(g.reach.n).toBe(g.size);
  });

  it('is refused for a population without social or psychosocial risks', async () => {
    const path = await loadPath(shipped);
    const population = defaultPopulation();
    const risks = Object.fromEntries(Object.entries(population.risks).filter(([k]) => k !== 'debts' && k !== 'low-ses' && k !== 'housing-problem' && k !== 'low-literacy'));
    expect(SUBGROUP_SETS['risk-profile']!.groups({ ...population, risks })).toBeUndefined();
    expect(() => runSubgroups('risk-profile', path, { population: { ...population, risks }, cohort: 10, seed: 1, minimumSize: 1 })).toThrow(/--by risk-profile needs social risks/);
  });

  it.skipIf(!built)('is offered by the built CLI, with the groups in the JSON', () => {
    const ran = runBuilt(['simulate', shipped, '--cohort', '3000', '--by', 'risk-profile', '--min-group', '50', '--json']);
    expect(ran.status, ran.stderr).toBe(0);
    const groups = JSON.parse(ran.stdout).subgroups.groups;
    expect(Object.keys(groups)).toEqual(['other-risks-only', 'social-only', 'psychosocial-only', 'social-and-psychosocial']);
    expect(groups['social-and-psychosocial'].unmetNeed.difference.interval).toHaveLength(2);
  });
});
