import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJourney, type Journey } from '../../src/machine/index.js';
import { coverage, coverageMatchers, testPaths } from '../../src/simulate/coverage/index.js';
import { fixturePath } from '../machine/fixtures.js';

expect.extend(coverageMatchers);
declare module 'vitest' {
  interface Matchers<T = any> {
    toCoverAllSteps(): T;
    toCoverAllTransitions(): T;
    toHaveCoverageAtLeast(minimum: number, kind?: 'steps' | 'transitions' | 'both'): T;
  }
}

const path = fixturePath('basic');

function walk(client: Parameters<typeof createJourney>[1], choices: number[]): Journey {
  const journey = createJourney(path, client);
  for (const choice of choices) {
    const options = journey.available();
    if (journey.done || options.length === 0) break;
    const pick = options[choice % options.length]!;
    journey.send({ type: pick.event, index: pick.index });
  }
  return journey;
}

describe('coverage', () => {
  it('counts the steps and transitions one journey took and lists the rest', () => {
    const journey = walk({ protections: ['steunend-netwerk'] }, [0, 0, 0, 0, 0]);
    expect(journey.history.map((e) => e.step)).toEqual(['intake', 'signalering', 'geboorte', 'jgz/consultatie', 'uitkomst/goed']);
    const report = coverage(path, [journey]);
    expect(report.steps).toEqual({ covered: 5, total: 9, ratio: 5 / 9, missed: ['overdracht/wijkteam', 'wijkteam.steun', 'jgz/extra-huisbezoek', 'uitkomst/zorgen'] });
    expect(report.transitions.covered).toBe(4);
    expect(report.transitions.total).toBe(10);
    expect(report.transitions.missed).toContainEqual({ from: 'signalering', index: 0, to: 'overdracht/wijkteam' });
    expect(report.transitions.missed).not.toContainEqual({ from: 'jgz/consultatie', index: 1, to: 'uitkomst/goed' });
  });

  it('accepts journeys, histories and saved journeys alike', () => {
    const journey = walk({ risks: ['financial-stress'] }, [0, 0, 0, 0, 0, 0]);
    const a = coverage(path, [journey]);
    expect(coverage(path, [journey.history])).toEqual(a);
    expect(coverage(path, [JSON.parse(JSON.stringify(journey.persist()))])).toEqual(a);
  });

  it('is consistent for any set of random journeys: covered plus missed is the total, and more journeys never cover less', () => {
    const journeyArb = fc.tuple(fc.subarray(['financial-stress']), fc.integer({ min: 15, max: 30 }), fc.array(fc.nat(), { maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(journeyArb, { maxLength: 5 }), journeyArb, (many, one) => {
        const journeys = many.map(([risks, age, choices]) => walk({ risks, attributes: { age } }, choices));
        const report = coverage(path, journeys);
        for (const kind of ['steps', 'transitions'] as const) {
          expect(report[kind].covered + report[kind].missed.length).toBe(report[kind].total);
          expect(report[kind].ratio).toBeCloseTo(report[kind].covered / report[kind].total);
        }
        const visited = new Set(journeys.flatMap((j) => j.history.map((e) => e.step)));
        expect(report.steps.covered).toBe(visited.size);
        const more = coverage(path, [...journeys, walk({ risks: one[0], attributes: { age: one[1] } }, one[2])]);
        expect(more.steps.covered).toBeGreaterThanOrEqual(report.steps.covered);
        expect(more.transitions.covered).toBeGreaterThanOrEqual(report.transitions.covered);
      }),
      { numRuns: 60 },
    );
  });
});

describe('coverageMatchers', () => {
  const complete = () => coverage(path, testPaths(path, { strategy: 'transitions' }).map((tp) => {
    const journey = createJourney(path, tp.client);
    for (const event of tp.events) journey.send(event);
    return journey;
  }));
  const partial = () => coverage(path, [walk({}, [0, 0, 0, 0])]);

  it('pass on full coverage and fail below it, naming what was missed', () => {
    expect(complete()).toCoverAllSteps();
    expect(complete()).toCoverAllTransitions();
    expect(complete()).toHaveCoverageAtLeast(1);
    expect(partial()).not.toCoverAllSteps();
    expect(partial()).not.toCoverAllTransitions();
    expect(partial()).toHaveCoverageAtLeast(0.4);
    expect(partial()).not.toHaveCoverageAtLeast(0.9, 'transitions');
    expect(() => expect(partial()).toCoverAllSteps()).toThrow(/overdracht\/wijkteam/);
    expect(() => expect(partial()).toHaveCoverageAtLeast(0.9)).toThrow(/at least 90\.0%/);
  });

  it('fail clearly on something that is not a coverage report', () => {
    expect(() => expect({}).toCoverAllSteps()).toThrow(/coverage\(path, journeys\)/);
    expect(coverageMatchers.toCoverAllTransitions(undefined).pass).toBe(false);
  });
});
