#!/usr/bin/env node
// `npm run bench`: federation-scale benchmark of the built app, on SQLite and on MariaDB.
//
// For each dialect: a fresh database (SQLite in a temp DATA_DIR; MariaDB in a temp database
// pointage_bench_<random>, dropped at the end, even on failure), seeded with the CLI
// (`cli.js seed --structures 50 --families 500 --years 3`: the issue asks for at least 300 families;
// 500 give ~90,000 members, so that 30 s of validations each record a member), then the built app started as a
// child process (NODE_ENV=production), and measured:
//   (a) POST /api/slots/generate for 5 years x 6 days x 3 ranges, against a raw multi-row INSERT
//       of the same rows done by the bench (target < 1 s);
//   (b) POST /api/family/attendance (kiosk VALIDER) under 50 connections for 30 s, many
//       pre-logged families in rotation, a fresh idempotency key per request, against
//       GET /api/health under the same load (target p95 < 50 ms and >= 25 % of health's
//       throughput); then SQL checks: no non-2xx, no duplicate (member, slot), one key per request;
//   (c) GET /api/public/structures/:slug/kiosk (kiosk home counter) under 50 connections for 10 s.
//   (d) statistics, (e) XLSX export of the attendance list, (f) statistics PDF: see reports.mjs.
// Prints a table per dialect and, at the end, a Markdown table for docs/performance.md.
// Exits non-zero on errors or duplicates (a missed target is printed MISSED, not an error).
//
// Options (flags win over environment variables):
//   --quick                         3 structures x 60 families x 1 year, short runs (a check that it works)
//   --dialects sqlite,mariadb       BENCH_DIALECTS
//   --structures N --families N --years N          BENCH_STRUCTURES, BENCH_FAMILIES, BENCH_YEARS
//   --duration S (kiosk validation and health)     BENCH_DURATION      (30)
//   --home-duration S (kiosk home)                 BENCH_HOME_DURATION (10)
//   --connections N                                BENCH_CONNECTIONS   (50)
//   --logins N (families logged in beforehand)     BENCH_LOGINS        (480)
//   --phases a,b,c,d,e,f (which measures)          BENCH_PHASES        (all; d, e, f are in reports.mjs)
//   --replicas N (MariaDB: (b) again on N app processes sharing the database)   BENCH_REPLICAS (1)
//   MARIADB_BENCH_URL (default mysql://root@127.0.0.1:3306)
//   BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   extra node flags of the server (profiling)
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNodeVersion, ensureBuilt, ROOT } from '../lib/workspace.mjs';
import { benchReports, loopMonitorArgs, reportMarkdown, reportRows } from './reports.mjs';

const SEED_PASSWORD = 'demo-pointage';
const MARIADB_URL = process.env.MARIADB_BENCH_URL ?? process.env.MARIADB_TEST_URL ?? 'mysql://root@127.0.0.1:3306';
const TARGET = { generationMs: 1000, validationP95: 50, validationShare: 0.25 };

// ------------------------------------------------------------------ options

function parseOptions(argv) {
  const env = process.env;
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1';
  const o = {
    quick,
    dialects: (env.BENCH_DIALECTS ?? 'sqlite,mariadb').split(','),
    structures: Number(env.BENCH_STRUCTURES ?? (quick ? 3 : 50)),
    families: Number(env.BENCH_FAMILIES ?? (quick ? 60 : 500)),
    years: Number(env.BENCH_YEARS ?? (quick ? 1 : 3)),
    duration: Number(env.BENCH_DURATION ?? (quick ? 8 : 30)),
    homeDuration: Number(env.BENCH_HOME_DURATION ?? (quick ? 4 : 10)),
    connections: Number(env.BENCH_CONNECTIONS ?? 50),
    logins: Number(env.BENCH_LOGINS ?? (quick ? 120 : 480)),
    phases: new Set((env.BENCH_PHASES ?? 'a,b,c,d,e,f').split(',').map((x) => x.trim())),
    replicas: Number(env.BENCH_REPLICAS ?? 1),
  };
  const numeric = {
    '--structures': 'structures',
    '--families': 'families',
    '--years': 'years',
    '--duration': 'duration',
    '--home-duration': 'homeDuration',
    '--connections': 'connections',
    '--logins': 'logins',
    '--replicas': 'replicas',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') continue;
    if (a === '--dialects') o.dialects = String(argv[++i] ?? '').split(',');
    else if (a === '--phases')
      o.phases = new Set(
        String(argv[++i] ?? '')
          .split(',')
          .map((x) => x.trim()),
      );
    else if (numeric[a]) o[numeric[a]] = Number(argv[++i]);
    else {
      console.error(`Option inconnue : ${a}`);
      process.exit(2);
    }
  }
  for (const key of Object.values(numeric)) {
    if (!Number.isInteger(o[key]) || o[key] < 1) {
      console.error(`Valeur invalide pour ${key} : ${o[key]}`);
      process.exit(2);
    }
  }
  o.dialects = o.dialects.map((d) => d.trim()).filter(Boolean);
  if (!o.dialects.every((d) => d === 'sqlite' || d === 'mariadb')) {
    console.error('--dialects : sqlite, mariadb ou les deux.');
    process.exit(2);
  }
  return o;
}

// ------------------------------------------------------------------ small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (n, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(n);

function todayIn(timeZone, at = new Date()) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

