// `npm run bench`: federation-scale benchmark of the built app, on SQLite and on MariaDB.
// (TypeScript, run by ts-node in transpile-only mode with tsconfig-paths: see package.json.)
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
//   (d) statistics, (e) XLSX export of the attendance list, (f) statistics PDF: see reports-phases.ts.
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
//   --phases a,b,c,d,e,f (which measures)          BENCH_PHASES        (all; d, e, f are in reports-phases.ts)
//   --replicas N (MariaDB: (b) again on N app processes sharing the database)   BENCH_REPLICAS (1)
//   MARIADB_BENCH_URL (default mysql://root@127.0.0.1:3306)
//   BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   extra node flags of the server (profiling)
//
// The modules: options.ts (the command line), seed.ts (the bench's databases, the CLI seed),
// load.ts (the app process, autocannon, CPU, calibration), phases.ts (a, b, b×N, c),
// reports-phases.ts (d, e, f), report.ts (tables, Markdown), loop-monitor.cjs (preloaded into the server).
// Dates come from libs/domain (@pointage/domain), the rules the app itself uses: today in Paris
// (zonedParts), addDays, addYears (N-1, 29 February), the slots of a period (expandSlots, parseHm),
// age brackets as birth-date ranges (birthRangeForAges, latestBirthForAge). Kept local, libs/domain
// having no equivalent: percentile and median (common.ts), CPU and memory read from /proc.
import { zonedParts } from '@pointage/domain';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNodeVersion, ensureBuilt } from '../lib/workspace.mjs';
import { cleanUpOnSignals, cleanUpStep, Dialect, fmt, messageOf, onCleanup, runCleanups } from './common';
import { freePort } from '@pointage/test-support';
import { calibrate, startApp } from './load';
import { BenchOptions, OptionError, parseOptions } from './options';
import { kioskLoads, slotGeneration } from './phases';
import { markdown, printTable, rowsOf } from './report';
import { benchReports } from './reports-phases';
import type { BenchResult, FailedResult } from './result';
import { countRows, createBenchDatabase, databaseBytes, openBenchDb, runSeed, SeedStructure } from './seed';

// ------------------------------------------------------------------ one dialect

async function benchDialect(dialect: Dialect, o: BenchOptions): Promise<BenchResult> {
  const work = mkdtempSync(join(tmpdir(), `pointage-bench-${dialect}-`));
  onCleanup(() => rmSync(work, { recursive: true, force: true }));
  const { env, target } = await createBenchDatabase(dialect, work);

  // 1. Seed with the CLI.
  console.log(`\n[${dialect}] Données : ${o.structures} structures × ${o.families} familles × ${o.years} an(s)`);
  const seed = await runSeed(env, o, join(work, 'seed.log'));
  const db = await openBenchDb(target);
  onCleanup(() => db.close());
  const r: BenchResult = { dialect, errors: [], seedMs: seed.ms, rows: await countRows(db), dbBytes: NaN };
  r.dbBytes = await databaseBytes(db, target);
  console.log(
    `  seed : ${(r.seedMs / 1000).toFixed(1)} s — ${fmt(r.rows.attendance)} présences, ${fmt(r.rows.members)} membres, ${fmt(r.rows.slots)} créneaux ` +
      `(${fmt(r.rows.attendance / (r.seedMs / 1000))} présences/s), base ${fmt(r.dbBytes / 1048576)} Mo`,
  );

  // 2. Start the built app.
  const port = await freePort();
  const jwtSecret = randomBytes(32).toString('hex');
  const appEnv: NodeJS.ProcessEnv = {
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
  const structures = await db.query<SeedStructure>('SELECT id, slug FROM structure ORDER BY id');
  const today = zonedParts(new Date(), 'Europe/Paris').date;

  // 3. The measures.
  if (o.phases.has('a')) await slotGeneration(app, db, structures, today, r);
  if (o.phases.has('b') || o.phases.has('c')) await kioskLoads({ dialect, o, app, appEnv, jwtSecret, db, structures, today, r, work });
  if (['d', 'e', 'f'].some((x) => o.phases.has(x))) {
    await benchReports({ app, db, structures, today, r, phases: o.phases, runs: o.quick ? 5 : 15 });
  }

  if (app.crashed()) r.errors.push(`l'application s'est arrêtée pendant la mesure (voir ${join(work, 'app.log')})`);
  const appLog = readFileSync(join(work, 'app.log'), 'utf8');
  const serverErrors = appLog.split('\n').filter((l) => /\bERROR\b|Error:/.test(l));
  if (serverErrors.length) {
    r.errors.push(`${serverErrors.length} erreurs dans le journal de l'application, dont : ${serverErrors[0]?.slice(0, 300)}`);
  }
  r.retries = appLog.split('\n').filter((l) => /retried/.test(l)).length;
  return r;
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  checkNodeVersion();
  let o: BenchOptions;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
  ensureBuilt();
  console.log(
    `Benchmark Pointage — ${o.dialects.join(' + ')} ; ${o.structures} structures × ${o.families} familles × ${o.years} an(s) ; ` +
      `${o.connections} connexions, ${o.duration} s (validation, health), ${o.homeDuration} s (accueil borne) ; ${o.logins} familles connectées`,
  );
  const raw = await calibrate(o);
  await cleanUpStep();
  const machine = `${cpus().length} cœurs, Node ${process.version} ; serveur HTTP Node nu sous la même charge : ${fmt(raw.rps)} req/s, p95 ${raw.p95} ms`;
  console.log(`Étalonnage : ${machine}`);
  const results: (BenchResult | FailedResult)[] = [];
  let failed = false;
  for (const dialect of o.dialects) {
    let r: BenchResult | FailedResult;
    try {
      r = await benchDialect(dialect, o);
    } catch (e) {
      console.error(`\n[${dialect}] ERREUR : ${messageOf(e)}`);
      r = { dialect, errors: [messageOf(e)], fatal: true };
    } finally {
      await cleanUpStep();
    }
    results.push(r);
    if (r.errors.length) failed = true;
    if (!('fatal' in r)) printTable(`Résultats ${dialect}`, ['measure', 'value', 'baseline / ratio', 'target'], rowsOf(r, o));
    for (const e of r.errors) console.error(`  ERREUR [${dialect}] : ${e}`);
  }
  const complete = results.filter((r): r is BenchResult => !('fatal' in r));
  if (complete.length) {
    console.log('\nMarkdown (docs/performance.md) :\n');
    console.log(markdown(complete, o));
    console.log(`\nMachine : ${machine}${o.quick ? ' — mode --quick, chiffres indicatifs' : ''}`);
  }
  process.exitCode = failed ? 1 : 0;
}

cleanUpOnSignals();
main().catch(async (e: unknown) => {
  console.error(`Erreur : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  await runCleanups();
  process.exit(1);
});
