import { addDays } from './local-date';
import { chooseSlot, conflictWithExisting, expandSlots, parsePeriod, parseRanges, retroArrivalProblem, unionMinutes } from './slots';
import { zonedParts, zonedToInstant } from './zoned-time';

const r = (start: string, end: string) => ({ start, end });

describe('parseRanges', () => {
  it('sorts valid ranges', () => {
    expect(parseRanges([r('14:00', '18:00'), r('09:30', '12:00')])).toEqual([
      { start: 570, end: 720 },
      { start: 840, end: 1080 },
    ]);
  });
  it('refuses impossible, inverted, empty and overlapping ranges in French', () => {
    expect(parseRanges([r('25:61', '26:00')])).toBe("« 25:61 » n'est pas une heure valide (hh:mm, de 00:00 à 23:59).");
    expect(parseRanges([r('12:00', '09:00')])).toMatch(/inversée/);
    expect(parseRanges([r('12:00', '12:00')])).toMatch(/inversée ou vide/);
    expect(parseRanges([r('09:00', '12:00'), r('11:30', '13:00')])).toBe('Les plages 09:00–12:00 et 11:30–13:00 se chevauchent.');
    expect(parseRanges([])).toMatch(/au moins une/);
  });
  it('reads an end of 00:00 or 24:00 as midnight at the end of the day', () => {
    expect(parseRanges([r('20:00', '00:00')])).toEqual([{ start: 1200, end: 1440 }]);
    expect(parseRanges([r('20:00', '24:00')])).toEqual([{ start: 1200, end: 1440 }]);
    expect(parseRanges([r('22:00', '00:00'), r('21:00', '23:00')])).toBe('Les plages 21:00–23:00 et 22:00–24:00 se chevauchent.');
    // Only as an end: a slot cannot start at 24:00.
    expect(parseRanges([r('24:00', '00:00')])).toMatch(/n'est pas une heure valide/);
  });
  it('accepts adjacent ranges (12:00 ends one and starts the next)', () => {
    expect(parseRanges([r('09:00', '12:00'), r('12:00', '14:00')])).toHaveLength(2);
  });
});

describe('parsePeriod', () => {
  it('accepts one day or a range, refuses inverted, invalid and over-5-years periods', () => {
    expect(parsePeriod('2026-01-05', undefined)).toEqual(['2026-01-05', '2026-01-05']);
    expect(parsePeriod('2026-01-05', '2026-01-01')).toBe('La date de fin est avant la date de début.');
    expect(parsePeriod('2026-02-30', undefined)).toMatch(/n'est pas une date valide/);
    expect(parsePeriod('2026-01-01', '2030-12-31')).toEqual(['2026-01-01', '2030-12-31']);
    expect(parsePeriod('2026-01-01', '2031-01-05')).toMatch(/dépasse 5 ans/);
  });
});

describe('expandSlots', () => {
  it('keeps the chosen weekdays only, one slot per day and range', () => {
    // Tue 2018-10-23 .. Mon 2018-10-29, Tuesdays and Saturdays, two ranges.
    const slots = expandSlots(
      '2018-10-23',
      '2018-10-29',
      [2, 6],
      [
        { start: 570, end: 720 },
        { start: 840, end: 1080 },
      ],
    );
    expect(slots.map((s) => `${s.date} ${s.start}`)).toEqual(['2018-10-23 570', '2018-10-23 840', '2018-10-27 570', '2018-10-27 840']);
  });
  it('crosses 29 February and year ends', () => {
    const slots = expandSlots('2024-02-28', '2024-03-01', [1, 2, 3, 4, 5, 6, 7], [{ start: 600, end: 660 }]);
    expect(slots.map((s) => s.date)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    const newYear = expandSlots('2026-12-31', '2027-01-01', [4, 5], [{ start: 600, end: 660 }]);
    expect(newYear.map((s) => s.date)).toEqual(['2026-12-31', '2027-01-01']);
  });
  it('keeps local times across the daylight-saving changes (slot times are wall-clock times)', () => {
    const slots = expandSlots('2026-03-28', '2026-03-30', [6, 7, 1], [{ start: 570, end: 720 }]);
    expect(slots).toHaveLength(3);
    for (const s of slots) {
      const instant = zonedToInstant(s.date, s.start, 'Europe/Paris');
      expect(zonedParts(instant, 'Europe/Paris')).toEqual({ date: s.date, minutes: 570 });
    }
    // 09:30 in Paris is 08:30 UTC before the change and 07:30 UTC after it.
    expect(zonedToInstant('2026-03-28', 570, 'Europe/Paris').toISOString()).toBe('2026-03-28T08:30:00.000Z');
    expect(zonedToInstant('2026-03-30', 570, 'Europe/Paris').toISOString()).toBe('2026-03-30T07:30:00.000Z');
  });
  it('expands five years of six days with three ranges (the prototype crashed beyond three months)', () => {
    const from = '2027-01-01';
    const slots = expandSlots(
      from,
      addDays(from, 5 * 365),
      [1, 2, 3, 4, 5, 6],
      [
        { start: 540, end: 720 },
        { start: 780, end: 960 },
        { start: 990, end: 1110 },
      ],
    );
    expect(slots.length).toBeGreaterThan(4600);
    expect(new Set(slots.map((s) => `${s.date}-${s.start}`)).size).toBe(slots.length);
  });
});

describe('conflictWithExisting', () => {
  it('skips identical slots but refuses overlapping different ones', () => {
    const existing = [{ date: '2018-10-23', start: 570, end: 720 }];
    expect(conflictWithExisting([{ date: '2018-10-23', start: 570, end: 720 }], existing)).toBeNull();
    expect(conflictWithExisting([{ date: '2018-10-24', start: 600, end: 780 }], existing)).toBeNull();
    expect(conflictWithExisting([{ date: '2018-10-23', start: 600, end: 780 }], existing)).toBe(
      'Le créneau 10:00–13:00 du mardi 23/10/2018 chevauche le créneau existant 09:30–12:00.',
    );
  });
});

describe('chooseSlot', () => {
  const slots = [
    { id: 1, start: 570, end: 720 },
    { id: 2, start: 840, end: 1080 },
  ];
  it.each([
    [500, 1, false, 'before the first slot: the next one'],
    [570, 1, true, 'at the start minute: inside'],
    [719, 1, true, 'one minute before the end: inside'],
    [720, 2, false, 'at the end minute: the next one'],
    [800, 2, false, 'between two slots: the next one'],
    [840, 2, true, 'the afternoon slot'],
  ])('at minute %i picks slot %i (current %s) — %s', (minutes, id, current) => {
    expect(chooseSlot(slots, minutes)).toEqual({ slot: expect.objectContaining({ id }), current });
  });
  it('answers nothing after the last slot and on a day without slots', () => {
    expect(chooseSlot(slots, 1080)).toBeNull();
    expect(chooseSlot([], 600)).toBeNull();
  });
});

describe('unionMinutes', () => {
  it('counts overlapping ranges once', () => {
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
        { start: 900, end: 960 },
      ]),
    ).toBe(240);
    expect(unionMinutes([])).toBe(0);
  });
});

describe('retroArrivalProblem', () => {
  const slot = { start: 14 * 60, end: 16 * 60 };
  it('accepts an arrival within the slot and 30 minutes around it', () => {
    for (const m of [13 * 60 + 30, 14 * 60, 15 * 60, 16 * 60, 16 * 60 + 30]) expect(retroArrivalProblem(m, slot)).toBeNull();
  });
  it('refuses an arrival outside the margin, naming the slot and the allowed times', () => {
    const message = "L'heure d'arrivée doit être comprise entre 13:30 et 16:30 : le créneau va de 14:00 à 16:00 (30 minutes de marge).";
    expect(retroArrivalProblem(23 * 60 + 30, slot)).toBe(message);
    expect(retroArrivalProblem(13 * 60 + 29, slot)).toBe(message);
    expect(retroArrivalProblem(16 * 60 + 31, slot)).toBe(message);
  });
  it('keeps the margin within the day', () => {
    expect(retroArrivalProblem(0, { start: 0, end: 60 })).toBeNull();
    expect(retroArrivalProblem(23 * 60 + 59, { start: 22 * 60, end: 1440 })).toBeNull();
  });
});
