import Database from 'better-sqlite3';
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { testDialect, TestDialect } from '../../test/harness';
import { createTempDatabase } from '../../test/mariadb';
import { assertBundleBuilt, collect, Exited, runApi, spawnApi, waitForHealthy } from '../../test/process';
import { freePort } from '@pointage/test-support';
import { MARIADB_MIGRATIONS } from './migrations/mariadb';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * Upgrade of an install made by an older Pointage (apps/api/test/upgrade/: the
 * databases a first start with demo data left at fcbe4fd^, before the last
 * migration): the current built API starts on it, applies what is missing, and
 * every row is still there. A migration that fails leaves the database exactly
 * as it was — schema, migrations table, rows — and the process exits 1 with one
 * French line; once the cause is gone, the next start upgrades.
 */
const FIXTURES = join(__dirname, '../../test/upgrade');

interface Fixture {
  madeWith: { commit: string };
  superAdmin: { email: string; password: string };
  structure: string;
  admin: Record<TestDialect, { login: string; password: string }>;
  rows: Record<TestDialect, Record<string, number>>;
}

const dialect = testDialect();
const fixture: Fixture = JSON.parse(readFileSync(join(FIXTURES, 'fixture.json'), 'utf8'));
const expectedRows = fixture.rows[dialect];
const CURRENT = (dialect === 'sqlite' ? SQLITE_MIGRATIONS : MARIADB_MIGRATIONS).map((M) => {
  const m = new M();
  return m.name ?? M.name;
});
/** The migration the sabotage below makes fail on its last statement. */
const SABOTAGED = 'SharedThrottleAndSlotsVersion1796044761203';
const FAILURE_LINE = new RegExp(
  `^Erreur : La migration ${SABOTAGED} a échoué : .+\\. La base est restée dans son état d'avant cette migration \\(.+ ; dernière migration appliquée : \\w+\\)\\. Pointage ne démarre pas`,
);

/** A database of the run's dialect loaded with the fixture, and plain SQL on it. */
interface Install {
  env: Record<string, string>;
  /** Runs statements (several, separated by semicolons). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
  tables(): Promise<string[]>;
  /** Everything the schema is made of, read independently of the code under test. */
  schema(): Promise<unknown>;
  dispose(): Promise<void>;
}

