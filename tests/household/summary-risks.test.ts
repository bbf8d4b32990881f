import { describe, expect, it } from 'vitest';
import { PopulationSchema } from '../../src/model/index.js';
import { simulateHousehold } from '../../src/household.js';
import { summarizeHousehold } from '../../src/simulate/household-summary.js';
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
