import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParsePath } from '../../src/load/index.js';
import { dayInUnit, describeDayIn, describeTimePoint, TIME_UNITS, TimePointSchema, timeUnitOf, toDay, WindowSchema, type TimePoint, type TimeUnit } from '../../src/model/index.js';
import { makePath, step } from '../rules/rule-tester.js';
import { validatePath, RULE_CODES } from '../../src/validate/index.js';

/** The range each unit accepts, and how many days one of its units lasts (for the rounding bound). */
const UNIT_RANGE: Record<TimeUnit, { min: number; max: number; days: number; integer?: boolean }> = {
  gw: { min: 0, max: 45, days: 7 },
  day: { min: -2000, max: 2000, days: 1, integer: true },
  ageDays: { min: 0, max: 1500, days: 1 },
  ageMonths: { min: 0, max: 48, days: 30.4375 },
  weeksBeforeConception: { min: 0, max: 260, days: 7 },
  monthsBeforeConception: { min: 0, max: 60, days: 30.4375 },
};

const timePoint: fc.Arbitrary<TimePoint> = fc.constantFrom(...TIME_UNITS).chain((unit) => {
  const r = UNIT_RANGE[unit];
  const value = r.integer ? fc.integer({ min: r.min, max: r.max }) : fc.double({ min: r.min, max: r.max, noNaN: true, noDefaultInfinity: true });
  return value.map((v) => ({ [unit]: v }) as TimePoint);
});

describe('a day read back in the unit it was written in', () => {
  it('returns the written value up to the rounding of a day and of one decimal', () => {
    fc.assert(
      fc.property(timePoint, (time) => {
        const unit = timeUnitOf(time);
        const written = time[unit]!;
        // toDay rounds to a whole day (half a day in the unit), dayInUnit to one decimal
        expect(Math.abs(dayInUnit(toDay(time), unit) - written)).toBeLessThanOrEqual(0.5 / UNIT_RANGE[unit].days + 0.05 + 1e-9);
      }),
    );
  });

  it('names the unit, never a day number, unless days were written', () => {
    fc.assert(
      fc.property(timePoint, fc.constantFrom('en' as const, 'nl' as const), (time, lang) => {
        const text = describeTimePoint(time, lang);
        if (timeUnitOf(time) === 'day') expect(text).toMatch(lang === 'en' ? /^day / : /^dag /);
        else expect(text).not.toMatch(/\b(day|dag) -?\d/);
      }),
    );
  });
});

describe('a window whose from lies after its to', () => {
  it('is refused by the schema exactly when it ends before it starts, whatever the units', () => {
    fc.assert(
      fc.property(timePoint, timePoint, (from, to) => {
        const result = WindowSchema.safeParse({ from, to });
        expect(result.success).toBe(toDay(from) <= toDay(to));
      }),
    );
  });

  it('is refused where the file is read, with pointer, line and both ends in the units written', () => {
    const text = JSON.stringify(
      {
        schemaVersion: 1,
        id: 't/p',
        version: '1.0.0',
        title: { nl: 'T' },
        actors: { a: { label: { nl: 'A' }, domain: 'medical' } },
        initial: 's',
        steps: {
          s: { kind: 'contact', phase: 'pregnancy', label: { nl: 'S' }, window: { from: { gw: 30 }, to: { gw: 20 } }, transitions: [{ to: 'e' }] },
          e: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'E' } },
        },
      },
      null,
      2,
    );
    const result = safeParsePath(text, { filename: 'p.json' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['window-reversed', '/steps/s/window/to']]);
    const [reversed] = result.diagnostics;
    expect(reversed!.line).toBe(text.split('\n').findIndex((l) => l.includes('"to": {') && !l.includes('"e"')) + 1);
    expect(reversed!.message).toBe('The window ends (gestational week 20) before it starts (gestational week 30), so no client can ever be in it.');
    expect(reversed!.nl.message).toBe('Het tijdvenster eindigt (zwangerschapsweek 20) voordat het begint (zwangerschapsweek 30), dus geen cliënt kan er ooit in zijn.');
  });

  it('passes when it starts and ends on the same day, however written', () => {
    expect(WindowSchema.safeParse({ from: { gw: 40 }, to: { day: 0 } }).success).toBe(true);
  });

  it('leaves a broken end to its own finding', () => {
    expect(TimePointSchema.safeParse({ ageMonths: -3 }).success).toBe(false);
    expect(WindowSchema.safeParse({ from: { gw: 30 }, to: { ageMonths: -3 } }).error?.issues.map((i) => (i as { params?: { zorgpadenCode?: string } }).params?.zorgpadenCode)).not.toContain('window-reversed');
  });
});