function shiftYears(date, years) {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 && !leap ? 28 : d).padStart(2, '0')}`;
}

function isoWeekday(date) {
  const [y, m, d] = date.split('-').map(Number);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Runs `fn` on `items` with at most `limit` at a time. */
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// ------------------------------------------------------------------ cleanup (always)

const cleanups = [];
let cleaning = null;
function runCleanups() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        console.error(`Nettoyage : ${e.message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal} : arrêt du benchmark, nettoyage…`);
    void runCleanups().then(() => process.exit(130));
  });
}

// ------------------------------------------------------------------ database access of the bench

async function openBenchDb(dialect, target) {
  if (dialect === 'sqlite') {
    const db = new Database(target.sqlitePath);
    db.pragma('busy_timeout = 10000');
    return {
      dialect,
      async query(sql, params = []) {
        const stmt = db.prepare(sql);
        return stmt.reader ? stmt.all(...params) : stmt.run(...params);
      },
      /** One multi-row INSERT in a transaction; returns milliseconds. */
      async timedInsert(sql, params) {
        const t0 = performance.now();
        db.transaction(() => db.prepare(sql).run(...params))();
        return performance.now() - t0;
      },
      async close() {
        db.close();
      },
    };
  }
  const c = await createConnection({ uri: target.url, timezone: 'Z', dateStrings: true });
  return {
    dialect,
    async query(sql, params = []) {
      const [rows] = await c.query(sql, params);
      return rows;
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

// ------------------------------------------------------------------ processes

function runSeed(env, o, logFile) {
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
    const kill = () => child.exitCode === null && child.kill('SIGKILL');
    cleanups.push(kill);
    const log = createWriteStream(logFile);
    let out = '';
    let buffered = '';
    child.stdout.on('data', (d) => {
      const text = d.toString();
      out += text;
      log.write(text);
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const m = /^\s+\[(\d+)\/(\d+)\]/.exec(line);
        // One progress line in ten, and the summary.
        if (m && Number(m[1]) % 10 !== 0 && m[1] !== m[2] && m[1] !== '1') continue;
        console.log(`  | ${line}`);
      }
    });
    child.stderr.on('data', (d) => {
      log.write(d);
      process.stderr.write(`  ! ${d}`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      log.end();
      if (code === 0) resolve({ ms: performance.now() - t0, output: out });
      else reject(new Error(`le seed a échoué (code ${code}), voir ${logFile}`));
    });
  });
}

async function startApp(env, logFile) {
  // The server writes straight into its log file: nothing is lost while the bench itself is busy.
  const fd = openSync(logFile, 'a');
  // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The event-loop monitor of reports.mjs (phase e), preloaded: production code knows nothing of it.
  const loopFile = `${logFile}.loop.json`;
  const monitor = loopMonitorArgs(loopFile);
  const child = spawn(process.execPath, [...nodeArgs, ...monitor.args, join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: { ...env, ...monitor.env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const stop = async () => {
    if (exited) return;
    const done = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 15_000);
    await done;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  const base = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(`l'application s'est arrêtée au démarrage (code ${exited.code}) :\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { base, pid: child.pid, stop, crashed: () => exited, loopFile: monitor.args.length ? loopFile : null };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`l'application n'a pas répondu en 120 s, voir ${logFile}`);
}

// ------------------------------------------------------------------ HTTP

