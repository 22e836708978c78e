/**
 * Values of raw SQL results (`query()`, `getRawMany()`), which the two drivers
 * hand back differently: mysql2 gives DATE and DATETIME columns as Date objects
 * (midnight UTC for a DATE; the pool runs with `timezone: 'Z'`), better-sqlite3
 * gives the text stored ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS.mmm' in UTC).
 * Entity reads do not need these: the column transformers of column-types.ts do it.
 */

/** An instant as both dialects store and compare it: 'YYYY-MM-DD HH:MM:SS.mmm' in UTC. */
export function sqlInstant(at: Date | number): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** A DATE column: 'YYYY-MM-DD'. */
export function rawLocalDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** A DATETIME column (an instant, stored in UTC). */
export function rawInstant(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}
