import { AVATAR_KEYS } from '@pointage/contracts';
import { addDays, ageAt, daysBetween, isoWeekday, LocalDate, PlannedSlot } from '@pointage/domain';
import {
  ADULT_FEMALE_NAMES,
  ADULT_MALE_NAMES,
  CHILD_FEMALE_NAMES,
  CHILD_MALE_NAMES,
  FAMILY_NAMES,
  SENIOR_FEMALE_NAMES,
  SENIOR_MALE_NAMES,
} from './names';
import { createRng, deriveSeed, Rng } from './prng';

/**
 * Pure generators of the seed: fictional families, opening slots and the
 * attendance of those families. No database, no clock: the same inputs give the
 * same output. Reference-list values are symbolic (codes, list indexes); the
 * runner maps them to the ids of a structure.
 */

export type SexCode = 'female' | 'male';
export type StatusCode = 'mother' | 'father' | 'grandmother' | 'grandfather' | 'childminder' | 'dependent_child' | 'minded_child';
export type MinimaCode = 'none' | 'rsa' | 'aah' | 'aeh' | 'aspa';
export type FamilyKind = 'parents' | 'grandparents' | 'childminder' | 'single';

export const CHILD_STATUSES: ReadonlySet<StatusCode> = new Set<StatusCode>(['dependent_child', 'minded_child']);
export const MAX_FAMILY_SIZE = 8;

export interface MemberPlan {
  lastName: string;
  firstName: string;
  sex: SexCode;
  birthDate: LocalDate;
  status: StatusCode;
  minima: MinimaCode;
  /** Index in the structure's list of cities. */
  cityIndex: number;
  /** Index in the structure's list of family-quotient brackets. */
  qfIndex: number;
  avatar: string | null;
  registeredOn: LocalDate;
  /** Probability that the member comes when the family visits. */
  presence: number;
}

export interface FamilyPlan {
  name: string;
  kind: FamilyKind;
  minima: MinimaCode;
  qfIndex: number;
  registeredOn: LocalDate;
  /** Last day the family comes (it moved, the children grew up), or null. */
  activeUntil: LocalDate | null;
  /** Average number of visits per week while active. */
  visitsPerWeek: number;
  members: MemberPlan[];
}

export interface ReferenceShape {
  /** Relative weight of each city of the list (the defaults are favoured). */
  cityWeights: number[];
  /** Number of family-quotient brackets (ordered from the lowest). */
  qfCount: number;
}

export interface AttendancePlan {
  familyIndex: number;
  memberIndex: number;
  slotIndex: number;
  /** Minutes since local midnight, inside the slot. */
  arrivalMinute: number;
}

