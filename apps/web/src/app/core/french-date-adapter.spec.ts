import { TestBed } from '@angular/core/testing';
import { DateAdapter, MAT_DATE_LOCALE } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { FrenchDateAdapter, fromLocalDate, toLocalDate } from './french-date-adapter';
import { provideFrenchDatepicker } from './french-datepicker-intl';

describe('FrenchDateAdapter', () => {
  let adapter: FrenchDateAdapter;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [FrenchDateAdapter, { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' }] });
    adapter = TestBed.inject(FrenchDateAdapter);
  });

  it('starts weeks on Monday', () => {
    expect(adapter.getFirstDayOfWeek()).toBe(1);
  });

  it('reads jj/mm/aaaa and refuses impossible dates', () => {
    const d = adapter.parse('26/06/1975');
    expect(d && toLocalDate(d)).toBe('1975-06-26');
    const bad = adapter.parse('31/02/2020');
    expect(bad && adapter.isValid(bad)).toBe(false);
    expect(adapter.parse('')).toBeNull();
  });

  it('writes jj/mm/aaaa', () => {
    expect(adapter.format(fromLocalDate('2018-10-23'))).toBe('23/10/2018');
  });
});

describe('FrenchDateAdapter labels of the calendar', () => {
  it('reads the calendar labels in French words, as they are shown (no jj/mm/aaaa in the month button)', () => {
    TestBed.configureTestingModule({ providers: [FrenchDateAdapter, { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' }] });
    const adapter = TestBed.inject(FrenchDateAdapter);
    const date = fromLocalDate('2026-11-01');
    expect(adapter.format(date, { year: 'numeric', month: 'short' })).toBe('nov. 2026');
    expect(adapter.format(date, { year: 'numeric', month: 'long', day: 'numeric' })).toBe('1 novembre 2026');
    expect(adapter.format(date, null)).toBe('01/11/2026');
  });
});

describe('FrenchDatepickerIntl', () => {
  it("names the calendar's period button with what it shows (WCAG 2.5.3)", () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' },
        { provide: DateAdapter, useClass: FrenchDateAdapter },
        provideFrenchDatepicker(),
      ],
    });
    const adapter = TestBed.inject(DateAdapter) as FrenchDateAdapter;
    const intl = TestBed.inject(MatDatepickerIntl);
    expect(intl.switchToMultiYearViewLabel).toBe("Choisir le mois et l'année");
    // As the calendar's header does: the text of the button, then its label.
    const shown = adapter.format(fromLocalDate('2026-11-01'), { year: 'numeric', month: 'short' }).toLocaleUpperCase();
    expect(intl.switchToMultiYearViewLabel).toBe(`${shown}, choisir le mois et l'année`);
    expect(intl.switchToMultiYearViewLabel).toContain(shown);
    adapter.getYearName(fromLocalDate('2026-11-01'));
    expect(intl.switchToMonthViewLabel).toBe('2026, choisir la date');
    const range = intl.formatYearRange('2016', '2039');
    expect(intl.switchToMonthViewLabel).toBe(`${range}, choisir la date`);
  });
});
