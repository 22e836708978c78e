/**
 * A deliberately naive, in-memory reading of the statistics of SPEC.md
 * ("Statistics — STATISTIQUES" and its "Readings that settle every ambiguity"),
 * used as the oracle of statistics.property.int-spec.ts.
 *
 * It shares no code with the statistics service: plain arrays of rows in, plain
 * loops over them, the same figures / lines / series out. Keep it boring: its
 * only virtue is to be obviously right.
 */

export type OracleGroup = 'sex' | 'city' | 'status' | 'minima' | 'qf';
export const ORACLE_GROUPS: readonly OracleGroup[] = ['sex', 'city', 'status', 'minima', 'qf'];

export interface OracleRefItem {
  id: number;
  kind: OracleGroup;
  label: string;
  position: number;
  active: boolean;
  isChild: boolean;
  code: string | null;
}

/** The five statistical attributes, as item ids (a member's current ones, or an attendance's snapshot). */
export type OracleAttributes = Record<OracleGroup, number>;

export interface OracleMember extends OracleAttributes {
  id: number;
  familyId: number;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  /** 'YYYY-MM-DD' */
  registeredOn: string;
}

export interface OracleSlot {
  id: number;
  /** 'YYYY-MM-DD' */
  date: string;
  start: number;
  end: number;
}

export interface OracleAttendance extends OracleAttributes {
  id: number;
  slotId: number;
  memberId: number;
  familyId: number;
  /** 'YYYY-MM-DD HH:MM:SS.mmm' (UTC): compares as a string. */
  arrivedAt: string;
}

export interface OracleData {
  items: OracleRefItem[];
  /** The structure's age brackets (any order). */
  structureBrackets: { minAge: number; maxAge: number }[];
  members: OracleMember[];
  slots: OracleSlot[];
  attendances: OracleAttendance[];
}

export interface OracleRequest {
  from: string;
  to: string;
  criteria?: Partial<Record<OracleGroup, number[]>>;
  brackets?: { minAge: number; maxAge: number }[];
  referenceDate?: string;
  compare?: 'previous' | 'previous-year';
}

export interface OracleLine {
  key: string;
  itemId: number | null;
  label: string | null;
  code: string | null;
  active: boolean;
  inscrits: number;
  presences: number;
}

export interface OraclePoint {
  key: string;
  value: number;
}

export interface OracleSeries {
  presencesByMonth: OraclePoint[];
  peopleByMonth: OraclePoint[];
  presencesByWeekday: OraclePoint[];
  presencesBySlot: OraclePoint[];
  /** Per age line key, per sex line key: counted inscrits. */
  inscritsByAgeAndSex: { key: string; bySex: { sexLineKey: string; sexId: number; value: number }[] }[];
}

/** Who a figure or a line counted: members (with how many présences each counts) or families. */
export interface OracleWho {
  kind: 'members' | 'presences' | 'registrations' | 'families';
  /** memberId (or familyId for 'families') -> présences counted for a 'presences' drill, else 1. */
  ids: Map<number, number>;
}

export interface OraclePeriod {
  from: string;
  to: string;
  referenceDate: string;
  empty: boolean;
  figures: Record<string, number>;
  lines: Record<OracleGroup | 'age', OracleLine[]>;
  series: OracleSeries;
  /** Figure key -> who it counts. */
  figureWho: Record<string, OracleWho>;
  /** Line key -> who its inscrits / présences are. */
  lineWho: Record<string, { inscrits: OracleWho; presences: OracleWho }>;
}

export interface OracleReport extends OraclePeriod {
  brackets: { minAge: number; maxAge: number }[];
  comparison: (OraclePeriod & { kind: 'previous' | 'previous-year' }) | null;
}

export const FIGURE_KEYS = [
  'openingDays',
  'openingHours',
  'inscrits',
  'inscriptions',
  'families',
  'presences',
  'rsaChildren',
  'childrenUnder6',
  'children6Plus',
] as const;

