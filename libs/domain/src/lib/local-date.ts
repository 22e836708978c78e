/**
 * Calendar dates without a time zone ("2026-03-29"), the way slots, birth dates
 * and registration dates are stored. All arithmetic is done in UTC on purpose:
 * a calendar date has no zone, so no daylight-saving change can shift it.
 */
export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years the application accepts in dates it is sent (birth dates, slots,
 * periods): anything else is a typing mistake or a probe. The helpers below
 * still compute correctly for any year from 0001 to 9999.
 */
export const SUPPORTED_YEARS = { min: 1900, max: 2100 } as const;

/** True when the year of a YYYY-MM-DD string is within SUPPORTED_YEARS. */
export function isSupportedYear(value: LocalDate): boolean {
  const year = Number(value.slice(0, 4));
  return year >= SUPPORTED_YEARS.min && year <= SUPPORTED_YEARS.max;
}

/**
 * Milliseconds since the epoch of a UTC date and time. Unlike Date.UTC, which
 * reads years 0–99 as 1900–1999 ("0050-01-01" would become 1950), every year is
 * taken as written. Months are 0-based and may overflow, as with Date.UTC.
 */
export function utcMs(year: number, monthIndex: number, day: number, hours = 0, minutes = 0, seconds = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(hours, minutes, seconds, 0);
  return d.getTime();
}

/** True for an existing calendar date written YYYY-MM-DD ("2020-02-31" is false). */
export function isValidLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

function toUtcMs(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid local date: ${date}`);
  return utcMs(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * 86_400_000);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(toUtcMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** "2026-03-29" -> "29/03/2026" (the French way users read and type dates). */
export function formatFrenchDate(date: LocalDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "29/03/2026" -> "2026-03-29", or null when it is not an existing date. */
export function parseFrenchDate(value: string): LocalDate | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value);
  if (!m) return null;
  // The three groups are not optional: they are always strings once the pattern matched.
  const [, day = '', month = '', year = ''] = m;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidLocalDate(iso) ? iso : null;
}

export const FRENCH_WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/** "mardi 23/10/2018" */
export function formatFrenchDayDate(date: LocalDate): string {
  return `${FRENCH_WEEKDAYS[isoWeekday(date) - 1]} ${formatFrenchDate(date)}`;
}
