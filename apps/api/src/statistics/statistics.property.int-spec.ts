import type { StatisticsDrilldown, StatisticsLine, StatisticsPeriodReport, StatisticsReport, StatisticsRequest } from '@pointage/contracts';
import fc from 'fast-check';
import { bearer, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import {
  ageAt,
  FIGURE_KEYS,
  ORACLE_GROUPS,
  oneYearEarlier,
  oracleReport,
  plusDays,
  type OracleAttendance,
  type OracleData,
  type OracleGroup,
  type OracleLine,
  type OracleMember,
  type OraclePeriod,
  type OracleRefItem,
  type OracleReport,
  type OracleRequest,
  type OracleSlot,
  type OracleWho,
} from '../../test/statistics-oracle';

/**
 * Property: on random structures (families, members whose attributes changed
 * over time, archived and anonymised people, extra and deactivated reference
 * items, overlapping slots, ties between attendances) and random requests, every
 * figure, line and series of POST /api/statistics/report — and of its
 * comparison — equals the naive in-memory oracle of test/statistics-oracle.ts,
 * and a sample of drill-downs lists exactly who their figure counted.
 *
 * STATS_PROPERTY_RUNS (default 100), STATS_PROPERTY_SEED and STATS_PROPERTY_PATH
 * (to replay a failure printed by fast-check), STATS_PROPERTY_SHRINK_RUNS (how
 * many runs shrinking may spend after a failure, default 60).
 */

const NUM_RUNS = Number(process.env['STATS_PROPERTY_RUNS'] ?? 100);
const SEED = process.env['STATS_PROPERTY_SEED'] !== undefined ? Number(process.env['STATS_PROPERTY_SEED']) : undefined;
const PATH = process.env['STATS_PROPERTY_PATH'];
const SHRINK_RUNS = Number(process.env['STATS_PROPERTY_SHRINK_RUNS'] ?? 60);

// ---------------------------------------------------------------------------
// Generated scenario: plain numbers, turned into rows once the structure's ids are known.

/** A date relative to the requested period. */
interface DateSpec {
  kind: number;
  n: number;
}

interface BracketSpec {
  start: number;
  parts: { gap: number; width: number }[];
  order: number[];
}

interface GenMember {
  attrs: number[];
  birth: { kind: number; n: number };
  registered: DateSpec;
  archived: boolean;
  /** 'current': every snapshot equals the current attributes (corrections); else changes from today. */
  mode: 'current' | 'changes';
}

interface GenScenario {
  extras: { present: boolean; active: boolean }[];
  deactivate: number[];
  positionKeys: number[] | null;
  structureBrackets: BracketSpec | null;
  families: { archived: boolean; anonymised: boolean; members: GenMember[] }[];
  slots: { date: DateSpec; ranges: { start: number; dur: number; sameStart: boolean; toMidnight: boolean; odd: number }[] }[];
  attendances: { member: number; slot: number; arrival: number; ms: number; snap: number[]; source: 'kiosk' | 'acting' | 'retro' }[];
  request: {
    fromOffset: number;
    special: 'none' | 'feb29From' | 'feb29To' | 'feb28To' | 'yearCross' | 'farAway';
    length: number;
    criteria: ({ type: 'omit' } | { type: 'all' } | { type: 'empty' } | { type: 'subset'; picks: number[] })[];
    brackets: BracketSpec | null;
    ref: { kind: number; n: number } | null;
    compare: 'none' | 'previous' | 'previous-year';
  };
  drills: { n: number; ofComparison: boolean }[];
}

/** Reference items added to the defaults (some deactivated, one child status that is not a default code, a second RSA). */
const EXTRA_ITEMS: { kind: OracleGroup; label: string; isChild: boolean; code: string | null }[] = [
  { kind: 'city', label: "Villeneuve-d'Ascq", isChild: false, code: null },
  { kind: 'city', label: 'Hellemmes', isChild: false, code: null },
  { kind: 'status', label: 'Enfant accueilli', isChild: true, code: null },
  { kind: 'status', label: 'Tante', isChild: false, code: null },
  { kind: 'minima', label: 'RSA majoré', isChild: false, code: 'rsa' },
  { kind: 'qf', label: 'Non renseigné', isChild: false, code: null },
  { kind: 'sex', label: 'Non précisé', isChild: false, code: null },
];

const dateSpecArb: fc.Arbitrary<DateSpec> = fc.record({ kind: fc.nat({ max: 7 }), n: fc.nat({ max: 100_000 }) });

const bracketSpecArb: fc.Arbitrary<BracketSpec> = fc.record({
  start: fc.nat({ max: 4 }),
  parts: fc.array(fc.record({ gap: fc.nat({ max: 3 }), width: fc.nat({ max: 14 }) }), { minLength: 1, maxLength: 6 }),
  order: fc.array(fc.nat({ max: 100 }), { minLength: 6, maxLength: 6 }),
});

const memberArb: fc.Arbitrary<GenMember> = fc.record({
  attrs: fc.array(fc.nat({ max: 20 }), { minLength: 5, maxLength: 5 }),
  birth: fc.record({ kind: fc.nat({ max: 6 }), n: fc.nat({ max: 100_000 }) }),
  registered: dateSpecArb,
  archived: fc.boolean(),
  mode: fc.constantFrom('current' as const, 'changes' as const, 'changes' as const),
});

const criterionArb = fc.oneof(
  { weight: 16, arbitrary: fc.constant({ type: 'omit' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'all' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'empty' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constant('subset' as const), picks: fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 8 }) }),
  },
);