async function api(base, method, path, { token, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

async function loginAs(base, login, structure) {
  const res = await api(base, 'POST', '/api/auth/login', { body: { login, password: SEED_PASSWORD, ...(structure ? { structure } : {}) } });
  if (res.status !== 200) throw new Error(`connexion de ${login} refusée : ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) used so far by a process, from /proc; NaN when it cannot be read. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/**
 * CPU used so far by the load generator (this process) and by the given processes
 * ({ server: pid, mariadb: pid }). CPU time per request is far less noisy than
 * latency on a shared machine: it tells whether a change made a request cheaper
 * even when the machine's speed drifts between runs.
 */
function cpuSnapshot(pids) {
  const out = {};
  for (const [name, pid] of Object.entries(pids)) if (pid) out[name] = cpuSeconds(pid);
  const u = process.cpuUsage();
  out.generator = (u.user + u.system) / 1e6;
  return out;
}

/** The pid of the local MariaDB server, when the bench's database is on this machine (else null). */
function localMariaDbPid() {
  if (!/@(127\.0\.0\.1|localhost)(:|\/|$)/.test(MARIADB_URL)) return null;
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const pid = Number(execFileSync('pidof', ['-s', name], { encoding: 'utf8' }).trim());
      if (pid) return pid;
    } catch {
      // not running under this name
    }
  }
  return null;
}

/**
 * autocannon in this process; latencies of every response are kept to compute
 * exact percentiles (autocannon's summary has no p95).
 */
function load(base, { connections, duration, requests, cpu = {} }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const cpuBefore = cpuSnapshot(cpu);
    const instance = autocannon({ url: base, connections, duration, requests, timeout: 30 }, (err, result) => {
      if (err) return reject(err);
      const cpuAfter = cpuSnapshot(cpu);
      latencies.sort((a, b) => a - b);
      const count = latencies.length;
      const ms = (v) => Math.round(v * 10) / 10;
      const non2xx = Object.entries(statuses)
        .filter(([s]) => !s.startsWith('2'))
        .reduce((n, [, c]) => n + c, 0);
      resolve({
        requests: count,
        rps: count / result.duration,
        p50: ms(percentile(latencies, 50)),
        p95: ms(percentile(latencies, 95)),
        p99: ms(percentile(latencies, 99)),
        max: ms(latencies[count - 1] ?? NaN),
        non2xx,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
        // CPU time per answered request, in µs, of each process (see cpuSnapshot).
        cpuPerRequest: Object.fromEntries(Object.keys(cpuAfter).map((k) => [k, ((cpuAfter[k] - cpuBefore[k]) * 1e6) / Math.max(1, count)])),
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

// ------------------------------------------------------------------ one dialect

async function benchDialect(dialect, o) {
  const r = { dialect, errors: [], checks: {} };
  const work = mkdtempSync(join(tmpdir(), `pointage-bench-${dialect}-`));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const env = { ...process.env, TZ: 'UTC', DATA_DIR: join(work, 'data'), DB_TYPE: dialect, POINTAGE_DEMO: 'false', NX_DAEMON: 'false' };
  delete env.DATABASE_URL;
  let target;
  if (dialect === 'sqlite') {
    target = { sqlitePath: join(work, 'data', 'pointage.sqlite') };
  } else {
    const name = `pointage_bench_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection({ uri: MARIADB_URL, connectTimeout: 5000 });
    try {
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await admin.end();
    }
    cleanups.push(async () => {
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
    target = { url: u.toString(), name };
    env.DATABASE_URL = target.url;
  }

  // 1. Seed with the CLI.
  console.log(`\n[${dialect}] Données : ${o.structures} structures × ${o.families} familles × ${o.years} an(s)`);
  const seed = await runSeed(env, o, join(work, 'seed.log'));
  r.seedMs = seed.ms;
  const db = await openBenchDb(dialect, target);
  cleanups.push(() => db.close());
  const count = async (sql, params) => Number((await db.query(sql, params))[0].n);
  r.rows = {
    structures: await count('SELECT COUNT(*) AS n FROM structure'),
    families: await count('SELECT COUNT(*) AS n FROM family'),
    members: await count('SELECT COUNT(*) AS n FROM member'),
    slots: await count('SELECT COUNT(*) AS n FROM slot'),
    attendance: await count('SELECT COUNT(*) AS n FROM attendance'),
  };
  r.dbBytes =
    dialect === 'sqlite'
      ? statSync(target.sqlitePath).size + (existsSync(`${target.sqlitePath}-wal`) ? statSync(`${target.sqlitePath}-wal`).size : 0)
      : await count('SELECT SUM(data_length + index_length) AS n FROM information_schema.TABLES WHERE table_schema = ?', [target.name]);
  console.log(
    `  seed : ${(r.seedMs / 1000).toFixed(1)} s — ${fmt(r.rows.attendance)} présences, ${fmt(r.rows.members)} membres, ${fmt(r.rows.slots)} créneaux ` +
      `(${fmt(r.rows.attendance / (r.seedMs / 1000))} présences/s), base ${fmt(r.dbBytes / 1048576)} Mo`,
  );

  // 2. Start the built app.
  const port = await freePort();
  const jwtSecret = randomBytes(32).toString('hex');
  const appEnv = {
    ...env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: jwtSecret,
    LOG_REQUESTS: 'false',
    MAIL_TRANSPORT: 'file',
    POINTAGE_MODE: 'federation',
  };
  const app = await startApp(appEnv, join(work, 'app.log'));
  console.log(`  application démarrée sur ${app.base} (NODE_ENV=production)`);
  const structures = await db.query('SELECT id, slug FROM structure ORDER BY id');
  const today = todayIn('Europe/Paris');

  // (a) Slot generation: 5 years, 6 days a week, 3 ranges a day, in a period without slots.
  if (o.phases.has('a')) {
    const adminToken = await loginAs(app.base, `admin@${structures[0].slug}.seed.local`);
    const from = shiftYears(today, 2);
    const to = addDays(shiftYears(from, 5), -1);
    const ranges = [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '16:00' },
      { start: '16:00', end: '19:00' },
    ];
    const body = { from, to, weekdays: [1, 2, 3, 4, 5, 6], ranges };
    const t0 = performance.now();
    const res = await api(app.base, 'POST', '/api/slots/generate', { token: adminToken, body });
    r.generationMs = performance.now() - t0;
    if (res.status !== 200) {
      r.errors.push(`génération de créneaux : ${res.status} ${JSON.stringify(res.body)}`);
    } else {
      r.generated = res.body.created;
      const t1 = performance.now();
      const again = await api(app.base, 'POST', '/api/slots/generate', { token: adminToken, body });
      r.regenerationMs = performance.now() - t1;
      if (again.status !== 200 || again.body.created !== 0)
        r.errors.push(`génération répétée : ${again.status} ${JSON.stringify(again.body)}`);
    }
    // Baseline: the same rows, one raw multi-row INSERT into a scratch structure.
    const slug = `bench-scratch-${randomBytes(3).toString('hex')}`;
    const nowSql = new Date().toISOString().replace('T', ' ').slice(0, 23);
    await db.query("INSERT INTO structure (name, slug, time_zone, active, created_at) VALUES ('Bench scratch', ?, 'Europe/Paris', 1, ?)", [
      slug,
      nowSql,
    ]);
    const scratchId = Number((await db.query('SELECT id FROM structure WHERE slug = ?', [slug]))[0].id);
    const params = [];
    const minutes = ranges.map((x) => x.start.split(':').map(Number)).map(([h, m]) => h * 60 + m);
    const ends = ranges.map((x) => x.end.split(':').map(Number)).map(([h, m]) => h * 60 + m);
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (isoWeekday(d) === 7) continue;
      for (let i = 0; i < ranges.length; i++) params.push(scratchId, d, minutes[i], ends[i], nowSql);
    }
    const rowsCount = params.length / 5;
    const sql = `INSERT INTO slot (structure_id, date, start_minute, end_minute, created_at) VALUES ${new Array(rowsCount).fill('(?, ?, ?, ?, ?)').join(', ')}`;
    r.baselineInsertMs = await db.timedInsert(sql, params);
    r.baselineRows = rowsCount;
    // The scratch structure and its slots stay (the database is thrown away): deleting slots makes SQLite
    // scan the whole attendance table once per slot, attendance(slot_id) having no index of its own there.
    if (r.generated !== undefined && r.generated !== rowsCount)
      r.errors.push(`génération : ${r.generated} créneaux créés, ${rowsCount} attendus`);
    console.log(
      `  (a) génération de ${fmt(r.generated ?? 0)} créneaux : ${fmt(r.generationMs)} ms (INSERT brut de ${fmt(rowsCount)} lignes : ${fmt(r.baselineInsertMs, 1)} ms ; ` +
        `relance, tout existe déjà : ${fmt(r.regenerationMs ?? NaN)} ms)`,
    );
  }

  if (o.phases.has('b') || o.phases.has('c')) {
    // A sample of families log in for real (argon2: ~50 ms each) and read their sheet: the
    // login path works and today's slot exists in every structure.
    const wanted = Math.min(o.logins, structures.length * o.families);
    const picks = [];
    for (let i = 0; picks.length < wanted; i++) {
      const s = structures[i % structures.length];
      const n = Math.floor(i / structures.length) + 1;
      if (n > o.families) break;
      picks.push({ slug: s.slug, email: `famille.${n}@${s.slug}.seed.local` });
    }
    const tLogin = performance.now();
    await pool(picks, 4, async (p) => {
      const token = await loginAs(app.base, p.email, p.slug);
      const sheet = await api(app.base, 'GET', '/api/family/sheet', { token });
      if (sheet.status !== 200) throw new Error(`fiche de présence : ${sheet.status} ${JSON.stringify(sheet.body)}`);
      if (!sheet.body.slot) throw new Error(`aucun créneau aujourd'hui pour ${p.slug} (le seed crée un créneau 00:00–23:59 pour --today)`);
    });
    console.log(`  ${picks.length} familles connectées pour de vrai en ${((performance.now() - tLogin) / 1000).toFixed(1)} s`);

    // The rotation: every member of every family checks in once (one member per request, as
    // when a parent brings one child), so that nearly every request records a row — a family
    // validating again in the same slot records nothing and would flatter the figures.
    // Its tokens are signed by the bench with the app's secret: logins are not what is measured.
    const { createSecretKey } = await import('node:crypto');
    const jwt = (await import('jsonwebtoken')).default;
    const key = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
    const accounts = await db.query(
      "SELECT id, structure_id, family_id, token_version FROM account WHERE role = 'family' AND member_id IS NULL ORDER BY family_id",
    );
    const memberRows = await db.query('SELECT id, family_id FROM member WHERE archived = 0 ORDER BY id');
    const membersOf = new Map();
    for (const m of memberRows) membersOf.set(Number(m.family_id), [...(membersOf.get(Number(m.family_id)) ?? []), Number(m.id)]);
    const byStructure = new Map();
    for (const a of accounts) byStructure.set(Number(a.structure_id), [...(byStructure.get(Number(a.structure_id)) ?? []), a]);
    const queues = [...byStructure.values()];
    const families = [];
    // Interleave the structures, as the kiosks of a federation do at opening time.
    const longest = Math.max(0, ...queues.map((q) => q.length));
    for (let i = 0; i < longest; i++) {
      for (const q of queues) {
        const a = q[i];
        if (!a) continue;
        const memberIds = membersOf.get(Number(a.family_id)) ?? [];
        if (memberIds.length === 0) continue;
        const token = jwt.sign(
          { sub: String(a.id), role: 'family', sid: Number(a.structure_id), fid: Number(a.family_id), tv: Number(a.token_version) },
          key,
          {
            algorithm: 'HS256',
            issuer: 'pointage',
            audience: 'pointage',
            expiresIn: 3600,
            jwtid: `bench-${a.id}`,
          },
        );
        for (const memberId of memberIds) families.push({ token, memberIds: [memberId] });
      }
    }
    // Interleave the members of one family too, so that consecutive requests hit different families.
    for (let i = families.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [families[i], families[j]] = [families[j], families[i]];
    }
    const todaySlots = (await db.query('SELECT id FROM slot WHERE date = ?', [today])).map((x) => Number(x.id));
    if (todaySlots.length === 0) throw new Error("aucun créneau aujourd'hui");
    const presentBefore = await count(
      `SELECT COUNT(*) AS n FROM attendance WHERE slot_id IN (${todaySlots.map(() => '?').join(', ')})`,
      todaySlots,
    );

    // Warm-up, then health as the baseline under the same load.
    await load(app.base, { connections: 10, duration: 2, requests: [{ method: 'GET', path: '/api/health' }] });
    const cpu = { server: app.pid, mariadb: dialect === 'mariadb' ? localMariaDbPid() : null };
    // MariaDB counts the statements it receives: statements per request tell what a change saved.
    const questions = async () => (dialect === 'mariadb' ? Number((await db.query("SHOW GLOBAL STATUS LIKE 'Questions'"))[0].Value) : NaN);
    const counted = async (run) => {
      const before = await questions();
      const result = await run();
      result.statementsPerRequest = ((await questions()) - before - 1) / Math.max(1, result.requests);
      return result;
    };
    r.health = await load(app.base, {
      connections: o.connections,
      duration: o.duration,
      requests: [{ method: 'GET', path: '/api/health' }],
      cpu,
    });
    console.log(
      `  GET /api/health : ${fmt(r.health.rps)} req/s, p50 ${r.health.p50} ms, p95 ${r.health.p95} ms, p99 ${r.health.p99} ms ; CPU ${cpuText(r.health)}`,
    );

    // (b) Kiosk validation: fresh key per request, each family of the rotation once.
    if (o.phases.has('b')) {
      let issued = 0;
      // VALIDER for the next member of the rotation, a fresh key each time ((b) and (b×N) share the rotation).
      const validationRequests = () => [
        {
          method: 'POST',
          path: '/api/family/attendance',
          setupRequest: (req) => {
            const f = families[issued++ % families.length];
            return {
              ...req,
              headers: { ...req.headers, authorization: `Bearer ${f.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ key: randomUUID(), memberIds: f.memberIds }),
            };
          },
        },
      ];
      r.validation = await counted(() =>
        load(app.base, {
          connections: o.connections,
          duration: o.duration,
          cpu,
          requests: validationRequests(),
        }),
      );
      r.validation.share = r.validation.rps / r.health.rps;
      console.log(
        `  (b) POST /api/family/attendance : ${fmt(r.validation.rps)} req/s (${fmt(r.validation.share * 100)} % de health), ` +
          `p50 ${r.validation.p50} ms, p95 ${r.validation.p95} ms, p99 ${r.validation.p99} ms, non-2xx ${r.validation.non2xx} ; CPU ${cpuText(r.validation)}`,
      );
      // Requests still in flight when the load stopped are answered, but not counted by autocannon: let them finish.
      await sleep(2000);
      const ok2xx = r.validation.requests - r.validation.non2xx;
      const duplicates = await count(
        'SELECT COUNT(*) AS n FROM (SELECT member_id, slot_id FROM attendance GROUP BY member_id, slot_id HAVING COUNT(*) > 1) d',
      );
      const presentAfter = await count(
        `SELECT COUNT(*) AS n FROM attendance WHERE slot_id IN (${todaySlots.map(() => '?').join(', ')})`,
        todaySlots,
      );
      const served = Math.min(issued, families.length);
      const expectedPresent = families.slice(0, served).reduce((n, f) => n + f.memberIds.length, 0);
      const keys = await count(
        `SELECT COUNT(DISTINCT validation_key) AS n FROM attendance WHERE validation_key IS NOT NULL AND slot_id IN (${todaySlots.map(() => '?').join(', ')})`,
        todaySlots,
      );
      const mixed = await count(
        'SELECT COUNT(*) AS n FROM (SELECT validation_key FROM attendance WHERE validation_key IS NOT NULL GROUP BY validation_key HAVING COUNT(DISTINCT family_id) > 1) k',
      );
      r.checks = {
        non2xx: r.validation.non2xx + r.health.non2xx,
        socketErrors: r.validation.errors + r.validation.timeouts + r.health.errors + r.health.timeouts,
        duplicates,
        keys,
        ok2xx,
        issued,
        recordingShare: ok2xx ? keys / ok2xx : 0,
        presentToday: presentAfter - presentBefore,
        expectedPresent,
        familiesRotated: new Set(families.map((f) => f.token)).size,
        membersRotated: families.length,
      };
      console.log(
        `      contrôles SQL : ${duplicates} doublon (membre, créneau) ; ${fmt(keys)} validations ont enregistré des présences sur ${fmt(ok2xx)} réponses 2xx ; ` +
          `${fmt(r.checks.presentToday)} présences créées pour ${fmt(expectedPresent)} membres servis`,
      );
      if (r.validation.non2xx)
        r.errors.push(`validation : ${r.validation.non2xx} réponses non-2xx ${JSON.stringify(r.validation.statuses)}`);
      if (r.health.non2xx) r.errors.push(`health : ${r.health.non2xx} réponses non-2xx`);
      if (r.checks.socketErrors) r.errors.push(`${r.checks.socketErrors} erreurs réseau ou délais dépassés`);
      if (duplicates) r.errors.push(`${duplicates} doublons (member_id, slot_id)`);
      if (mixed) r.errors.push(`${mixed} clés de validation partagées entre familles`);
      // Every served family recorded all its members, once.
      r.checks.keysMatch = r.checks.presentToday === expectedPresent && !mixed;
      if (r.checks.presentToday !== expectedPresent)
        r.errors.push(`${r.checks.presentToday} présences créées, ${expectedPresent} attendues`);

      // (b×N) The same load spread over N replicas of the app on the same MariaDB database
      // (decision 10), the rotation carrying on; against (b) of this run, one replica.
      if (o.replicas > 1 && dialect !== 'mariadb') console.log(`  (b×${o.replicas}) : MariaDB seulement (SQLite n'a qu'un processus)`);
      if (o.replicas > 1 && dialect === 'mariadb') {
        const replicas = [app];
        for (let n = 2; n <= o.replicas; n++) {
          const extra = await startApp({ ...appEnv, PORT: String(await freePort()) }, join(work, `app-${n}.log`));
          replicas.push(extra);
        }
        const perReplica = Math.max(1, Math.floor(o.connections / replicas.length));
        const cpuN = Object.fromEntries([
          ...replicas.map((x, n) => [n === 0 ? 'server' : `server${n + 1}`, x.pid]),
          ['mariadb', cpu.mariadb],
        ]);
        const before = await questions();
        const startedAt = performance.now();
        const runs = await Promise.all(
          replicas.map((x, n) =>
            load(x.base, {
              connections: perReplica,
              duration: o.duration,
              cpu: n === 0 ? cpuN : {},
              requests: validationRequests(),
            }),
          ),
        );
        const seconds = (performance.now() - startedAt) / 1000;
        const requests = runs.reduce((n, x) => n + x.requests, 0);
        await sleep(2000);
        const duplicatesN = await count(
          'SELECT COUNT(*) AS n FROM (SELECT member_id, slot_id FROM attendance GROUP BY member_id, slot_id HAVING COUNT(*) > 1) d',
        );
        r.replicated = {
          replicas: replicas.length,
          connectionsEach: perReplica,
          rps: runs.reduce((n, x) => n + x.rps, 0),
          p95: Math.max(...runs.map((x) => x.p95)),
          p99: Math.max(...runs.map((x) => x.p99)),
          non2xx: runs.reduce((n, x) => n + x.non2xx, 0),
          duplicates: duplicatesN,
          statementsPerRequest: ((await questions()) - before - 1) / Math.max(1, requests),
          // CPU of every process over the whole run, per request (sampled by the first load).
          cpuPerRequest:
            runs[0].cpuPerRequest &&
            Object.fromEntries(Object.entries(runs[0].cpuPerRequest).map(([k, v]) => [k, (v * runs[0].requests) / Math.max(1, requests)])),
          seconds,
        };
        r.replicated.ratio = r.replicated.rps / r.validation.rps;
        console.log(
          `  (b×${replicas.length}) POST /api/family/attendance sur ${replicas.length} instances (${perReplica} conn. chacune) : ${fmt(r.replicated.rps)} req/s ` +
            `(×${fmt(r.replicated.ratio, 2)} d'une instance), p95 ≤ ${r.replicated.p95} ms, p99 ≤ ${r.replicated.p99} ms, non-2xx ${r.replicated.non2xx}, ` +
            `doublons ${duplicatesN} ; CPU ${Object.entries(r.replicated.cpuPerRequest ?? {})
              .map(([k, v]) => `${k} ${fmt(v)} µs`)
              .join(', ')}`,
        );
        if (r.replicated.non2xx) r.errors.push(`validation sur ${replicas.length} instances : ${r.replicated.non2xx} réponses non-2xx`);
        if (duplicatesN) r.errors.push(`${duplicatesN} doublons (member_id, slot_id) avec ${replicas.length} instances`);
        for (const x of replicas.slice(1)) await x.stop();
      }
    }

    // (c) Kiosk home (public, polled): rotating structures.
    if (o.phases.has('c')) {
      let i = 0;
      await load(app.base, {
        connections: 10,
        duration: 2,
        requests: [{ method: 'GET', path: `/api/public/structures/${structures[0].slug}/kiosk` }],
      });
      r.home = await counted(() =>
        load(app.base, {
          connections: o.connections,
          duration: o.homeDuration,
          cpu,
          requests: [
            {
              method: 'GET',
              path: '/',
              setupRequest: (req) => ({ ...req, path: `/api/public/structures/${structures[i++ % structures.length].slug}/kiosk` }),
            },
          ],
        }),
      );
      r.home.share = r.home.rps / r.health.rps;
      console.log(
        `  (c) GET /api/public/structures/:slug/kiosk : ${fmt(r.home.rps)} req/s (${fmt(r.home.share * 100)} % de health), p50 ${r.home.p50} ms, p95 ${r.home.p95} ms, p99 ${r.home.p99} ms ; CPU ${cpuText(r.home)}`,
      );
      if (r.home.non2xx) r.errors.push(`accueil borne : ${r.home.non2xx} réponses non-2xx ${JSON.stringify(r.home.statuses)}`);
      if (r.home.errors + r.home.timeouts) r.errors.push(`accueil borne : ${r.home.errors + r.home.timeouts} erreurs réseau`);
    }
  }

  if (['d', 'e', 'f'].some((x) => o.phases.has(x))) {
    await benchReports({ dialect, app, db, api, loginAs, structures, today, r, fmt, phases: o.phases, runs: o.quick ? 5 : 15 });
  }

  if (app.crashed()) r.errors.push(`l'application s'est arrêtée pendant la mesure (voir ${join(work, 'app.log')})`);
  const appLog = readFileSync(join(work, 'app.log'), 'utf8');
  const serverErrors = appLog.split('\n').filter((l) => /\bERROR\b|Error:/.test(l));
  if (serverErrors.length) {
    r.errors.push(`${serverErrors.length} erreurs dans le journal de l'application, dont : ${serverErrors[0].slice(0, 300)}`);
  }
  r.retries = appLog.split('\n').filter((l) => /retried/.test(l)).length;
  return r;
}

// ------------------------------------------------------------------ report

const mark = (ok) => (ok ? 'ok' : 'MISSED');

const CPU_LABELS = { server: 'serveur', mariadb: 'MariaDB', generator: 'générateur' };

/** "serveur 612 µs, MariaDB 301 µs, générateur 88 µs par requête" (console). */
function cpuText(run) {
  const parts = Object.entries(run.cpuPerRequest)
    .filter(([, v]) => Number.isFinite(v))
    .map(([k, v]) => `${CPU_LABELS[k] ?? k} ${fmt(v)} µs`);
  const statements = Number.isFinite(run.statementsPerRequest) ? ` ; ${fmt(run.statementsPerRequest, 2)} requêtes SQL par requête` : '';
  return `${parts.join(', ')} par requête${statements}`;
}

/** "612 / 301 / 88 µs" (server / MariaDB / load generator) for the tables; "–" for the database of SQLite (in the server). */
function cpuCell(run) {
  const c = run.cpuPerRequest;
  const v = (x) => (Number.isFinite(x) ? fmt(x) : '–');
  const statements = Number.isFinite(run.statementsPerRequest) ? `, ${fmt(run.statementsPerRequest, 2)} SQL statements` : '';
  return `${v(c.server)} / ${v(c.mariadb)} / ${v(c.generator)} µs${statements}`;
}

function rowsOf(r, o) {
  const rows = [];
  rows.push([
    `seed (${o.structures} × ${o.families} families × ${o.years} y)`,
    `${(r.seedMs / 1000).toFixed(1)} s; ${fmt(r.rows.attendance)} attendance, ${fmt(r.rows.members)} members, ${fmt(r.rows.slots)} slots; ${fmt(r.rows.attendance / (r.seedMs / 1000))} attendance rows/s; DB ${fmt(r.dbBytes / 1048576)} MB`,
    '',
    '',
  ]);
  if (r.generationMs !== undefined) {
    const ratio = r.generationMs / r.baselineInsertMs;
    rows.push([
      `(a) POST /api/slots/generate, ${fmt(r.baselineRows)} slots (5 y × 6 d × 3 ranges)`,
      `${fmt(r.generationMs)} ms (re-run, all existing: ${fmt(r.regenerationMs ?? NaN)} ms)`,
      `raw multi-row INSERT ${fmt(r.baselineInsertMs, 1)} ms → ×${fmt(ratio, 1)}`,
      `< 1 s: ${mark(r.generationMs < TARGET.generationMs)}`,
    ]);
  }
  if (r.health)
    rows.push([
      'GET /api/health (baseline)',
      `${fmt(r.health.rps)} req/s; p50/p95/p99 ${r.health.p50}/${r.health.p95}/${r.health.p99} ms`,
      `CPU/request (server / MariaDB / generator) ${cpuCell(r.health)}`,
      '',
    ]);
  if (r.validation) {
    const v = r.validation;
    rows.push([
      `(b) POST /api/family/attendance, ${o.connections} conn., ${o.duration} s, ${fmt(r.checks.membersRotated)} members of ${fmt(r.checks.familiesRotated)} families in rotation`,
      `${fmt(v.rps)} req/s; p50/p95/p99 ${v.p50}/${v.p95}/${v.p99} ms`,
      `${fmt(v.share * 100)} % of health throughput; CPU/request ${cpuCell(v)}`,
      `p95 < 50 ms: ${mark(v.p95 < TARGET.validationP95)}; ≥ 25 %: ${mark(v.share >= TARGET.validationShare)}`,
    ]);
    rows.push([
      '(b) checks',
      `non-2xx ${r.checks.non2xx}; duplicates (member, slot) ${r.checks.duplicates}; ${fmt(r.checks.recordingShare * 100)} % of the 2xx recorded rows; new attendance ${fmt(r.checks.presentToday)} / ${fmt(r.checks.expectedPresent)} expected`,
      '',
      r.errors.length ? 'ERRORS' : 'ok',
    ]);
  }
  if (r.replicated) {
    const x = r.replicated;
    rows.push([
      `(b×${x.replicas}) the same on ${x.replicas} app processes, one MariaDB database, ${x.connectionsEach} conn. each`,
      `${fmt(x.rps)} req/s; p95/p99 ≤ ${x.p95}/${x.p99} ms; non-2xx ${x.non2xx}; duplicates ${x.duplicates}`,
      `×${fmt(x.ratio, 2)} of one process (b); CPU/request ${cpuCell(x)}`,
      '',
    ]);
  }
  if (r.home) {
    rows.push([
      `(c) GET /api/public/structures/:slug/kiosk, ${o.connections} conn., ${o.homeDuration} s`,
      `${fmt(r.home.rps)} req/s; p50/p95/p99 ${r.home.p50}/${r.home.p95}/${r.home.p99} ms`,
      `${fmt(r.home.share * 100)} % of health throughput; CPU/request ${cpuCell(r.home)}`,
      '',
    ]);
  }
  rows.push(...reportRows(r, fmt, mark));
  return rows;
}

function printTable(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => `  ${cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')}`;
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('-+-')}`);
  for (const r of rows) console.log(line(r));
}

function markdown(results, o) {
  const measures = [
    ['Seed duration', (r) => `${(r.seedMs / 1000).toFixed(1)} s (${fmt(r.rows.attendance / (r.seedMs / 1000))} attendance rows/s)`],
    ['Rows: attendance / members / slots', (r) => `${fmt(r.rows.attendance)} / ${fmt(r.rows.members)} / ${fmt(r.rows.slots)}`],
    ['Database size', (r) => `${fmt(r.dbBytes / 1048576)} MB`],
    [
      `(a) Slot generation, ${fmt(results[0]?.baselineRows ?? 0)} slots (target < 1 s)`,
      (r) =>
        r.generationMs === undefined
          ? 'n/a'
          : `${fmt(r.generationMs)} ms ${r.generationMs < TARGET.generationMs ? '' : '**MISSED**'}`.trim(),
    ],
    [
      '(a) Raw multi-row INSERT of the same rows / ratio',
      (r) => (r.generationMs === undefined ? 'n/a' : `${fmt(r.baselineInsertMs, 1)} ms / ×${fmt(r.generationMs / r.baselineInsertMs, 1)}`),
    ],
    ['(a) Same request again (all exist)', (r) => (r.regenerationMs === undefined ? 'n/a' : `${fmt(r.regenerationMs)} ms`)],
    [
      'GET /api/health: req/s, p50/p95/p99',
      (r) => (r.health ? `${fmt(r.health.rps)}, ${r.health.p50}/${r.health.p95}/${r.health.p99} ms` : 'n/a'),
    ],
    [
      `(b) Kiosk validation: req/s, p50/p95/p99 (target p95 < 50 ms)`,
      (r) =>
        r.validation
          ? `${fmt(r.validation.rps)}, ${r.validation.p50}/${r.validation.p95}/${r.validation.p99} ms ${r.validation.p95 < TARGET.validationP95 ? '' : '**MISSED**'}`.trim()
          : 'n/a',
    ],
    [
      '(b) Validation / health throughput (target ≥ 25 %)',
      (r) =>
        r.validation
          ? `${fmt(r.validation.share * 100)} % ${r.validation.share >= TARGET.validationShare ? '' : '**MISSED**'}`.trim()
          : 'n/a',
    ],
    [
      '(b) non-2xx / duplicate (member, slot) / every served family recorded once',
      (r) => (r.validation ? `${r.checks.non2xx} / ${r.checks.duplicates} / ${r.checks.keysMatch ? 'yes' : 'NO'}` : 'n/a'),
    ],
    ['(b) share of validations that recorded new rows', (r) => (r.validation ? `${fmt(r.checks.recordingShare * 100)} %` : 'n/a')],
    ['(c) Kiosk home: req/s, p50/p95/p99', (r) => (r.home ? `${fmt(r.home.rps)}, ${r.home.p50}/${r.home.p95}/${r.home.p99} ms` : 'n/a')],
    ['(c) Kiosk home / health throughput', (r) => (r.home ? `${fmt(r.home.share * 100)} %` : 'n/a')],
    [
      'CPU per request, server / MariaDB / load generator: health; (b); (c)',
      (r) => [r.health, r.validation, r.home].map((x) => (x ? cpuCell(x) : 'n/a')).join('; '),
    ],
  ];
  const head = `| Measure (${o.structures} structures × ${o.families} families × ${o.years} y, ${o.connections} connections) | ${results.map((r) => (r.dialect === 'sqlite' ? 'SQLite' : 'MariaDB')).join(' | ')} |`;
  const sep = `| --- | ${results.map(() => '---').join(' | ')} |`;
  const body = measures.map(([label, f]) => `| ${label} | ${results.map((r) => (r.rows ? f(r) : 'failed')).join(' | ')} |`);
  return [head, sep, ...body, reportMarkdown(results, fmt)].join('\n');
}

// ------------------------------------------------------------------ machine calibration

/**
 * The same load against a bare `http.createServer` answering a constant JSON:
 * what this machine (its loopback, its system calls, its cores shared with the
 * load generator) allows at all. Not a target; it tells readers of figures taken
 * on another machine how far apart the two machines are.
 */
async function calibrate(o) {
  const port = await freePort();
  const code = `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"status":"ok"}'); }).listen(${port}, '127.0.0.1')`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  const stop = () => child.exitCode === null && child.kill('SIGKILL');
  cleanups.push(stop);
  try {
    for (let i = 0; i < 40; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    return await load(`http://127.0.0.1:${port}`, {
      connections: o.connections,
      duration: o.quick ? 3 : 5,
      requests: [{ method: 'GET', path: '/' }],
    });
  } finally {
    stop();
  }
}

// ------------------------------------------------------------------ main

async function main() {
  checkNodeVersion();
  const o = parseOptions(process.argv.slice(2));
  ensureBuilt();
  console.log(
    `Benchmark Pointage — ${o.dialects.join(' + ')} ; ${o.structures} structures × ${o.families} familles × ${o.years} an(s) ; ` +
      `${o.connections} connexions, ${o.duration} s (validation, health), ${o.homeDuration} s (accueil borne) ; ${o.logins} familles connectées`,
  );
  const raw = await calibrate(o);
  await runCleanups();
  cleaning = null;
  const machine = `${(await import('node:os')).cpus().length} cœurs, Node ${process.version} ; serveur HTTP Node nu sous la même charge : ${fmt(raw.rps)} req/s, p95 ${raw.p95} ms`;
  console.log(`Étalonnage : ${machine}`);
  const results = [];
  let failed = false;
  for (const dialect of o.dialects) {
    let r;
    try {
      r = await benchDialect(dialect, o);
    } catch (e) {
      console.error(`\n[${dialect}] ERREUR : ${e.message}`);
      r = { dialect, errors: [e.message], fatal: true };
    } finally {
      await runCleanups();
      cleaning = null;
    }
    results.push(r);
    if (r.errors.length) failed = true;
    if (!r.fatal) printTable(`Résultats ${dialect}`, ['measure', 'value', 'baseline / ratio', 'target'], rowsOf(r, o));
    for (const e of r.errors) console.error(`  ERREUR [${dialect}] : ${e}`);
  }
  const complete = results.filter((r) => !r.fatal);
  if (complete.length) {
    console.log('\nMarkdown (docs/performance.md) :\n');
    console.log(markdown(complete, o));
    console.log(`\nMachine : ${machine}${o.quick ? ' — mode --quick, chiffres indicatifs' : ''}`);
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch(async (e) => {
  console.error(`Erreur : ${e.stack ?? e.message}`);
  await runCleanups();
  process.exit(1);
});
