import type { AttendanceListColumn, AttendanceSource } from '@pointage/contracts';
import type { EntityManager } from 'typeorm';
import { rawInstant, rawLocalDate } from '../database/raw-values';

/**
 * SQL of the attendance list, the same text on both dialects. Every statement
 * binds `structure_id = ?` on every table it reads, with the structure of the
 * tenant reader it is built from (decision 6, as CheckInSql and StatisticsSql).
 */

export interface ListScope {
  from: string;
  to: string;
  slotId: number | null;
}

/** One attendance row as read, before ages and local times are computed. */
export interface ListRecord {
  id: number;
  date: string;
  slotId: number;
  start: number;
  end: number;
  memberId: number;
  lastName: string;
  firstName: string;
  birthDate: string;
  familyId: number;
  family: string;
  sex: string;
  status: string;
  city: string;
  minima: string;
  qf: string;
  arrivedAt: Date;
  source: AttendanceSource;
}

/**
 * ORDER BY expressions of each sortable column (age: younger first is the birth
 * date descending), and the join that column needs besides slot and member.
 */
const SORT: Record<AttendanceListColumn, { expr: string[]; invert?: boolean; join?: string }> = {
  date: { expr: ['s.date'] },
  slot: { expr: ['s.start_minute', 's.end_minute'] },
  lastName: { expr: ['m.last_name'] },
  firstName: { expr: ['m.first_name'] },
  family: { expr: ['f.name'], join: 'JOIN family f ON f.id = a.family_id AND f.structure_id = a.structure_id ' },
  sex: { expr: ['rs.label'], join: 'JOIN ref_item rs ON rs.id = a.sex_id AND rs.structure_id = a.structure_id ' },
  age: { expr: ['m.birth_date'], invert: true },
  status: { expr: ['rst.label'], join: 'JOIN ref_item rst ON rst.id = a.status_id AND rst.structure_id = a.structure_id ' },
  city: { expr: ['rc.label'], join: 'JOIN ref_item rc ON rc.id = a.city_id AND rc.structure_id = a.structure_id ' },
  minima: { expr: ['rm.label'], join: 'JOIN ref_item rm ON rm.id = a.minima_id AND rm.structure_id = a.structure_id ' },
  qf: { expr: ['rq.label'], join: 'JOIN ref_item rq ON rq.id = a.qf_id AND rq.structure_id = a.structure_id ' },
  arrival: { expr: ['a.arrived_at'] },
  source: { expr: ['a.source'] },
};

/** The joins the ORDER BY of a sort needs (slot and member are always joined). */
export function orderJoins(sort: AttendanceListColumn | undefined): string {
  return sort ? (SORT[sort].join ?? '') : '';
}

/** The default order, and the tie-breakers after any chosen column: stable pages. */
const TIE_BREAK = ['s.date', 's.start_minute', 's.end_minute', 'm.last_name', 'm.first_name', 'a.id'];

export function orderBy(sort: AttendanceListColumn | undefined, order: 'asc' | 'desc' = 'asc'): string {
  const parts: string[] = [];
  if (sort) {
    const spec = SORT[sort];
    const desc = (order === 'desc') !== (spec.invert === true);
    for (const e of spec.expr) parts.push(`${e} ${desc ? 'DESC' : 'ASC'}`);
  }
  for (const e of TIE_BREAK) if (!parts.some((p) => p.startsWith(`${e} `))) parts.push(`${e} ASC`);
  return parts.join(', ');
}

const JOINS =
  'FROM attendance a JOIN slot s ON s.id = a.slot_id JOIN member m ON m.id = a.member_id JOIN family f ON f.id = a.family_id ' +
  'JOIN ref_item rs ON rs.id = a.sex_id JOIN ref_item rc ON rc.id = a.city_id JOIN ref_item rst ON rst.id = a.status_id ' +
  'JOIN ref_item rm ON rm.id = a.minima_id JOIN ref_item rq ON rq.id = a.qf_id ';

const COLUMNS =
  'a.id, s.date, a.slot_id, s.start_minute, s.end_minute, a.member_id, m.last_name, m.first_name, m.birth_date, a.family_id, f.name AS family_name, ' +
  'rs.label AS sex, rst.label AS status, rc.label AS city, rm.label AS minima, rq.label AS qf, a.arrived_at, a.source';

function toRecord(r: Record<string, unknown>): ListRecord {
  return {
    id: Number(r['id']),
    date: rawLocalDate(r['date']),
    slotId: Number(r['slot_id']),
    start: Number(r['start_minute']),
    end: Number(r['end_minute']),
    memberId: Number(r['member_id']),
    lastName: String(r['last_name']),
    firstName: String(r['first_name']),
    birthDate: rawLocalDate(r['birth_date']),
    familyId: Number(r['family_id']),
    family: String(r['family_name']),
    sex: String(r['sex']),
    status: String(r['status']),
    city: String(r['city']),
    minima: String(r['minima']),
    qf: String(r['qf']),
    arrivedAt: rawInstant(r['arrived_at']),
    source: String(r['source']) as AttendanceSource,
  };
}

