import { beforeAll, describe, expect, it } from 'vitest';
import { checkRoute, coverage, coverageMatchers, createJourney, testPaths, type CarePath, type CoverageMatchers } from '../../src/index.js';
import { loadPath, loadRoute } from '../../src/node/index.js';

expect.extend(coverageMatchers);
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends CoverageMatchers<T> {}
}

describe('the pregnancy path', () => {
  let path: CarePath;
  beforeAll(async () => {
    path = await loadPath('paths/national/zwangerschap.json');
  });

  it('lets some client take every transition', () => {
    const journeys = testPaths(path, { strategy: 'transitions' }).map(({ client, events }) => {
      const journey = createJourney(path, client);
      for (const event of events) journey.send(event);
      return journey;
    });
    expect(coverage(path, journeys)).toCoverAllTransitions();
  });

  it('is not covered by one client without risks', () => {
    const journey = createJourney(path, {});
    while (!journey.done && journey.available().length > 0) journey.send({ type: journey.available()[0]!.event });
    const report = coverage(path, [journey]);
    expect(report).toHaveCoverageAtLeast(0.2, 'steps');
    expect(report).not.toCoverAllSteps();
    expect(report.steps.missed).toContain('verwijzing-wijkteam');
  });
});

it('the route of persona Sanne fits the 1000-day path', async () => {
  const path = await loadPath('paths/national/eerste-1000-dagen.json');
  const route = await loadRoute('paths/routes/sanne.json');
  const fit = checkRoute(path, route);
  expect(fit.deviation?.message).toBeUndefined();
  expect(fit.fits).toBe(true);
});
