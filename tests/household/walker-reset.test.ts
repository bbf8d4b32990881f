import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PopulationSchema, type Population } from '../../src/model/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { defaultPopulation } from '../../src/simulate/index.js';
import { runHouseholdChunk } from '../../src/simulate/household-run.js';
import { compileHouseholdTable } from '../../src/simulate/household-table.js';
import { mergeHouseholdTallies, type HouseholdTally } from '../../src/simulate/household-tally.js';
import { MASK_RISKS } from '../../src/simulate/conditions.js';
import { compilePopulation } from '../../src/simulate/population.js';

const SHIPPED = fileURLToPath(new URL('../../paths/households/huishouden-1000-dagen.json', import.meta.url));

/** The default population with `extra` more risks, so that the risk space outgrows the risk mask. */
function widened(extra: number): Population {
  const population = defaultPopulation();
  const risks = { ...population.risks };
  for (let i = 0; i < extra; i++) risks[`extra-${i}`] = { label: { nl: `Extra ${i}` }, prevalence: 0.3 };
  return PopulationSchema.parse({ ...population, risks });
}

describe('the household walker starts every household afresh', () => {
  it.each([
    ['the default population (every risk within the risk mask)', defaultPopulation(), true],
    ['a population with more risks than the mask holds', widened(20), false],
  ])('walks households one after another as a new walker walks each alone: %s', async (_, population, withinMask) => {
    const path = await loadHouseholdPath(SHIPPED);
    const table = compileHouseholdTable(path, { population });
    expect(table.base.space.risks.length <= MASK_RISKS).toBe(withinMask);
    const sample = compilePopulation(population, table.base.space);
    const households = 400;
    const together = runHouseholdChunk(table, sample, { seed: 9, start: 0, end: households });
    let alone: HouseholdTally | undefined;
    for (let h = 0; h < households; h++) {
      const one = runHouseholdChunk(table, sample, { seed: 9, start: h, end: h + 1 });
      alone = alone ? mergeHouseholdTallies(alone, one) : one;
    }
    // a walk with signals, support and referrals in it, so that stale state would show
    expect(together.risks.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    expect(together.referrals[3]).toBeGreaterThan(0);
    expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
  }, 60_000);
});
