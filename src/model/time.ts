import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { describeTimePoint, TIME_UNITS, toDay } from './days.js';

export { TERM_WEEKS, CONCEPTION_GW, CONCEPTION_DAY, DAYS_PER_MONTH, AGE_TWO_DAY, TIME_UNITS, toDay, durationDays, windowDays, describeDay, timeUnitOf, dayInUnit, describeTimePoint, describeDayIn, describeWindow, type TimeUnit, type DayRange } from './days.js';

/**
 * A moment on the journey timeline, in the unit professionals use for the phase:
 * `{ gw: 12 }` (gestational weeks), `{ ageDays: 10 }`, `{ ageMonths: 6 }`, `{ day: -200 }`, or, before
 * pregnancy, `{ weeksBeforeConception: 12 }` / `{ monthsBeforeConception: 3 }`.
 */
export const TimePointSchema = lazySchema((z) => z
  .strictObject({
    gw: z.number().min(0).max(45).optional().meta({ description: 'Gestational week, counted from the last menstrual period (term is 40).' }),
    day: z.number().int().min(-2000).max(2000).optional().meta({ description: 'Days relative to birth; negative before birth.' }),
    ageDays: z.number().min(0).max(1500).optional().meta({ description: "The child's age in days." }),
    ageMonths: z.number().min(0).max(48).optional().meta({ description: "The child's age in months." }),
    weeksBeforeConception: z.number().min(0).max(260).optional().meta({ description: 'Weeks before a (possible) conception; for preconception steps.' }),
    monthsBeforeConception: z.number().min(0).max(60).optional().meta({ description: 'Months before a (possible) conception; for preconception steps.' }),
  })
  .refine((t) => TIME_UNITS.filter((u) => t[u] !== undefined).length === 1, {
    message: `A time point gives exactly one of: ${TIME_UNITS.join(', ')}.`,
    params: { zorgpadenCode: 'invalid-time', nl: `Een tijdstip geeft precies één van: ${TIME_UNITS.join(', ')}.` },
  })
  .meta({ description: 'A moment: exactly one of gw, day, ageDays, ageMonths, weeksBeforeConception, monthsBeforeConception.' }));
export type TimePoint = z.infer<typeof TimePointSchema>;

/** A time window: the step happens from `from` until `to` (either may be open). */
export const WindowSchema = lazySchema((z) => z
  .strictObject({
    from: TimePointSchema.optional(),
    to: TimePointSchema.optional(),
  })
  .superRefine((window, ctx) => {
    // refused where it is read: a window that ends before it starts holds no day at all;
    // only once both ends are valid time points, since a broken one has its own finding
    if (!window.from || !window.to || !TimePointSchema.safeParse(window.from).success || !TimePointSchema.safeParse(window.to).success) return;
    if (toDay(window.from) <= toDay(window.to)) return;
    const [from, to, fromNl, toNl] = [describeTimePoint(window.from, 'en'), describeTimePoint(window.to, 'en'), describeTimePoint(window.from, 'nl'), describeTimePoint(window.to, 'nl')];
    ctx.addIssue({ code: 'custom', path: ['to'], message: `The window ends (${to}) before it starts (${from}).`, params: { zorgpadenCode: 'window-reversed', from, to, fromNl, toNl } });
  })
  .meta({ description: 'When a step can happen: from and to, each a time point; either may be left out.' }));
export type Window = z.infer<typeof WindowSchema>;

/** A length of time: exactly one of days, weeks, months. */
export const DurationSchema = lazySchema((z) => z
  .strictObject({
    days: z.number().min(0).optional(),
    weeks: z.number().min(0).optional(),
    months: z.number().min(0).optional(),
  })
  .refine((d) => [d.days, d.weeks, d.months].filter((v) => v !== undefined).length === 1, {
    message: 'A duration gives exactly one of: days, weeks, months.',
    params: { zorgpadenCode: 'invalid-time', nl: 'Een duur geeft precies één van: days, weeks, months.' },
  }));
export type Duration = z.infer<typeof DurationSchema>;
