import { DateTimePipe } from './date-time-pipe';

describe('DateTimePipe', () => {
  const pipe = new DateTimePipe();

  it('shows the Paris wall clock, summer and winter', () => {
    expect(pipe.transform('2026-07-14T08:05:00Z')).toBe('14/07/2026 10:05');
    expect(pipe.transform('2026-12-31T23:30:00Z')).toBe('01/01/2027 00:30');
  });

  it('accepts another zone and ignores empty values', () => {
    expect(pipe.transform('2026-07-14T08:05:00Z', 'Indian/Reunion')).toBe('14/07/2026 12:05');
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform('pas une date')).toBe('');
  });
});
