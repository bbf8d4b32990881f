import type { TimePoint } from './time.js';

/** A time point in the unit it was written in: `{ ageMonths: 4 }` is "4 months of age", not a day number. */
export function describeTimePoint(time: TimePoint, lang: 'en' | 'nl'): string {
  const nl = lang === 'nl';
  const n = (v: number) => (nl ? String(v).replace('.', ',') : String(v));
  if (time.gw !== undefined) return nl ? `zwangerschapsweek ${n(time.gw)}` : `gestational week ${n(time.gw)}`;
  if (time.ageMonths !== undefined) return nl ? `leeftijd ${n(time.ageMonths)} maanden` : `${n(time.ageMonths)} months of age`;
  if (time.ageDays !== undefined) return nl ? `leeftijd ${n(time.ageDays)} dagen` : `${n(time.ageDays)} days of age`;
  if (time.weeksBeforeConception !== undefined) return nl ? `${n(time.weeksBeforeConception)} weken vóór de conceptie` : `${n(time.weeksBeforeConception)} weeks before conception`;
  if (time.monthsBeforeConception !== undefined) return nl ? `${n(time.monthsBeforeConception)} maanden vóór de conceptie` : `${n(time.monthsBeforeConception)} months before conception`;
  const day = time.day ?? 0;
  return nl ? `dag ${n(day)} ten opzichte van de geboorte` : `day ${n(day)} relative to birth`;
}
