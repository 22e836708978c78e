import type { TenantTransaction } from '../tenancy/tenancy.service';
import { sqlInstant } from '../database/raw-values';

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
  validationKey: string | null;
}

/** The columns both inserts write, in the order of their values. */
const ATTENDANCE_COLUMNS =
  'structure_id, slot_id, member_id, family_id, arrived_at, sex_id, city_id, status_id, minima_id, qf_id, source, recorded_by, created_at, validation_key';

/**
 * The statements of a kiosk validation, in plain SQL, bound to the structure of
 * the tenant scope they are built from. It is the hottest path of
 * the product (every family at the door), and TypeORM's query builder cost
 * about 0.1 ms of CPU per statement there — most of the request. Every
 * statement carries `structure_id = ?` with the structure of the tenant
 * transaction it is built from: the tenancy wall is the same, written by hand.
 * Used only by CheckInService and AttendanceService; the route-walking wall test covers it.
 */
export class CheckInSql {
  private readonly sid: number;

  constructor(private readonly tx: Pick<TenantTransaction, 'em' | 'structureId'>) {
    this.sid = tx.structureId;
  }

  private query<T>(sql: string, params: unknown[]): Promise<T> {
    return this.tx.em.query(sql, params) as Promise<T>;
  }

  /** Runs a write and returns how many rows it changed (both drivers report it in the structured result). */
  private async affected(sql: string, params: unknown[]): Promise<number> {
    const em = this.tx.em;
    const runner = em.queryRunner ?? em.connection.createQueryRunner();
    try {
      return Number((await runner.query(sql, params, true)).affected ?? 0);
    } finally {
      if (runner !== em.queryRunner) await runner.release();
    }
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

  /** What an earlier request of this family with this key recorded: its slot and how many rows. */
  async byKey(key: string, familyId: number): Promise<{ slotId: number; recorded: number } | null> {
    // Only the key and the structure in the WHERE: SQLite has no statistics and would
    // otherwise pick the family or (structure, slot) index and scan.
    const rows = await this.query<Record<string, unknown>[]>(
      'SELECT slot_id, family_id FROM attendance WHERE validation_key = ? AND structure_id = ?',
      [key, this.sid],
    );
    const mine = rows.filter((r) => Number(r['family_id']) === familyId);
    return mine.length ? { slotId: Number(mine[0]['slot_id']), recorded: mine.length } : null;
  }

  /**
   * Records every asked member of the family, with the snapshot of their
   * statistical attributes read by the insert itself, or none — in one
   * statement. Nothing is recorded (0) when one of the ids is not a non-archived
   * member of the family, or when this family already recorded rows with this
   * validation key (in any slot: a retry sent after the slot ended must not
   * record the members again in the next one): the caller then evaluates the
   * request the long way, which says why or answers from the key's rows. A
   * member already recorded in the slot trips the unique (member, slot) index:
   * the whole statement fails, nothing is written.
   *
   * The only read of `attendance` in here is the key's, through the
   * (validation_key, structure_id) index: under MariaDB's REPEATABLE READ it
   * takes a shared lock on the gap where that one key would go — which is what
   * makes a concurrent same-key request wait and then see the rows — not on the
   * slot's attendance (decision 5: a NOT EXISTS on the slot's rows made
   * concurrent check-ins of one slot wait on each other). Locking the family's
   * own member rows is harmless.
   */
  async insertFamilyMembers(
    familyId: number,
    ids: number[],
    how: Omit<AttendanceInsert, keyof MemberRow | 'memberId' | 'validationKey'> & { validationKey: string },
  ): Promise<number> {
    const list = ids.map(() => '?').join(', ');
    return this.affected(
      `INSERT INTO attendance (${ATTENDANCE_COLUMNS}) ` +
        'SELECT m.structure_id, ?, m.id, m.family_id, ?, m.sex_id, m.city_id, m.status_id, m.minima_id, m.qf_id, ?, ?, ?, ? ' +
        `FROM member m WHERE m.structure_id = ? AND m.family_id = ? AND m.archived = 0 AND m.id IN (${list}) ` +
        `AND (SELECT COUNT(*) FROM member c WHERE c.structure_id = ? AND c.family_id = ? AND c.archived = 0 AND c.id IN (${list})) = ? ` +
        'AND NOT EXISTS (SELECT 1 FROM attendance k WHERE k.validation_key = ? AND k.structure_id = ? AND k.family_id = ?)',
      [
        how.slotId,
        sqlInstant(how.arrivedAt),
        how.source,
        how.recordedBy,
        sqlInstant(how.createdAt),
        how.validationKey,
        this.sid,
        familyId,
        ...ids,
        this.sid,
        familyId,
        ...ids,
        ids.length,
        how.validationKey,
        this.sid,
        familyId,
      ],
    );
  }

  /** Plain INSERT: a foreign-key or unique failure must fail the transaction, never be ignored. */
  async insert(rows: AttendanceInsert[]): Promise<void> {
    if (rows.length === 0) return;
    const values: unknown[] = [];
    for (const r of rows) {
      values.push(
        this.sid,
        r.slotId,
        r.memberId,
        r.familyId,
        sqlInstant(r.arrivedAt),
        r.sexId,
        r.cityId,
        r.statusId,
        r.minimaId,
        r.qfId,
        r.source,
        r.recordedBy,
        sqlInstant(r.createdAt),
        r.validationKey,
      );
    }
    // One statement for all the members: atomic by itself on both engines.
    await this.query(
      `INSERT INTO attendance (${ATTENDANCE_COLUMNS}) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      values,
    );
  }
}
