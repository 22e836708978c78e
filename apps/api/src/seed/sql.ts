import type { EntityManager } from 'typeorm';
import type { Dialect } from '../database/data-source';

export type SqlValue = string | number | null;

/** SQLite accepts 32 766 bound parameters per statement; stay well below. */
const SQLITE_MAX_PARAMS = 30_000;
/** MariaDB: rows per INSERT (a few hundred kB, far below max_allowed_packet = 16 MB). */
const MARIADB_MAX_ROWS = 4_000;
const MARIADB_MAX_PARAMS = 60_000;

export function quoteId(dialect: Dialect, name: string): string {
  return dialect === 'sqlite' ? `"${name}"` : `\`${name}\``;
}

/** Where rows go: the dialect, and for MariaDB the rows per statement that max_allowed_packet allows. */
export interface SqlTarget {
  dialect: Dialect;
  maxRows?: number;
}

/** Rows per INSERT for MariaDB: a statement stays under a quarter of max_allowed_packet, at ~512 bytes a row (rows are far smaller). */
export function rowsForPacket(maxAllowedPacket: number): number {
  return Math.max(50, Math.min(MARIADB_MAX_ROWS, Math.floor(maxAllowedPacket / 4 / 512)));
}

export function rowsPerStatement(target: SqlTarget, columns: number): number {
  if (target.dialect === 'sqlite') return Math.floor(SQLITE_MAX_PARAMS / columns);
  return Math.min(target.maxRows ?? MARIADB_MAX_ROWS, Math.floor(MARIADB_MAX_PARAMS / columns));
}

/**
 * Inserts rows with large multi-row INSERT statements. On MariaDB the next
 * statement is sent while the server still works on the previous one (mysql2
 * queues them on the transaction's connection), so that building the SQL and
 * writing it overlap; on SQLite (synchronous) this changes nothing.
 * Returns the number of rows inserted.
 */
export async function insertRows(
  em: EntityManager,
  target: SqlTarget,
  table: string,
  columns: string[],
  rows: SqlValue[][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const { dialect } = target;
  const perStatement = rowsPerStatement(target, columns.length);
  const head = `INSERT INTO ${quoteId(dialect, table)} (${columns.map((c) => quoteId(dialect, c)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sqlFor = new Map<number, string>();
  let inFlight: Promise<unknown> | null = null;
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    let sql = sqlFor.get(batch.length);
    if (!sql) {
      sql = head + new Array<string>(batch.length).fill(tuple).join(', ');
      sqlFor.set(batch.length, sql);
    }
    const params: SqlValue[] = new Array<SqlValue>(batch.length * columns.length);
    let p = 0;
    for (const row of batch) {
      if (row.length !== columns.length) throw new Error(`${table}: ${row.length} values for ${columns.length} columns`);
      for (const v of row) params[p++] = v;
    }
    const sent: Promise<unknown> = em.query(sql, params);
    // Handled later by the await below; this only avoids an "unhandled rejection" while waiting for the previous one.
    sent.catch(() => undefined);
    if (inFlight) await inFlight;
    inFlight = sent;
  }
  if (inFlight) await inFlight;
  return rows.length;
}

/**
 * The next free id of a table: the seed assigns ids itself (inside its
 * transaction) so that it can link rows without reading them back. Never below
 * the table's auto-increment counter, so that ids of deleted rows are not reused.
 */
export async function nextId(em: EntityManager, dialect: Dialect, table: string): Promise<number> {
  const max: { m: number | string | null }[] = await em.query(`SELECT MAX(id) AS m FROM ${quoteId(dialect, table)}`);
  let next = Number(max[0]?.m ?? 0) + 1;
  const counter: { n: number | string | null }[] =
    dialect === 'sqlite'
      ? await em.query('SELECT seq + 1 AS n FROM sqlite_sequence WHERE name = ?', [table])
      : await em.query('SELECT AUTO_INCREMENT AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [
          table,
        ]);
  if (counter[0]?.n !== null && counter[0]?.n !== undefined) next = Math.max(next, Number(counter[0].n));
  return next;
}
