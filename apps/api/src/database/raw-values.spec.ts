import { rawInstant, rawLocalDate, sqlInstant } from './raw-values';

describe('raw SQL values of both drivers', () => {
  it('writes instants the way TypeORM stores them (UTC, milliseconds)', () => {
    expect(sqlInstant(Date.UTC(2026, 2, 18, 9, 5, 7, 42))).toBe('2026-03-18 09:05:07.042');
  });

  it('reads DATE columns of both drivers', () => {
    expect(rawLocalDate('2026-03-18')).toBe('2026-03-18');
    expect(rawLocalDate(new Date('2026-03-18T00:00:00Z'))).toBe('2026-03-18');
  });

  it('reads DATETIME columns of both drivers as the same instant', () => {
    expect(rawInstant('2026-03-18 09:05:07.042').toISOString()).toBe('2026-03-18T09:05:07.042Z');
    expect(rawInstant(new Date('2026-03-18T09:05:07.042Z')).toISOString()).toBe('2026-03-18T09:05:07.042Z');
  });
});
