import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJourney, toMachine, type Journey } from '../../src/machine/index.js';
import { evaluateCondition, startDay, viewClient, type CarePath } from '../../src/model/index.js';
import { toDnf, type Literal } from '../../src/simulate/coverage/constraints.js';
import { coverage, testPaths, type TestPath } from '../../src/simulate/coverage/index.js';
import { FIXTURES, fixturePath } from '../machine/fixtures.js';
import { allClients, bruteForce, conditionArb, randomPathArb } from './random-path.js';

/** Drives test paths through the XState machine; every event must be taken. */
function drive(path: CarePath, paths: TestPath[]): Journey[] {
  const machine = toMachine(path);
  return paths.map((tp) => {
    const journey = createJourney(path, tp.client, { machine });
    for (const event of tp.events) {
      const result = journey.send(event);
      if (!result.accepted) throw new Error(`${result.rejected.message} (test path ${tp.steps.join(' > ')})`);
    }
    expect(journey.history.map((e) => e.step)).toEqual(tp.steps);
    expect(journey.history.map((e) => e.day)).toEqual(tp.days);
    return journey;
  });
}

describe('testPaths', () => {
  for (const name of FIXTURES) {
    const path = fixturePath(name);
    it(`'transitions' takes every transition of ${name} through the machine`, () => {
      const report = coverage(path, drive(path, testPaths(path, { strategy: 'transitions' })));
      expect(report.transitions.missed).toEqual([]);
      expect(report.transitions.ratio).toBe(1);
      expect(report.steps.ratio).toBe(1);
    });
    it(`'shortest' reaches every step of ${name}, each by one path ending there`, () => {
      const paths = testPaths(path, { strategy: 'shortest' });
      expect(paths.map((p) => p.steps.at(-1))).toEqual(Object.keys(path.steps));
      expect(coverage(path, drive(path, paths)).steps.missed).toEqual([]);
    });
  }

  it('derives clients that need the conditions: without the derived risk the path is blocked', () => {
    const path = fixturePath('basic');
    const viaHandoff = testPaths(path, { strategy: 'transitions' }).find((p) => p.steps.includes('overdracht/wijkteam'))!;
    expect(viaHandoff.client.risks).toEqual(['financial-stress']);
    const journey = createJourney(path, { ...viaHandoff.client, risks: [] });
    const results = viaHandoff.events.map((e) => journey.send(e));
    expect(results.some((r) => !r.accepted && r.rejected.reason === 'guard-blocks')).toBe(true);
  });

  it('uses given clients instead of derived ones', () => {
    const path = fixturePath('basic');
    const paths = testPaths(path, { strategy: 'transitions', clients: [{}] });
    const report = coverage(path, drive(path, paths));
    expect(paths.every((p) => p.client.risks.length === 0)).toBe(true);
    expect(report.transitions.missed.map((t) => `${t.from}#${t.index}`).sort()).toEqual(['geboorte#0', 'jgz/extra-huisbezoek#0', 'overdracht/wijkteam#0', 'signalering#0', 'wijkteam.steun#0']);
  });

  it('on random paths: takes exactly the transitions some client can take, and reaches steps by shortest paths', () => {
    fc.assert(
      fc.property(randomPathArb, (path) => {
        const oracle = bruteForce(path, startDay(path));
        const covered = coverage(path, drive(path, testPaths(path, { strategy: 'transitions' })));
        const all = Object.entries(path.steps).flatMap(([from, s]) => s.transitions.map((_, i) => `${from}#${i}`));
        const missed = new Set(covered.transitions.missed.map((t) => `${t.from}#${t.index}`));
        expect(all.filter((t) => !missed.has(t)).sort()).toEqual([...oracle.transitions].sort());

        const shortest = testPaths(path, { strategy: 'shortest' });
        drive(path, shortest);
        expect(new Map(shortest.map((p) => [p.steps.at(-1)!, p.events.length]))).toEqual(new Map(Object.keys(path.steps).filter((s) => oracle.depth.has(s)).map((s) => [s, oracle.depth.get(s)!])));
      }),
      { numRuns: 80 },
    );
  });
});

describe('condition solving', () => {
  const satisfies = (literal: Literal, client: ReturnType<typeof viewClient>) => {
    if (literal.kind !== 'attr') return (literal.kind === 'risk' ? client.risks : client.protections).has(literal.key) === literal.value;
    return evaluateCondition(literal.leaf, client) !== literal.negated;
  };
  it('turns a condition into terms that hold exactly when the condition holds', () => {
    const clients = allClients().map(viewClient);
    fc.assert(
      fc.property(conditionArb, fc.boolean(), (condition, negated) => {
        const terms = toDnf(condition, negated);
        fc.pre(terms.length < 64);
        for (const client of clients) {
          expect(terms.some((term) => term.every((l) => satisfies(l, client)))).toBe(evaluateCondition(condition, client) !== negated);
        }
      }),
      { numRuns: 300 },
    );
  });
});
