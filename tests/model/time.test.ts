import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGE_TWO_DAY,
  CONCEPTION_DAY,
  DAYS_PER_MONTH,
  describeDay,
  durationDays,
  PHASE_RANGE,
  PHASES,
  safeParseData,
  TimePointSchema,
  toDay,
  windowDays,
  type TimePoint,
} from '../../src/model/index.js';

describe('toDay', () => {
  it('converts every unit to days relative to the birth at 40 weeks', () => {
    // hand computations: 7 days a week, term at 40 weeks, conception at 2 weeks, 365.25 / 12 days a month
    expect(toDay({ gw: 40 })).toBe(0);
    expect(toDay({ gw: 12 })).toBe(-196);
    expect(toDay({ gw: 0 })).toBe(-280);
    expect(toDay({ gw: 42 })).toBe(14);
    expect(toDay({ gw: 6.5 })).toBe(-234); // -234.5 rounds up
    expect(toDay({ day: -200 })).toBe(-200);
    expect(toDay({ day: 0 })).toBe(0);
    expect(toDay({ ageDays: 10 })).toBe(10);
    expect(toDay({ ageDays: 2.4 })).toBe(2);
    expect(toDay({ ageMonths: 6 })).toBe(183); // 182.625
    expect(toDay({ ageMonths: 1 })).toBe(30); // 30.4375
    expect(toDay({ ageMonths: 24 })).toBe(731); // 730.5
    expect(toDay({ weeksBeforeConception: 0 })).toBe(-266);
    expect(toDay({ weeksBeforeConception: 12 })).toBe(-350);
    expect(toDay({ monthsBeforeConception: 3 })).toBe(-357); // -266 - 91.3125
  });

  it('places conception at 2 weeks and the second birthday at 24 months', () => {
    expect(CONCEPTION_DAY).toBe(-266);
    expect(toDay({ weeksBeforeConception: 0 })).toBe(toDay({ gw: 2 }));
    expect(AGE_TWO_DAY).toBe(toDay({ ageMonths: 24 }));
    expect(DAYS_PER_MONTH * 12).toBe(365.25);
  });

  it('refuses an empty time point when called without the schema', () => {
    expect(() => toDay({} as TimePoint)).toThrow(/gw/);
  });

  const increasing = [
    ['gw', fc.double({ min: 0, max: 45, noNaN: true })],
    ['day', fc.integer({ min: -2000, max: 2000 })],
    ['ageDays', fc.double({ min: 0, max: 1500, noNaN: true })],
    ['ageMonths', fc.double({ min: 0, max: 48, noNaN: true })],
  ] as const;
  for (const [unit, arb] of increasing) {
    it(`property: is monotone increasing in ${unit}`, () => {
      fc.assert(
        fc.property(arb, arb, (x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(toDay({ [unit]: lo } as TimePoint)).toBeLessThanOrEqual(toDay({ [unit]: hi } as TimePoint));
        }),
      );
    });
  }

  const decreasing = [
    ['weeksBeforeConception', fc.double({ min: 0, max: 260, noNaN: true })],
    ['monthsBeforeConception', fc.double({ min: 0, max: 60, noNaN: true })],
  ] as const;
  for (const [unit, arb] of decreasing) {
    it(`property: is monotone decreasing in ${unit}, and never after conception`, () => {
      fc.assert(
        fc.property(arb, arb, (x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(toDay({ [unit]: lo } as TimePoint)).toBeGreaterThanOrEqual(toDay({ [unit]: hi } as TimePoint));
          expect(toDay({ [unit]: hi } as TimePoint)).toBeLessThanOrEqual(CONCEPTION_DAY);
        }),
      );
    });
  }

  it('property: whole numbers stay exact and fractions round to the nearest day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 45 }), fc.double({ min: 0, max: 48, noNaN: true }), (gw, months) => {
        expect(toDay({ gw })).toBe(gw * 7 - 280);
        expect(Math.abs(toDay({ ageMonths: months }) - months * 30.4375)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe('windows and durations', () => {
  it('leaves a missing end open', () => {
    expect(windowDays(undefined)).toEqual({ from: -Infinity, to: Infinity });
    expect(windowDays({ from: { gw: 6 } })).toEqual({ from: -238, to: Infinity });
    expect(windowDays({ to: { ageMonths: 6 } })).toEqual({ from: -Infinity, to: 183 });
  });

  it('converts durations', () => {
    expect(durationDays({ days: 3 })).toBe(3);
    expect(durationDays({ weeks: 2 })).toBe(14);
    expect(durationDays({ months: 2 })).toBe(61); // 60.875
  });

  it('the schema wants exactly one unit', () => {
    expect(TimePointSchema.safeParse({ gw: 12 }).success).toBe(true);
    for (const bad of [{}, { gw: 12, day: -196 }, { ageDays: 3, ageMonths: 1 }]) {
      const result = safeParseData(TimePointSchema, bad);
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]).toMatchObject({ code: 'invalid-time', pointer: '' });
    }
    expect(safeParseData(TimePointSchema, { gw: 50 }).diagnostics[0]).toMatchObject({ code: 'invalid-value', pointer: '/gw' });
  });
});

describe('phases', () => {
  it('follow each other without gaps: a year before conception, pregnancy, two years after birth', () => {
    expect(PHASES.map((p) => PHASE_RANGE[p])).toEqual([
      { from: -266 - 365, to: -266 },
      { from: -266, to: 0 },
      { from: 0, to: 731 },
    ]);
  });
});

describe('describeDay', () => {
  it('writes weeks of pregnancy before birth and the child’s age after', () => {
    const cases: [number, string, string][] = [
      [-350, '12 wk vóór conceptie', '12 wk before conception'],
      [-266, '2 wk', '2 wk'],
      [-196, '12 wk', '12 wk'],
      [-195, '12+1 wk', '12+1 wk'],
      [-1, '39+6 wk', '39+6 wk'],
      [0, 'dag 0', 'day 0'],
      [10, 'dag 10', 'day 10'],
      [55, 'dag 55', 'day 55'],
      [100, '3,3 mnd', '3.3 mo'],
      [183, '6 mnd', '6 mo'],
      [-Infinity, 'begin', 'start'],
      [Infinity, 'einde', 'end'],
    ];
    for (const [day, nl, en] of cases) {
      expect(describeDay(day, 'nl')).toBe(nl);
      expect(describeDay(day, 'en')).toBe(en);
    }
    expect(describeDay(10)).toBe('dag 10');
  });

  it('property: inverts toDay for gestational weeks and days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 39 }), fc.integer({ min: 0, max: 6 }), (weeks, days) => {
        const day = toDay({ gw: weeks }) + days;
        expect(describeDay(day, 'en')).toBe(days === 0 ? `${weeks} wk` : `${weeks}+${days} wk`);
      }),
    );
  });
});
