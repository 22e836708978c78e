import type { RefKind } from '@pointage/contracts';
import type { EntityManager } from 'typeorm';
import { rawInstant, rawLocalDate } from '../database/raw-values';

/**
 * The aggregate SQL of the statistics, the same text on SQLite and MariaDB
 * (window functions, CTEs, ISO date strings compared as such). Every statement
 * carries `structure_id = ?` on every table it reads, with the structure of the
 * tenant reader it is built from: the tenancy wall, written by hand as in
 * CheckInSql (decision 6). Used only by StatisticsService.
 *
 * Readings of SPEC.md applied here:
 *  1. an attendance belongs to the period when its slot's date is in From–To;
 *  2. présences test their own snapshot; inscrits the snapshot of their last
 *     attendance in the period (latest slot date, then start time, then arrival;
 *     the row id settles exact ties); inscriptions the member's current attributes;
 *  6. ages at the reference date become ranges of birth dates (libs/domain).
 */

/** Per criteria group: null = every item (no filter), else the ids kept ([] = nobody). */
export type ResolvedCriteria = Record<RefKind, number[] | null>;

const GROUP_COLUMNS: Record<RefKind, string> = { sex: 'sex_id', city: 'city_id', status: 'status_id', minima: 'minima_id', qf: 'qf_id' };
const GROUPS = Object.keys(GROUP_COLUMNS) as RefKind[];

/** A SQL condition and its parameters. */
export interface Cond {
  sql: string;
  params: unknown[];
}

export const TRUE: Cond = { sql: '1 = 1', params: [] };

export function and(...conds: Cond[]): Cond {
  const kept = conds.filter((c) => c.sql !== TRUE.sql);
  if (kept.length === 0) return TRUE;
  return { sql: kept.map((c) => `(${c.sql})`).join(' AND '), params: kept.flatMap((c) => c.params) };
}

export function inList(column: string, ids: number[]): Cond {
  if (ids.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `${column} IN (${ids.map(() => '?').join(', ')})`, params: ids };
}

/**
 * The criteria as a condition on snapshot columns named `<prefix>sex_id`, …
 * (`a.` for an attendance, `m.` for a member, `pa.` for a member's last attendance).
 */
export function criteriaCond(criteria: ResolvedCriteria, prefix: string): Cond {
  return and(...GROUPS.map((g) => (criteria[g] === null ? TRUE : inList(`${prefix}${GROUP_COLUMNS[g]}`, criteria[g] as number[]))));
}

/** Birth-date ranges of the age brackets, in bracket order. */
export interface BirthRanges {
  brackets: { from: string; to: string }[];
  /** Born after this date: under 6 at the reference date. */
  sixYearsBoundary: string;
}

/** CASE giving the index of the bracket a birth date falls in, or -1 (hors tranches). */
export function bracketCase(column: string, ranges: BirthRanges): Cond {
  if (ranges.brackets.length === 0) return { sql: '-1', params: [] };
  return {
    sql: `CASE ${ranges.brackets.map((_b, i) => `WHEN ${column} BETWEEN ? AND ? THEN ${i}`).join(' ')} ELSE -1 END`,
    params: ranges.brackets.flatMap((b) => [b.from, b.to]),
  };
}

export interface PeriodScope {
  from: string;
  to: string;
}

export interface SlotAggregate {
  id: number;
  date: string;
  start: number;
  end: number;
  /** Présences of the slot that match the criteria. */
  presences: number;
  /** Latest created_at of the slot's attendance (any criteria), or null. */
  last: Date | null;
}

export interface SnapshotAggregate {
  sexId: number;
  cityId: number;
  statusId: number;
  minimaId: number;
  qfId: number;
  bracket: number;
  /** Inscrits queries only: 1 when under 6 at the reference date. */
  young: number;
  count: number;
  /** Inscrits queries only: members that are the first counted one of their family (sums to the families). */
  familyFirsts: number;
}

/** Attributes of a drill-down row (ids), before labels are put on them. */
export interface DrillRow {
  memberId: number;
  familyId: number;
  sexId: number;
  cityId: number;
  statusId: number;
  minimaId: number;
  qfId: number;
  presences: number;
  lastDate: string | null;
}

const num = (v: unknown): number => Number(v);

/** An instant, or null for an empty aggregate (MAX over no rows). */
const instant = (v: unknown): Date | null => (v === null || v === undefined ? null : rawInstant(v));

export class StatisticsSql {
  constructor(
    private readonly em: EntityManager,
    private readonly sid: number,
  ) {}

