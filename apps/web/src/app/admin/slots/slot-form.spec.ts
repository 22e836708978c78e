import { FormControl } from '@angular/forms';
import {
  BAD_FROM,
  checkDelete,
  checkGenerate,
  checkPeriod,
  dateOf,
  describeDeletion,
  EMPTY_RANGE,
  HALF_RANGE,
  INVALID_DATE,
  NO_FROM,
  NO_WEEKDAY,
  toggleAllWeekdays,
  toggleWeekday,
  weekdaysState,
} from './slot-form';
import { monthOf } from './slot-list';

describe('weekdays', () => {
  it('"Tous" ticks every day or none', () => {
    expect(toggleAllWeekdays(true)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(toggleAllWeekdays(false)).toEqual([]);
  });

  it('keeps the days sorted and unique', () => {
    expect(toggleWeekday([3, 1], 2, true)).toEqual([1, 2, 3]);
    expect(toggleWeekday([1, 2, 3], 2, true)).toEqual([1, 2, 3]);
    expect(toggleWeekday([1, 2, 3], 2, false)).toEqual([1, 3]);
  });

  it('"Tous" is ticked with all seven, half-ticked with some', () => {
    expect(weekdaysState([1, 2, 3, 4, 5, 6, 7])).toBe('all');
    expect(weekdaysState([2, 3])).toBe('some');
    expect(weekdaysState([])).toBe('none');
  });
});

describe('dateOf', () => {
  it('reads a date picker control', () => {
    expect(dateOf(new FormControl<Date | null>(new Date(2026, 10, 3)))).toBe('2026-11-03');
    expect(dateOf(new FormControl<Date | null>(null))).toBeNull();
    const typedWrong = new FormControl<Date | null>(null);
    typedWrong.setErrors({ matDatepickerParse: { text: '31/02/2026' } });
    expect(dateOf(typedWrong)).toBe(INVALID_DATE);
  });
});

describe('checkPeriod', () => {
  it('needs a start, accepts one day, refuses an inverted or too long period', () => {
    expect(checkPeriod(null, null)).toBe(NO_FROM);
    expect(checkPeriod(INVALID_DATE, null)).toBe(BAD_FROM);
    expect(checkPeriod('2026-11-03', null)).toEqual({ from: '2026-11-03' });
    expect(checkPeriod('2026-11-03', '2026-11-30')).toEqual({ from: '2026-11-03', to: '2026-11-30' });
    expect(checkPeriod('2026-11-30', '2026-11-03')).toBe('La date de fin est avant la date de début.');
    expect(checkPeriod('2026-01-01', '2032-01-01')).toBe('La période dépasse 5 ans : découpez-la en plusieurs fois.');
  });
});

describe('checkGenerate', () => {
  const base = { from: '2026-11-02', to: '2026-11-30', weekdays: [3, 6], ranges: [{ start: '09:30', end: '12:00' }] };

  it('builds the request (years are fine: no 3-month limit)', () => {
    expect(checkGenerate(base)).toEqual({
      from: '2026-11-02',
      to: '2026-11-30',
      weekdays: [3, 6],
      ranges: [{ start: '09:30', end: '12:00' }],
    });
    expect(checkGenerate({ ...base, to: '2029-08-31' })).toMatchObject({ to: '2029-08-31' });
    expect(checkGenerate({ ...base, to: null })).toEqual({
      from: '2026-11-02',
      weekdays: [3, 6],
      ranges: [{ start: '09:30', end: '12:00' }],
    });
  });

  it('explains what is wrong, with the messages of the API', () => {
    expect(checkGenerate({ ...base, from: null })).toBe(NO_FROM);
    expect(checkGenerate({ ...base, weekdays: [] })).toBe(NO_WEEKDAY);
    expect(checkGenerate({ ...base, ranges: [] })).toBe('Indiquez au moins une plage horaire.');
    expect(checkGenerate({ ...base, ranges: [{ start: '09:30', end: '' }] })).toBe(EMPTY_RANGE);
    expect(checkGenerate({ ...base, ranges: [{ start: '18:00', end: '14:00' }] })).toBe(
      "La plage 18:00–14:00 est inversée ou vide : l'heure de fin doit suivre l'heure de début.",
    );
    expect(
      checkGenerate({
        ...base,
        ranges: [
          { start: '14:00', end: '18:00' },
          { start: '09:30', end: '12:00' },
          { start: '16:30', end: '18:30' },
        ],
      }),
    ).toBe('Les plages 14:00–18:00 et 16:30–18:30 se chevauchent.');
  });
});

describe('checkDelete', () => {
  const base = { from: '2026-11-02', to: '2026-11-30', weekdays: [1, 2, 3, 4, 5, 6, 7], start: '', end: '' };

  it('takes the time range only when both hours are given', () => {
    expect(checkDelete(base)).toEqual({ from: '2026-11-02', to: '2026-11-30', weekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(checkDelete({ ...base, start: '14:00', end: '18:00' })).toMatchObject({ start: '14:00', end: '18:00' });
    expect(checkDelete({ ...base, start: '14:00' })).toBe(HALF_RANGE);
    expect(checkDelete({ ...base, start: '18:00', end: '14:00' })).toBe(
      "La plage 18:00–14:00 est inversée ou vide : l'heure de fin doit suivre l'heure de début.",
    );
    expect(checkDelete({ ...base, weekdays: [] })).toBe(NO_WEEKDAY);
  });

  it('describes what will be deleted', () => {
    expect(describeDeletion({ from: '2026-11-02', to: '2026-11-30', weekdays: [1, 2, 3, 4, 5, 6, 7] })).toBe('du 02/11/2026 au 30/11/2026');
    expect(describeDeletion({ from: '2026-11-02', to: '2026-11-30', weekdays: [3, 6], start: '14:00', end: '18:00' })).toBe(
      'du 02/11/2026 au 30/11/2026 (mercredi, samedi), compris entre 14:00 et 18:00',
    );
    expect(describeDeletion({ from: '2018-10-23', weekdays: [1, 2, 3, 4, 5, 6, 7] })).toBe('du mardi 23/10/2018');
  });
});

describe('monthOf', () => {
  it('gives the first and last days of the month', () => {
    expect(monthOf('2028-02-14')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-11-29')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
