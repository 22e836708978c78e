import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { FrenchDateAdapter, fromLocalDate, toLocalDate } from './french-date-adapter';

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
