import { argumentError, type Words } from '../diagnostics/index.js';
import type { Duration, TimePoint, Window } from './time.js';

// no zod here: the machines and journeys use these without the schemas (time.ts)

/**
 * The journey timeline counts days relative to the (expected) birth: day 0 is the birth at term
 * (40 weeks), negative days lie before it. A preconception moment has no birth yet and may never
 * get one, so it is written relative to a possible conception (`weeksBeforeConception`); it maps to
 * the same reference timeline as if conception happened right after it (see docs/decisions/0002).
 */
export const TERM_WEEKS = 40;
/** Conception at about 2 weeks of gestational age (gw is counted from the last menstrual period). */
export const CONCEPTION_GW = 2;
/** Day of conception on the reference timeline: (2 − 40) × 7 = −266. */
export const CONCEPTION_DAY = (CONCEPTION_GW - TERM_WEEKS) * 7;
/** Average days per month (365.25 / 12); 24 months is 730.5 days, rounded to 731. */
export const DAYS_PER_MONTH = 30.4375;
/** The end of the 1000 days: the child's second birthday. */
export const AGE_TWO_DAY = Math.round(24 * DAYS_PER_MONTH);

/** The units a time point can be written in. Exactly one is given. */
export const TIME_UNITS = ['gw', 'day', 'ageDays', 'ageMonths', 'weeksBeforeConception', 'monthsBeforeConception'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

const TIME_POINT: Words = { en: 'a time point such as { gw: 12 } or { ageMonths: 6 }', nl: 'een tijdstip zoals { gw: 12 } of { ageMonths: 6 }' };

/**
 * Converts a time point to whole days relative to birth.
 * @example
 * toDay({ gw: 40 }); // 0, the day of birth
 */
export function toDay(time: TimePoint): number {
  if (typeof time !== 'object' || time === null) throw argumentError('toDay', 'time', TIME_POINT, time);
  if (time.gw !== undefined) return Math.round((time.gw - TERM_WEEKS) * 7);
  if (time.day !== undefined) return time.day;
  if (time.ageDays !== undefined) return Math.round(time.ageDays);
  if (time.ageMonths !== undefined) return Math.round(time.ageMonths * DAYS_PER_MONTH);
  if (time.weeksBeforeConception !== undefined) return CONCEPTION_DAY - Math.round(time.weeksBeforeConception * 7);
  if (time.monthsBeforeConception !== undefined) return CONCEPTION_DAY - Math.round(time.monthsBeforeConception * DAYS_PER_MONTH);
  throw argumentError('toDay', 'time', TIME_POINT, { en: 'an object without any of those units', nl: 'een object zonder een van die eenheden' });
}

/** Converts a duration to whole days. */
export function durationDays(duration: Duration): number {
  if (duration.days !== undefined) return Math.round(duration.days);
  if (duration.weeks !== undefined) return Math.round(duration.weeks * 7);
  return Math.round((duration.months ?? 0) * DAYS_PER_MONTH);
}

/** A window as a pair of days; an open end is ±Infinity. */
export interface DayRange {
  from: number;
  to: number;
}

/** Converts a window to days relative to birth; a missing window is open on both ends. */
export function windowDays(window: Window | undefined): DayRange {
  return {
    from: window?.from ? toDay(window.from) : -Infinity,
    to: window?.to ? toDay(window.to) : Infinity,
  };
}

/**
 * Writes a day the way professionals do: weeks of pregnancy before birth, child age after.
 * @example
 * describeDay(-200, 'en'); // '11+3 wk', as weeks of pregnancy
 */
export function describeDay(day: number, lang: 'nl' | 'en' = 'nl'): string {
  if (!Number.isFinite(day)) return day < 0 ? (lang === 'nl' ? 'begin' : 'start') : lang === 'nl' ? 'einde' : 'end';
  if (day < CONCEPTION_DAY) {
    const weeks = Math.round((CONCEPTION_DAY - day) / 7);
    return lang === 'nl' ? `${weeks} wk vóór conceptie` : `${weeks} wk before conception`;
  }
  if (day < 0) {
    const totalDays = TERM_WEEKS * 7 + day;
    const weeks = Math.floor(totalDays / 7);
    const rest = totalDays % 7;
    return rest === 0 ? `${weeks} ${lang === 'nl' ? 'wk' : 'wk'}` : `${weeks}+${rest} ${lang === 'nl' ? 'wk' : 'wk'}`;
  }
  if (day < 56) return lang === 'nl' ? `dag ${day}` : `day ${day}`;
  const months = Math.round((day / DAYS_PER_MONTH) * 10) / 10;
  return lang === 'nl' ? `${String(months).replace('.', ',')} mnd` : `${months} mo`;
}
