/**
 * What a database error means, for both dialects, in one place. Services ask
 * "was this a unique violation?" rather than comparing driver codes themselves.
 *
 * mysql2 puts the MariaDB error name in `code` (ER_DUP_ENTRY, …) and network
 * failures as Node codes (ECONNREFUSED, PROTOCOL_CONNECTION_LOST, …);
 * better-sqlite3 uses SQLITE_* codes. TypeORM wraps query errors in
 * QueryFailedError with the original in `driverError`; connection errors may
 * arrive unwrapped.
 */

interface WithCode {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  driverError?: WithCode;
  cause?: unknown;
}

/** The driver's error code ('' when none), looking through TypeORM's wrapper. */
export function driverCode(e: unknown): string {
  if (!e || typeof e !== 'object') return '';
  const err = e as WithCode;
  const inner = err.driverError ?? err;
  return typeof inner.code === 'string' ? inner.code : typeof err.code === 'string' ? err.code : '';
}

/** A row with the same unique key exists (insert or update). */
export function isUniqueViolation(e: unknown): boolean {
  const code = driverCode(e);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** An insert or update names a parent row that does not exist (deleted meanwhile). */
export function isMissingParent(e: unknown): boolean {
  const code = driverCode(e);
  // SQLite does not tell the two foreign-key directions apart.
  return code.startsWith('ER_NO_REFERENCED_ROW') || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** A delete or update of a row that other rows still point to. */
export function isStillReferenced(e: unknown): boolean {
  const code = driverCode(e);
  return code.startsWith('ER_ROW_IS_REFERENCED') || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Either direction of a foreign-key refusal. */
export function isForeignKeyViolation(e: unknown): boolean {
  return isMissingParent(e) || isStillReferenced(e);
}

/**
 * Another transaction got in the way; the same work may simply be run again.
 * ER_AUTOINC_READ_FAILED is how InnoDB reports a deadlock or lock wait timeout
 * on a table's AUTO-INC lock, which an INSERT … SELECT takes for the whole
 * statement (innodb_autoinc_lock_mode=1, MariaDB's default): seen with the
 * kiosk's check-in INSERT … SELECT when two replicas press at once.
 */
export function isLostRace(e: unknown): boolean {
  const code = driverCode(e);
  return (
    code === 'ER_LOCK_DEADLOCK' ||
    code === 'ER_LOCK_WAIT_TIMEOUT' ||
    code === 'ER_AUTOINC_READ_FAILED' ||
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_LOCKED'
  );
}

const CONNECTION_CODES = new Set([
  // Node / mysql2 network level
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_NET_READ_ERROR',
  'ER_NET_WRITE_INTERRUPTED',
  'ER_QUERY_INTERRUPTED',
  'ER_STATEMENT_TIMEOUT',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
  // SQLite: the file cannot be read or written right now
  'SQLITE_IOERR',
  'SQLITE_READONLY',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
]);

/**
 * The database cannot be reached or cannot serve right now: the request was not
 * carried out (or its transaction rolled back) and may be sent again later.
 * Answered 503, never 401 or a bare 500.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const code = driverCode(e);
  if (CONNECTION_CODES.has(code) || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY')) return true;
  const message = e && typeof e === 'object' ? String((e as WithCode).message ?? '') : '';
  // mysql2's pool and TypeORM raise these without a code.
  return /Pool is closed|Connection lost|connect ETIMEDOUT|Can't add new command when connection is in closed state|Query inactivity timeout|acquire.*timeout|Driver not Connected|Connection is not established/i.test(
    message,
  );
}

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number;
  /** Which failures are worth another attempt. */
  when: (e: unknown, attempt: number) => boolean;
  /** Called before each new attempt (logging). */
  onRetry?: (e: unknown, attempt: number) => void;
  /** Pause before attempt n+1, in ms (default: none). */
  delayMs?: (attempt: number) => number;
}

/**
 * Runs `work` again while it fails with an error `when` accepts, at most
 * `attempts` times in all; the last error is thrown as is.
 */
export async function retrying<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (e) {
      if (attempt >= options.attempts || !options.when(e, attempt)) throw e;
      options.onRetry?.(e, attempt);
      const pause = options.delayMs?.(attempt) ?? 0;
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
