import { addDays, daysBetween, formatFrenchDayDate, isoWeekday, isValidLocalDate, parseFrenchDate } from './local-date';
import { ageAt } from './age';

describe('local dates', () => {
  it('knows which dates exist', () => {
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('2023-02-29')).toBe(false);
    expect(isValidLocalDate('2020-02-31')).toBe(false);
    expect(isValidLocalDate('2020-13-01')).toBe(false);
    expect(isValidLocalDate('20-01-01')).toBe(false);
    expect(isValidLocalDate(20200101)).toBe(false);
  });
  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // across the DST change
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
  it('computes ISO weekdays (Monday = 1)', () => {
    expect(isoWeekday('2018-10-23')).toBe(2); // mardi 23 octobre 2018 of the mock-ups
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(formatFrenchDayDate('2018-10-23')).toBe('mardi 23/10/2018');
  });
  it('parses French dates and refuses impossible ones', () => {
    expect(parseFrenchDate('26/06/1975')).toBe('1975-06-26');
    expect(parseFrenchDate('31/02/2020')).toBeNull();
    expect(parseFrenchDate('2020-02-01')).toBeNull();
  });
});

describe('ageAt', () => {
  it('counts whole years, birthday included', () => {
    expect(ageAt('1975-06-26', '2018-10-23')).toBe(43);
    expect(ageAt('2020-06-26', '2026-06-25')).toBe(5);
    expect(ageAt('2020-06-26', '2026-06-26')).toBe(6);
  });
  it('takes 28 February as the birthday of 29 February babies in common years', () => {
    expect(ageAt('2020-02-29', '2026-02-27')).toBe(5);
    expect(ageAt('2020-02-29', '2026-02-28')).toBe(6);
    expect(ageAt('2020-02-29', '2028-02-28')).toBe(7);
    expect(ageAt('2020-02-29', '2028-02-29')).toBe(8);
  });
});
