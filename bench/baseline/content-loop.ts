import type { CarePath, Population } from '../../src/model/index.js';
import { emptyClient } from '../../src/simulate/client.js';
import { compilePopulation } from '../../src/simulate/population.js';
import { newStream, seedStream, STREAM, uniform } from '../../src/simulate/random.js';
import { compileTable } from '../../src/simulate/table.js';

/**
 * The baseline loop's walk (`typed-loop.ts`) on any version 1 path, for a second baseline: the
 * same loop on the shipped path and population. A condition is its compiled closure, evaluated at
 * every visit; each client is drawn by the simulator's own sampler, since a walk that gives the
 * version 1 results must draw every factor and attribute of the population, in its order. It
 * counts visits and transitions only, from the same random streams as `simulate`.
 */
export function contentLoop(path: CarePath, population: Population, cohort: number, seed: number): { visits: Float64Array; transitions: Float64Array } {
  const table = compileTable(path, { population });
  const { first, target, weight, latest, after, targetFrom, when, outcome } = table;
  const sample = compilePopulation(population, table.space);
  const client = emptyClient(table.space);
  const visits = new Float64Array(table.stepIds.length);
  const transitions = new Float64Array(target.length);
  const enabled = new Int32Array(target.length);
  const clientRng = newStream();
  const rng = newStream();
  for (let i = 0; i < cohort; i++) {
    sample(seedStream(clientRng, seed, i, STREAM.client), client);
    seedStream(rng, seed, i, STREAM.journey);
    let s = table.initial;
    let day = table.startDay;
    for (let count = 1; outcome[s] === 0 && count < 10_000; count++) {
      visits[s]!++;
      let n = 0;
      let total = 0;
      for (let t = first[s]!; t < first[s + 1]!; t++) {
        const condition = when[t];
        if (weight[t]! > 0 && day <= latest[t]! && (condition === null || condition!(client))) {
          enabled[n++] = t;
          total += weight[t]!;
        }
      }
      if (n === 0) break;
      let chosen = enabled[n - 1]!;
      if (n > 1) {
        const u = uniform(rng) * total;
        let cumulative = 0;
        for (let k = 0; k < n; k++) {
          cumulative += weight[enabled[k]!]!;
          if (u < cumulative) {
            chosen = enabled[k]!;
            break;
          }
        }
      }
      transitions[chosen]!++;
      day = Math.max(day + after[chosen]!, targetFrom[chosen]!);
      s = target[chosen]!;
    }
    if (outcome[s] === 1) visits[s]!++;
  }
  return { visits, transitions };
}
