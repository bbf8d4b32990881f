import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPath } from '../../src/node/index.js';
import { createJourney, toMachine } from '../../src/machine/index.js';
import { coverage, coverageMatchers, testPaths } from '../../src/simulate/coverage/index.js';

expect.extend(coverageMatchers);

const national = fileURLToPath(new URL('../../paths/national/', import.meta.url));
const files = readdirSync(national).filter((f) => f.endsWith('.json'));

describe('shipped paths', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${file}: the 'transitions' test paths take every transition when driven through the XState machine`, async () => {
      const path = await loadPath(national + file);
      const machine = toMachine(path);
      const journeys = testPaths(path, { strategy: 'transitions' }).map((tp) => {
        const journey = createJourney(path, tp.client, { machine });
        for (const event of tp.events) expect(journey.send(event).accepted).toBe(true);
        return journey;
      });
      const report = coverage(path, journeys);
      expect(report).toCoverAllTransitions();
      expect(report).toCoverAllSteps();
    });
  }
});
