import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyCoalition } from '../../src/load/index.js';
import { loadCoalition, loadMenukaart, loadPath, loadPopulation } from '../../src/node/index.js';
import type { CarePath, Menukaart, Population } from '../../src/model/index.js';
import { simulateSync } from '../../src/simulate/index.js';
import { parsePath, pathInput, population } from '../simulate/fixtures.js';

/** The cohort and seed of the golden results. */
export const GOLDEN_COHORT = 2_000;
export const GOLDEN_SEED = 1;

/** The file the golden results are kept in (data, checked in). */
export const GOLDEN_FILE = fileURLToPath(new URL('./v1-results.json', import.meta.url));

const repo = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/**
 * Release 0.1's shipped content, frozen: the shipped `paths/` moves on, so the golden cases read
 * these copies. A case keeps the name of the file it was captured from (`paths/...`), and the cases
 * that ran on the default population get release 0.1's default population explicitly.
 */
const FROZEN = 'tests/golden/v1-content';
const frozen = (shipped: string) => shipped.replace(/^paths\//, `${FROZEN}/`);
const RELEASE_POPULATION = `${FROZEN}/populations/release-0.1.json`;

interface GoldenCase {
  name: string;
  path: CarePath;
  menukaart?: Menukaart;
  population?: Population;
}

/** What a golden result keeps of a simulation: the journeys themselves (visits, transitions, endings). */
export interface GoldenResult {
  visits: Record<string, number>;
  clients: Record<string, number>;
  transitionCounts: Record<string, number[]>;
  outcomes: Record<string, number>;
  stuck: Record<string, number>;
  limit: Record<string, number>;
}

async function withOwnMenukaart(relative: string, population: Population): Promise<GoldenCase> {
  const file = repo(frozen(relative));
  const path = await loadPath(file);
  const menukaart = path.menukaart === undefined ? undefined : await loadMenukaart(resolve(dirname(file), path.menukaart));
  return { name: relative, path, population, ...(menukaart ? { menukaart } : {}) };
}

/** Every version 1 path that simulates: release 0.1's shipped content (frozen) and the tests' path fixtures. */
export async function goldenCases(): Promise<GoldenCase[]> {
  const release = await loadPopulation(repo(RELEASE_POPULATION));
  const cases: GoldenCase[] = [];
  for (const file of ['paths/national/preconceptie.json', 'paths/national/zwangerschap.json', 'paths/national/na-de-geboorte.json', 'paths/national/eerste-1000-dagen.json']) {
    cases.push(await withOwnMenukaart(file, release));
  }
  const national = cases[cases.length - 1]!;
  for (const coalition of ['paths/coalitions/haarlem.json', 'paths/coalitions/voorbeeldstad.json']) {
    const overlaid = applyCoalition(national.path, await loadCoalition(repo(frozen(coalition))), national.menukaart ? { menukaart: national.menukaart } : {}).path;
    cases.push({ name: `${national.name} + ${coalition}`, path: overlaid, population: release, ...(national.menukaart ? { menukaart: national.menukaart } : {}) });
  }
  for (const file of [
    'tests/fixtures/machine/basic.json',
    'tests/fixtures/machine/loop.json',
    'tests/fixtures/load/valid.json',
    'tests/fixtures/load/includes/main.json',
    'tests/fixtures/cli-corpus/path.json',
    'tests/fixtures/cli-corpus/path-with-menukaart.json',
  ]) {
    cases.push(await withOwnMenukaart(file, release));
  }
  cases.push({ name: 'tests/simulate/fixtures.ts pathInput (default population)', path: parsePath(pathInput), population: release });
  cases.push({ name: 'tests/simulate/fixtures.ts pathInput (test population)', path: parsePath(pathInput), population });
  return cases;
}

/** Simulates one case with the golden cohort and seed. */
export function goldenResult(c: GoldenCase): GoldenResult {
  const result = simulateSync(c.path, {
    cohort: GOLDEN_COHORT,
    seed: GOLDEN_SEED,
    ...(c.menukaart ? { menukaart: c.menukaart } : {}),
    ...(c.population ? { population: c.population } : {}),
  });
  const { visits, clients, transitionCounts, outcomes, stuck, limit } = result;
  return { visits, clients, transitionCounts, outcomes, stuck, limit };
}