/** Per unit: a step "a" fixed at one moment, then 'after' days, then "b" whose window has closed. */
const INFEASIBLE: { unit: TimeUnit; phase: string; at: number; after: number; end: number; endText: string; earliestText: string; earliestNl: string }[] = [
  { unit: 'gw', phase: 'pregnancy', at: 12, after: 60, end: 18, endText: 'gestational week 18', earliestText: 'gestational week 20.6', earliestNl: 'zwangerschapsweek 20,6' },
  { unit: 'day', phase: 'pregnancy', at: -200, after: 60, end: -150, endText: 'day -150 relative to birth', earliestText: 'day -140 relative to birth', earliestNl: 'dag -140 ten opzichte van de geboorte' },
  { unit: 'ageDays', phase: 'postpartum', at: 10, after: 60, end: 50, endText: '50 days of age', earliestText: '70 days of age', earliestNl: 'leeftijd 70 dagen' },
  { unit: 'ageMonths', phase: 'postpartum', at: 2, after: 90, end: 4, endText: '4 months of age', earliestText: '5 months of age', earliestNl: 'leeftijd 5 maanden' },
  { unit: 'weeksBeforeConception', phase: 'preconception', at: 20, after: 70, end: 15, endText: '15 weeks before conception', earliestText: '10 weeks before conception', earliestNl: '10 weken vóór de conceptie' },
  { unit: 'monthsBeforeConception', phase: 'preconception', at: 6, after: 91, end: 4, endText: '4 months before conception', earliestText: '3 months before conception', earliestNl: '3 maanden vóór de conceptie' },
];

describe('time findings quote the unit the user wrote', () => {
  const onlyTimeRules = Object.fromEntries(RULE_CODES.filter((c) => c !== 'window-infeasible' && c !== 'window-out-of-order').map((c) => [c, 'off' as const]));

  it.each(INFEASIBLE)('window-infeasible in $unit', ({ unit, phase, at, after, end, endText, earliestText, earliestNl }) => {
    const point = (v: number) => ({ [unit]: v });
    const path = makePath({
      a: step('contact', [{ to: 'b', after }], { phase, window: { from: point(at), to: point(at) } }),
      b: step('contact', ['c'], { phase, window: { to: point(end) } }),
      c: step('outcome', [], { phase }),
    });
    const [finding, ...rest] = validatePath(path, { rules: onlyTimeRules }).diagnostics;
    expect(rest).toEqual([]);
    expect(finding!.code).toBe('window-infeasible');
    expect(finding!.message).toBe(`Step "b" closes at ${endText}, but clients come to it at the earliest at ${earliestText} and at the latest at ${earliestText}.`);
    expect(finding!.nl.message).toContain(`op z’n vroegst op ${earliestNl}`);
    if (unit !== 'day') expect(`${finding!.message} ${finding!.nl.message}`).not.toMatch(/\b(day|dag) -?\d/);
  });

  it.each(INFEASIBLE)('window-out-of-order in $unit', ({ unit, phase, at, end }) => {
    const point = (v: number) => ({ [unit]: v });
    // "b" ends (at `at`) before "a", which every route to it passes, has started (at the later `end`)
    const [first, last] = [at, end];
    const path = makePath({
      a: step('contact', ['b'], { phase, window: { from: point(last) } }),
      b: step('contact', ['c'], { phase, window: { to: point(first) } }),
      c: step('outcome', [], { phase }),
    });
    const findings = validatePath(path, { rules: onlyTimeRules }).diagnostics.filter((d) => d.code === 'window-out-of-order');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(`Step "b" ends at ${describeTimePoint(point(first) as TimePoint, 'en')}, but every route into it first passes "a", which starts only at ${describeTimePoint(point(last) as TimePoint, 'en')}.`);
  });
});

describe('a computed day said in a unit', () => {
  it('never gives a gestational week past 42, a negative age or a time before conception after it: those read as the professionals say them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1500, max: 1500 }), fc.constantFrom(...TIME_UNITS), fc.constantFrom('en' as const, 'nl' as const), (day, unit, lang) => {
        const text = describeDayIn(day, unit, lang);
        const week = /(?:gestational week|zwangerschapsweek) (-?[\d.,]+)/.exec(text);
        if (week) expect(Number(week[1]!.replace(',', '.'))).toBeLessThanOrEqual(42);
        expect(text).not.toMatch(/(?:leeftijd|^) ?-\d|^-[\d.,]+ (?:months|days) of age/);
        expect(text).not.toMatch(/^-[\d.,]+ (?:weeks|months|weken|maanden) (?:before|vóór)/);
      }),
    );
  });
});
