import { DEFAULT_AGE_BRACKETS, DEFAULT_REFERENCE_LISTS, REF_KINDS } from '@pointage/contracts';
import { addDays, formatHm, LocalDate, PlannedSlot, searchKey, zonedToInstant } from '@pointage/domain';
import { DataSource, EntityManager } from 'typeorm';
import { STAFF_REALM, familyRealm } from '../auth/entities/account.entity';
import { hashPassword } from '../auth/passwords';
import { Dialect, dialectOf } from '../database/data-source';
import { slugify } from '../structures/structures.service';
import { AttendancePlan, FamilyPlan, generateAttendance, generateFamilies, planSlots, shiftYears, WHOLE_DAY } from './generate';
import { STRUCTURE_NAMES } from './names';
import { deriveSeed } from './prng';
import { mapReferences, RefRow, StructureRefs } from './references';
import { insertRows, nextId, quoteId, rowsForPacket, SqlTarget, SqlValue } from './sql';
import { rawLocalDate, sqlInstant } from '../database/raw-values';

/** The password of every seeded login (admins and families), printed by the command. */
export const SEED_PASSWORD = 'demo-pointage';
/** Seeded logins end with @<slug>.seed.local. */
export const SEED_MAIL_DOMAIN = 'seed.local';
/** Days of slots generated after --today. */
export const DAYS_AHEAD = 14;

export interface SeedOptions {
  /** New structures to create (ignored with `intoStructureId`). */
  structures: number;
  /** Families per structure. */
  families: number;
  /** Years of history ending at `today`. */
  years: number;
  /** PRNG seed. */
  seed: number;
  /** The local date taken as today. */
  today: LocalDate;
  /** Add to this existing structure instead of creating new ones. */
  intoStructureId?: number;
  /** Mark the families and the slots created as demo data (the first local start's), removable from the admin home. */
  demo?: boolean;
}

export interface SeededStructure {
  id: number;
  name: string;
  slug: string;
  created: boolean;
  adminEmail: string | null;
  families: number;
  members: number;
  slots: number;
  attendance: number;
  firstFamilyEmail: string | null;
  /** True when today's 00:00–23:59 slot exists. */
  wholeDaySlot: boolean;
  ms: number;
}

export interface SeedSummary {
  structures: SeededStructure[];
  totals: { structures: number; families: number; members: number; accounts: number; slots: number; attendance: number; rows: number };
  window: { from: LocalDate; through: LocalDate; today: LocalDate };
  ms: number;
}

/** Runs one unit of work in a write transaction (the app's Database.transaction in the server). */
export type TransactionRunner = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

export interface SeedDeps {
  transaction?: TransactionRunner;
  log?: (line: string) => void;
  /** Hash of SEED_PASSWORD, when the caller already has one. */
  passwordHash?: string;
  /** Created_at of structures and admin accounts (defaults to now; it does not matter for the data). */
  now?: Date;
}

