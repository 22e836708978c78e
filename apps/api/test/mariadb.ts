import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/**
 * Throw-away MariaDB databases for tests and tools. The server is the one of the
 * machine (127.0.0.1:3306, root, empty password) unless MARIADB_TEST_URL says otherwise.
 */
export const MARIADB_ADMIN_URL = process.env['MARIADB_TEST_URL'] ?? 'mysql://root@127.0.0.1:3306';

/**
 * Every database created here starts with this prefix, which carries the id of
 * the test run, so that tools/test/run-all.mjs can drop what a crashed run left.
 */
export const TEMP_DB_PREFIX = `pointage_t_${(process.env['POINTAGE_TEST_RUN'] ?? 'dev').replace(/[^a-z0-9]/gi, '')}_`;

export async function mariadbReachable(): Promise<boolean> {
  try {
    const c = await createConnection({ uri: MARIADB_ADMIN_URL, connectTimeout: 2000 });
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export interface TempDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * `collation`: the database's default, which its tables take (the migrations name none).
 * The documented one by default; another to test an install whose database was created
 * without `COLLATE` (the server's default, utf8mb4_general_ci on Debian's MariaDB 10.11).
 */
export async function createTempDatabase(label = 'x', collation = 'utf8mb4_unicode_ci'): Promise<TempDatabase> {
  const name = `${TEMP_DB_PREFIX}${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: MARIADB_ADMIN_URL });
  try {
    if (!/^utf8mb4_\w+$/.test(collation)) throw new Error(`collation: ${collation}`);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE ${collation}`);
  } finally {
    await admin.end();
  }
  const base = new URL(MARIADB_ADMIN_URL);
  base.pathname = `/${name}`;
  return {
    name,
    url: base.toString(),
    drop: async () => {
      const c = await createConnection({ uri: MARIADB_ADMIN_URL });
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await c.end();
      }
    },
  };
}