// ---------------------------------------------------------------------------
// Calendar arithmetic, written out by hand.

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthLength(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** The day after / before, one day at a time (no Date object). */
function nextDay(date: string): string {
  let [y, m, d] = parts(date);
  d++;
  if (d > monthLength(y, m)) {
    d = 1;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function previousDay(date: string): string {
  let [y, m, d] = parts(date);
  d--;
  if (d < 1) {
    m--;
    if (m < 1) {
      m = 12;
      y--;
    }
    d = monthLength(y, m);
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function plusDays(date: string, days: number): string {
  let out = date;
  for (let i = 0; i < days; i++) out = nextDay(out);
  for (let i = 0; i > days; i--) out = previousDay(out);
  return out;
}

/** Days from `a` to `b` (b - a), counted one by one. */
export function daysFromTo(a: string, b: string): number {
  let n = 0;
  let d = a;
  if (a <= b) {
    while (d < b) {
      d = nextDay(d);
      n++;
    }
  } else {
    while (d > b) {
      d = previousDay(d);
      n--;
    }
  }
  return n;
}

/** The same date one year earlier; 29 February becomes 28 February. */
export function oneYearEarlier(date: string): string {
  const [y, m, d] = parts(date);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${pad(y - 1, 4)}-${pad(m)}-${pad(day)}`;
}

/** ISO weekday, 1 = Monday … 7 = Sunday (Sakamoto's method). */
export function isoWeekdayOf(date: string): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const [year, m, d] = parts(date);
  const y = m < 3 ? year - 1 : year;
  const sundayBased = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[m - 1] + d) % 7;
  return sundayBased === 0 ? 7 : sundayBased;
}

/** Full years at `ref`; born 29 February: birthday on 28 February in common years. Negative when born after `ref`. */
export function ageAt(birth: string, ref: string): number {
  const [by, bm, bd] = parts(birth);
  const [ry, rm, rd] = parts(ref);
  let birthdayDay = bd;
  if (bm === 2 && bd === 29 && !isLeapYear(ry)) birthdayDay = 28;
  let age = ry - by;
  if (rm < bm || (rm === bm && rd < birthdayDay)) age--;
  return age;
}

function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = parts(from);
  const [ty, tm] = parts(to);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${pad(y, 4)}-${pad(m)}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------

function matchesCriteria(attrs: OracleAttributes, criteria: OracleRequest['criteria']): boolean {
  if (!criteria) return true;
  for (const g of ORACLE_GROUPS) {
    const list = criteria[g];
    if (list === undefined) continue;
    if (!list.includes(attrs[g])) return false;
  }
  return true;
}

function who(kind: OracleWho['kind']): OracleWho {
  return { kind, ids: new Map() };
}

function add(w: OracleWho, id: number, n = 1): void {
  w.ids.set(id, (w.ids.get(id) ?? 0) + n);
}

function computePeriod(
  data: OracleData,
  from: string,
  to: string,
  referenceDate: string,
  criteria: OracleRequest['criteria'],
  brackets: { minAge: number; maxAge: number }[],
): OraclePeriod {
  const itemById = new Map<number, OracleRefItem>();
  for (const it of data.items) itemById.set(it.id, it);
  const memberById = new Map<number, OracleMember>();
  for (const m of data.members) memberById.set(m.id, m);
  const slotById = new Map<number, OracleSlot>();
  for (const s of data.slots) slotById.set(s.id, s);

  // Slots and attendance of the period (reading 1: the slot's date).
  const periodSlots: OracleSlot[] = [];
  for (const s of data.slots) if (s.date >= from && s.date <= to) periodSlots.push(s);
  const periodAttendance: OracleAttendance[] = [];
  for (const a of data.attendances) {
    const s = slotById.get(a.slotId);
    if (!s) throw new Error(`attendance ${a.id}: no slot ${a.slotId}`);
    if (s.date >= from && s.date <= to) periodAttendance.push(a);
  }

  // Opening (reading 7): every slot, criteria ignored.
  const dates: string[] = [];
  for (const s of periodSlots) if (!dates.includes(s.date)) dates.push(s.date);
  let openMinutes = 0;
  for (const d of dates) {
    // Mark every minute of the day covered by a slot, then count them.
    const covered: boolean[] = new Array(1440).fill(false);
    for (const s of periodSlots) {
      if (s.date !== d) continue;
      for (let minute = s.start; minute < s.end; minute++) covered[minute] = true;
    }
    for (const c of covered) if (c) openMinutes++;
  }

  // Last attendance of each member in the period.
  const isLater = (a: OracleAttendance, b: OracleAttendance): boolean => {
    const sa = slotById.get(a.slotId) as OracleSlot;
    const sb = slotById.get(b.slotId) as OracleSlot;
    if (sa.date !== sb.date) return sa.date > sb.date;
    if (sa.start !== sb.start) return sa.start > sb.start;
    if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt > b.arrivedAt;
    return a.id > b.id;
  };
  const last = new Map<number, OracleAttendance>();
  for (const a of periodAttendance) {
    const current = last.get(a.memberId);
    if (!current || isLater(a, current)) last.set(a.memberId, a);
  }

  // Counted inscrits (reading 3) and matching présences (reading 2).
  const inscrits: { member: OracleMember; last: OracleAttendance; age: number }[] = [];
  for (const [memberId, a] of last) {
    if (!matchesCriteria(a, criteria)) continue;
    const member = memberById.get(memberId);
    if (!member) throw new Error(`attendance ${a.id}: no member ${memberId}`);
    inscrits.push({ member, last: a, age: ageAt(member.birthDate, referenceDate) });
  }
  inscrits.sort((x, y) => x.member.id - y.member.id);
  const presences: OracleAttendance[] = [];
  for (const a of periodAttendance) if (matchesCriteria(a, criteria)) presences.push(a);

  const figureWho: Record<string, OracleWho> = {};
  const wInscrits = who('members');
  const wFamilies = who('families');
  const wPresences = who('presences');
  const wInscriptions = who('registrations');
  const wRsa = who('members');
  const wUnder6 = who('members');
  const w6Plus = who('members');
  const isChildStatus = (statusId: number) => itemById.get(statusId)?.isChild === true;
  const isRsa = (minimaId: number) => itemById.get(minimaId)?.code === 'rsa';
  for (const i of inscrits) {
    add(wInscrits, i.member.id);
    wFamilies.ids.set(i.member.familyId, 1);
    if (isChildStatus(i.last.status)) {
      if (isRsa(i.last.minima)) add(wRsa, i.member.id);
      if (i.age < 6) add(wUnder6, i.member.id);
      else add(w6Plus, i.member.id);
    }
  }
  for (const a of presences) add(wPresences, a.memberId);
  for (const m of data.members) {
    if (m.registeredOn >= from && m.registeredOn <= to && matchesCriteria(m, criteria)) add(wInscriptions, m.id);
  }
  figureWho['inscrits'] = wInscrits;
  figureWho['families'] = wFamilies;
  figureWho['presences'] = wPresences;
  figureWho['inscriptions'] = wInscriptions;
  figureWho['rsaChildren'] = wRsa;
  figureWho['childrenUnder6'] = wUnder6;
  figureWho['children6Plus'] = w6Plus;

  const figures: Record<string, number> = {
    openingDays: dates.length,
    openingHours: openMinutes / 60,
    inscrits: wInscrits.ids.size,
    inscriptions: wInscriptions.ids.size,
    families: wFamilies.ids.size,
    presences: presences.length,
    rsaChildren: wRsa.ids.size,
    childrenUnder6: wUnder6.ids.size,
    children6Plus: w6Plus.ids.size,
  };

  // Lines per reference group.
  const lineWho: OraclePeriod['lineWho'] = {};
  const lines = {} as OraclePeriod['lines'];
  for (const g of ORACLE_GROUPS) {
    const items = data.items.filter((it) => it.kind === g).sort((a, b) => a.position - b.position || a.id - b.id);
    const out: OracleLine[] = [];
    for (const it of items) {
      const wi = who('members');
      const wp = who('presences');
      for (const i of inscrits) if (i.last[g] === it.id) add(wi, i.member.id);
      for (const a of presences) if (a[g] === it.id) add(wp, a.memberId);
      const line: OracleLine = {
        key: `${g}:${it.id}`,
        itemId: it.id,
        label: it.label,
        code: it.code,
        active: it.active,
        inscrits: wi.ids.size,
        presences: sumOf(wp),
      };
      if (it.active || line.inscrits > 0 || line.presences > 0) {
        out.push(line);
        lineWho[line.key] = { inscrits: wi, presences: wp };
      }
    }
    if (g === 'status') {
      const isGrandparent = (statusId: number) => {
        const code = itemById.get(statusId)?.code;
        return code === 'grandmother' || code === 'grandfather';
      };
      const wi = who('members');
      const wp = who('presences');
      for (const i of inscrits) if (isGrandparent(i.last.status)) add(wi, i.member.id);
      for (const a of presences) if (isGrandparent(a.status)) add(wp, a.memberId);
      out.push({
        key: 'status:grandparents',
        itemId: null,
        label: null,
        code: null,
        active: true,
        inscrits: wi.ids.size,
        presences: sumOf(wp),
      });
      lineWho['status:grandparents'] = { inscrits: wi, presences: wp };
    }
    lines[g] = out;
  }

  // Age lines: the age at the reference date from the member's current birth date.
  const ageOfMember = (memberId: number) => ageAt((memberById.get(memberId) as OracleMember).birthDate, referenceDate);
  const bracketOf = (age: number): number => {
    for (let b = 0; b < brackets.length; b++) if (age >= brackets[b].minAge && age <= brackets[b].maxAge) return b;
    return -1;
  };
  const ageLines: OracleLine[] = [];
  for (let b = -1; b < brackets.length; b++) {
    const key = b === -1 ? 'age:outside' : `age:${b}`;
    const wi = who('members');
    const wp = who('presences');
    for (const i of inscrits) if (bracketOf(i.age) === b) add(wi, i.member.id);
    for (const a of presences) if (bracketOf(ageOfMember(a.memberId)) === b) add(wp, a.memberId);
    const line: OracleLine = { key, itemId: null, label: null, code: null, active: true, inscrits: wi.ids.size, presences: sumOf(wp) };
    lineWho[key] = { inscrits: wi, presences: wp };
    if (b === -1) continue;
    ageLines.push(line);
  }
  const outside = lineWho['age:outside'];
  ageLines.push({
    key: 'age:outside',
    itemId: null,
    label: null,
    code: null,
    active: true,
    inscrits: outside.inscrits.ids.size,
    presences: sumOf(outside.presences),
  });
  lines.age = ageLines;

  // Series.
  const presencesByMonth: OraclePoint[] = [];
  const peopleByMonth: OraclePoint[] = [];
  for (const month of monthsOf(from, to)) {
    let n = 0;
    for (const a of presences) if ((slotById.get(a.slotId) as OracleSlot).date.slice(0, 7) === month) n++;
    presencesByMonth.push({ key: month, value: n });
    let people = 0;
    for (const i of inscrits) {
      let present = false;
      for (const a of periodAttendance) {
        if (a.memberId === i.member.id && (slotById.get(a.slotId) as OracleSlot).date.slice(0, 7) === month) present = true;
      }
      if (present) people++;
    }
    peopleByMonth.push({ key: month, value: people });
  }
  const presencesByWeekday: OraclePoint[] = [];
  for (let wd = 1; wd <= 7; wd++) {
    let n = 0;
    for (const a of presences) if (isoWeekdayOf((slotById.get(a.slotId) as OracleSlot).date) === wd) n++;
    presencesByWeekday.push({ key: String(wd), value: n });
  }
  const ranges: [number, number][] = [];
  for (const s of periodSlots) if (!ranges.some(([st, en]) => st === s.start && en === s.end)) ranges.push([s.start, s.end]);
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const presencesBySlot: OraclePoint[] = [];
  for (const [st, en] of ranges) {
    let n = 0;
    for (const a of presences) {
      const s = slotById.get(a.slotId) as OracleSlot;
      if (s.start === st && s.end === en) n++;
    }
    presencesBySlot.push({ key: `${st}-${en}`, value: n });
  }
  const inscritsByAgeAndSex: OracleSeries['inscritsByAgeAndSex'] = [];
  for (const ageLine of ageLines) {
    const b = ageLine.key === 'age:outside' ? -1 : Number(ageLine.key.slice(4));
    const bySex: { sexLineKey: string; sexId: number; value: number }[] = [];
    for (const sexLine of lines.sex) {
      if (sexLine.itemId === null) continue;
      let n = 0;
      for (const i of inscrits) if (bracketOf(i.age) === b && i.last.sex === sexLine.itemId) n++;
      bySex.push({ sexLineKey: sexLine.key, sexId: sexLine.itemId, value: n });
    }
    inscritsByAgeAndSex.push({ key: ageLine.key, bySex });
  }

  return {
    from,
    to,
    referenceDate,
    empty: periodSlots.length === 0 && periodAttendance.length === 0,
    figures,
    lines,
    series: { presencesByMonth, peopleByMonth, presencesByWeekday, presencesBySlot, inscritsByAgeAndSex },
    figureWho,
    lineWho,
  };
}

function sumOf(w: OracleWho): number {
  let n = 0;
  for (const v of w.ids.values()) n += v;
  return n;
}

/** The whole report of a request, comparison included. */
export function oracleReport(data: OracleData, request: OracleRequest): OracleReport {
  const brackets = (request.brackets ?? data.structureBrackets).map((b) => ({ minAge: b.minAge, maxAge: b.maxAge }));
  brackets.sort((a, b) => a.minAge - b.minAge);
  const referenceDate = request.referenceDate ?? request.to;
  const main = computePeriod(data, request.from, request.to, referenceDate, request.criteria, brackets);
  let comparison: OracleReport['comparison'] = null;
  if (request.compare === 'previous') {
    const length = daysFromTo(request.from, request.to) + 1;
    const p = computePeriod(
      data,
      plusDays(request.from, -length),
      plusDays(request.from, -1),
      plusDays(referenceDate, -length),
      request.criteria,
      brackets,
    );
    comparison = { ...p, kind: 'previous' };
  } else if (request.compare === 'previous-year') {
    const p = computePeriod(
      data,
      oneYearEarlier(request.from),
      oneYearEarlier(request.to),
      oneYearEarlier(referenceDate),
      request.criteria,
      brackets,
    );
    comparison = { ...p, kind: 'previous-year' };
  }
  return { ...main, brackets, comparison };
}
