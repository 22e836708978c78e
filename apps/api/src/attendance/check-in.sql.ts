import type { TenantTransaction } from '../tenancy/tenancy.service';

/** Member columns needed to record attendance (with the statistical snapshot). */
export interface MemberRow {
  id: number;
  /** Already recorded in the slot asked about (see members()). */
  present: boolean;
  familyId: number;
  archived: boolean;
  sexId: number;
  cityId: number;
  statusId: number;
  minimaId: number;
  qfId: number;
}

export interface AttendanceInsert extends Omit<MemberRow, 'id' | 'archived' | 'present'> {
  memberId: number;
  slotId: number;
  arrivedAt: Date;
  source: 'kiosk' | 'acting' | 'retro';
  recordedBy: number;
  createdAt: Date;
}

/** An instant as both drivers store it: UTC 'YYYY-MM-DD HH:MM:SS.mmm'. */
export function sqlInstant(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * The statements of a kiosk validation, in plain SQL. It is the hottest path of
 * the product (every family at the door), and TypeORM's query builder cost
 * about 0.1 ms of CPU per statement there — most of the request. Every
 * statement carries `structure_id = ?` with the structure of the tenant
 * transaction it is built from: the tenancy wall is the same, written by hand.
 * Used only by AttendanceService; the route-walking wall test covers it.
 */
export class CheckInSql {
  private readonly sid: number;
  private readonly key: string;
  private readonly ignore: string;

  constructor(private readonly tx: Pick<TenantTransaction, 'em' | 'structureId'>) {
    this.sid = tx.structureId;
    const sqlite = tx.em.connection.options.type === 'better-sqlite3';
    // `key` is a reserved word in MariaDB: quote it the driver's way.
    this.key = tx.em.connection.driver.escape('key');
    this.ignore = sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  }

  private query<T>(sql: string, params: unknown[]): Promise<T> {
    return this.tx.em.query(sql, params) as Promise<T>;
  }

  private async run(sql: string, params: unknown[]): Promise<number> {
    const runner = this.tx.em.queryRunner;
    if (!runner) throw new Error('CheckInSql writes inside a transaction');
    return (await runner.query(sql, params, true)).affected ?? 0;
  }

  /** The members (of the family, when given) and whether each is already recorded in the slot. */
  async members(familyId: number | null, ids: number[], slotId: number): Promise<MemberRow[]> {
    const rows = await this.query<Record<string, unknown>[]>(
      'SELECT m.id, m.family_id, m.archived, m.sex_id, m.city_id, m.status_id, m.minima_id, m.qf_id, ' +
        '(SELECT COUNT(*) FROM attendance a WHERE a.structure_id = m.structure_id AND a.slot_id = ? AND a.member_id = m.id) AS present ' +
        `FROM member m WHERE m.structure_id = ?${familyId === null ? '' : ' AND m.family_id = ?'} AND m.id IN (${ids.map(() => '?').join(',')})`,
      [slotId, this.sid, ...(familyId === null ? [] : [familyId]), ...ids],
    );
    return rows.map((r) => ({
      id: Number(r['id']),
      present: Number(r['present']) > 0,
      familyId: Number(r['family_id']),
      archived: Boolean(Number(r['archived'])),
      sexId: Number(r['sex_id']),
      cityId: Number(r['city_id']),
      statusId: Number(r['status_id']),
      minimaId: Number(r['minima_id']),
      qfId: Number(r['qf_id']),
    }));
  }

  /**
   * Records the answer under the client's key, as the last statement of the
   * validation; false when the key was already used (the caller then rolls back
   * and answers the stored result).
   */
  async claim(key: string, claim: string, familyId: number, result: string, now: Date): Promise<boolean> {
    const affected = await this.run(
      `${this.ignore} INTO kiosk_validation (structure_id, ${this.key}, claim, family_id, result, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      [this.sid, key, claim, familyId, result, sqlInstant(now)],
    );
    return affected === 1;
  }

  async stored(key: string): Promise<{ familyId: number; result: string | null } | null> {
    const [row] = await this.query<Record<string, unknown>[]>(`SELECT family_id, result FROM kiosk_validation WHERE structure_id = ? AND ${this.key} = ?`, [this.sid, key]);
    return row ? { familyId: Number(row['family_id']), result: (row['result'] as string | null) ?? null } : null;
  }

  /** Plain INSERT: a foreign-key or unique failure must fail the transaction, never be ignored. */
  async insert(rows: AttendanceInsert[]): Promise<void> {
    if (rows.length === 0) return;
    const values: unknown[] = [];
    for (const r of rows) {
      values.push(this.sid, r.slotId, r.memberId, r.familyId, sqlInstant(r.arrivedAt), r.sexId, r.cityId, r.statusId, r.minimaId, r.qfId, r.source, r.recordedBy, sqlInstant(r.createdAt));
    }
    await this.run(
      `INSERT INTO attendance (structure_id, slot_id, member_id, family_id, arrived_at, sex_id, city_id, status_id, minima_id, qf_id, source, recorded_by, created_at) VALUES ${rows
        .map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      values,
    );
  }
}
