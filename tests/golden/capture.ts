// Writes the golden results of version 1 paths: `npx tsx tests/golden/capture.ts`.
// Run it only when a change to the simulator's results is intended, and say why in the commit.
import { writeFileSync } from 'node:fs';
import { GOLDEN_COHORT, GOLDEN_FILE, GOLDEN_SEED, goldenCases, goldenResult } from './cases.js';

const results: Record<string, unknown> = {};
for (const c of await goldenCases()) results[c.name] = goldenResult(c);
writeFileSync(GOLDEN_FILE, `${JSON.stringify({ cohort: GOLDEN_COHORT, seed: GOLDEN_SEED, results }, null, 1)}\n`);
