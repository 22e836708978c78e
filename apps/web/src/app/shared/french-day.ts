import { formatFrenchDate, isValidTimeZone, zonedParts } from '@pointage/domain';

/** An instant as "jj/mm/aaaa" on the wall clock of a time zone (Paris by default). */
export function frenchDay(instant: string, timeZone = 'Europe/Paris'): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  return formatFrenchDate(zonedParts(d, isValidTimeZone(timeZone) ? timeZone : 'Europe/Paris').date);
}
