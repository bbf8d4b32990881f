import { describe, expect, it } from 'vitest';
import type { Route } from '../../src/model/index.js';
import { checkRoute } from '../../src/simulate/coverage/index.js';
import { filesOfKind, loadContentPath } from './content-files.js';

// The routes coalitions recognise from practice: each one fits the composed path (chain.test.ts
// replays every route as well) and goes through the steps that make it that route.
const route = (name: string): Route => {
  const file = filesOfKind('route').find((f) => f.file === `routes/${name}.json`);
  if (!file) throw new Error(`routes/${name}.json is missing`);
  return file.data as unknown as Route;
};
const stepsOf = (r: Route) => r.steps.map((s) => s.step);

const RECOGNISED: { name: string; what: string; through: string[]; check: (r: Route) => void }[] = [
  {
    name: 'vroeggeboorte',
    what: 'a preterm birth with neonatal care',
    through: ['zwangerschap/vroeggeboorte', 'na-de-geboorte/neonatologie', 'na-de-geboorte/kraamzorg-uitgesteld', 'na-de-geboorte/overdracht-na-ontslag', 'na-de-geboorte/extra-jgz-contact'],
    check: (r) => expect(r.client.risks).toContain('child-specific-factors'),
  },
  {
    name: 'tienerzwangerschap',
    what: 'a teenage pregnancy after choice counselling',
    through: ['preconceptie/onbedoeld-zwanger', 'preconceptie/keuzehulp-gesprek', 'zwangerschap/intake-laat', 'zwangerschap/voorzorg'],
    check: (r) => expect(Number(r.client.attributes?.age)).toBeLessThan(20),
  },
  {
    name: 'azc-gezin',
    what: 'an asylum-seeking family relocated during pregnancy, outside the social team',
    through: ['zwangerschap/signalering-mondeling', 'zwangerschap/prenataal-huisbezoek'],
    check: (r) => {
      expect(r.client.attributes?.speaksDutch).toBe(false);
      expect(stepsOf(r).filter((s) => s.includes('wijkteam'))).toEqual([]);
      expect(JSON.stringify(r.breakPoint)).toMatch(/COA/);
    },
  },
  {
    name: 'prenatale-kinderbescherming',
    what: 'child protection before birth',
    through: ['zwangerschap/meldcode-zwangerschap', 'zwangerschap/raadsonderzoek-prenataal', 'na-de-geboorte/ondertoezichtstelling'],
    check: (r) => expect(r.breakPoint?.step).toBe('zwangerschap/raadsonderzoek-prenataal'),
  },
  {
    name: 'postpartumdepressie',
    what: 'a postpartum depression',
    through: ['na-de-geboorte/nacontrole', 'na-de-geboorte/ggz-postpartum'],
    check: (r) => expect(r.client.risks).toContain('mental-health-or-lvb'),
  },
];

describe('the routes coalitions recognise', () => {
  it.each(RECOGNISED)('$name: $what, fits its path', async ({ name, through, check }) => {
    const r = route(name);
    expect(r.path).toBe('../national/eerste-1000-dagen.json');
    const fit = checkRoute(await loadContentPath('national/eerste-1000-dagen.json'), r);
    expect(fit.fits, JSON.stringify(fit)).toBe(true);
    const steps = stepsOf(r);
    for (const step of through) expect(steps, `${name} goes through ${step}`).toContain(step);
    // in the order given
    expect(through.map((s) => steps.indexOf(s))).toEqual(through.map((s) => steps.indexOf(s)).sort((a, b) => a - b));
    check(r);
  });
});
