import { ageAt, AgeRange } from './age';
import { addDays, daysBetween, isValidLocalDate, LocalDate } from './local-date';
import { MinuteRange, unionMinutes } from './slots';
import { formatHm } from './zoned-time';

/**
 * Pure rules of the statistics (SPEC.md, "Statistics — STATISTIQUES" and its
 * "Readings that settle every ambiguity"), shared by the API (which turns them
 * into SQL conditions) and the web page.
 */

/** A period longer than this is refused (the limit, a clear 400). */
export const MAX_STATISTICS_YEARS = 10;

/** Bounds of an age-reference date. */
export const REFERENCE_DATE_MIN = '1900-01-01';
export const REFERENCE_DATE_MAX = '2100-12-31';

/** Ages of "Enfants de moins de 6 ans / de 6 ans et plus" (6 is included in the second). */
export const CHILD_AGE_THRESHOLD = 6;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same calendar date `years` later (or earlier): 29 February becomes 28
 * February in a common year. Used for "N-1" and for age thresholds.
 */
export function addYears(date: LocalDate, years: number): LocalDate {
  // A malformed date gives NaN parts, as before the defaults were written.
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The latest birth date of somebody aged at least `age` full years at
 * `reference` (reading 6: full years, 29 February birthdays on 28 February in
 * common years). Since age never grows with a later birth date,
 * `ageAt(b, reference) >= age` exactly when `b <= latestBirthForAge(reference, age)`:
 * an age bracket becomes a range of birth dates, which SQL compares directly.
 */
export function latestBirthForAge(reference: LocalDate, age: number): LocalDate {
  // Start near the answer (same day `age` years before) and walk to the exact boundary
  // with ageAt itself as the judge: the 29 February rule moves it by a day at most.
  let candidate = addYears(reference, -age);
  while (ageAt(candidate, reference) < age) candidate = addDays(candidate, -1);
  while (ageAt(addDays(candidate, 1), reference) >= age) candidate = addDays(candidate, 1);
  return candidate;
}

/** Birth dates (inclusive) of the people whose age at `reference` is within the range. */
export function birthRangeForAges(reference: LocalDate, range: AgeRange): { from: LocalDate; to: LocalDate } {
  return { from: addDays(latestBirthForAge(reference, range.maxAge + 1), 1), to: latestBirthForAge(reference, range.minAge) };
}

/**
 * Opening of a period (reading 7: every slot counts, attended or not):
 * distinct days with a slot, and per day the union of its slots' ranges, summed.
 */
export function openingOf(slots: { date: LocalDate; start: number; end: number }[]): { days: number; minutes: number } {
  const byDay = new Map<LocalDate, MinuteRange[]>();
  for (const s of slots) {
    const day = byDay.get(s.date);
    if (day) day.push(s);
    else byDay.set(s.date, [s]);
  }
  let minutes = 0;
  for (const ranges of byDay.values()) minutes += unionMinutes(ranges);
  return { days: byDay.size, minutes };
}

/** "125 h", "3 h 30" — hours of opening as the page and exports write them. */
export function formatHoursMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** "09:30 – 12:00" */
export function formatTimeRange(start: number, end: number): string {
  return `${formatHm(start)} – ${formatHm(end)}`;
}

export type ComparisonKind = 'previous' | 'previous-year';

/**
 * The period a report is compared with: the previous period of the same
 * length (ending the day before `from`), or the same dates a year earlier.
 * The reference date moves with it.
 */
export function comparisonPeriod(
  kind: ComparisonKind,
  from: LocalDate,
  to: LocalDate,
  reference: LocalDate,
): { from: LocalDate; to: LocalDate; reference: LocalDate } {
  if (kind === 'previous-year') return { from: addYears(from, -1), to: addYears(to, -1), reference: addYears(reference, -1) };
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1), reference: addDays(reference, -length) };
}

/** Every month 'YYYY-MM' touched by the period, in order. */
export function monthsOf(from: LocalDate, to: LocalDate): string[] {
  const out: string[] = [];
  // NaN parts (malformed dates) make the loop below run zero times, as before the defaults were written.
  let [y = NaN, m = NaN] = from.split('-').map(Number);
  const [ty = NaN, tm = NaN] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const FRENCH_MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** '2026-03' -> 'mars 2026' */
export function formatFrenchMonth(month: string): string {
  const [y = NaN, m = NaN] = month.split('-').map(Number);
  return `${FRENCH_MONTHS_SHORT[m - 1]} ${y}`;
}

/**
 * Checks the period and reference date of a report; returns a French reason
 * and the field it concerns, or null.
 */
export function statisticsPeriodProblem(from: string, to: string, reference?: string | null): { field: string; message: string } | null {
  if (!isValidLocalDate(from)) return { field: 'from', message: `La date de début « ${from} » n'est pas une date valide.` };
  if (!isValidLocalDate(to)) return { field: 'to', message: `La date de fin « ${to} » n'est pas une date valide.` };
  if (to < from) return { field: 'to', message: 'La date de fin est avant la date de début.' };
  if (addYears(from, MAX_STATISTICS_YEARS) <= to) {
    return { field: 'to', message: `La période dépasse ${MAX_STATISTICS_YEARS} ans : choisissez une période plus courte.` };
  }
  if (reference !== undefined && reference !== null) {
    if (!isValidLocalDate(reference))
      return { field: 'referenceDate', message: `La date de référence « ${reference} » n'est pas une date valide.` };
    if (reference < REFERENCE_DATE_MIN || reference > REFERENCE_DATE_MAX) {
      return { field: 'referenceDate', message: 'La date de référence doit être comprise entre 1900 et 2100.' };
    }
  }
  return null;
}

/** "0–2 ans", "55–99 ans" */
export function bracketLabel(b: AgeRange): string {
  return `${b.minAge}–${b.maxAge} ans`;
}
