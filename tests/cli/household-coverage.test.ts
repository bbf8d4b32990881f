import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHouseholdRoute, householdCoverage, householdTestJourneys, type HouseholdCoverageReport, type HouseholdTestJourney } from '../../src/household.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { GEZIN_FILE, gezinInput } from '../household/fixtures.js';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const SHIPPED = 'paths/households/huishouden-1000-dagen.json';

describe.skipIf(!built)('zorgpaden coverage on a household path (the built CLI)', () => {
  const gezin = relative(ROOT, GEZIN_FILE);

  it('prints the coverage in all and per track, as householdCoverage reports it', async () => {
    const path = await loadHouseholdPath(GEZIN_FILE);
    const report = householdCoverage(path, householdTestJourneys(path));
    const ran = runBuilt(['coverage', gezin, '--lang', 'en']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(`  ${'steps'.padEnd(12)} ${`${report.steps.covered}/${report.steps.total}`.padStart(7)}  100.0%`);
    for (const [id, track] of Object.entries(report.tracks)) {
      expect(ran.stdout).toMatch(new RegExp(`^  ${id} +steps ${track.steps.covered}/${track.steps.total}, transitions ${track.transitions.covered}/${track.transitions.total}`, 'm'));
    }
    const nl = runBuilt(['coverage', gezin, '--lang', 'nl']);
    expect(nl.stdout).toContain('Per spoor:');
    expect(nl.stdout).toContain(`  ${'stappen'.padEnd(12)} ${`${report.steps.covered}/${report.steps.total}`.padStart(7)}  100,0%`);
  });

  it('gives the report and the test journeys as JSON, every journey a route that fits the shipped path', async () => {
    const path = await loadHouseholdPath(SHIPPED);
    const ran = runBuilt(['coverage', SHIPPED, '--json', '--min', '100%']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const out = JSON.parse(ran.stdout) as { coverage: HouseholdCoverageReport; testJourneys: HouseholdTestJourney[]; rejected: string[]; warnings: unknown[] };
    expect(out.rejected).toEqual([]);
    // no signal is left for the search that a journey could still make first: it does not run to its bound
    expect(out.warnings).toEqual([]);
    expect(out.testJourneys.length).toBeGreaterThan(0);
    for (const journey of out.testJourneys) {
      const fit = checkHouseholdRoute(path, journey, { allowUnfinished: !journey.finished });
      expect(fit.deviation).toBeUndefined();
    }
    expect(householdCoverage(path, out.testJourneys)).toEqual(out.coverage);
    expect(Object.keys(out.coverage.tracks)).toEqual(Object.keys(path.tracks));
  });

  it('says when the search stopped at --max-states with something open, in both languages and in the JSON', () => {
    // the heel prick detects schulden, and only households without it skip the intake that detects it first:
    // the signal looks possible, so the search looks for it
    const input = gezinInput();
    const steps = input.steps as Record<string, Record<string, unknown>>;
    steps.hielprik!.detects = { schulden: 0.5 };
    steps.aanmelding = { kind: 'contact', phase: 'pregnancy', track: 'zorg', label: { nl: 'Aanmelding' }, transitions: [{ to: 'intake' }, { to: 'controles', when: { not: { hasRisk: 'schulden' } } }] };
    (input.tracks as Record<string, Record<string, unknown>>).zorg!.initial = 'aanmelding';
    delete input.$schema;
    const dir = tempDir();
    try {
      const file = relative(ROOT, join(dir, 'gezin.json'));
      writeFileSync(file, JSON.stringify(input, null, 2));
      const en = runBuilt(['coverage', file, '--max-states', '1', '--lang', 'en']);
      expect(en.status).toBe(0);
      expect(en.stderr).toContain(`${file} - warning household-search-budget: The search for household test journeys stopped at 1 states with 1 item(s) still uncovered (signal schulden at hielprik)`);
      expect(en.stderr).toContain('zorgpaden coverage --max-states');
      const nl = runBuilt(['coverage', file, '--max-states', '1', '--lang', 'nl']);
      expect(nl.stderr).toContain(`${file} - waarschuwing household-search-budget: Het zoeken naar testroutes van het huishouden stopte bij 1 toestanden met nog 1 onderdeel/onderdelen niet gedekt (signalering van schulden bij hielprik)`);
      const json = runBuilt(['coverage', file, '--max-states', '1', '--json']);
      expect(JSON.parse(json.stdout).warnings).toEqual([expect.objectContaining({ code: 'household-search-budget', severity: 'warning', file, params: expect.objectContaining({ limit: 1, count: 1 }) })]);
      // with room enough the search goes through every state and finds the signal cannot be made: no warning
      const whole = runBuilt(['coverage', file, '--json']);
      expect(whole.stderr).toBe('');
      expect(JSON.parse(whole.stdout).warnings).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 under --min when something is not covered, and when a --coalition does not fit the path', () => {
    const shortest = runBuilt(['coverage', gezin, '--strategy', 'shortest', '--min', '1', '--lang', 'en']);
    // visiting every step takes fewer journeys than taking every transition, and may leave some untaken
    expect([0, 1]).toContain(shortest.status);
    if (shortest.status === 1) expect(shortest.stderr).toContain('Coverage is below the minimum of 100.0%');
    // the national Haarlem coalition names partners the household fixture has no actor for
    const coalition = runBuilt(['coverage', gezin, '--coalition', 'paths/coalitions/haarlem.json', '--lang', 'en']);
    expect(coalition.status).toBe(1);
    expect(coalition.stderr).toMatch(/paths\/coalitions\/haarlem\.json:\d+:\d+ - error partner-incomplete: Partner "jgz-screener"/);
    expect(coalition.stdout).toBe('');
  });
});