  private query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.em.query(sql, params) as Promise<Record<string, unknown>[]>;
  }

  /**
   * The attendance of the period (reading 1), slots first: `a.slot_id IN (the
   * period's slots)` makes both planners walk the period's slots and their
   * attendance by index rather than the structure's whole history.
   */
  private periodRows(p: PeriodScope): Cond {
    return {
      sql:
        'FROM attendance a JOIN slot s ON s.id = a.slot_id ' +
        'WHERE a.structure_id = ? AND a.slot_id IN (SELECT id FROM slot WHERE structure_id = ? AND date BETWEEN ? AND ?) AND s.structure_id = ?',
      params: [this.sid, this.sid, p.from, p.to, this.sid],
    };
  }

  /**
   * The attendance of the period, `rn = 1` on each member's last one (reading
   * 2: latest slot date, then start time, then arrival; the id settles exact
   * ties). The last row's own snapshot columns are the member's attributes for
   * the inscrits figures; with `withCount`, `n` is the member's présences in
   * the period (a second window: only the drill-downs need it).
   */
  private periodAttendance(p: PeriodScope, withCount = false): Cond {
    const rows = this.periodRows(p);
    return {
      sql:
        'SELECT a.member_id, a.family_id, s.date AS slot_date, a.sex_id, a.city_id, a.status_id, a.minima_id, a.qf_id, ' +
        'ROW_NUMBER() OVER (PARTITION BY a.member_id ORDER BY s.date DESC, s.start_minute DESC, a.arrived_at DESC, a.id DESC) AS rn' +
        `${withCount ? ', COUNT(*) OVER (PARTITION BY a.member_id) AS n' : ''} ${rows.sql}`,
      params: rows.params,
    };
  }

  /** Every slot of the period (opening, reading 7) with its matching présences. */
  async slots(p: PeriodScope, criteria: ResolvedCriteria): Promise<SlotAggregate[]> {
    const crit = criteriaCond(criteria, 'a.');
    const rows = await this.query(
      `SELECT s.id, s.date, s.start_minute, s.end_minute, SUM(CASE WHEN a.id IS NOT NULL AND ${crit.sql} THEN 1 ELSE 0 END) AS n, MAX(a.created_at) AS last ` +
        'FROM slot s LEFT JOIN attendance a ON a.slot_id = s.id AND a.structure_id = ? ' +
        'WHERE s.structure_id = ? AND s.date BETWEEN ? AND ? ' +
        'GROUP BY s.id, s.date, s.start_minute, s.end_minute',
      [...crit.params, this.sid, this.sid, p.from, p.to],
    );
    return rows.map((r) => ({
      id: num(r['id']),
      date: rawLocalDate(r['date']),
      start: num(r['start_minute']),
      end: num(r['end_minute']),
      presences: num(r['n'] ?? 0),
      last: instant(r['last']),
    }));
  }

  /**
   * Présences of the period matching the criteria (each its own snapshot), by
   * snapshot and age bracket. Counted per member first: the bracket is then
   * worked out once per member rather than once per attendance.
   */
  async presences(p: PeriodScope, criteria: ResolvedCriteria, ranges: BirthRanges): Promise<SnapshotAggregate[]> {
    const rows = this.periodRows(p);
    const crit = criteriaCond(criteria, 'a.');
    const bracket = bracketCase('m.birth_date', ranges);
    const result = await this.query(
      `SELECT x.sex_id, x.city_id, x.status_id, x.minima_id, x.qf_id, ${bracket.sql} AS bracket, SUM(x.n) AS n FROM (` +
        `SELECT a.member_id, a.sex_id, a.city_id, a.status_id, a.minima_id, a.qf_id, COUNT(*) AS n ${rows.sql} AND ${crit.sql} ` +
        'GROUP BY a.member_id, a.sex_id, a.city_id, a.status_id, a.minima_id, a.qf_id) x ' +
        'JOIN member m ON m.id = x.member_id WHERE m.structure_id = ? ' +
        'GROUP BY x.sex_id, x.city_id, x.status_id, x.minima_id, x.qf_id, bracket',
      [...bracket.params, ...rows.params, ...crit.params, this.sid],
    );
    return result.map((r) => ({ ...snapshotOf(r), bracket: num(r['bracket']), young: 0, count: num(r['n']), familyFirsts: 0 }));
  }

  /**
   * Inscrits of the period (reading 3): members whose last attendance in the
   * period matches the criteria, by that attendance's snapshot, age bracket and
   * "under 6"; and per month, how many of them were present.
   */
  async inscrits(
    p: PeriodScope,
    criteria: ResolvedCriteria,
    ranges: BirthRanges,
  ): Promise<{ groups: SnapshotAggregate[]; byMonth: Map<string, number> }> {
    const pa = this.periodAttendance(p);
    const crit = criteriaCond(criteria, 'pa.');
    const bracket = bracketCase('m.birth_date', ranges);
    const groups = await this.query(
      `WITH pa AS (${pa.sql}), ins AS (` +
        `SELECT pa.family_id, pa.sex_id, pa.city_id, pa.status_id, pa.minima_id, pa.qf_id, ${bracket.sql} AS bracket, ` +
        'CASE WHEN m.birth_date > ? THEN 1 ELSE 0 END AS young, ' +
        'ROW_NUMBER() OVER (PARTITION BY pa.family_id ORDER BY pa.member_id) AS frn ' +
        `FROM pa JOIN member m ON m.id = pa.member_id WHERE pa.rn = 1 AND m.structure_id = ? AND ${crit.sql}) ` +
        'SELECT sex_id, city_id, status_id, minima_id, qf_id, bracket, young, COUNT(*) AS n, SUM(CASE WHEN frn = 1 THEN 1 ELSE 0 END) AS fam ' +
        'FROM ins GROUP BY sex_id, city_id, status_id, minima_id, qf_id, bracket, young',
      [...pa.params, ...bracket.params, ranges.sixYearsBoundary, this.sid, ...crit.params],
    );
    // Every criterion open: every member present in the month is counted, no need to find who was last what.
    const rows = this.periodRows(p);
    const months =
      crit.sql === TRUE.sql
        ? await this.query(
            `SELECT SUBSTR(s.date, 1, 7) AS ym, COUNT(DISTINCT a.member_id) AS n ${rows.sql} GROUP BY SUBSTR(s.date, 1, 7)`,
            rows.params,
          )
        : await this.query(
            // The counted members, then their (member, month) pairs: the window is computed once.
            `WITH pa AS (${pa.sql}), counted AS (SELECT pa.member_id FROM pa WHERE pa.rn = 1 AND ${crit.sql}), ` +
              `mm AS (SELECT a.member_id, SUBSTR(s.date, 1, 7) AS ym ${rows.sql} GROUP BY a.member_id, SUBSTR(s.date, 1, 7)) ` +
              'SELECT mm.ym, COUNT(*) AS n FROM mm JOIN counted c ON c.member_id = mm.member_id GROUP BY mm.ym',
            [...pa.params, ...crit.params, ...rows.params],
          );
    return {
      groups: groups.map((r) => ({
        ...snapshotOf(r),
        bracket: num(r['bracket']),
        young: num(r['young']),
        count: num(r['n']),
        familyFirsts: num(r['fam']),
      })),
      byMonth: new Map(months.map((r) => [String(r['ym']), num(r['n'])])),
    };
  }

  /** Inscriptions (reading 4): members registered in the period, archived and anonymised included, on their current attributes. */
  async inscriptions(p: PeriodScope, criteria: ResolvedCriteria): Promise<number> {
    const crit = criteriaCond(criteria, 'm.');
    const [row] = await this.query(
      `SELECT COUNT(*) AS n FROM member m WHERE m.structure_id = ? AND m.registered_on BETWEEN ? AND ? AND ${crit.sql}`,
      [this.sid, p.from, p.to, ...crit.params],
    );
    return num(row['n']);
  }

  /**
   * Drill-down of an inscrits figure: the counted members (last attendance
   * matching the criteria and `extra`, a condition on `pa.*` — the last
   * attendance's columns — and `m.*`), with their présences in the period.
   */
  async inscritsRows(p: PeriodScope, criteria: ResolvedCriteria, extra: Cond): Promise<DrillRow[]> {
    const pa = this.periodAttendance(p, true);
    const cond = and(criteriaCond(criteria, 'pa.'), extra);
    const rows = await this.query(
      `WITH pa AS (${pa.sql}) ` +
        'SELECT pa.member_id, pa.family_id, pa.sex_id, pa.city_id, pa.status_id, pa.minima_id, pa.qf_id, pa.slot_date, pa.n ' +
        `FROM pa JOIN member m ON m.id = pa.member_id WHERE pa.rn = 1 AND m.structure_id = ? AND ${cond.sql}`,
      [...pa.params, this.sid, ...cond.params],
    );
    return rows.map((r) => ({
      memberId: num(r['member_id']),
      familyId: num(r['family_id']),
      ...snapshotOf(r),
      presences: num(r['n']),
      lastDate: rawLocalDate(r['slot_date']),
    }));
  }

  /**
   * Drill-down of a présences figure: the members whose matching présences
   * (own snapshot, reading 2, and `extra` on `a.*`, `m.*`) it counts, with how many.
   * Attributes shown are those of each member's last counted présence.
   */
  async presenceRows(p: PeriodScope, criteria: ResolvedCriteria, extra: Cond): Promise<DrillRow[]> {
    const cond = and(criteriaCond(criteria, 'a.'), extra);
    const rows = await this.query(
      'WITH c AS (SELECT a.member_id, a.family_id, a.sex_id, a.city_id, a.status_id, a.minima_id, a.qf_id, s.date AS slot_date, ' +
        'ROW_NUMBER() OVER (PARTITION BY a.member_id ORDER BY s.date DESC, s.start_minute DESC, a.arrived_at DESC, a.id DESC) AS rn, ' +
        'COUNT(*) OVER (PARTITION BY a.member_id) AS n ' +
        'FROM attendance a JOIN slot s ON s.id = a.slot_id JOIN member m ON m.id = a.member_id ' +
        'WHERE a.structure_id = ? AND a.slot_id IN (SELECT id FROM slot WHERE structure_id = ? AND date BETWEEN ? AND ?) ' +
        `AND s.structure_id = ? AND m.structure_id = ? AND ${cond.sql}) ` +
        'SELECT * FROM c WHERE rn = 1',
      [this.sid, this.sid, p.from, p.to, this.sid, this.sid, ...cond.params],
    );
    return rows.map((r) => ({
      memberId: num(r['member_id']),
      familyId: num(r['family_id']),
      ...snapshotOf(r),
      presences: num(r['n']),
      lastDate: rawLocalDate(r['slot_date']),
    }));
  }

  /** Drill-down of the inscriptions: members registered in the period matching the criteria, with their présences in the period. */
  async registrationRows(p: PeriodScope, criteria: ResolvedCriteria): Promise<DrillRow[]> {
    const crit = criteriaCond(criteria, 'm.');
    const rows = await this.query(
      'SELECT m.id AS member_id, m.family_id, m.sex_id, m.city_id, m.status_id, m.minima_id, m.qf_id, ' +
        '(SELECT COUNT(*) FROM attendance a JOIN slot s ON s.id = a.slot_id WHERE a.member_id = m.id AND a.structure_id = ? AND s.structure_id = ? AND s.date BETWEEN ? AND ?) AS n, ' +
        '(SELECT MAX(s.date) FROM attendance a JOIN slot s ON s.id = a.slot_id WHERE a.member_id = m.id AND a.structure_id = ? AND s.structure_id = ? AND s.date BETWEEN ? AND ?) AS slot_date ' +
        `FROM member m WHERE m.structure_id = ? AND m.registered_on BETWEEN ? AND ? AND ${crit.sql}`,
      [this.sid, this.sid, p.from, p.to, this.sid, this.sid, p.from, p.to, this.sid, p.from, p.to, ...crit.params],
    );
    return rows.map((r) => ({
      memberId: num(r['member_id']),
      familyId: num(r['family_id']),
      ...snapshotOf(r),
      presences: num(r['n']),
      lastDate: r['slot_date'] === null || r['slot_date'] === undefined ? null : rawLocalDate(r['slot_date']),
    }));
  }

  /** Names, birth and registration dates of members, and their families' names (drill-down rows). */
  async people(
    memberIds: number[],
  ): Promise<
    Map<number, { lastName: string; firstName: string; birthDate: string; registeredOn: string; archived: boolean; familyName: string }>
  > {
    const out = new Map<
      number,
      { lastName: string; firstName: string; birthDate: string; registeredOn: string; archived: boolean; familyName: string }
    >();
    for (let i = 0; i < memberIds.length; i += 500) {
      const ids = memberIds.slice(i, i + 500);
      const rows = await this.query(
        'SELECT m.id, m.last_name, m.first_name, m.birth_date, m.registered_on, m.archived, f.name AS family_name ' +
          `FROM member m JOIN family f ON f.id = m.family_id WHERE m.structure_id = ? AND f.structure_id = ? AND m.id IN (${ids.map(() => '?').join(', ')})`,
        [this.sid, this.sid, ...ids],
      );
      for (const r of rows) {
        out.set(num(r['id']), {
          lastName: String(r['last_name']),
          firstName: String(r['first_name']),
          birthDate: rawLocalDate(r['birth_date']),
          registeredOn: rawLocalDate(r['registered_on']),
          archived: Boolean(num(r['archived'])),
          familyName: String(r['family_name']),
        });
      }
    }
    return out;
  }
}

function snapshotOf(r: Record<string, unknown>): Pick<SnapshotAggregate, 'sexId' | 'cityId' | 'statusId' | 'minimaId' | 'qfId'> {
  return {
    sexId: num(r['sex_id']),
    cityId: num(r['city_id']),
    statusId: num(r['status_id']),
    minimaId: num(r['minima_id']),
    qfId: num(r['qf_id']),
  };
}
