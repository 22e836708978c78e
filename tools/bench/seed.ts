// The bench's databases: a fresh one per dialect (SQLite in the dialect's temp folder; MariaDB
// in a temp database pointage_bench_<random>, dropped at the end, even on failure), seeded with
// the built CLI, and the bench's own connection to it (plain SQL baselines and checks).
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/workspace.mjs';
import { Dialect, onCleanup } from './common';
import type { BenchOptions } from './options';

export const MARIADB_URL = process.env['MARIADB_BENCH_URL'] ?? process.env['MARIADB_TEST_URL'] ?? 'mysql://root@127.0.0.1:3306';

/** Where the dialect's data lives: the SQLite file, or the MariaDB database (its URL and name). */
export type BenchTarget = { dialect: 'sqlite'; sqlitePath: string } | { dialect: 'mariadb'; url: string; name: string };

/** A structure of the seed. */
export interface SeedStructure {
  id: number | string;
  slug: string;
}

/** A row as the drivers give it: column name -> value. */
export type Row = Record<string, unknown>;

export interface BenchDb {
  dialect: Dialect;
  /** Rows of a reading statement (the caller states their shape); nothing useful for a writing one. */
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** One multi-row INSERT in a transaction; returns milliseconds. */
  timedInsert(sql: string, params: unknown[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * The database of a dialect, created empty (the app's migrations run with the seed), and the
 * environment of the CLI and the app pointing at it. The MariaDB database is dropped by the cleanups.
 */
export async function createBenchDatabase(dialect: Dialect, work: string): Promise<{ env: NodeJS.ProcessEnv; target: BenchTarget }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: 'UTC',
    DATA_DIR: join(work, 'data'),
    DB_TYPE: dialect,
    POINTAGE_DEMO: 'false',
    NX_DAEMON: 'false',
  };
  delete env['DATABASE_URL'];
  if (dialect === 'sqlite') return { env, target: { dialect, sqlitePath: join(work, 'data', 'pointage.sqlite') } };
  const name = `pointage_bench_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: MARIADB_URL, connectTimeout: 5000 });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  onCleanup(async () => {
    const c = await createConnection({ uri: MARIADB_URL });
    try {
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      console.log(`  (base MariaDB ${name} supprimée)`);
    } finally {
      await c.end();
    }
  });
  const u = new URL(MARIADB_URL);
  u.pathname = `/${name}`;
  env['DATABASE_URL'] = u.toString();
  return { env, target: { dialect, url: u.toString(), name } };
}

export async function openBenchDb(target: BenchTarget): Promise<BenchDb> {
  if (target.dialect === 'sqlite') {
    const db = new Database(target.sqlitePath);
    db.pragma('busy_timeout = 10000');
    return {
      dialect: 'sqlite',
      query<T>(sql: string, params: unknown[] = []) {
        const stmt = db.prepare(sql);
        // A writing statement gives its RunResult, which no caller reads.
        return Promise.resolve((stmt.reader ? stmt.all(...params) : [stmt.run(...params)]) as T[]);
      },
      timedInsert(sql, params) {
        const t0 = performance.now();
        db.transaction(() => db.prepare(sql).run(...params))();
        return Promise.resolve(performance.now() - t0);
      },
      close() {
        db.close();
        return Promise.resolve();
      },
    };
  }
  const c = await createConnection({ uri: target.url, timezone: 'Z', dateStrings: true });
  return {
    dialect: 'mariadb',
    async query<T>(sql: string, params: unknown[] = []) {
      const [rows] = await c.query(sql, params);
      return rows as T[];
    },
    async timedInsert(sql, params) {
      const t0 = performance.now();
      await c.beginTransaction();
      await c.query(sql, params);
      await c.commit();
      return performance.now() - t0;
    },
    async close() {
      await c.end();
    },
  };
}

/** `cli.js seed` of the built app, one progress line in ten printed; its whole output goes to `logFile`. */
export function runSeed(env: NodeJS.ProcessEnv, o: BenchOptions, logFile: string): Promise<{ ms: number; output: string }> {
  return new Promise((resolve, reject) => {
    const args = [
      'dist/apps/api/cli.js',
      'seed',
      '--structures',
      String(o.structures),
      '--families',
      String(o.families),
      '--years',
      String(o.years),
    ];
    console.log(`  $ node ${args.join(' ')}`);
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onCleanup(() => child.exitCode === null && child.kill('SIGKILL'));
    const log = createWriteStream(logFile);
    let out = '';
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      out += text;
      log.write(text);
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^\s+\[(\d+)\/(\d+)\]/.exec(line);
        // One progress line in ten, and the summary.
        if (m && Number(m[1]) % 10 !== 0 && m[1] !== m[2] && m[1] !== '1') continue;
        console.log(`  | ${line}`);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      log.write(d);
      process.stderr.write(`  ! ${d.toString()}`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      log.end();
      if (code === 0) resolve({ ms: performance.now() - t0, output: out });
      else reject(new Error(`le seed a échoué (code ${code}), voir ${logFile}`));
    });
  });
}

export interface RowCounts {
  structures: number;
  families: number;
  members: number;
  slots: number;
  attendance: number;
}

/** The first row's `n`, as a number (COUNT, SUM). */
export async function count(db: BenchDb, sql: string, params?: unknown[]): Promise<number> {
  const [row] = await db.query<{ n: unknown }>(sql, params);
  return Number(row?.n);
}

/** What the seed wrote. */
export async function countRows(db: BenchDb): Promise<RowCounts> {
  return {
    structures: await count(db, 'SELECT COUNT(*) AS n FROM structure'),
    families: await count(db, 'SELECT COUNT(*) AS n FROM family'),
    members: await count(db, 'SELECT COUNT(*) AS n FROM member'),
    slots: await count(db, 'SELECT COUNT(*) AS n FROM slot'),
    attendance: await count(db, 'SELECT COUNT(*) AS n FROM attendance'),
  };
}

/** Size of the database: the SQLite file and its WAL, or MariaDB's data and indexes. */
export async function databaseBytes(db: BenchDb, target: BenchTarget): Promise<number> {
  if (target.dialect === 'sqlite') {
    const wal = `${target.sqlitePath}-wal`;
    return statSync(target.sqlitePath).size + (existsSync(wal) ? statSync(wal).size : 0);
  }
  return count(db, 'SELECT SUM(data_length + index_length) AS n FROM information_schema.TABLES WHERE table_schema = ?', [target.name]);
}
