/*
 * 07 — A coverage test of your own path, in your own vitest suite.
 * testPaths() generates journeys (a client plus the events to send) that together take every
 * transition some client can take; driving them through real journey actors and measuring
 * coverage proves the path has no step or handoff nobody can reach. Copy this file into your
 * project's tests and point it at your path. Run here: npx vitest run --config examples/vitest.config.ts
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRoute, coverage, coverageMatchers, createJourney, testPaths, type CarePath, type CoverageMatchers } from 'zorgpaden';
import { loadPath, loadRoute } from 'zorgpaden/node';

expect.extend(coverageMatchers);
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends CoverageMatchers<T> {}
}

// the content shipped in the package, found wherever zorgpaden is installed
const shipped = (file: string) => fileURLToPath(import.meta.resolve(`zorgpaden/paths/${file}`));
const PATH = process.env.ZORGPADEN_EXAMPLE_PATH ?? shipped('national/zwangerschap.json');

describe(`coverage of ${PATH}`, () => {
  let path: CarePath;
  beforeAll(async () => {
    path = await loadPath(PATH);
  });

  it('lets some client take every transition and reach every step', () => {
    const journeys = testPaths(path, { strategy: 'transitions' }).map(({ client, events }) => {
      const journey = createJourney(path, client);
      for (const event of events) journey.send(event);
      return journey;
    });
    const report = coverage(path, journeys);
    console.log(`${journeys.length} test journeys: steps ${report.steps.covered}/${report.steps.total}, transitions ${report.transitions.covered}/${report.transitions.total}`);
    expect(report).toCoverAllSteps();
    expect(report).toCoverAllTransitions();
  });

  it('is not covered by one client without risks', () => {
    const journey = createJourney(path, {});
    while (!journey.done && journey.available().length > 0) journey.send({ type: journey.available()[0]!.event, index: journey.available()[0]!.index });
    expect(coverage(path, [journey])).not.toHaveCoverageAtLeast(0.9, 'transitions');
  });

  it("the 1000-day path fits Sanne's klantroute", async () => {
    const whole = await loadPath(shipped('national/eerste-1000-dagen.json'));
    const fit = checkRoute(whole, await loadRoute(shipped('routes/sanne.json')));
    expect(fit.deviation).toBeUndefined();
    expect(fit.fits).toBe(true);
  });
});
