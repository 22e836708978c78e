import { addDays, daysBetween, formatFrenchDayDate, isoWeekday, isValidLocalDate, parseFrenchDate } from './local-date';
import { ageAt, ageBracketProblem, bracketOf } from './age';
import { searchKey } from './text';

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

describe('age brackets', () => {
  it('accepts the defaults and gaps', () => {
    expect(
      ageBracketProblem([
        { minAge: 0, maxAge: 2 },
        { minAge: 3, maxAge: 6 },
        { minAge: 18, maxAge: 54 },
      ]),
    ).toBeNull();
  });
  it('refuses overlaps, inversions and nonsense with a French reason', () => {
    expect(
      ageBracketProblem([
        { minAge: 3, maxAge: 6 },
        { minAge: 5, maxAge: 10 },
      ]),
    ).toBe('Les tranches 3–6 ans et 5–10 ans se chevauchent.');
    expect(
      ageBracketProblem([
        { minAge: 7, maxAge: 11 },
        { minAge: 0, maxAge: 7 },
      ]),
    ).toBe('Les tranches 0–7 ans et 7–11 ans se chevauchent.');
    expect(ageBracketProblem([{ minAge: 6, maxAge: 3 }])).toMatch(/inversée/);
    expect(ageBracketProblem([{ minAge: -1, maxAge: 3 }])).toMatch(/entre 0 et 120/);
    expect(ageBracketProblem([])).toMatch(/au moins une/);
  });
  it('finds the bracket of an age', () => {
    const brackets = [
      { minAge: 0, maxAge: 2 },
      { minAge: 3, maxAge: 6 },
    ];
    expect(bracketOf(3, brackets)).toEqual({ minAge: 3, maxAge: 6 });
    expect(bracketOf(9, brackets)).toBeNull();
  });
});

describe('searchKey', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(searchKey('  Müller   Lefèvre ')).toBe('muller lefevre');
    expect(searchKey('ÇA')).toBe('ca');
  });
});
