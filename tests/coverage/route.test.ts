import { describe, expect, it } from 'vitest';
import { ClientSchema, type RouteStep } from '../../src/model/index.js';
import { checkRoute, type DeviationKind } from '../../src/simulate/coverage/index.js';
import { fixturePath } from '../machine/fixtures.js';

const path = fixturePath('basic');
const stressed = ClientSchema.parse({ risks: ['financial-stress'], attributes: { age: 25 } });
const calm = ClientSchema.parse({ protections: ['steunend-netwerk'] });
const route = (steps: (string | RouteStep)[], client = stressed) => ({ client, steps: steps.map((s) => (typeof s === 'string' ? { step: s } : s)) });

const full = ['intake', 'signalering', { step: 'overdracht/wijkteam', on: 'RISK_SIGNALLED' }, 'wijkteam.steun', 'geboorte', 'jgz/consultatie', 'uitkomst/zorgen'];

describe('checkRoute', () => {
  it('fits a route the path allows, replayed through the machine', () => {
    const fit = checkRoute(path, route(full));
    expect(fit).toMatchObject({ fits: true });
    expect(fit.deviation).toBeUndefined();
    expect(fit.history.map((e) => e.step)).toEqual(full.map((s) => (typeof s === 'string' ? s : s.step)));
  });

  it('accepts moments given in the route when the windows and delays allow them', () => {
    const timed = route(['intake', 'signalering', 'geboorte', { step: 'jgz/consultatie', at: { ageDays: 28 } }, 'uitkomst/goed'], calm);
    const fit = checkRoute(path, timed);
    expect(fit.fits).toBe(true);
    expect(fit.history.find((e) => e.step === 'jgz/consultatie')!.day).toBe(28);
  });

  const cases: [string, DeviationKind, number, ReturnType<typeof route>, string[] | undefined][] = [
    ['starts elsewhere', 'wrong-start', 0, route(['signalering', 'geboorte']), ['intake']],
    ['skips to a step the path does not allow next', 'not-allowed-next', 1, route(['intake', 'geboorte']), ['signalering']],
    ['names the wrong event', 'not-allowed-next', 2, route(['intake', 'signalering', { step: 'overdracht/wijkteam', on: 'BIRTH' }]), ['RISK_SIGNALLED']],
    ['skips the handoff', 'missing-handoff', 2, route(['intake', 'signalering', 'wijkteam.steun', 'geboorte']), ['overdracht/wijkteam']],
    ['takes a transition whose condition is false', 'guard-blocks', 2, route(['intake', 'signalering', 'overdracht/wijkteam'], calm), undefined],
    ['reaches a step after its window', 'outside-window', 2, route(['intake', 'signalering', { step: 'geboorte', at: { day: 20 } }]), undefined],
    ['arrives sooner than the delay allows', 'outside-window', 4, route(['intake', 'signalering', 'geboorte', 'jgz/extra-huisbezoek', { step: 'jgz/consultatie', at: { ageDays: 20 } }], ClientSchema.parse({ attributes: { age: 18 } })), undefined],
    ['starts outside the first window', 'outside-window', 0, route([{ step: 'intake', at: { gw: 20 } }, 'signalering']), undefined],
    ['stops before an outcome', 'not-finished', 2, route(['intake', 'signalering', 'geboorte']), ['jgz/extra-huisbezoek', 'jgz/consultatie']],
  ];
  for (const [label, kind, index, r, expected] of cases) {
    it(`reports the first deviation when the route ${label}`, () => {
      const fit = checkRoute(path, r);
      expect(fit.fits).toBe(false);
      expect(fit.deviation).toMatchObject({ kind, index, step: (r.steps[index] ?? r.steps.at(-1))!.step });
      if (expected) expect(fit.deviation!.expected).toEqual(expected);
      expect(fit.deviation!.message).not.toBe(fit.deviation!.nl);
      expect(fit.deviation!.message.length).toBeGreaterThan(20);
    });
  }

  it('accepts an unfinished route when asked to', () => {
    expect(checkRoute(path, route(['intake', 'signalering', 'geboorte']), { allowUnfinished: true }).fits).toBe(true);
  });
});
