#!/usr/bin/env node
// Remakes the upgrade fixtures of this folder (see README.md): the databases that an older
// Pointage left, one per dialect, which apps/api/src/database/upgrade.int-spec.ts upgrades.
//
//   node apps/api/test/upgrade/make-fixtures.mjs [<commit>]     (default: fcbe4fd^)
//
// Needs: node_modules installed in this checkout, MariaDB on 127.0.0.1:3306 (root, no
// password, or MARIADB_TEST_URL), the `sqlite3` and `mariadb-dump` commands.
// It checks the commit out in a worktree under /tmp (node_modules linked from here), builds
// its API, starts it once on SQLite and once on MariaDB as a local install's first start with
// demo data, stops it, dumps each database as SQL and writes fixture.json.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../../..');
const COMMIT_ARG = process.argv[2] ?? 'fcbe4fd^';
const ADMIN_URL = process.env.MARIADB_TEST_URL ?? 'mysql://root@127.0.0.1:3306';

// Test data, fine to commit: nothing real is protected by these.
const SUPER_ADMIN = { email: 'super-admin@fixture.test', password: 'une phrase de passe pour la mise à jour' };
const STRUCTURE = 'Ludothèque des Essais';
const JWT_SECRET = 'fixture-secret-of-the-upgrade-test-0123456789';

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitForHealthy(url, child, timeoutMs = 120_000) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the old API exited with ${child.exitCode} before it was healthy`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} not healthy after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** First start of the old API on one database; returns what first-run-credentials.txt says. */
async function firstStart(worktree, dialect, databaseUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), `pointage-fixture-${dialect}-`));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DB_TYPE: dialect,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    POINTAGE_MODE: 'local',
    POINTAGE_DEMO: 'true',
    POINTAGE_FIRST_STRUCTURE: STRUCTURE,
    POINTAGE_SUPERADMIN_EMAIL: SUPER_ADMIN.email,
    POINTAGE_SUPERADMIN_PASSWORD: SUPER_ADMIN.password,
    JWT_SECRET,
    MAIL_TRANSPORT: 'file',
    WEB_ROOT: join(dataDir, 'no-web'),
    LOG_REQUESTS: 'false',
  };
  const child = spawn(process.execPath, [join(worktree, 'dist/apps/api/main.js')], {
    cwd: worktree,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((ok) => child.once('exit', (code) => ok(code)));
  try {
    // Demo data is added before the server listens: healthy means done.
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`the old API exited with ${code} on SIGTERM`);
  const text = readFileSync(join(dataDir, 'first-run-credentials.txt'), 'utf8');
  const field = (label) => {
    const m = new RegExp(`^${label} : (.+)$`, 'm').exec(text);
    if (!m) throw new Error(`no "${label}" in first-run-credentials.txt:\n${text}`);
    return m[1].trim();
  };
  return { dataDir, structure: field('Structure'), admin: { login: field('Identifiant'), password: field('Mot de passe') } };
}

function sqliteCounts(file) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get().n]));
  } finally {
    db.close();
  }
}

async function mariadbCounts(url) {
  const c = await createConnection({ uri: url });
  try {
    const [tables] = await c.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    );
    const out = {};
    for (const { name } of tables) {
      const [[row]] = await c.query(`SELECT COUNT(*) AS n FROM \`${name}\``);
      out[name] = Number(row.n);
    }
    return out;
  } finally {
    await c.end();
  }
}

async function main() {
  const commit = git('rev-parse', `${COMMIT_ARG}^{commit}`);
  const subject = git('log', '-1', '--format=%s', commit);
  const worktree = join(tmpdir(), `pointage-fixture-${commit.slice(0, 8)}`);
  if (existsSync(worktree)) git('worktree', 'remove', '--force', worktree);
  git('worktree', 'add', '--detach', worktree, commit);
  let dbName = null;
  const dataDirs = [];
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(worktree, 'node_modules'));
    console.log(`Building the API of ${commit.slice(0, 10)} (${subject})…`);
    execFileSync('npx', ['nx', 'build', 'api', '--skip-nx-cache'], {
      cwd: worktree,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });

    // SQLite.
    const sqlite = await firstStart(worktree, 'sqlite');
    dataDirs.push(sqlite.dataDir);
    const sqliteFile = join(sqlite.dataDir, 'pointage.sqlite');
    writeFileSync(join(HERE, 'sqlite.sql'), execFileSync('sqlite3', [sqliteFile, '.dump'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    const sqliteRows = sqliteCounts(sqliteFile);

    // MariaDB.
    dbName = `pointage_fixture_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection({ uri: ADMIN_URL });
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    const mariadb = await firstStart(worktree, 'mariadb', url.toString());
    dataDirs.push(mariadb.dataDir);
    const u = new URL(ADMIN_URL);
    const dumpArgs = [
      `--host=${u.hostname}`,
      `--port=${u.port || '3306'}`,
      `--user=${decodeURIComponent(u.username)}`,
      ...(u.password ? [`--password=${decodeURIComponent(u.password)}`] : []),
      '--single-transaction',
      '--skip-comments',
      '--skip-dump-date',
      dbName,
    ];
    writeFileSync(join(HERE, 'mariadb.sql'), execFileSync('mariadb-dump', dumpArgs, { encoding: 'utf8', maxBuffer: 64 << 20 }));
    const mariadbRows = await mariadbCounts(url.toString());

    const fixture = {
      madeWith: { commit, subject },
      madeBy: 'apps/api/test/upgrade/make-fixtures.mjs',
      superAdmin: SUPER_ADMIN,
      structure: sqlite.structure,
      admin: { sqlite: sqlite.admin, mariadb: mariadb.admin },
      rows: { sqlite: sqliteRows, mariadb: mariadbRows },
    };
    writeFileSync(join(HERE, 'fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
    console.log(`Fixtures written in ${HERE}.`);
  } finally {
    if (dbName) {
      const admin = await createConnection({ uri: ADMIN_URL });
      await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await admin.end();
    }
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
    git('worktree', 'remove', '--force', worktree);
  }
}

await main();
