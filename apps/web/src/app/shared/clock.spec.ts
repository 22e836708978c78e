import { frenchLongDate, presentCounterLabel, rangeLabel, wallClock } from './clock';

describe('wallClock', () => {
  it("reads the structure's time zone, not the device's", () => {
    // 13:41:20 UTC on 23 October 2018: 15:41:20 in Paris (summer time), 09:41:20 in New York.
    const instant = new Date(Date.UTC(2018, 9, 23, 13, 41, 20));
    expect(wallClock(instant, 'Europe/Paris')).toEqual({ date: '2018-10-23', time: '15:41:20' });
    expect(wallClock(instant, 'America/New_York')).toEqual({ date: '2018-10-23', time: '09:41:20' });
    expect(wallClock(instant, 'UTC')).toEqual({ date: '2018-10-23', time: '13:41:20' });
  });

  it('follows daylight-saving changes and the change of day', () => {
    // Winter: Paris is UTC+1. 23:30:05 UTC on 31 December is already the next year in Paris.
    expect(wallClock(new Date(Date.UTC(2025, 11, 31, 23, 30, 5)), 'Europe/Paris')).toEqual({ date: '2026-01-01', time: '00:30:05' });
    // Just after the spring change (02:00 → 03:00 on 29 March 2026, 01:00 UTC).
    expect(wallClock(new Date(Date.UTC(2026, 2, 29, 1, 0, 1)), 'Europe/Paris').time).toBe('03:00:01');
  });

  it('shows midnight as 00, never 24', () => {
    expect(wallClock(new Date(Date.UTC(2026, 5, 1, 22, 0, 0)), 'Europe/Paris')).toEqual({ date: '2026-06-02', time: '00:00:00' });
  });

  it('falls back to Paris for an unknown zone', () => {
    const instant = new Date(Date.UTC(2018, 9, 23, 13, 41, 20));
    expect(wallClock(instant, 'Mars/Olympus').time).toBe('15:41:20');
  });
});

describe('frenchLongDate', () => {
  it('writes the date in words', () => {
    expect(frenchLongDate('2018-10-23')).toBe('mardi 23 octobre 2018');
    expect(frenchLongDate('2026-02-01')).toBe('dimanche 1er février 2026');
    expect(frenchLongDate('2026-08-15')).toBe('samedi 15 août 2026');
  });
});

describe('labels', () => {
  it('says how many people are present', () => {
    expect(presentCounterLabel(0)).toBe("Aucune personne présente pour l'instant");
    expect(presentCounterLabel(1)).toBe('1 personne présente');
    expect(presentCounterLabel(12)).toBe('12 personnes présentes');
  });

  it('writes a time range', () => {
    expect(rangeLabel('14:00', '18:00')).toBe('14:00 – 18:00');
    expect(rangeLabel('09:30:00', '12:00:00')).toBe('09:30 – 12:00');
  });
});
