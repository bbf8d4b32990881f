import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrivalDay,
  CarePathSchema,
  enabledTransitions,
  eventOf,
  isEnabled,
  NEXT_EVENT,
  startDay,
  viewClient,
  weightOf,
  type CarePath,
} from '../../src/model/index.js';
import { minimalPath, smallPath } from './fixtures.js';

const path: CarePath = CarePathSchema.parse(smallPath());
const steps = path.steps;
const withDebts = viewClient({ risks: ['debts'] });
const without = viewClient({});

// Hand computations for the small path: gw w is day 7w − 280.
// intake: gw 6–10 = days −238…−210; screening: gw 8–12 = −224…−196; support: gw 14–30 = −182…−70.

describe('startDay', () => {
  it('is the start of the initial step’s window', () => {
    expect(startDay(path)).toBe(-238);
  });

  it('is the start of the initial step’s phase when it has no window', () => {
    const input = minimalPath();
    expect(startDay(CarePathSchema.parse(input))).toBe(-266);
    input.steps.klaar!.phase = 'preconception';
    expect(startDay(CarePathSchema.parse(input))).toBe(-266 - 365);
    input.steps.klaar!.phase = 'postpartum';
    expect(startDay(CarePathSchema.parse(input))).toBe(0);
  });
});

describe('arrivalDay', () => {
  const toSupport = steps.screening!.transitions[0]!; // after: 7
  it('waits for the start of the target window', () => {
    expect(arrivalDay(-220, toSupport, steps.support!)).toBe(-182); // max(−213, −182)
  });

  it('adds the delay when that lands inside the window', () => {
    expect(arrivalDay(-100, toSupport, steps.support!)).toBe(-93);
    expect(arrivalDay(-215, steps.intake!.transitions[0]!, steps.screening!)).toBe(-215);
  });

  it('an open window start never holds a client back', () => {
    expect(arrivalDay(-50, steps.support!.transitions[0]!, steps.klaar!)).toBe(-50);
  });
});

describe('isEnabled', () => {
  const toSupport = steps.screening!.transitions[0]!;
  it('needs the condition to hold', () => {
    expect(isEnabled(toSupport, steps.support, withDebts, -200)).toBe(true);
    expect(isEnabled(toSupport, steps.support, without, -200)).toBe(false);
  });

  it('needs day + after to be no later than the end of the target window', () => {
    expect(isEnabled(toSupport, steps.support, withDebts, -77)).toBe(true); // −70 ≤ −70
    expect(isEnabled(toSupport, steps.support, withDebts, -76)).toBe(false); // −69 > −70
    expect(isEnabled(steps.intake!.transitions[0]!, steps.screening, without, -196)).toBe(true);
    expect(isEnabled(steps.intake!.transitions[0]!, steps.screening, without, -195)).toBe(false);
  });

  it('is false for a missing target', () => {
    expect(isEnabled({ to: 'nowhere' }, undefined, withDebts, 0)).toBe(false);
  });

  it('property: agrees with the rule written out by hand', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 100 }), fc.integer({ min: 0, max: 60 }), fc.boolean(), (day, after, debts) => {
        const transition = { ...toSupport, after };
        const expected = debts && day + after <= 30 * 7 - 280;
        expect(isEnabled(transition, steps.support, debts ? withDebts : without, day)).toBe(expected);
      }),
    );
  });
});

describe('enabledTransitions', () => {
  it('lists enabled transitions in document order', () => {
    expect(enabledTransitions(path, 'screening', withDebts, -200)).toEqual([0, 1]);
    expect(enabledTransitions(path, 'screening', without, -200)).toEqual([1]);
  });

  it('filters by event: NEXT for transitions without "on"', () => {
    expect(enabledTransitions(path, 'screening', withDebts, -200, 'RISK_SIGNALLED')).toEqual([0]);
    expect(enabledTransitions(path, 'screening', withDebts, -200, NEXT_EVENT)).toEqual([1]);
    expect(enabledTransitions(path, 'screening', withDebts, -200, 'OTHER')).toEqual([]);
  });

  it('is empty for an outcome and for an unknown step', () => {
    expect(enabledTransitions(path, 'klaar', withDebts, 0)).toEqual([]);
    expect(enabledTransitions(path, 'nope', withDebts, 0)).toEqual([]);
  });

  it('drops a transition whose target window has passed', () => {
    expect(enabledTransitions(path, 'screening', withDebts, -60)).toEqual([1]);
  });
});

describe('eventOf and weightOf', () => {
  it('default to NEXT and 1', () => {
    expect(eventOf({ to: 'x' })).toBe('NEXT');
    expect(eventOf({ to: 'x', on: 'GO' })).toBe('GO');
    expect(weightOf({ to: 'x' })).toBe(1);
    expect(weightOf({ to: 'x', weight: 0 })).toBe(0);
  });
});
