import { formatHm, parseHm, wallClockAt, zonedParts, zonedToInstant, zoneOffsetMinutes } from './zoned-time';

const PARIS = 'Europe/Paris';

describe('zonedParts', () => {
  it('gives the Paris date and minute of a UTC instant, winter and summer', () => {
    expect(zonedParts(new Date('2026-01-15T08:30:00Z'), PARIS)).toEqual({ date: '2026-01-15', minutes: 9 * 60 + 30 });
    expect(zonedParts(new Date('2026-07-15T08:30:00Z'), PARIS)).toEqual({ date: '2026-07-15', minutes: 10 * 60 + 30 });
  });
  it('changes day at local midnight, not at UTC midnight', () => {
    expect(zonedParts(new Date('2026-12-31T23:30:00Z'), PARIS).date).toBe('2027-01-01');
  });
});

describe('zonedToInstant', () => {
  it('round-trips ordinary times', () => {
    const i = zonedToInstant('2026-10-23', 14 * 60, PARIS);
    expect(i.toISOString()).toBe('2026-10-23T12:00:00.000Z');
    expect(zonedParts(i, PARIS)).toEqual({ date: '2026-10-23', minutes: 840 });
  });
  it('handles the spring-forward gap (02:30 does not exist on 2026-03-29)', () => {
    expect(zoneOffsetMinutes(new Date('2026-03-29T00:30:00Z'), PARIS)).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-03-29T01:30:00Z'), PARIS)).toBe(120);
    expect(zonedToInstant('2026-03-29', 150, PARIS).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToInstant('2026-03-29', 10 * 60, PARIS).toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });
  it('picks the earlier instant in the autumn overlap (02:30 happens twice on 2026-10-25)', () => {
    expect(zonedToInstant('2026-10-25', 150, PARIS).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-10-25', 10 * 60, PARIS).toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });
});

describe('parseHm / formatHm', () => {
  it('parses valid times and refuses impossible ones', () => {
    expect(parseHm('09:30')).toBe(570);
    expect(parseHm('9:05')).toBe(545);
    expect(parseHm('25:61')).toBeNull();
    expect(parseHm('12:60')).toBeNull();
    expect(parseHm('midi')).toBeNull();
    expect(formatHm(570)).toBe('09:30');
  });
});

describe('wallClockAt', () => {
  it('reads date and time to the second in the zone, across a year end and a DST change', () => {
    expect(wallClockAt(new Date(Date.UTC(2025, 11, 31, 23, 30, 5)), 'Europe/Paris')).toEqual({ date: '2026-01-01', time: '00:30:05' });
    expect(wallClockAt(new Date(Date.UTC(2026, 2, 29, 1, 0, 1)), 'Europe/Paris')).toEqual({ date: '2026-03-29', time: '03:00:01' });
  });
});
