import { formatHm, parseHm, wallClockAt, zonedParts, zonedPartsCache, zonedToInstant, zoneOffsetMinutes } from './zoned-time';

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

describe('zonedPartsCache', () => {
  it('gives the same answers as zonedParts, across both daylight-saving changes of Paris', () => {
    const cached = zonedPartsCache('Europe/Paris');
    const mismatches: string[] = [];
    // Every 7 minutes over the two days around each change of 2026 (29 March, 25 October).
    for (const start of [Date.UTC(2026, 2, 28), Date.UTC(2026, 9, 24)]) {
      for (let ms = start; ms < start + 2 * 86_400_000; ms += 7 * 60_000 + 13_000) {
        const at = new Date(ms);
        const a = JSON.stringify(cached(at));
        const b = JSON.stringify(zonedParts(at, 'Europe/Paris'));
        if (a !== b) mismatches.push(`${at.toISOString()}: ${a} vs ${b}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