const scenarioArb: fc.Arbitrary<GenScenario> = fc.record({
  extras: fc.array(fc.record({ present: fc.boolean(), active: fc.boolean() }), {
    minLength: EXTRA_ITEMS.length,
    maxLength: EXTRA_ITEMS.length,
  }),
  deactivate: fc.array(fc.nat({ max: 60 }), { maxLength: 4 }),
  positionKeys: fc.option(fc.array(fc.nat({ max: 1000 }), { minLength: 40, maxLength: 40 }), { freq: 2 }),
  structureBrackets: fc.option(bracketSpecArb, { freq: 2 }),
  families: fc.array(
    fc.record({
      archived: fc.boolean(),
      anonymised: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      members: fc.array(memberArb, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 8, size: 'large' },
  ),
  slots: fc.array(
    fc.record({
      date: dateSpecArb,
      ranges: fc.array(
        fc.record({
          start: fc.nat({ max: 95 }),
          dur: fc.integer({ min: 1, max: 40 }),
          sameStart: fc.boolean(),
          toMidnight: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
          odd: fc.nat({ max: 14 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { maxLength: 10, size: 'large' },
  ),
  attendances: fc.array(
    fc.record({
      member: fc.nat({ max: 50 }),
      slot: fc.nat({ max: 50 }),
      arrival: fc.nat({ max: 6 }),
      ms: fc.nat({ max: 999 }),
      snap: fc.array(fc.nat({ max: 12 }), { minLength: 5, maxLength: 5 }),
      source: fc.constantFrom('kiosk' as const, 'acting' as const, 'retro' as const),
    }),
    { maxLength: 80, size: 'large' },
  ),
  request: fc.record({
    fromOffset: fc.nat({ max: 1100 }),
    special: fc.oneof(
      { weight: 12, arbitrary: fc.constant('none' as const) },
      { weight: 1, arbitrary: fc.constant('feb29From' as const) },
      { weight: 1, arbitrary: fc.constant('feb29To' as const) },
      { weight: 1, arbitrary: fc.constant('feb28To' as const) },
      { weight: 1, arbitrary: fc.constant('yearCross' as const) },
      { weight: 1, arbitrary: fc.constant('farAway' as const) },
    ),
    length: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 45 }), fc.integer({ min: 46, max: 420 })),
    criteria: fc.array(criterionArb, { minLength: 5, maxLength: 5 }),
    brackets: fc.option(bracketSpecArb, { freq: 3 }),
    ref: fc.option(fc.record({ kind: fc.nat({ max: 4 }), n: fc.nat({ max: 2000 }) }), { freq: 2 }),
    compare: fc.constantFrom('none' as const, 'previous' as const, 'previous-year' as const),
  }),
  drills: fc.array(fc.record({ n: fc.nat({ max: 1000 }), ofComparison: fc.boolean() }), { minLength: 2, maxLength: 5 }),
});

// ---------------------------------------------------------------------------
// From the generated numbers to rows.

function bracketsOf(spec: BracketSpec): { minAge: number; maxAge: number }[] {
  const out: { minAge: number; maxAge: number }[] = [];
  let next = spec.start;
  for (const p of spec.parts) {
    const minAge = next + (out.length ? p.gap : 0);
    const maxAge = Math.min(120, minAge + p.width);
    if (minAge > 120) break;
    out.push({ minAge, maxAge });
    next = maxAge + 1;
  }
  // Shuffled: neither the request nor the structure's positions need to be in age order.
  return out
    .map((b, i) => ({ b, k: spec.order[i] ?? i }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.b);
}

function periodOf(r: GenScenario['request']): { from: string; to: string } {
  let from = plusDays('2022-06-01', r.fromOffset);
  let length = r.length;
  if (r.special === 'feb29From') from = '2024-02-29';
  if (r.special === 'feb29To') from = plusDays('2024-02-29', -(length - 1));
  // Ends on 28 February of a common year: the default reference date of people born on 29 February.
  if (r.special === 'feb28To') from = plusDays(pick(['2022-02-28', '2023-02-28', '2025-02-28'], r.fromOffset), -(length - 1));
  if (r.special === 'yearCross') {
    from = plusDays('2024-12-31', -(r.fromOffset % 40));
    length = Math.max(length, 45);
  }
  if (r.special === 'farAway') from = plusDays('2031-03-01', r.fromOffset % 30);
  return { from, to: plusDays(from, length - 1) };
}

function dateOf(spec: DateSpec, from: string, to: string): string {
  const len = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  switch (spec.kind) {
    case 0:
    case 1:
    case 2:
    case 3:
      return plusDays(from, spec.n % len);
    case 4:
      return [plusDays(from, -1), from, to, plusDays(to, 1)][spec.n % 4];
    case 5:
      return plusDays(oneYearEarlier(from), spec.n % len);
    case 6:
      return plusDays(from, -len + (spec.n % len));
    default:
      return plusDays(from, -400 + (spec.n % (len + 800)));
  }
}

function yearsBefore(date: string, years: number): string {
  let d = date;
  for (let i = 0; i < years; i++) d = oneYearEarlier(d);
  return d;
}

function birthOf(spec: { kind: number; n: number }, ref: string): string {
  switch (spec.kind) {
    case 0:
      return plusDays('1940-01-01', spec.n % 31_000);
    case 1: {
      // Born on 29 February, a few years before the reference date (6 years: the children's threshold).
      let year = Number(ref.slice(0, 4)) - [6, 3, 7, 2, 12, 18, 1][spec.n % 7];
      while (!(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) year--;
      return `${year}-02-29`;
    }
    case 2:
    case 3: {
      // Around a birthday that matters: 6 years, the default brackets' edges.
      const years = [6, 6, 6, 0, 1, 2, 3, 5, 7, 11, 12, 17, 18, 54, 55][spec.n % 15];
      return plusDays(yearsBefore(ref, years), (Math.floor(spec.n / 15) % 5) - 2);
    }
    case 4:
      return plusDays(ref, 1 + (spec.n % 400));
    default:
      return plusDays(ref, -(spec.n % 4500));
  }
}

function instant(date: string, minutes: number, ms: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + minutes * 60_000 + ms).toISOString().replace('T', ' ').replace('Z', '');
}

function pick<T>(list: T[], n: number): T {
  return list[n % list.length];
}

// ---------------------------------------------------------------------------

describe('statistics — property: the API equals a naive in-memory oracle', () => {
  let t: TestApp;
  let saToken: string;
  let structureCount = 0;

  beforeAll(async () => {
    t = await startTestApp();
    saToken = await superAdminToken(t);
  });
  afterAll(() => t.close());

  async function insertRows(table: string, columns: string[], rows: unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      await t.dataSource.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
    }
  }

  async function newStructure(): Promise<{ id: number; token: string }> {
    structureCount++;
    const name = `Propriété ${structureCount} ${Math.random().toString(36).slice(2, 8)}`;
    const created = await t.http().post('/api/super-admin/structures').set(bearer(saToken)).send({ name });
    if (created.status !== 201) throw new Error(`structure: ${created.status} ${JSON.stringify(created.body)}`);
    const id = Number(created.body.id);
    const acting = await t.http().post(`/api/super-admin/structures/${id}/act`).set(bearer(saToken));
    if (acting.status !== 200) throw new Error(`act: ${acting.status} ${JSON.stringify(acting.body)}`);
    return { id, token: acting.body.accessToken as string };
  }

  async function readItems(sid: number): Promise<OracleRefItem[]> {
    const rows: {
      id: number;
      kind: OracleGroup;
      label: string;
      position: number;
      active: unknown;
      is_child: unknown;
      code: string | null;
    }[] = await t.dataSource.query(
      'SELECT id, kind, label, position, active, is_child, code FROM ref_item WHERE structure_id = ? ORDER BY id',
      [sid],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      label: r.label,
      position: Number(r.position),
      active: Number(r.active) === 1 || r.active === true,
      isChild: Number(r.is_child) === 1 || r.is_child === true,
      code: r.code ?? null,
    }));
  }

  /** Builds the generated structure in the database; returns the rows the oracle reads and the request. */
  async function build(sid: number, g: GenScenario): Promise<{ data: OracleData; request: StatisticsRequest }> {
    const ds = t.dataSource;
    const now = instant('2026-01-01', 0, 0);

    // Reference items: extras, deactivations, shuffled positions.
    const extras = EXTRA_ITEMS.filter((_, i) => g.extras[i].present);
    if (extras.length) {
      await insertRows(
        'ref_item',
        ['structure_id', 'kind', 'label', 'position', 'active', 'is_child', 'code'],
        extras.map((e, i) => [sid, e.kind, e.label, 100 + i, g.extras[EXTRA_ITEMS.indexOf(e)].active ? 1 : 0, e.isChild ? 1 : 0, e.code]),
      );
    }
    let items = await readItems(sid);
    const toDeactivate = [...new Set(g.deactivate.map((n) => pick(items, n).id))];
    for (const id of toDeactivate) await ds.query('UPDATE ref_item SET active = 0 WHERE id = ?', [id]);
    if (g.positionKeys) {
      const keys = g.positionKeys;
      for (const kind of ORACLE_GROUPS) {
        const ofKind = items.filter((i) => i.kind === kind);
        const order = ofKind.map((it, i) => ({ it, k: keys[(items.indexOf(it) + i) % keys.length] * 100 + i })).sort((a, b) => a.k - b.k);
        for (let p = 0; p < order.length; p++) await ds.query('UPDATE ref_item SET position = ? WHERE id = ?', [p, order[p].it.id]);
      }
    }
    items = await readItems(sid);
    const byKind = (kind: OracleGroup) => items.filter((i) => i.kind === kind);

    if (g.structureBrackets) {
      // The settings page stores brackets in age order (position = rank by minAge); the statistics read
      // them by position. Rows whose positions are not in age order cannot be made through the API.
      const brackets = bracketsOf(g.structureBrackets).sort((a, b) => a.minAge - b.minAge);
      await ds.query('DELETE FROM age_bracket WHERE structure_id = ?', [sid]);
      await insertRows(
        'age_bracket',
        ['structure_id', 'min_age', 'max_age', 'position'],
        brackets.map((b, i) => [sid, b.minAge, b.maxAge, i]),
      );
    }
    const bracketRows: { min_age: number; max_age: number }[] = await ds.query(
      'SELECT min_age, max_age FROM age_bracket WHERE structure_id = ?',
      [sid],
    );
    const structureBrackets = bracketRows.map((b) => ({ minAge: Number(b.min_age), maxAge: Number(b.max_age) }));

    // The request.
    const r = g.request;
    const { from, to } = periodOf(r);
    const request: StatisticsRequest = { from, to };
    const criteria: Partial<Record<OracleGroup, number[]>> = {};
    let anyCriteria = false;
    ORACLE_GROUPS.forEach((group, gi) => {
      const c = r.criteria[gi];
      const ids = byKind(group).map((i) => i.id);
      if (c.type === 'omit') return;
      anyCriteria = true;
      if (c.type === 'all') criteria[group] = ids;
      else if (c.type === 'empty') criteria[group] = [];
      else criteria[group] = [...new Set(c.picks.map((n) => pick(ids, n)))];
    });
    if (anyCriteria) request.criteria = criteria;
    if (r.brackets) request.brackets = bracketsOf(r.brackets);
    if (r.ref) {
      const k = r.ref.kind;
      request.referenceDate =
        k === 0
          ? to
          : k === 1
            ? from
            : k === 2
              ? pick(['2024-02-29', '2025-02-28', '2024-02-28', '2023-03-01', '2022-02-28', '2023-02-28', '2026-02-28'], r.ref.n)
              : plusDays(to, (r.ref.n % 1500) - 750);
    }
    if (r.compare !== 'none') request.compare = r.compare;
    const ref = request.referenceDate ?? to;

    // Families and members.
    const familyRows: unknown[][] = [];
    const memberRows: unknown[][] = [];
    const genMembers: { g: GenMember; familyName: string; firstName: string; attrs: Record<OracleGroup, number> }[] = [];
    g.families.forEach((f, fi) => {
      const name = f.anonymised ? `Anonyme ${fi}` : `Famille${fi}`;
      const firstAttrs = f.members[0].attrs;
      familyRows.push([
        sid,
        name,
        name.toLowerCase(),
        pick(byKind('qf'), firstAttrs[4]).id,
        pick(byKind('minima'), firstAttrs[3]).id,
        f.archived || f.anonymised ? 1 : 0,
        f.anonymised ? now : null,
        now,
        now,
      ]);
      f.members.forEach((m, mi) => {
        const attrs = {} as Record<OracleGroup, number>;
        ORACLE_GROUPS.forEach((group, gi) => (attrs[group] = pick(byKind(group), m.attrs[gi]).id));
        // Half of the people are children (the figures on children need some).
        const childStatuses = byKind('status').filter((i) => i.isChild);
        if (m.attrs[2] % 2 === 0 && childStatuses.length) attrs.status = pick(childStatuses, m.attrs[2] >> 1).id;
        genMembers.push({ g: m, familyName: name, firstName: f.anonymised ? `Anonyme${fi}x${mi}` : `M${fi}x${mi}`, attrs });
      });
    });
    await insertRows(
      'family',
      ['structure_id', 'name', 'search_name', 'qf_id', 'minima_id', 'archived', 'anonymised_at', 'created_at', 'updated_at'],
      familyRows,
    );
    const familyIds = new Map<string, number>();
    for (const row of (await ds.query('SELECT id, name FROM family WHERE structure_id = ?', [sid])) as { id: number; name: string }[])
      familyIds.set(row.name, Number(row.id));
    for (const m of genMembers) {
      const anonymised = m.familyName.startsWith('Anonyme');
      memberRows.push([
        sid,
        familyIds.get(m.familyName),
        anonymised ? 'Anonyme' : m.familyName.toUpperCase(),
        m.firstName,
        m.firstName.toLowerCase(),
        m.attrs.sex,
        birthOf(m.g.birth, ref),
        m.attrs.city,
        m.attrs.status,
        m.attrs.minima,
        m.attrs.qf,
        null,
        dateOf(m.g.registered, from, to),
        m.g.archived || anonymised ? 1 : 0,
        now,
        now,
      ]);
    }
    await insertRows(
      'member',
      [
        'structure_id',
        'family_id',
        'last_name',
        'first_name',
        'search_name',
        'sex_id',
        'birth_date',
        'city_id',
        'status_id',
        'minima_id',
        'qf_id',
        'avatar',
        'registered_on',
        'archived',
        'created_at',
        'updated_at',
      ],
      memberRows,
    );
    const memberIds = new Map<string, number>();
    for (const row of (await ds.query('SELECT id, first_name FROM member WHERE structure_id = ?', [sid])) as {
      id: number;
      first_name: string;
    }[])
      memberIds.set(row.first_name, Number(row.id));
    const members: OracleMember[] = genMembers.map((m, i) => ({
      id: memberIds.get(m.firstName) as number,
      familyId: memberRows[i][1] as number,
      birthDate: memberRows[i][6] as string,
      registeredOn: memberRows[i][12] as string,
      ...m.attrs,
    }));

    // Slots: several a day, overlapping, nested, to midnight; identical ones once.
    const slotSpecs: { date: string; start: number; end: number }[] = [];
    for (const s of g.slots) {
      const date = dateOf(s.date, from, to);
      let previousStart: number | null = null;
      for (const range of s.ranges) {
        const start: number =
          range.sameStart && previousStart !== null
            ? previousStart
            : Math.min(1439, range.start * 15 + (range.odd > 11 ? range.odd - 11 : 0));
        const end = range.toMidnight ? 1440 : Math.min(1440, start + range.dur * 15);
        previousStart = start;
        if (!slotSpecs.some((x) => x.date === date && x.start === start && x.end === end)) slotSpecs.push({ date, start, end });
      }
    }
    await insertRows(
      'slot',
      ['structure_id', 'date', 'start_minute', 'end_minute', 'created_at'],
      slotSpecs.map((s) => [sid, s.date, s.start, s.end, now]),
    );
    const slotRows: { id: number; start_minute: number; end_minute: number; date: unknown }[] = await ds.query(
      'SELECT id, date, start_minute, end_minute FROM slot WHERE structure_id = ?',
      [sid],
    );
    const slots: OracleSlot[] = slotSpecs.map((s) => {
      const row = slotRows.find((x) => Number(x.start_minute) === s.start && Number(x.end_minute) === s.end && dateText(x.date) === s.date);
      if (!row) throw new Error(`slot ${JSON.stringify(s)} not found back`);
      return { id: Number(row.id), ...s };
    });

    // Attendance: snapshots equal to the current attributes (corrections) or not (changes from today), ties on date + start.
    const attendanceSpecs: Omit<OracleAttendance, 'id'>[] = [];
    const sources: string[] = [];
    if (members.length && slots.length) {
      for (const a of g.attendances) {
        const mi = a.member % members.length;
        const member = members[mi];
        const slot = pick(slots, a.slot);
        if (attendanceSpecs.some((x) => x.memberId === member.id && x.slotId === slot.id)) continue;
        const snapshot = {} as Record<OracleGroup, number>;
        ORACLE_GROUPS.forEach((group, gi) => {
          const n = a.snap[gi];
          snapshot[group] = genMembers[mi].g.mode === 'current' || n < 4 ? member[group] : pick(byKind(group), n).id;
        });
        const minutes = slot.start + [0, 0, 0, 5, -10, 30, 24 * 60][a.arrival];
        attendanceSpecs.push({
          slotId: slot.id,
          memberId: member.id,
          familyId: member.familyId,
          arrivedAt: instant(slot.date, minutes, a.arrival >= 3 ? a.ms : 0),
          ...snapshot,
        });
        sources.push(a.source);
      }
    }
    await insertRows(
      'attendance',
      [
        'structure_id',
        'slot_id',
        'member_id',
        'family_id',
        'arrived_at',
        'sex_id',
        'city_id',
        'status_id',
        'minima_id',
        'qf_id',
        'source',
        'recorded_by',
        'created_at',
      ],
      attendanceSpecs.map((a, i) => [
        sid,
        a.slotId,
        a.memberId,
        a.familyId,
        a.arrivedAt,
        a.sex,
        a.city,
        a.status,
        a.minima,
        a.qf,
        sources[i],
        null,
        now,
      ]),
    );
    const attendanceRows: { id: number; member_id: number; slot_id: number }[] = await ds.query(
      'SELECT id, member_id, slot_id FROM attendance WHERE structure_id = ?',
      [sid],
    );
    const attendances: OracleAttendance[] = attendanceSpecs.map((a) => {
      const row = attendanceRows.find((x) => Number(x.member_id) === a.memberId && Number(x.slot_id) === a.slotId);
      if (!row) throw new Error('attendance not found back');
      return { id: Number(row.id), ...a };
    });

    return { data: { items, structureBrackets, members, slots, attendances }, request };
  }

  it(`matches the oracle on ${NUM_RUNS} random structures and requests (${process.env['DB_TYPE'] ?? 'sqlite'})`, async () => {
    let failuresSeen = 0;
    let runsAfterFailure = 0;
    const stats = { cases: 0, rows: 0, inscrits: 0, presences: 0, nonEmpty: 0, drills: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (g) => {
        if (failuresSeen > 0 && ++runsAfterFailure > SHRINK_RUNS) return; // shrinking budget spent
        try {
          const s = await newStructure();
          const { data, request } = await build(s.id, g);
          const expected = oracleReport(data, request as OracleRequest);
          const res = await t.http().post('/api/statistics/report').set(bearer(s.token)).send(request);
          if (res.status !== 200) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}\nrequest: ${JSON.stringify(request)}`);
          const actual = res.body as StatisticsReport;
          const diffs = compareReport(actual, expected, request);
          if (diffs.length) throw new Error(failureMessage(diffs, request, data));

          // A sample of drill-downs: each lists exactly what its figure counted.
          const drillDiffs: string[] = [];
          for (const d of g.drills) {
            const ofComparison = d.ofComparison && actual.comparison !== null && expected.comparison !== null;
            const api = ofComparison ? (actual.comparison as StatisticsPeriodReport) : actual;
            const exp = ofComparison ? (expected.comparison as OraclePeriod) : expected;
            const keys = drillKeys(api, exp);
            if (!keys.length) continue;
            const k = pick(keys, d.n);
            const dr = await t
              .http()
              .post('/api/statistics/drilldown')
              .set(bearer(s.token))
              .send({ ...request, key: k.key, ...(ofComparison ? { ofComparison: true } : {}) });
            stats.drills++;
            if (dr.status !== 200) {
              drillDiffs.push(`drilldown ${k.key}${ofComparison ? ' (comparison)' : ''}: HTTP ${dr.status} ${JSON.stringify(dr.body)}`);
              continue;
            }
            drillDiffs.push(...compareDrill(dr.body as StatisticsDrilldown, k, ofComparison));
          }
          if (drillDiffs.length) throw new Error(failureMessage(drillDiffs, request, data));

          stats.cases++;
          stats.rows += data.attendances.length;
          stats.inscrits += expected.figures['inscrits'];
          stats.presences += expected.figures['presences'];
          if (!expected.empty) stats.nonEmpty++;
        } catch (e) {
          failuresSeen++;
          throw e;
        }
      }),
      { numRuns: NUM_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH ? { path: PATH } : {}) },
    );
    // The generator must produce reports with something in them, not only empty periods.
    if (NUM_RUNS >= 50 && !PATH) {
      expect(stats.nonEmpty).toBeGreaterThan(stats.cases / 3);
      expect(stats.inscrits).toBeGreaterThan(stats.cases);
    }
    console.log(`statistics property (${process.env['DB_TYPE'] ?? 'sqlite'}): ${JSON.stringify(stats)}`);
  }, 900_000);
});

function dateText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

// ---------------------------------------------------------------------------
// Comparing the API with the oracle.

function compareReport(actual: StatisticsReport, expected: OracleReport, request: StatisticsRequest): string[] {
  const diffs: string[] = [];
  diffs.push(...comparePeriod('report', actual, expected));
  const brackets = actual.brackets.map((b) => `${b.minAge}-${b.maxAge}`).join(',');
  const expectedBrackets = expected.brackets.map((b) => `${b.minAge}-${b.maxAge}`).join(',');
  if (brackets !== expectedBrackets) diffs.push(`report.brackets: expected [${expectedBrackets}], actual [${brackets}]`);
  if (actual.bracketsSource !== (request.brackets ? 'request' : 'structure'))
    diffs.push(`report.bracketsSource: expected ${request.brackets ? 'request' : 'structure'}, actual ${actual.bracketsSource}`);
  if (actual.referenceDateGiven !== (request.referenceDate !== undefined))
    diffs.push(`report.referenceDateGiven: expected ${request.referenceDate !== undefined}, actual ${actual.referenceDateGiven}`);
  if (expected.comparison === null) {
    if (actual.comparison !== null) diffs.push(`report.comparison: expected null, actual ${actual.comparison.kind}`);
  } else if (actual.comparison === null || actual.comparison === undefined) {
    diffs.push(`report.comparison: expected ${expected.comparison.kind}, actual null`);
  } else {
    if (actual.comparison.kind !== expected.comparison.kind)
      diffs.push(`comparison.kind: expected ${expected.comparison.kind}, actual ${actual.comparison.kind}`);
    diffs.push(...comparePeriod('comparison', actual.comparison, expected.comparison));
  }
  return diffs;
}

function comparePeriod(where: string, actual: StatisticsPeriodReport, expected: OraclePeriod): string[] {
  const diffs: string[] = [];
  const eq = (what: string, exp: unknown, act: unknown) => {
    if (JSON.stringify(exp) !== JSON.stringify(act))
      diffs.push(`${where}.${what}: expected ${JSON.stringify(exp)}, actual ${JSON.stringify(act)}`);
  };
  eq('from', expected.from, actual.from);
  eq('to', expected.to, actual.to);
  eq('referenceDate', expected.referenceDate, actual.referenceDate);

  // Figures first: the first differing figure leads the failure message.
  for (const key of FIGURE_KEYS) {
    const f = actual.figures.find((x) => x.key === key);
    if (!f) {
      diffs.push(`${where}.figures.${key}: missing`);
      continue;
    }
    const exp = expected.figures[key];
    if (Math.abs(f.value - exp) > 1e-9) diffs.push(`${where}.figures.${key}: expected ${exp}, actual ${f.value}`);
  }
  eq('empty', expected.empty, actual.empty);

  for (const group of [...ORACLE_GROUPS, 'age' as const]) {
    const act = actual.lines[group] ?? [];
    const exp = expected.lines[group];
    const actKeys = act.map((l) => l.key);
    const expKeys = exp.map((l) => l.key);
    if (group === 'status') {
      // The grandparents line is extra: its place in the list is not part of the contract.
      const strip = (keys: string[]) => keys.filter((k) => k !== 'status:grandparents');
      eq(`lines.status keys (without grandparents)`, strip(expKeys), strip(actKeys));
      if (actKeys.filter((k) => k === 'status:grandparents').length !== 1)
        diffs.push(`${where}.lines.status: no single 'status:grandparents' line`);
    } else {
      eq(`lines.${group} keys`, expKeys, actKeys);
    }
    for (const e of exp) {
      const a = act.find((l) => l.key === e.key);
      if (!a) continue;
      const lineEq = (field: keyof StatisticsLine & keyof OracleLine) => eq(`lines.${group}[${e.key}].${field}`, e[field], a[field]);
      lineEq('inscrits');
      lineEq('presences');
      lineEq('itemId');
      if (e.itemId !== null) {
        lineEq('active');
        lineEq('code');
        lineEq('label');
      }
    }
  }

  const points = (name: keyof OraclePeriod['series'] & keyof StatisticsPeriodReport['series']) => {
    const act = (actual.series[name] as { key: string; value: number }[]).map((p) => [p.key, p.value]);
    const exp = (expected.series[name] as { key: string; value: number }[]).map((p) => [p.key, p.value]);
    eq(`series.${name}`, exp, act);
  };
  points('presencesByMonth');
  points('peopleByMonth');
  points('presencesByWeekday');
  points('presencesBySlot');
  const ageSex = (s: { key: string; bySex: { key: string; value: number }[] }[]) => s.map((x) => [x.key, x.bySex.map((p) => p.value)]);
  eq(
    'series.inscritsByAgeAndSex',
    expected.series.inscritsByAgeAndSex.map((x) => [x.key, x.bySex.map((p) => p.value)]),
    ageSex(actual.series.inscritsByAgeAndSex),
  );
  const sexKeys = actual.series.inscritsByAgeAndSex.map((x) => x.bySex.map((p) => p.key));
  const expectedSexIds = expected.series.inscritsByAgeAndSex.map((x) => x.bySex.map((p) => p.sexId));
  // The points of a bracket are the sex lines, in order (key: the line's key or the item id).
  sexKeys.forEach((keys, i) => {
    const ids = expectedSexIds[i] ?? [];
    if (keys.length !== ids.length || keys.some((k, j) => k !== `sex:${ids[j]}` && k !== String(ids[j])))
      diffs.push(
        `${where}.series.inscritsByAgeAndSex[${i}] sex keys: expected items ${JSON.stringify(ids)}, actual ${JSON.stringify(keys)}`,
      );
  });
  return diffs;
}

interface DrillCheck {
  key: string;
  /** Figure key or line key (and side) this drill-down details. */
  of: string;
  expected: number;
  who: OracleWho;
}

function drillKeys(actual: StatisticsPeriodReport, expected: OraclePeriod): DrillCheck[] {
  const out: DrillCheck[] = [];
  for (const f of actual.figures) {
    if (!f.drill) continue;
    const who = expected.figureWho[f.key];
    if (!who) continue;
    out.push({ key: f.drill, of: `figure ${f.key}`, expected: expected.figures[f.key], who });
  }
  for (const group of [...ORACLE_GROUPS, 'age' as const]) {
    for (const l of actual.lines[group] ?? []) {
      const who = expected.lineWho[l.key];
      if (!who) continue;
      out.push({ key: l.drillInscrits, of: `line ${l.key} inscrits`, expected: who.inscrits.ids.size, who: who.inscrits });
      let sum = 0;
      for (const v of who.presences.ids.values()) sum += v;
      out.push({ key: l.drillPresences, of: `line ${l.key} présences`, expected: sum, who: who.presences });
    }
  }
  return out;
}

function compareDrill(d: StatisticsDrilldown, check: DrillCheck, ofComparison: boolean): string[] {
  const where = `drilldown ${check.key} (${check.of}${ofComparison ? ', comparison' : ''})`;
  const diffs: string[] = [];
  if (d.total !== check.expected) diffs.push(`${where}: total expected ${check.expected}, actual ${d.total}`);
  if (d.kind !== check.who.kind) diffs.push(`${where}: kind expected ${check.who.kind}, actual ${d.kind}`);
  const actualIds = new Map<number, number>();
  if (d.kind === 'families') {
    for (const r of d.rows) actualIds.set(r.familyId, 1);
    if (d.rows.length !== check.expected) diffs.push(`${where}: ${d.rows.length} rows, expected ${check.expected}`);
  } else if (d.kind === 'presences') {
    let sum = 0;
    for (const r of d.rows) {
      sum += r.presences;
      actualIds.set(r.memberId, r.presences);
    }
    if (sum !== check.expected) diffs.push(`${where}: rows add up to ${sum} présences, expected ${check.expected}`);
  } else {
    for (const r of d.rows) actualIds.set(r.memberId, 1);
    if (d.rows.length !== check.expected) diffs.push(`${where}: ${d.rows.length} rows, expected ${check.expected}`);
  }
  const show = (m: Map<number, number>) => JSON.stringify([...m.entries()].sort((a, b) => a[0] - b[0]));
  const expectedIds = check.who.kind === 'presences' ? check.who.ids : new Map([...check.who.ids.keys()].map((id) => [id, 1]));
  if (show(actualIds) !== show(expectedIds))
    diffs.push(`${where}: lists ${show(actualIds)}, expected ${show(expectedIds)} ([id, présences])`);
  return diffs;
}

function failureMessage(diffs: string[], request: StatisticsRequest, data: OracleData): string {
  const rows = [
    `items: ${JSON.stringify(data.items.map((i) => [i.id, i.kind, i.label, i.position, i.active ? 1 : 0, i.isChild ? 1 : 0, i.code]))}`,
    `structure brackets: ${JSON.stringify(data.structureBrackets)}`,
    `members [id, family, birth, registered, sex, city, status, minima, qf]: ${JSON.stringify(
      data.members.map((m) => [m.id, m.familyId, m.birthDate, m.registeredOn, m.sex, m.city, m.status, m.minima, m.qf]),
    )}`,
    `slots [id, date, start, end]: ${JSON.stringify(data.slots.map((s) => [s.id, s.date, s.start, s.end]))}`,
    `attendance [id, slot, member, arrived, sex, city, status, minima, qf]: ${JSON.stringify(
      data.attendances.map((a) => [a.id, a.slotId, a.memberId, a.arrivedAt, a.sex, a.city, a.status, a.minima, a.qf]),
    )}`,
  ];
  const ages = data.members.map((m) => `${m.id}:${ageAt(m.birthDate, request.referenceDate ?? request.to)}`).join(' ');
  return [
    `the statistics API differs from the oracle (${diffs.length} difference(s)); first: ${diffs[0]}`,
    ...diffs.slice(1, 12).map((d) => `  also: ${d}`),
    `request: ${JSON.stringify(request)}`,
    `data:`,
    ...rows.map((r) => `  ${r}`),
    `  ages at the reference date: ${ages}`,
  ].join('\n');
}
