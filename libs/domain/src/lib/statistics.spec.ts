import { ageAt } from './age';
import { addDays } from './local-date';
import {
  addYears,
  birthRangeForAges,
  comparisonPeriod,
  formatFrenchMonth,
  formatHoursMinutes,
  latestBirthForAge,
  monthsOf,
  openingOf,
  statisticsPeriodProblem,
} from './statistics';
import { unionMinutes } from './slots';

describe('addYears', () => {
  it('keeps the day, and turns 29 February into 28 February in common years', () => {
    expect(addYears('2026-03-15', -1)).toBe('2025-03-15');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-02-28', 1)).toBe('2024-02-28');
  });
});

describe('latestBirthForAge', () => {
  it('is the exact boundary of ageAt for every reference day of four years and ages 0–12', () => {
    // Exhaustive around the leap-year cases: for each reference date and age, the boundary
    // returned is aged `age` and the next day is not.
    for (let ref = '2023-01-01'; ref <= '2026-12-31'; ref = addDays(ref, 1)) {
      for (const age of [0, 1, 3, 6, 12]) {
        const b = latestBirthForAge(ref, age);
        expect(ageAt(b, ref)).toBeGreaterThanOrEqual(age);
        expect(ageAt(addDays(b, 1), ref)).toBeLessThan(age);
      }
    }
  });

  it('applies the 28 February rule to people born on 29 February', () => {
    // Born 2020-02-29: 6 years old on 2026-02-28 (common year), not the day before.
    expect(ageAt('2020-02-29', '2026-02-28')).toBe(6);
    expect(ageAt('2020-02-29', '2026-02-27')).toBe(5);
    expect(latestBirthForAge('2026-02-28', 6)).toBe('2020-02-29');
    expect(latestBirthForAge('2026-02-27', 6)).toBe('2020-02-27');
    // In a leap reference year the birthday is the 29th.
    expect(latestBirthForAge('2028-02-28', 8)).toBe('2020-02-28');
    expect(latestBirthForAge('2028-02-29', 8)).toBe('2020-02-29');
  });
});

describe('birthRangeForAges', () => {
  it('maps an age bracket to the birth dates it holds', () => {
    const r = birthRangeForAges('2026-12-31', { minAge: 3, maxAge: 6 });
    expect(r).toEqual({ from: '2020-01-01', to: '2023-12-31' });
    expect(ageAt(r.from, '2026-12-31')).toBe(6);
    expect(ageAt(addDays(r.from, -1), '2026-12-31')).toBe(7);
    expect(ageAt(r.to, '2026-12-31')).toBe(3);
  });
});

describe('unionMinutes', () => {
  it('counts overlapping and nested ranges once', () => {
    expect(unionMinutes([])).toBe(0);
    expect(unionMinutes([{ start: 570, end: 720 }])).toBe(150);
    expect(
      unionMinutes([
        { start: 570, end: 720 },
        { start: 840, end: 1080 },
      ]),
    ).toBe(390);
    expect(
      unionMinutes([
        { start: 600, end: 720 },
        { start: 660, end: 780 },
      ]),
    ).toBe(180);
    expect(
      unionMinutes([
        { start: 540, end: 1080 },
        { start: 600, end: 660 },
      ]),
    ).toBe(540);
    expect(
      unionMinutes([
        { start: 600, end: 660 },
        { start: 660, end: 720 },
      ]),
    ).toBe(120);
    expect(unionMinutes([{ start: 1320, end: 1440 }])).toBe(120);
  });
});

describe('openingOf', () => {
  it('counts a day with two slots once, and sums the union per day', () => {
    expect(
      openingOf([
        { date: '2026-01-05', start: 570, end: 720 },
        { date: '2026-01-05', start: 840, end: 1080 },
        { date: '2026-01-06', start: 600, end: 720 },
        { date: '2026-01-06', start: 660, end: 700 },
      ]),
    ).toEqual({ days: 2, minutes: 390 + 120 });
  });
});

describe('comparisonPeriod', () => {
  it('takes the previous period of the same length', () => {
    expect(comparisonPeriod('previous', '2026-01-01', '2026-12-31', '2026-12-31')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      reference: '2025-12-31',
    });
    expect(comparisonPeriod('previous', '2026-03-01', '2026-03-31', '2026-03-31')).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
      reference: '2026-02-28',
    });
  });

  it('takes the same dates a year earlier for N-1', () => {
    expect(comparisonPeriod('previous-year', '2024-02-01', '2024-02-29', '2024-02-29')).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
      reference: '2023-02-28',
    });
  });
});

describe('monthsOf', () => {
  it('lists every month touched by the period', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(formatFrenchMonth('2026-02')).toBe('févr. 2026');
  });
});

describe('statisticsPeriodProblem', () => {
  it('accepts a valid period and names the field of a bad one', () => {
    expect(statisticsPeriodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(statisticsPeriodProblem('2026-02-31', '2026-12-31')?.field).toBe('from');
    expect(statisticsPeriodProblem('2026-02-01', '2026-01-31')).toEqual({
      field: 'to',
      message: 'La date de fin est avant la date de début.',
    });
    expect(statisticsPeriodProblem('2016-01-01', '2025-12-31')).toBeNull();
    expect(statisticsPeriodProblem('2016-01-01', '2026-01-01')?.message).toContain('10 ans');
    expect(statisticsPeriodProblem('2026-01-01', '2026-12-31', '1899-12-31')?.field).toBe('referenceDate');
    expect(statisticsPeriodProblem('2026-01-01', '2026-12-31', '2101-01-01')?.field).toBe('referenceDate');
  });

  it('writes hours of opening the French way', () => {
    expect(formatHoursMinutes(390)).toBe('6 h 30');
    expect(formatHoursMinutes(120)).toBe('2 h');
  });
});
