import { Pipe, PipeTransform } from '@angular/core';
import { formatFrenchDate, formatHm, isValidTimeZone, zonedParts } from '@pointage/domain';

/**
 * An instant as "jj/mm/aaaa hh:mm" on the wall clock of an IANA time zone
 * (Europe/Paris by default). Angular's DatePipe only understands numeric
 * offsets and would silently use the browser's zone for "Europe/Paris".
 */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, timeZone = 'Europe/Paris'): string {
    if (!value) return '';
    const instant = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(instant.getTime())) return '';
    const parts = zonedParts(instant, isValidTimeZone(timeZone) ? timeZone : 'Europe/Paris');
    return `${formatFrenchDate(parts.date)} ${formatHm(parts.minutes)}`;
  }
}
