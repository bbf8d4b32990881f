// prints a simulation result as JSON; run in a separate process by determinism.test.ts
import { simulate } from '../../src/simulate/index.js';
import { path, population } from './fixtures.js';

const workers = Number(process.argv[2] ?? '1');
const result = await simulate(path, { population, cohort: 20_000, seed: 99, workers });
process.stdout.write(JSON.stringify(result));