/** Same month and day `years` earlier or later (29 February becomes 28 February). */
export function shiftYears(date: LocalDate, years: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A birth date giving exactly `age` full years on `today`. */
function birthDateForAge(rng: Rng, today: LocalDate, age: number): LocalDate {
  return addDays(shiftYears(today, -age), -rng.int(0, 364));
}

/** A uniformly chosen day of [from, to]. */
function dayBetween(rng: Rng, from: LocalDate, to: LocalDate): LocalDate {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

function firstName(rng: Rng, names: readonly string[], taken: Set<string>): string {
  for (let i = 0; i < 20; i++) {
    const n = rng.pick(names);
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
  const n = rng.pick(names);
  taken.add(n);
  return n;
}

interface FamilyContext {
  rng: Rng;
  today: LocalDate;
  registeredOn: LocalDate;
  surname: string;
  minima: MinimaCode;
  cityIndex: number;
  qfIndex: number;
  taken: Set<string>;
}

function member(
  ctx: FamilyContext,
  status: StatusCode,
  sex: SexCode,
  age: number,
  presence: number,
  overrides: Partial<Pick<MemberPlan, 'lastName' | 'minima' | 'birthDate'>> = {},
): MemberPlan {
  const { rng, today } = ctx;
  const child = CHILD_STATUSES.has(status);
  const names =
    status === 'grandmother' || status === 'grandfather'
      ? sex === 'female'
        ? SENIOR_FEMALE_NAMES
        : SENIOR_MALE_NAMES
      : child
        ? sex === 'female'
          ? CHILD_FEMALE_NAMES
          : CHILD_MALE_NAMES
        : sex === 'female'
          ? ADULT_FEMALE_NAMES
          : ADULT_MALE_NAMES;
  const birthDate = overrides.birthDate ?? birthDateForAge(rng, today, age);
  // Somebody born after the family's registration is registered a little after birth.
  let registeredOn = ctx.registeredOn;
  if (birthDate > registeredOn) {
    const later = addDays(birthDate, rng.int(30, 300));
    registeredOn = later > today ? today : later;
  }
  return {
    lastName: overrides.lastName ?? ctx.surname,
    firstName: firstName(rng, names, ctx.taken),
    sex,
    birthDate,
    status,
    minima: overrides.minima ?? ctx.minima,
    cityIndex: ctx.cityIndex,
    qfIndex: ctx.qfIndex,
    avatar: rng.chance(child ? 0.45 : 0.1) ? rng.pick(AVATAR_KEYS) : null,
    registeredOn,
    presence,
  };
}

function childCount(rng: Rng): number {
  return rng.weighted([
    [1, 30],
    [2, 40],
    [3, 20],
    [4, 10],
  ]);
}

/**
 * Birth dates of `count` brothers and sisters, eldest first: at most
 * `maxEldestAge` years old today, born 14 months to 4 years apart (twins now
 * and then). Fewer when the youngest would be born after today.
 */
export function siblingBirthDates(rng: Rng, today: LocalDate, count: number, maxEldestAge: number): LocalDate[] {
  if (count <= 0) return [];
  const minEldest = Math.min(maxEldestAge, Math.ceil((count - 1) * 1.6));
  const dates = [birthDateForAge(rng, today, rng.int(minEldest, maxEldestAge))];
  while (dates.length < count) {
    const previous = dates[dates.length - 1];
    if (rng.chance(0.03)) {
      dates.push(previous);
      continue;
    }
    const next = addDays(previous, rng.int(420, 1460));
    if (next > today) break;
    dates.push(next);
  }
  return dates;
}

function buildMembers(ctx: FamilyContext, kind: FamilyKind): MemberPlan[] {
  const { rng } = ctx;
  const members: MemberPlan[] = [];
  const randomSex = (): SexCode => (rng.chance(0.5) ? 'female' : 'male');
  if (kind === 'single') {
    const status = rng.weighted<StatusCode>([
      ['mother', 5],
      ['father', 2],
      ['grandmother', 2],
      ['grandfather', 1],
    ]);
    const senior = status === 'grandmother' || status === 'grandfather';
    const sex: SexCode = status === 'mother' || status === 'grandmother' ? 'female' : 'male';
    members.push(member(ctx, status, sex, senior ? rng.int(55, 75) : rng.int(20, 45), 1));
    return members;
  }
  if (kind === 'childminder') {
    const sex: SexCode = rng.chance(0.92) ? 'female' : 'male';
    const age = rng.int(25, 60);
    members.push(member(ctx, 'childminder', sex, age, 1));
    // Children in her or his care come from other households: other names.
    const minded = rng.int(1, 4);
    for (let i = 0; i < minded; i++) {
      members.push(member(ctx, 'minded_child', randomSex(), rng.int(0, 5), 0.8, { lastName: rng.pick(FAMILY_NAMES), minima: 'none' }));
    }
    if (age < 45 && rng.chance(0.25)) members.push(member(ctx, 'dependent_child', randomSex(), rng.int(0, Math.min(17, age - 18)), 0.5));
    return members;
  }
  if (kind === 'grandparents') {
    const couple = rng.chance(0.5);
    const first: StatusCode = rng.chance(0.7) ? 'grandmother' : 'grandfather';
    members.push(member(ctx, first, first === 'grandmother' ? 'female' : 'male', rng.int(52, 75), 1));
    if (couple) {
      const second: StatusCode = first === 'grandmother' ? 'grandfather' : 'grandmother';
      members.push(member(ctx, second, second === 'grandmother' ? 'female' : 'male', rng.int(52, 75), 0.4));
    }
    const n = Math.min(childCount(rng), MAX_FAMILY_SIZE - members.length);
    for (let i = 0; i < n; i++) members.push(member(ctx, 'dependent_child', randomSex(), rng.int(0, 12), 0.85));
    return members;
  }
  // Parents with their children: mostly one or two adults and one to four children, a few large families.
  const large = rng.chance(0.06);
  const twoParents = large || rng.chance(0.65);
  const mainIsMother = rng.chance(0.78);
  const parentAge = rng.int(22, 50);
  members.push(member(ctx, mainIsMother ? 'mother' : 'father', mainIsMother ? 'female' : 'male', parentAge, 0.85));
  if (twoParents) {
    const otherName = rng.chance(0.25) ? rng.pick(FAMILY_NAMES) : ctx.surname;
    members.push(
      member(
        ctx,
        mainIsMother ? 'father' : 'mother',
        mainIsMother ? 'male' : 'female',
        Math.max(20, Math.min(60, parentAge + rng.int(-4, 6))),
        0.35,
        {
          lastName: otherName,
        },
      ),
    );
  }
  if (rng.chance(0.08)) {
    const g: StatusCode = rng.chance(0.7) ? 'grandmother' : 'grandfather';
    const gAge = Math.min(75, Math.max(parentAge + 20, rng.int(50, 75)));
    members.push(member(ctx, g, g === 'grandmother' ? 'female' : 'male', gAge, 0.3, { minima: rng.chance(0.2) ? 'aspa' : ctx.minima }));
  }
  const n = Math.min(large ? rng.int(4, 6) : childCount(rng), MAX_FAMILY_SIZE - members.length);
  for (const birthDate of siblingBirthDates(rng, ctx.today, n, Math.min(17, parentAge - 18))) {
    members.push(member(ctx, 'dependent_child', randomSex(), 0, 0.85, { birthDate }));
  }
  return members;
}

/**
 * `count` fictional families of one structure, registered over the history
 * window (some before it), each with 1 to 8 members.
 */
export function generateFamilies(
  seed: number,
  count: number,
  window: { historyStart: LocalDate; today: LocalDate },
  shape: ReferenceShape,
): FamilyPlan[] {
  if (shape.cityWeights.length === 0 || shape.qfCount === 0) throw new RangeError('The reference lists are empty.');
  const families: FamilyPlan[] = [];
  const cities = shape.cityWeights.map((w, i) => [i, w] as const);
  for (let f = 0; f < count; f++) {
    const rng = createRng(deriveSeed(seed, 'family', f));
    const kind = rng.weighted<FamilyKind>([
      ['parents', 75],
      ['grandparents', 9],
      ['childminder', 10],
      ['single', 6],
    ]);
    const minima: MinimaCode =
      kind === 'grandparents' || (kind === 'single' && rng.chance(0.3))
        ? rng.weighted<MinimaCode>([
            ['none', 72],
            ['aspa', 18],
            ['rsa', 6],
            ['aah', 4],
          ])
        : kind === 'childminder'
          ? 'none'
          : rng.weighted<MinimaCode>([
              ['none', 79],
              ['rsa', 16],
              ['aah', 3],
              ['aeh', 2],
            ]);
    const lowIncome = minima !== 'none';
    const qfIndex = lowIncome
      ? Math.min(
          shape.qfCount - 1,
          rng.weighted([
            [0, 6],
            [1, 3],
            [2, 1],
          ]),
        )
      : rng.int(0, shape.qfCount - 1);
    const registeredOn = rng.chance(0.4)
      ? dayBetween(rng, shiftYears(window.historyStart, -4), addDays(window.historyStart, -1))
      : dayBetween(rng, window.historyStart, window.today);
    const activeUntil = rng.chance(0.15) ? dayBetween(rng, registeredOn, window.today) : null;
    const visitsPerWeek = rng.weighted([
      [0.25, 20],
      [0.6, 35],
      [1, 30],
      [2, 15],
    ]);
    const ctx: FamilyContext = {
      rng,
      today: window.today,
      registeredOn,
      surname: rng.pick(FAMILY_NAMES),
      minima,
      cityIndex: rng.weighted(cities),
      qfIndex,
      taken: new Set<string>(),
    };
    const members = buildMembers(ctx, kind);
    families.push({ name: ctx.surname, kind, minima, qfIndex, registeredOn, activeUntil, visitsPerWeek, members });
  }
  return families;
}

/** The ranges of an ordinary opening day: two, three on Wednesdays and Saturdays. */
export function openingRanges(weekday: number): { start: number; end: number }[] {
  if (weekday === 3 || weekday === 6) {
    return [
      { start: 9 * 60 + 30, end: 12 * 60 },
      { start: 14 * 60, end: 16 * 60 },
      { start: 16 * 60, end: 18 * 60 },
    ];
  }
  if (weekday >= 2 && weekday <= 5) {
    return [
      { start: 9 * 60 + 30, end: 12 * 60 },
      { start: 14 * 60, end: 18 * 60 },
    ];
  }
  return [];
}

/** Summer break (1–21 August) and the Christmas week. */
export function isClosedDay(date: LocalDate): boolean {
  const md = date.slice(5);
  return (md >= '08-01' && md <= '08-21') || md >= '12-24' || md === '01-01';
}

/** The whole-day slot of `--today`, so that the kiosk always has a current slot. */
export const WHOLE_DAY = { start: 0, end: 23 * 60 + 59 } as const;

/**
 * Opening slots from `from` to `through`: Tuesday to Saturday outside the
 * closures; `today` gets a single slot covering the whole day instead.
 * Sorted by date and start.
 */
export function planSlots(from: LocalDate, through: LocalDate, today: LocalDate): PlannedSlot[] {
  const out: PlannedSlot[] = [];
  const span = daysBetween(from, through);
  for (let i = 0; i <= span; i++) {
    const date = addDays(from, i);
    if (date === today) {
      out.push({ date, ...WHOLE_DAY });
      continue;
    }
    if (isClosedDay(date)) continue;
    for (const r of openingRanges(isoWeekday(date))) out.push({ date, start: r.start, end: r.end });
  }
  return out;
}

const EPOCH = '2000-01-03'; // a Monday

/**
 * Attendance of `families` over the slots dated before `today`: each active
 * family visits a few slots a week (as often as its habit says), bringing a
 * subset of its members; a family arrives together, inside the slot. A member
 * appears at most once per slot.
 */
export function generateAttendance(seed: number, families: FamilyPlan[], slots: PlannedSlot[], today: LocalDate): AttendancePlan[] {
  // Past slots grouped by week (Monday-based).
  const weeks = new Map<number, number[]>();
  const slotDay: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    const day = daysBetween(EPOCH, slots[i].date);
    slotDay.push(day);
    if (slots[i].date >= today) continue;
    const week = Math.floor(day / 7);
    let list = weeks.get(week);
    if (!list) weeks.set(week, (list = []));
    list.push(i);
  }
  const weekKeys = [...weeks.keys()].sort((a, b) => a - b);
  const out: AttendancePlan[] = [];
  for (let f = 0; f < families.length; f++) {
    const family = families[f];
    const rng = createRng(deriveSeed(seed, 'visits', f));
    const firstDay = daysBetween(EPOCH, family.registeredOn);
    const lastDay = family.activeUntil ? daysBetween(EPOCH, family.activeUntil) : Number.MAX_SAFE_INTEGER;
    const memberFrom = family.members.map((m) => daysBetween(EPOCH, m.registeredOn));
    const adults = family.members.map((m, i) => (CHILD_STATUSES.has(m.status) ? -1 : i)).filter((i) => i >= 0);
    const morningPerson = family.kind === 'childminder' || family.kind === 'grandparents';
    for (const week of weekKeys) {
      if ((week + 1) * 7 <= firstDay || week * 7 > lastDay) continue;
      const candidates = (weeks.get(week) as number[]).filter((s) => slotDay[s] >= firstDay && slotDay[s] <= lastDay);
      if (candidates.length === 0) continue;
      const whole = Math.floor(family.visitsPerWeek);
      let visits = whole + (rng.chance(family.visitsPerWeek - whole) ? 1 : 0);
      if (visits === 0) continue;
      const pool = candidates.map((s) => {
        const weekday = isoWeekday(slots[s].date);
        const morning = slots[s].start < 12 * 60;
        const dayWeight = weekday === 3 || weekday === 6 ? 2 : 1;
        const timeWeight = morningPerson ? (morning ? 3 : 0.7) : morning ? 0.6 : 1.4;
        return [s, dayWeight * timeWeight] as [number, number];
      });
      while (visits-- > 0 && pool.length > 0) {
        const chosen = rng.weighted(pool);
        pool.splice(
          pool.findIndex(([s]) => s === chosen),
          1,
        );
        const slot = slots[chosen];
        const present: number[] = [];
        for (let m = 0; m < family.members.length; m++) {
          if (memberFrom[m] <= slotDay[chosen] && rng.chance(family.members[m].presence)) present.push(m);
        }
        const eligible = family.members.map((_, m) => m).filter((m) => memberFrom[m] <= slotDay[chosen]);
        if (eligible.length === 0) continue;
        if (present.length === 0) present.push(rng.pick(eligible));
        // Young children do not come alone: an adult of the family comes with them.
        const youngAlone =
          present.every((m) => CHILD_STATUSES.has(family.members[m].status)) &&
          present.some((m) => ageAt(family.members[m].birthDate, slot.date) < 12);
        const eligibleAdults = adults.filter((m) => memberFrom[m] <= slotDay[chosen]);
        if (youngAlone && eligibleAdults.length > 0) present.push(rng.pick(eligibleAdults));
        // The family arrives together, mostly early in the slot.
        const span = Math.min(90, slot.end - slot.start - 1);
        const arrivalMinute = slot.start + Math.floor(Math.pow(rng.next(), 1.6) * (span + 1));
        for (const m of present.sort((a, b) => a - b)) out.push({ familyIndex: f, memberIndex: m, slotIndex: chosen, arrivalMinute });
      }
    }
  }
  // Chronological, like a real attendance book.
  out.sort(
    (a, b) =>
      a.slotIndex - b.slotIndex || a.arrivalMinute - b.arrivalMinute || a.familyIndex - b.familyIndex || a.memberIndex - b.memberIndex,
  );
  return out;
}