export class AttendanceListSql {
  constructor(
    private readonly em: EntityManager,
    private readonly sid: number,
  ) {}

  private query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.em.query(sql, params) as Promise<Record<string, unknown>[]>;
  }

  /** WHERE of the list: the structure on every table, the period by slot date, the slot. */
  private where(scope: ListScope): { sql: string; params: unknown[] } {
    const s = this.sid;
    let sql =
      'WHERE a.structure_id = ? AND s.structure_id = ? AND m.structure_id = ? AND f.structure_id = ? AND rs.structure_id = ? AND rc.structure_id = ? ' +
      'AND rst.structure_id = ? AND rm.structure_id = ? AND rq.structure_id = ? AND s.date BETWEEN ? AND ?';
    const params: unknown[] = [s, s, s, s, s, s, s, s, s, scope.from, scope.to];
    if (scope.slotId !== null) {
      sql += ' AND a.slot_id = ?';
      params.push(scope.slotId);
    }
    return { sql, params };
  }

  async count(scope: ListScope): Promise<number> {
    const params: unknown[] = [this.sid, this.sid, scope.from, scope.to];
    let sql =
      'SELECT COUNT(*) AS n FROM attendance a JOIN slot s ON s.id = a.slot_id WHERE a.structure_id = ? AND s.structure_id = ? AND s.date BETWEEN ? AND ?';
    if (scope.slotId !== null) {
      sql += ' AND a.slot_id = ?';
      params.push(scope.slotId);
    }
    const [row] = await this.query(sql, params);
    return Number(row['n']);
  }

  async page(scope: ListScope, order: string, limit: number, offset: number): Promise<ListRecord[]> {
    const w = this.where(scope);
    const rows = await this.query(`SELECT ${COLUMNS} ${JOINS} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
    return rows.map(toRecord);
  }

  /**
   * Every id of the list in its order (exports read the rows by chunks of these
   * ids), joining only what the order needs.
   */
  async orderedIds(scope: ListScope, order: string, sort: AttendanceListColumn | undefined): Promise<number[]> {
    const params: unknown[] = [this.sid, this.sid, this.sid, scope.from, scope.to];
    let sql =
      `SELECT a.id FROM attendance a JOIN slot s ON s.id = a.slot_id JOIN member m ON m.id = a.member_id ${orderJoins(sort)}` +
      'WHERE a.structure_id = ? AND s.structure_id = ? AND m.structure_id = ? AND s.date BETWEEN ? AND ?';
    if (scope.slotId !== null) {
      sql += ' AND a.slot_id = ?';
      params.push(scope.slotId);
    }
    const rows = await this.query(`${sql} ORDER BY ${order}`, params);
    return rows.map((r) => Number(r['id']));
  }

  /** The structure's reference items, id → label (the snapshot's labels of the exported rows). */
  async labels(): Promise<Map<number, string>> {
    const rows = await this.query('SELECT id, label FROM ref_item WHERE structure_id = ?', [this.sid]);
    return new Map(rows.map((r) => [Number(r['id']), String(r['label'])]));
  }

  /** The rows of these ids, in the order of `ids`; labels from `labels()`. */
  async byIds(ids: number[], labels: Map<number, string>): Promise<ListRecord[]> {
    if (ids.length === 0) return [];
    const s = this.sid;
    const rows = await this.query(
      'SELECT a.id, s.date, a.slot_id, s.start_minute, s.end_minute, a.member_id, m.last_name, m.first_name, m.birth_date, a.family_id, f.name AS family_name, ' +
        'a.sex_id, a.status_id, a.city_id, a.minima_id, a.qf_id, a.arrived_at, a.source ' +
        // The rows by primary key, then their slot, member and family by theirs: CROSS JOIN keeps
        // this order on SQLite (an inner join on MariaDB), and `a.structure_id + 0` keeps the
        // tenancy check without offering SQLite an index it would prefer to the primary key —
        // without statistics it walked the structure's whole history for each chunk.
        'FROM attendance a CROSS JOIN slot s CROSS JOIN member m CROSS JOIN family f ' +
        `WHERE a.id IN (${ids.map(() => '?').join(', ')}) AND a.structure_id + 0 = ? ` +
        'AND s.id = a.slot_id AND s.structure_id = ? AND m.id = a.member_id AND m.structure_id = ? AND f.id = a.family_id AND f.structure_id = ?',
      [...ids, s, s, s, s],
    );
    const label = (id: unknown) => labels.get(Number(id)) ?? '';
    const byId = new Map<number, ListRecord>();
    for (const r of rows) {
      r['sex'] = label(r['sex_id']);
      r['status'] = label(r['status_id']);
      r['city'] = label(r['city_id']);
      r['minima'] = label(r['minima_id']);
      r['qf'] = label(r['qf_id']);
      byId.set(Number(r['id']), toRecord(r));
    }
    return ids.map((id) => byId.get(id)).filter((r): r is ListRecord => r !== undefined);
  }
}
