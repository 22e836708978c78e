import { ageAt, daysBetween, isoWeekday } from '@pointage/domain';
import {
  CHILD_STATUSES,
  generateAttendance,
  generateFamilies,
  isClosedDay,
  MAX_FAMILY_SIZE,
  openingRanges,
  planSlots,
  shiftYears,
  siblingBirthDates,
  WHOLE_DAY,
} from './generate';
import { createRng, deriveSeed, mulberry32 } from './prng';
import { seedWindow } from './seed-runner';

const TODAY = '2026-03-18';
const SHAPE = { cityWeights: [40, 25, 20, 15], qfCount: 6 };
const WINDOW = seedWindow(TODAY, 1);

function families(seed = 42, count = 120) {
  return generateFamilies(seed, count, { historyStart: WINDOW.from, today: TODAY }, SHAPE);
}

function dataset(seed = 42, count = 120) {
  const fams = families(seed, count);
  const slots = planSlots(WINDOW.from, WINDOW.through, TODAY);
  const attendance = generateAttendance(seed, fams, slots, TODAY);
  return { fams, slots, attendance };
}

describe('prng', () => {
  it('mulberry32 gives the same sequence for the same seed, another for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const sa = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });

  it('derived seeds differ by label and are stable', () => {
    expect(deriveSeed(42, 'family', 1)).toBe(deriveSeed(42, 'family', 1));
    expect(deriveSeed(42, 'family', 1)).not.toBe(deriveSeed(42, 'family', 2));
    expect(deriveSeed(42, 'family', 1)).not.toBe(deriveSeed(43, 'family', 1));
  });

  it('int stays in its bounds and weighted follows the weights', () => {
    const rng = createRng(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      counts[
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const)
      ]++;
    }
    expect(counts.a).toBeGreaterThan(8_500);
    expect(counts.b).toBeGreaterThan(700);
  });
});

describe('generateFamilies', () => {
  it('is deterministic: same seed, same families; another seed, other families', () => {
    expect(families(42)).toEqual(families(42));
    expect(families(43)).not.toEqual(families(42));
  });

  it('the n-th family does not depend on how many families are generated', () => {
    const few = generateFamilies(42, 5, { historyStart: WINDOW.from, today: TODAY }, SHAPE);
    const many = generateFamilies(42, 50, { historyStart: WINDOW.from, today: TODAY }, SHAPE);
    expect(many.slice(0, 5)).toEqual(few);
  });

  it('families have 1 to 8 members, with a realistic mix', () => {
    const fams = families(42, 1000);
    const sizes = fams.map((f) => f.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_FAMILY_SIZE);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2.5);
    expect(mean).toBeLessThan(5);
    const statuses = new Set(fams.flatMap((f) => f.members.map((m) => m.status)));
    expect([...statuses].sort()).toEqual([
      'childminder',
      'dependent_child',
      'father',
      'grandfather',
      'grandmother',
      'minded_child',
      'mother',
    ]);
    const rsa = fams.filter((f) => f.minima === 'rsa').length / fams.length;
    expect(rsa).toBeGreaterThan(0.1);
    expect(rsa).toBeLessThan(0.2);
  });

  it('children have child statuses and are 0–17; adults are 20–75', () => {
    const fams = families(42, 1000);
    for (const f of fams) {
      for (const m of f.members) {
        const age = ageAt(m.birthDate, TODAY);
        if (CHILD_STATUSES.has(m.status)) {
          expect(age).toBeGreaterThanOrEqual(0);
          expect(age).toBeLessThanOrEqual(17);
        } else {
          expect(age).toBeGreaterThanOrEqual(20);
          expect(age).toBeLessThanOrEqual(75);
        }
        expect(m.birthDate <= TODAY).toBe(true);
        expect(m.registeredOn <= TODAY).toBe(true);
        expect(m.registeredOn >= m.birthDate).toBe(true);
        expect(m.cityIndex).toBeLessThan(SHAPE.cityWeights.length);
        expect(m.qfIndex).toBeLessThan(SHAPE.qfCount);
      }
    }
  });

  it('childminders look after "Enfant gardé" children; parents have "Enfant à charge"', () => {
    const fams = families(42, 400);
    const minders = fams.filter((f) => f.kind === 'childminder');
    expect(minders.length).toBeGreaterThan(0);
    for (const f of minders) {
      expect(f.members[0].status).toBe('childminder');
      expect(f.members.some((m) => m.status === 'minded_child')).toBe(true);
    }
    for (const f of fams.filter((x) => x.kind === 'parents')) {
      expect(f.members.some((m) => m.status === 'dependent_child')).toBe(true);
      expect(f.members.some((m) => m.status === 'minded_child')).toBe(false);
    }
  });

  it('brothers and sisters are born at least 14 months apart, or twins', () => {
    const rng = createRng(5);
    for (let i = 0; i < 200; i++) {
      const dates = siblingBirthDates(rng, TODAY, 4, 17);
      for (let j = 1; j < dates.length; j++) {
        const gap = daysBetween(dates[j - 1], dates[j]);
        expect(gap === 0 || gap >= 420).toBe(true);
      }
    }
  });
});

