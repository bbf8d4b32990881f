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

/** The unit a time point is written in. */
export function timeUnitOf(time: TimePoint): TimeUnit {
  return TIME_UNITS.find((u) => time[u] !== undefined) ?? 'day';
}

/**
 * A day of the journey timeline expressed in a unit, the inverse of `toDay` up to its rounding
 * (to one decimal, so that a day that came from `{ gw: 12.5 }` reads back as 12.5).
 */
export function dayInUnit(day: number, unit: TimeUnit): number {
  const exact: Record<TimeUnit, number> = {
    gw: day / 7 + TERM_WEEKS,
    day,
    ageDays: day,
    ageMonths: day / DAYS_PER_MONTH,
    weeksBeforeConception: (CONCEPTION_DAY - day) / 7,
    monthsBeforeConception: (CONCEPTION_DAY - day) / DAYS_PER_MONTH,
  };
  return Math.round(exact[unit] * 10) / 10;
}

/**
 * A time point in the words of the unit it was written in: `{ gw: 16 }` is "gestational week 16",
 * `{ ageMonths: 4 }` is "4 months of age", never a day number the user did not write.
 * @example
 * describeTimePoint({ gw: 16 }, 'nl'); // 'zwangerschapsweek 16'
 */
export function describeTimePoint(time: TimePoint, lang: 'en' | 'nl' = 'nl'): string {
  const unit = timeUnitOf(time);
  return UNIT_WORDS[unit][lang](decimal(time[unit] ?? 0, lang), false);
}

const decimal = (value: number, lang: 'en' | 'nl') => (lang === 'nl' ? String(value).replace('.', ',') : String(value));

/** How each unit reads with an amount ("16", or a range "12–14"), in each language. */
const UNIT_WORDS: Record<TimeUnit, Record<'en' | 'nl', (amount: string, range: boolean) => string>> = {
  gw: { en: (a, range) => `gestational week${range ? 's' : ''} ${a}`, nl: (a) => `zwangerschapsweek ${a}` },
  ageMonths: { en: (a) => `${a} months of age`, nl: (a) => `leeftijd ${a} maanden` },
  ageDays: { en: (a) => `${a} days of age`, nl: (a) => `leeftijd ${a} dagen` },
  weeksBeforeConception: { en: (a) => `${a} weeks before conception`, nl: (a) => `${a} weken vóór de conceptie` },
  monthsBeforeConception: { en: (a) => `${a} months before conception`, nl: (a) => `${a} maanden vóór de conceptie` },
  day: { en: (a, range) => `${range ? 'days' : 'day'} ${a} relative to birth`, nl: (a) => `dag ${a} ten opzichte van de geboorte` },
};

// a pregnancy lasts up to about 42 weeks
const LATEST_GW_DAY = 2 * 7;

/** Whether a day can be said in a unit: no "week 54 of pregnancy", no negative age. */
function withinUnit(day: number, unit: TimeUnit): boolean {
  if (unit === 'gw') return day >= CONCEPTION_DAY && day <= LATEST_GW_DAY;
  if (unit === 'ageDays' || unit === 'ageMonths') return day >= 0;
  if (unit === 'weeksBeforeConception' || unit === 'monthsBeforeConception') return day <= CONCEPTION_DAY;
  return true;
}

/**
 * A computed day (an arrival, the end of a gap) in the unit the user wrote a related time in;
 * without such a unit, in the professionals' words of `describeDay`. An open end reads "start"/"end".
 */
export function describeDayIn(day: number, unit: TimeUnit | undefined, lang: 'en' | 'nl' = 'nl'): string {
  if (unit === undefined || !Number.isFinite(day) || !withinUnit(day, unit)) return describeDay(day, lang);
  return describeTimePoint({ [unit]: dayInUnit(day, unit) } as TimePoint, lang);
}

/** A range in one unit, "gestational weeks 6–10", "leeftijd 6–9 maanden". */
function describeRange(unit: TimeUnit, from: number, to: number, lang: 'en' | 'nl'): string {
  const [a, b] = [decimal(from, lang), decimal(to, lang)];
  // a range of bare days reads "from … to …"; the other units take a dash
  const amount = unit === 'day' ? `${a} ${lang === 'nl' ? 'tot' : 'to'} ${b}` : `${a}–${b}`;
  return UNIT_WORDS[unit][lang](amount, true);
}

/**
 * A window as the user wrote it: "gestational weeks 12–14" when both ends share a unit,
 * "gestational week 38 – 2 months of age" when they do not; an open end reads "start"/"end".
 */
export function describeWindow(window: Window | undefined, lang: 'en' | 'nl' = 'nl'): string {
  const from = window?.from;
  const to = window?.to;
  if (from && to && timeUnitOf(from) === timeUnitOf(to)) {
    const unit = timeUnitOf(from);
    return describeRange(unit, from[unit] ?? 0, to[unit] ?? 0, lang);
  }
  const end = (t: TimePoint | undefined, open: number) => (t ? describeTimePoint(t, lang) : describeDay(open, lang));
  return `${end(from, -Infinity)} – ${end(to, Infinity)}`;
}