/** Name of the n-th seeded structure (0-based): 25 names, then numbered. */
export function structureName(index: number): string {
  const base = `Ludothèque ${STRUCTURE_NAMES[index % STRUCTURE_NAMES.length]}`;
  const round = Math.floor(index / STRUCTURE_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

export function familyEmail(n: number, slug: string): string {
  return `famille.${n}@${slug}.${SEED_MAIL_DOMAIN}`;
}

export function adminEmail(slug: string): string {
  return `admin@${slug}.${SEED_MAIL_DOMAIN}`;
}

/** The history window: `years` ending at `today`, plus two weeks of slots ahead. */
export function seedWindow(today: LocalDate, years: number): { from: LocalDate; through: LocalDate; today: LocalDate } {
  return { from: addDays(shiftYears(today, -years), 1), through: addDays(today, DAYS_AHEAD), today };
}

interface Ctx {
  em: EntityManager;
  dialect: Dialect;
  sql: SqlTarget;
  q: (name: string) => string;
}

/** Creates a structure with the rows StructuresService.create writes: the structure, its default lists and age brackets, an audit entry. */
async function createStructure(ctx: Ctx, name: string, now: Date): Promise<{ id: number; slug: string; timeZone: string }> {
  const { em, q } = ctx;
  const base = slugify(name);
  let slug = base;
  for (let n = 2; (await em.query(`SELECT 1 AS x FROM ${q('structure')} WHERE ${q('slug')} = ?`, [slug])).length > 0; n++)
    slug = `${base}-${n}`;
  const id = await nextId(em, ctx.dialect, 'structure');
  const timeZone = 'Europe/Paris';
  await insertRows(
    em,
    ctx.sql,
    'structure',
    ['id', 'name', 'slug', 'time_zone', 'active', 'created_at'],
    [[id, name, slug, timeZone, 1, sqlInstant(now.getTime())]],
  );
  // Same rows as seedReferenceLists(): the defaults of SPEC.md, in order.
  let refId = await nextId(em, ctx.dialect, 'ref_item');
  const refs: SqlValue[][] = [];
  for (const kind of REF_KINDS) {
    DEFAULT_REFERENCE_LISTS[kind].forEach((entry, position) => {
      refs.push([refId++, id, kind, entry.label, position, 1, entry.isChild ? 1 : 0, entry.code ?? null]);
    });
  }
  await insertRows(em, ctx.sql, 'ref_item', ['id', 'structure_id', 'kind', 'label', 'position', 'active', 'is_child', 'code'], refs);
  await insertRows(
    em,
    ctx.sql,
    'age_bracket',
    ['structure_id', 'min_age', 'max_age', 'position'],
    DEFAULT_AGE_BRACKETS.map(([min, max], position) => [id, min, max, position]),
  );
  await audit(ctx, now, id, 'structure.created', 'structure', id);
  return { id, slug, timeZone };
}

async function audit(ctx: Ctx, now: Date, structureId: number, action: string, targetType: string, targetId: number): Promise<void> {
  await insertRows(
    ctx.em,
    ctx.sql,
    'audit_entry',
    ['at', 'structure_id', 'actor_account_id', 'actor_label', 'actor_role', 'action', 'target_type', 'target_id', 'details'],
    [[sqlInstant(now.getTime()), structureId, null, 'seed', null, action, targetType, String(targetId), JSON.stringify({ seed: true })]],
  );
}

async function createAdmin(ctx: Ctx, structureId: number, name: string, slug: string, hash: string, now: Date): Promise<string | null> {
  const email = adminEmail(slug);
  const taken = await ctx.em.query(`SELECT 1 AS x FROM ${ctx.q('account')} WHERE ${ctx.q('realm')} = ? AND ${ctx.q('email')} = ?`, [
    STAFF_REALM,
    email,
  ]);
  if (taken.length > 0) return null;
  const id = await nextId(ctx.em, ctx.dialect, 'account');
  const at = sqlInstant(now.getTime());
  await insertRows(
    ctx.em,
    ctx.sql,
    'account',
    [
      'id',
      'role',
      'email',
      'realm',
      'password_hash',
      'display_name',
      'structure_id',
      'family_id',
      'member_id',
      'token_version',
      'active',
      'created_at',
      'password_changed_at',
    ],
    [[id, 'admin', email, STAFF_REALM, hash, `Équipe ${name}`, structureId, null, null, 0, 1, at, at]],
  );
  await audit(ctx, now, structureId, 'admin.created', 'account', id);
  return email;
}

async function loadReferences(ctx: Ctx, structureId: number): Promise<StructureRefs> {
  const { q } = ctx;
  const rows: Record<string, unknown>[] = await ctx.em.query(
    `SELECT ${q('id')}, ${q('kind')}, ${q('label')}, ${q('position')}, ${q('active')}, ${q('is_child')}, ${q('code')} FROM ${q('ref_item')} WHERE ${q('structure_id')} = ?`,
    [structureId],
  );
  return mapReferences(
    rows.map(
      (r): RefRow => ({
        id: Number(r['id']),
        kind: r['kind'] as RefRow['kind'],
        label: String(r['label']),
        position: Number(r['position']),
        active: Boolean(Number(r['active'])),
        isChild: Boolean(Number(r['is_child'])),
        code: (r['code'] as string | null) ?? null,
      }),
    ),
  );
}

/** The highest n of the famille.<n>@<slug>.seed.local logins already there (seeding twice into one structure). */
async function lastFamilyNumber(ctx: Ctx, structureId: number, slug: string): Promise<number> {
  const rows: { email: string }[] = await ctx.em.query(
    `SELECT ${ctx.q('email')} AS email FROM ${ctx.q('account')} WHERE ${ctx.q('realm')} = ? AND ${ctx.q('email')} LIKE ?`,
    [familyRealm(structureId), `famille.%@${slug}.${SEED_MAIL_DOMAIN}`],
  );
  let max = 0;
  for (const { email } of rows) {
    const n = Number(/^famille\.(\d+)@/.exec(email)?.[1] ?? 0);
    if (n > max) max = n;
  }
  return max;
}

/**
 * The slots the seed uses: the planned ones, minus those that would overlap a
 * different slot already there (an edited structure); identical existing slots
 * are reused. Returns the slots with their ids and how many are new.
 */
async function placeSlots(
  ctx: Ctx,
  structureId: number,
  planned: PlannedSlot[],
  now: Date,
  demo: boolean,
): Promise<{ slots: PlannedSlot[]; ids: number[]; created: number }> {
  const { q } = ctx;
  const from = planned[0]?.date;
  const through = planned[planned.length - 1]?.date;
  if (!from || !through) return { slots: [], ids: [], created: 0 };
  const existingRows: Record<string, unknown>[] = await ctx.em.query(
    `SELECT ${q('id')}, ${q('date')}, ${q('start_minute')}, ${q('end_minute')} FROM ${q('slot')} WHERE ${q('structure_id')} = ? AND ${q('date')} BETWEEN ? AND ?`,
    [structureId, from, through],
  );
  const byDay = new Map<string, { id: number; start: number; end: number }[]>();
  for (const r of existingRows) {
    const date = rawLocalDate(r['date']);
    const list = byDay.get(date) ?? [];
    list.push({ id: Number(r['id']), start: Number(r['start_minute']), end: Number(r['end_minute']) });
    byDay.set(date, list);
  }
  const slots: PlannedSlot[] = [];
  const ids: number[] = [];
  const rows: SqlValue[][] = [];
  let id = await nextId(ctx.em, ctx.dialect, 'slot');
  const createdAt = sqlInstant(now.getTime());
  for (const p of planned) {
    const existing = byDay.get(p.date) ?? [];
    const same = existing.find((e) => e.start === p.start && e.end === p.end);
    if (same) {
      slots.push(p);
      ids.push(same.id);
      continue;
    }
    if (existing.some((e) => p.start < e.end && e.start < p.end)) continue;
    slots.push(p);
    ids.push(id);
    rows.push([id, structureId, p.date, p.start, p.end, createdAt, demo ? 1 : 0]);
    id++;
  }
  await insertRows(ctx.em, ctx.sql, 'slot', ['id', 'structure_id', 'date', 'start_minute', 'end_minute', 'created_at', 'demo'], rows);
  return { slots, ids, created: rows.length };
}

/** Local registration date at 10:00 in the structure's zone, as the stored instant. */
function registrationInstant(date: LocalDate, timeZone: string, cache: Map<string, string>): string {
  let v = cache.get(date);
  if (!v) {
    v = sqlInstant(zonedToInstant(date, 10 * 60, timeZone).getTime());
    cache.set(date, v);
  }
  return v;
}

interface StructureTarget {
  id: number;
  name: string;
  slug: string;
  timeZone: string;
  created: boolean;
  adminEmail: string | null;
}

/** Families, members, logins, slots and attendance of one structure. */
async function fillStructure(
  ctx: Ctx,
  target: StructureTarget,
  options: SeedOptions,
  structureSeed: number,
  hash: string,
  now: Date,
): Promise<Omit<SeededStructure, 'ms'>> {
  const { em, dialect } = ctx;
  const window = seedWindow(options.today, options.years);
  const refs = await loadReferences(ctx, target.id);
  const families: FamilyPlan[] = generateFamilies(
    deriveSeed(structureSeed, 'families'),
    options.families,
    { historyStart: window.from, today: window.today },
    { cityWeights: refs.cityWeights, qfCount: refs.qf.length },
  );
  const planned = planSlots(window.from, window.through, window.today);
  const placed = await placeSlots(ctx, target.id, planned, now, options.demo === true);
  const attendance: AttendancePlan[] = generateAttendance(deriveSeed(structureSeed, 'attendance'), families, placed.slots, window.today);

  // Families, their logins and members, with ids assigned here.
  const dates = new Map<string, string>();
  let familyId = await nextId(em, dialect, 'family');
  let memberId = await nextId(em, dialect, 'member');
  let accountId = await nextId(em, dialect, 'account');
  const firstN = (await lastFamilyNumber(ctx, target.id, target.slug)) + 1;
  const familyRows: SqlValue[][] = [];
  const memberRows: SqlValue[][] = [];
  const accountRows: SqlValue[][] = [];
  const familyIds: number[] = [];
  const accountIds: number[] = [];
  const memberIds: number[][] = [];
  const realm = familyRealm(target.id);
  families.forEach((f, i) => {
    const at = registrationInstant(f.registeredOn, target.timeZone, dates);
    const fid = familyId++;
    familyIds.push(fid);
    familyRows.push([
      fid,
      target.id,
      f.name,
      searchKey(f.name),
      refs.qf[f.qfIndex],
      refs.minima[f.minima],
      0,
      at,
      at,
      options.demo ? 1 : 0,
    ]);
    const aid = accountId++;
    accountIds.push(aid);
    accountRows.push([
      aid,
      'family',
      familyEmail(firstN + i, target.slug),
      realm,
      hash,
      `Famille ${f.name}`,
      target.id,
      fid,
      null,
      0,
      1,
      at,
      at,
    ]);
    memberIds.push(
      f.members.map((m) => {
        const mid = memberId++;
        const mAt = registrationInstant(m.registeredOn, target.timeZone, dates);
        memberRows.push([
          mid,
          target.id,
          fid,
          m.lastName,
          m.firstName,
          searchKey(`${m.lastName} ${m.firstName}`),
          refs.sex[m.sex],
          m.birthDate,
          refs.cities[m.cityIndex],
          refs.status[m.status],
          refs.minima[m.minima],
          refs.qf[m.qfIndex],
          m.avatar,
          m.registeredOn,
          0,
          mAt,
          mAt,
        ]);
        return mid;
      }),
    );
  });
  await insertRows(
    em,
    ctx.sql,
    'family',
    ['id', 'structure_id', 'name', 'search_name', 'qf_id', 'minima_id', 'archived', 'created_at', 'updated_at', 'demo'],
    familyRows,
  );
  await insertRows(
    em,
    ctx.sql,
    'member',
    [
      'id',
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
  await insertRows(
    em,
    ctx.sql,
    'account',
    [
      'id',
      'role',
      'email',
      'realm',
      'password_hash',
      'display_name',
      'structure_id',
      'family_id',
      'member_id',
      'token_version',
      'active',
      'created_at',
      'password_changed_at',
    ],
    accountRows,
  );

  // Attendance: snapshot columns copied from the member, arrival inside the slot, recorded at the kiosk by the family.
  const slotStart = placed.slots.map((s) => zonedToInstant(s.date, s.start, target.timeZone).getTime());
  const snapshot = families.map((f) =>
    f.members.map((m) => [refs.sex[m.sex], refs.cities[m.cityIndex], refs.status[m.status], refs.minima[m.minima], refs.qf[m.qfIndex]]),
  );
  const attendanceRows: SqlValue[][] = new Array<SqlValue[]>(attendance.length);
  for (let i = 0; i < attendance.length; i++) {
    const a = attendance[i];
    const slot = placed.slots[a.slotIndex];
    const second = (a.familyIndex * 37 + a.slotIndex * 11) % 60;
    const arrived = sqlInstant(slotStart[a.slotIndex] + (a.arrivalMinute - slot.start) * 60_000 + second * 1000);
    const [sexId, cityId, statusId, minimaId, qfId] = snapshot[a.familyIndex][a.memberIndex];
    attendanceRows[i] = [
      target.id,
      placed.ids[a.slotIndex],
      memberIds[a.familyIndex][a.memberIndex],
      familyIds[a.familyIndex],
      arrived,
      sexId,
      cityId,
      statusId,
      minimaId,
      qfId,
      'kiosk',
      accountIds[a.familyIndex],
      arrived,
    ];
  }
  await insertRows(
    em,
    ctx.sql,
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
    attendanceRows,
  );

  const wholeDay = placed.slots.some((s) => s.date === window.today && s.start === WHOLE_DAY.start && s.end === WHOLE_DAY.end);
  return {
    id: target.id,
    name: target.name,
    slug: target.slug,
    created: target.created,
    adminEmail: target.adminEmail,
    families: familyRows.length,
    members: memberRows.length,
    slots: placed.created,
    attendance: attendanceRows.length,
    firstFamilyEmail: families.length ? familyEmail(firstN, target.slug) : null,
    wholeDaySlot: wholeDay,
  };
}

/**
 * Fills the database with deterministic fictional data: new structures (or one
 * existing structure), families with their kiosk logins, slots over the history
 * and attendance. One transaction per structure; large multi-row INSERTs.
 * Same options, same data (apart from created_at of structures and admins).
 */
export async function runSeed(dataSource: DataSource, options: SeedOptions, deps: SeedDeps = {}): Promise<SeedSummary> {
  const started = Date.now();
  const dialect = dialectOf(dataSource);
  const transaction: TransactionRunner = deps.transaction ?? ((work) => dataSource.transaction(work));
  const log = deps.log ?? (() => undefined);
  // eslint-disable-next-line no-restricted-syntax -- seed CLI, outside Nest DI (callers may pass deps.now)
  const now = deps.now ?? new Date();
  const hash = deps.passwordHash ?? (await hashPassword(SEED_PASSWORD));
  const window = seedWindow(options.today, options.years);
  const q = (name: string) => quoteId(dialect, name);
  const sql: SqlTarget = { dialect };
  if (dialect === 'mariadb') {
    const packet: { p: number | string }[] = await dataSource.query('SELECT @@max_allowed_packet AS p');
    sql.maxRows = rowsForPacket(Number(packet[0]?.p ?? 1_048_576));
  }
  const results: SeededStructure[] = [];
  const count = options.intoStructureId !== undefined ? 1 : options.structures;

  for (let i = 0; i < count; i++) {
    const t0 = Date.now();
    const result = await transaction(async (em) => {
      const ctx: Ctx = { em, dialect, sql, q };
      let target: StructureTarget;
      if (options.intoStructureId !== undefined) {
        const rows: Record<string, unknown>[] = await em.query(
          `SELECT ${q('id')}, ${q('name')}, ${q('slug')}, ${q('time_zone')} FROM ${q('structure')} WHERE ${q('id')} = ?`,
          [options.intoStructureId],
        );
        if (rows.length === 0) throw new Error(`Structure ${options.intoStructureId} introuvable.`);
        const r = rows[0];
        target = {
          id: Number(r['id']),
          name: String(r['name']),
          slug: String(r['slug']),
          timeZone: String(r['time_zone']),
          created: false,
          adminEmail: null,
        };
      } else {
        const name = structureName(i);
        const s = await createStructure(ctx, name, now);
        const admin = await createAdmin(ctx, s.id, name, s.slug, hash, now);
        target = { id: s.id, name, slug: s.slug, timeZone: s.timeZone, created: true, adminEmail: admin };
      }
      return fillStructure(ctx, target, options, deriveSeed(options.seed, 'structure', i), hash, now);
    });
    const seeded: SeededStructure = { ...result, ms: Date.now() - t0 };
    results.push(seeded);
    log(
      `  [${i + 1}/${count}] ${seeded.name} (${seeded.slug}) : ${seeded.families} familles, ${seeded.members} membres, ` +
        `${seeded.slots} créneaux, ${seeded.attendance} présences — ${(seeded.ms / 1000).toFixed(1)} s`,
    );
  }

  const sum = (f: (s: SeededStructure) => number) => results.reduce((n, s) => n + f(s), 0);
  const totals = {
    structures: results.filter((s) => s.created).length,
    families: sum((s) => s.families),
    members: sum((s) => s.members),
    accounts: sum((s) => s.families + (s.adminEmail ? 1 : 0)),
    slots: sum((s) => s.slots),
    attendance: sum((s) => s.attendance),
    rows: 0,
  };
  const perStructureFixed = REF_KINDS.reduce((n, k) => n + DEFAULT_REFERENCE_LISTS[k].length, 0) + DEFAULT_AGE_BRACKETS.length + 1;
  totals.rows =
    totals.structures * (perStructureFixed + 2) + totals.families + totals.members + totals.accounts + totals.slots + totals.attendance;
  return { structures: results, totals, window, ms: Date.now() - started };
}

/** "09:30–12:00" */
export function rangeLabel(r: { start: number; end: number }): string {
  return `${formatHm(r.start)}–${formatHm(r.end)}`;
}