describe('planSlots', () => {
  const slots = planSlots(WINDOW.from, WINDOW.through, TODAY);

  it('opens Tuesday to Saturday with 2–3 non-overlapping ranges, and today as one whole-day slot', () => {
    const byDay = new Map<string, { start: number; end: number }[]>();
    for (const s of slots) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);
    for (const [date, ranges] of byDay) {
      if (date === TODAY) {
        expect(ranges.map(({ start, end }) => ({ start, end }))).toEqual([WHOLE_DAY]);
        continue;
      }
      expect(isoWeekday(date)).toBeGreaterThanOrEqual(2);
      expect(isoWeekday(date)).toBeLessThanOrEqual(6);
      expect(isClosedDay(date)).toBe(false);
      expect(ranges.length === 2 || ranges.length === 3).toBe(true);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i].start).toBeGreaterThanOrEqual(ranges[i - 1].end);
    }
    expect(byDay.has(TODAY)).toBe(true);
    expect(slots[slots.length - 1].date).toBe(WINDOW.through);
  });

  it('has the Wednesday and Saturday extra range', () => {
    expect(openingRanges(3)).toHaveLength(3);
    expect(openingRanges(6)).toHaveLength(3);
    expect(openingRanges(2)).toHaveLength(2);
    expect(openingRanges(1)).toHaveLength(0);
    expect(openingRanges(7)).toHaveLength(0);
  });

  it('covers one year back', () => {
    expect(WINDOW.from).toBe('2025-03-19');
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
  });
});

describe('generateAttendance', () => {
  const { fams, slots, attendance } = dataset(42, 120);

  it('is deterministic', () => {
    expect(dataset(42, 120).attendance).toEqual(attendance);
    expect(attendance.length).toBeGreaterThan(1000);
  });

  it('never records a member twice in one slot', () => {
    const seen = new Set<string>();
    for (const a of attendance) {
      const key = `${a.familyIndex}/${a.memberIndex}/${a.slotIndex}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('arrivals are inside their slot, in past slots, after registration and while the family is active', () => {
    for (const a of attendance) {
      const slot = slots[a.slotIndex];
      const family = fams[a.familyIndex];
      expect(a.arrivalMinute).toBeGreaterThanOrEqual(slot.start);
      expect(a.arrivalMinute).toBeLessThan(slot.end);
      expect(slot.date < TODAY).toBe(true);
      expect(slot.date >= family.members[a.memberIndex].registeredOn).toBe(true);
      if (family.activeUntil) expect(slot.date <= family.activeUntil).toBe(true);
    }
  });

  it('young children come with an adult of the family', () => {
    const groups = new Map<string, number[]>();
    for (const a of attendance) {
      const key = `${a.familyIndex}/${a.slotIndex}`;
      groups.set(key, [...(groups.get(key) ?? []), a.memberIndex]);
    }
    for (const [key, members] of groups) {
      const [f, s] = key.split('/').map(Number);
      const family = fams[f];
      const date = slots[s].date;
      const youngChild = members.some((m) => CHILD_STATUSES.has(family.members[m].status) && ageAt(family.members[m].birthDate, date) < 12);
      const hasEligibleAdult = family.members.some((m) => !CHILD_STATUSES.has(m.status) && m.registeredOn <= date);
      if (youngChild && hasEligibleAdult) expect(members.some((m) => !CHILD_STATUSES.has(family.members[m].status))).toBe(true);
    }
  });
});