async function loadFixture(): Promise<Install> {
  const dir = mkdtempSync(join(tmpdir(), 'pointage-upgrade-'));
  const dump = readFileSync(join(FIXTURES, `${dialect}.sql`), 'utf8');
  if (dialect === 'sqlite') {
    const file = join(dir, 'pointage.sqlite');
    const open = () => new Database(file);
    const first = open();
    first.exec(dump);
    first.close();
    const query = async <T>(sql: string): Promise<T[]> => {
      const db = open();
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    };
    const tables = async () =>
      (await query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).map(
        (r) => r.name,
      );
    return {
      env: { DATA_DIR: dir, DB_TYPE: 'sqlite' },
      exec: async (sql) => {
        const db = open();
        try {
          db.exec(sql);
        } finally {
          db.close();
        }
      },
      query,
      tables,
      schema: async () => {
        const master = await query('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name');
        const columns: Record<string, unknown> = {};
        for (const t of await tables()) columns[t] = await query(`PRAGMA table_info("${t}")`);
        return { master, columns };
      },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const db = await createTempDatabase('upgrade');
  const loader = await createConnection({ uri: db.url, multipleStatements: true });
  try {
    await loader.query(dump);
  } finally {
    await loader.end();
  }
  const run = async <T>(sql: string, multipleStatements = false): Promise<T[]> => {
    const c = await createConnection({ uri: db.url, multipleStatements });
    try {
      const [rows] = await c.query(sql);
      return rows as T[];
    } finally {
      await c.end();
    }
  };
  const tables = async () =>
    (
      await run<{ t: string }>(
        "SELECT TABLE_NAME t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY t",
      )
    ).map((r) => r.t);
  return {
    env: { DATA_DIR: dir, DB_TYPE: 'mariadb', DATABASE_URL: db.url },
    exec: async (sql) => {
      await run(sql, true);
    },
    query: (sql) => run(sql),
    tables,
    schema: async () => {
      const where = 'WHERE TABLE_SCHEMA = DATABASE()';
      const create: Record<string, string> = {};
      for (const t of await tables()) create[t] = (await run<Record<string, string>>(`SHOW CREATE TABLE \`${t}\``))[0]['Create Table'];
      return {
        tables: await run(
          `SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION FROM information_schema.TABLES ${where} ORDER BY TABLE_NAME`,
        ),
        columns: await run(
          `SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLLATION_NAME
           FROM information_schema.COLUMNS ${where} ORDER BY TABLE_NAME, ORDINAL_POSITION`,
        ),
        indexes: await run(
          `SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE, SUB_PART
           FROM information_schema.STATISTICS ${where} ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
        ),
        foreignKeys: await run(
          `SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
           FROM information_schema.KEY_COLUMN_USAGE ${where} AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`,
        ),
        create,
      };
    },
    dispose: async () => {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function rowCounts(install: Install): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await install.tables())
    out[t] = Number((await install.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${dialect === 'sqlite' ? `"${t}"` : `\`${t}\``}`))[0].n);
  return out;
}

const migrationRows = (install: Install) =>
  install.query<{ id: number; timestamp: number; name: string }>('SELECT id, timestamp, name FROM migrations ORDER BY id');

/** Everything a failed start must leave as it found it. */
async function state(install: Install) {
  return { schema: await install.schema(), migrations: await migrationRows(install), rows: await rowCounts(install) };
}

/**
 * Makes the first pending migration fail on its last statement, after its first
 * statements succeeded.
 * - MariaDB: `structure` already has a `slots_version` column, so the two CREATE
 *   TABLEs pass (and commit at once: DDL) and the final ALTER TABLE fails.
 * - SQLite: the migration rebuilds `structure` (new table, copy, drop, rename)
 *   and ends by creating its unique index on `slug`; a second structure with
 *   the same slug (its unique index swapped for a plain one of the same name)
 *   makes that last statement fail after the table was rebuilt.
 */
const SABOTAGE: Record<TestDialect, { add: string; remove: string }> = {
  mariadb: {
    add: 'ALTER TABLE `structure` ADD `slots_version` varchar(10) NULL',
    remove: 'ALTER TABLE `structure` DROP COLUMN `slots_version`',
  },
  sqlite: {
    add: `DROP INDEX "IDX_65898d188590fbd9e5f6657fcb";
          CREATE INDEX "IDX_65898d188590fbd9e5f6657fcb" ON "structure" ("slug");
          INSERT INTO "structure" ("name", "slug", "created_at") SELECT 'Doublon', "slug", "created_at" FROM "structure" WHERE "id" = 1;`,
    remove: `DELETE FROM "structure" WHERE "name" = 'Doublon';
             DROP INDEX "IDX_65898d188590fbd9e5f6657fcb";
             CREATE UNIQUE INDEX "IDX_65898d188590fbd9e5f6657fcb" ON "structure" ("slug");`,
  },
};

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describe(`upgrade of an install made by ${fixture.madeWith.commit.slice(0, 7)} (${dialect})`, () => {
  let install: Install;
  const running: ChildProcess[] = [];

  beforeAll(() => assertBundleBuilt());
  beforeEach(async () => {
    install = await loadFixture();
  });
  afterEach(async () => {
    for (const child of running.splice(0)) child.kill('SIGKILL');
    await install.dispose();
  });

  function env(port: number): Record<string, string> {
    return {
      ...install.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      POINTAGE_MODE: 'local',
      WEB_ROOT: join(install.env['DATA_DIR'], 'no-web'),
    };
  }

  /** Starts the current API on the install and waits until it is healthy. */
  async function start(): Promise<{ base: string; stop(): Promise<Exited> }> {
    const port = await freePort();
    const child = spawnApi({ env: env(port) });
    running.push(child);
    const exited = collect(child, 120_000);
    const base = `http://127.0.0.1:${port}`;
    const died = exited.then((e) =>
      Promise.reject(new Error(`the API exited (${e.code}) before it was healthy:\n${e.stdout}\n${e.stderr}`)),
    );
    await Promise.race([waitForHealthy(`${base}/api/health`, 60_000), died]);
    died.catch(() => undefined);
    return {
      base,
      stop: async () => {
        child.kill('SIGTERM');
        return exited;
      },
    };
  }

  async function api(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<Answer> {
    const res = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }

  async function login(base: string, loginName: string, password: string): Promise<string> {
    const res = await api(base, 'POST', '/api/auth/login', null, { login: loginName, password });
    expect({ login: loginName, status: res.status, message: res.body['message'] }).toEqual({
      login: loginName,
      status: 200,
      message: undefined,
    });
    return res.body['accessToken'] as string;
  }

  async function expectUpgraded(rowsBefore: Record<string, number>): Promise<void> {
    // Every migration of this version, once each, in order.
    const applied = await migrationRows(install);
    expect(applied.map((r) => r.name)).toEqual(CURRENT);
    // Not one row lost or added by the upgrade (the migrations table gained the new ones).
    const rows = await rowCounts(install);
    for (const [table, n] of Object.entries(rowsBefore)) {
      expect({ table, rows: rows[table] }).toEqual({ table, rows: table === 'migrations' ? CURRENT.length : n });
    }
    // What the new migration brought.
    expect(rows['throttle_event']).toBe(0);
    expect(rows['throttle_key']).toBe(0);
    const versions = await install.query<{ v: number }>('SELECT slots_version AS v FROM structure');
    expect(versions.map((r) => Number(r.v))).toEqual([0]);
  }

  it('the fixture is what fixture.json says, and some migrations are pending', async () => {
    expect(await rowCounts(install)).toEqual(expectedRows);
    const applied = (await migrationRows(install)).map((r) => r.name);
    expect(CURRENT.slice(0, applied.length)).toEqual(applied);
    expect(CURRENT[applied.length]).toBe(SABOTAGED);
  });

  it('upgrades: every migration applied once, every row kept, the accounts log in with their old passwords, the admin sees the demo families', async () => {
    const server = await start();
    // Checked before anything logs in (a login writes the throttle and the audit log).
    await expectUpgraded(expectedRows);

    const superToken = await login(server.base, fixture.superAdmin.email, fixture.superAdmin.password);
    const structures = await api(server.base, 'GET', '/api/super-admin/structures', superToken);
    expect(structures.status).toBe(200);
    expect((structures.body as unknown as { name: string }[]).map((s) => s.name)).toEqual([fixture.structure]);

    const admin = fixture.admin[dialect];
    const adminToken = await login(server.base, admin.login, admin.password);
    const families = await api(server.base, 'GET', '/api/families?pageSize=200&archived=all', adminToken);
    expect(families.status).toBe(200);
    const names = await install.query<{ name: string }>('SELECT name FROM family ORDER BY name');
    expect(families.body['total']).toBe(expectedRows['family']);
    expect((families.body['items'] as { name: string }[]).map((f) => f.name).sort()).toEqual(names.map((f) => f.name).sort());
    // A wrong password is still refused.
    expect((await api(server.base, 'POST', '/api/auth/login', null, { login: admin.login, password: `${admin.password}x` })).status).toBe(
      401,
    );

    expect((await server.stop()).code).toBe(0);
  }, 120_000);

  it('a migration that fails on its last statement leaves the database as it was, exits 1 with one French line; without the cause, the next start upgrades', async () => {
    await install.exec(SABOTAGE[dialect].add);
    const before = await state(install);

    const failed = await runApi({ env: env(await freePort()), timeoutMs: 60_000 });
    expect(failed.code).toBe(1);
    const lines = failed.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(FAILURE_LINE);
    expect(lines[0]).toContain(`dernière migration appliquée : ${before.migrations.at(-1)?.name}`);
    expect(failed.stderr + failed.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    if (dialect === 'mariadb') expect(lines[0]).toMatch(/retiré : .*table « throttle_event »/);

    const after = await state(install);
    expect(after.migrations).toEqual(before.migrations);
    expect(after.rows).toEqual(before.rows);
    expect(after.schema).toEqual(before.schema);
    if (dialect === 'sqlite') {
      expect(await install.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await install.query('PRAGMA foreign_key_check')).toEqual([]);
    }

    // A second failed start changes nothing either.
    const again = await runApi({ env: env(await freePort()), timeoutMs: 60_000 });
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toMatch(FAILURE_LINE);
    expect(await state(install)).toEqual(before);

    // The cause removed, the upgrade goes through.
    await install.exec(SABOTAGE[dialect].remove);
    const server = await start();
    await expectUpgraded(expectedRows);
    expect((await server.stop()).code).toBe(0);
  }, 180_000);
});
