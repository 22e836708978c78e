import { ColumnOptions } from 'typeorm';

/**
 * Column helpers whose types exist, with the same meaning, on SQLite and on
 * MariaDB. Use them in entities instead of raw `type:` strings so that the
 * migrations of both dialects stay comparable (see docs/development.md).
 */

/** An instant, stored in UTC with millisecond precision. */
export function instantColumn(options: ColumnOptions = {}): ColumnOptions {
  return { type: 'datetime', precision: 3, ...options };
}

/** A calendar date without time zone, read and written as 'YYYY-MM-DD'. */
export function localDateColumn(options: ColumnOptions = {}): ColumnOptions {
  return {
    type: 'date',
    transformer: {
      to: (v: string | null | undefined) => v,
      // mysql2 may hand back a Date for DATE columns: turn it back into the calendar date.
      from: (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as string | null)),
    },
    ...options,
  };
}

export function boolColumn(defaultValue: boolean, options: ColumnOptions = {}): ColumnOptions {
  return {
    type: 'boolean',
    default: defaultValue,
    transformer: { to: (v: boolean | undefined) => v, from: (v: unknown) => (v === null || v === undefined ? v : Boolean(v)) },
    ...options,
  };
}
