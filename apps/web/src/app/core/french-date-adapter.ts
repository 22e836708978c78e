import { Injectable } from '@angular/core';
import { NativeDateAdapter } from '@angular/material/core';
import { parseFrenchDate } from '@pointage/domain';

/**
 * Dates typed and shown as jj/mm/aaaa, weeks starting on Monday.
 * Dates are calendar dates: they are built at local midnight and sent to the
 * API as 'YYYY-MM-DD' (see toLocalDate).
 */
@Injectable()
export class FrenchDateAdapter extends NativeDateAdapter {
  /**
   * The period the calendar's header shows ("NOV. 2026", "2026", "2016 – 2039"),
   * as last written by the header: FrenchDatepickerIntl puts it in the header
   * button's accessible name, which must contain what is seen (WCAG 2.5.3).
   */
  shownPeriod = '';

  override getYearName(date: Date): string {
    const name = super.getYearName(date);
    this.shownPeriod = name;
    return name;
  }

  override getFirstDayOfWeek(): number {
    return 1;
  }

  override parse(value: unknown): Date | null {
    if (typeof value === 'string') {
      if (value.trim() === '') return null;
      const iso = parseFrenchDate(value);
      if (!iso) return this.invalid();
      const [y, m, d] = iso.split('-').map(Number);
      return new Date(y, m - 1, d);
    }
    return super.parse(value);
  }

  /**
   * The date typed in the field (no display format): jj/mm/aaaa. The calendar's
   * labels (month button, cells read by screen readers) keep their own formats,
   * in French, so that what is read matches what is seen.
   */
  override format(date: Date, displayFormat?: object | null): string {
    if (!this.isValid(date)) return '';
    if (displayFormat) {
      const text = super.format(date, displayFormat);
      // The month and year of the calendar's header button (no day in the format).
      if (!('day' in displayFormat) && (displayFormat as { month?: string }).month === 'short')
        this.shownPeriod = text.toLocaleUpperCase('fr-FR');
      return text;
    }
    return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
  }
}

/** A Date from the date picker -> 'YYYY-MM-DD' for the API. */
export function toLocalDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' from the API -> a Date at local midnight for the date picker. */
export function fromLocalDate(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d);
}
