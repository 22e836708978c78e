import { addDays, daysBetween, daysInMonth, isoWeekday, isSupportedYear, isValidLocalDate, SUPPORTED_YEARS } from './local-date';
import { zonedParts, zonedToInstant, zoneOffsetMinutes } from './zoned-time';

/** Date.UTC reads years 0–99 as 1900–1999: the helpers must take every year as written. */
describe('dates of any year, none shifted by 1900', () => {
  it('adds days and counts weekdays in years 0001–0099 as written', () => {
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0001-01-01', 0)).toBe('0001-01-01');
    expect(daysBetween('0050-01-01', '1950-01-01')).toBe(693_960);
    // 1 March 0050 (proleptic Gregorian) was a Tuesday, 1 March 1950 a Wednesday.
    expect(isoWeekday('0050-03-01')).toBe(2);
    expect(isoWeekday('1950-03-01')).toBe(3);
  });

  it('knows leap years of the first century and of 1900', () => {
    expect(daysInMonth(4, 2)).toBe(29); // 0004 is a leap year, 1904 too
    expect(daysInMonth(0, 2)).toBe(29); // year 0 is divisible by 400, 1900 is not
    expect(isValidLocalDate('0000-02-29')).toBe(false); // year 0 is refused as such, not as 1900
    expect(isValidLocalDate('0096-02-29')).toBe(true);
    expect(isValidLocalDate('1900-02-29')).toBe(false);
    expect(isValidLocalDate('2100-02-29')).toBe(false);
  });

  it('converts wall-clock times of early years to the right instant', () => {
    expect(zonedToInstant('0050-06-15', 10 * 60, 'UTC').toISOString()).toBe('0050-06-15T10:00:00.000Z');
    expect(zonedParts(new Date('0050-06-15T10:00:00Z'), 'UTC')).toEqual({ date: '0050-06-15', minutes: 600 });
    expect(zoneOffsetMinutes(new Date('0050-06-15T10:00:00Z'), 'UTC')).toBe(0);
  });

  it('says which years the application accepts', () => {
    expect(SUPPORTED_YEARS).toEqual({ min: 1900, max: 2100 });
    expect(['0050-01-01', '1899-12-31', '2101-01-01', '2500-06-01'].map(isSupportedYear)).toEqual([false, false, false, false]);
    expect(['1900-01-01', '2026-11-30', '2100-12-31'].map(isSupportedYear)).toEqual([true, true, true]);
  });
});
