import { describe, expect, it } from 'vitest';
import { PopulationSchema } from '../../src/model/index.js';
import { simulateHousehold } from '../../src/household.js';
import { risksOfHousehold } from '../../src/simulate/household-risks.js';
import { summarizeHousehold } from '../../src/simulate/household-summary.js';
import { defaultPopulation } from '../../src/simulate/index.js';
import { gezinInput, parseHousehold } from './fixtures.js';

// debts are what the fixture path is about; smoking is in the population only
const population = PopulationSchema.parse({
  schemaVersion: 1, kind: 'population', id: 'test/twee', version: '1.0.0', title: { nl: 'Twee risico’s' },
  risks: { schulden: { label: { nl: 'Schulden' }, prevalence: 0.5 }, roken: { label: { nl: 'Roken' }, prevalence: 0.5 } },
});

describe('the household summary with a list of risks', () => {
  it('names the risks some household had that the list leaves out, and only those', () => {
    const result = simulateHousehold(parseHousehold(gezinInput()), { cohort: 200, seed: 2, population });
    expect(result.risks.roken!.present).toBeGreaterThan(0);
    const text = summarizeHousehold(result, { risks: ['schulden'], lang: 'nl' });
    expect(text).toMatch(/Niet getoond, want het pad gaat er niet over \(het volledige resultaat noemt ze wel\): roken\./);
    expect(summarizeHousehold(result, { risks: ['schulden'], lang: 'en' })).toMatch(/Not listed, as the path is not about them \(the full result has them\): roken\./);
    // every risk listed, or no list at all: nothing left out to name
    expect(summarizeHousehold(result, { risks: ['schulden', 'roken'] })).not.toMatch(/Niet getoond/);
    expect(summarizeHousehold(result)).not.toMatch(/Niet getoond/);
  });
});

describe('the risks a household path is about', () => {
  it('are every risk the simulation signals or addresses, and a menukaart entry counts only for a step without addresses of its own', async () => {
    const { loadHouseholdPath, loadMenukaart } = await import('../../src/node/index.js');
    const path = await loadHouseholdPath('paths/households/huishouden-1000-dagen.json');
    const menukaart = await loadMenukaart('paths/menukaart/menukaart.json');
    const own = risksOfHousehold(path, menukaart);
    // a population in which every risk is present: what the walk signals or addresses is what it counts
    const base = defaultPopulation();
    const everyone = { ...base, risks: Object.fromEntries(Object.entries(base.risks).map(([key, r]) => [key, { ...r, prevalence: 1, given: undefined }])) };
    const result = simulateHousehold(path, { cohort: 300, seed: 3, population: PopulationSchema.parse(everyone), menukaart });
    const counted = Object.entries(result.risks).filter(([, r]) => r.signalled + r.addressed > 0).map(([key]) => key);
    expect(counted.filter((key) => !own.includes(key))).toEqual([]);
    // CenteringPregnancy's menukaart entry also addresses unhealthy lifestyle, but the path's step names its own
    expect(path.steps['centering-pregnancy']!.intervention).toBe('centering-pregnancy');
    expect(menukaart.interventions['centering-pregnancy']!.addresses).toContain('unhealthy-lifestyle');
    expect(result.risks['unhealthy-lifestyle']!.addressed).toBe(0);
    expect(own).not.toContain('unhealthy-lifestyle');
    // without its own addresses, the step addresses what the menukaart says, and the list follows
    const { addresses: _own, ...step } = path.steps['centering-pregnancy']!;
    const bare = { ...path, steps: { ...path.steps, 'centering-pregnancy': step } };
    expect(risksOfHousehold(bare, menukaart)).toContain('unhealthy-lifestyle');
    expect(simulateHousehold(bare, { cohort: 300, seed: 3, population: PopulationSchema.parse(everyone), menukaart }).risks['unhealthy-lifestyle']!.addressed).toBeGreaterThan(0);
  });
});

describe('the summary of a coalition over a household path', () => {
  it('names the coalition it simulated, over the path it adapts, with or without worker threads', async () => {
    const { loadHouseholdPath, simulateHousehold: simulateInWorkers } = await import('../../src/node/index.js');
    const applied = await loadHouseholdPath('paths/coalitions/haarlem-huishouden.json');
    const national = await loadHouseholdPath('paths/households/huishouden-1000-dagen.json');
    expect(applied.coalition?.id).toBe('kansrijke-start/coalities/haarlem-huishouden');
    for (const result of [simulateHousehold(applied, { cohort: 200, seed: 1 }), await simulateInWorkers(applied, { cohort: 200, seed: 1, workers: 2 })]) {
      expect(result.meta.coalition).toBe(applied.coalition!.id);
      expect(summarizeHousehold(result, { lang: 'nl' })).toMatch(/^200 huishoudens gesimuleerd door coalitie kansrijke-start\/coalities\/haarlem-huishouden over kansrijke-start\/huishouden-1000-dagen /);
    }
    const plain = simulateHousehold(national, { cohort: 200, seed: 1 });
    expect(plain.meta.coalition).toBeUndefined();
    expect(summarizeHousehold(plain, { lang: 'en' })).toMatch(/^Simulated 200 households through kansrijke-start\/huishouden-1000-dagen /);
  });
});
