import { normaliseTime } from './time-input';

describe('normaliseTime', () => {
  it.each([
    ['14:00', '14:00'],
    ['14h', '14:00'],
    ['14h30', '14:30'],
    ['14 h 30', '14:30'],
    ['1430', '14:30'],
    ['930', '09:30'],
    ['9', '09:00'],
    ['9:05', '09:05'],
    ['24:00', '24:00'],
    ['', ''],
    ['25:00', '25:00'],
    ['14:75', '14:75'],
    ['2 PM', '2 PM'],
  ])('reads %p as %p', (typed, read) => {
    expect(normaliseTime(typed)).toBe(read);
  });
});
