// The measures of the kiosk and of slot generation, run by main.ts for each dialect once the
// app runs on the seeded database: (a) slot generation, (b) kiosk validation with its SQL
// checks, (b×N) the same on N app processes (MariaDB), (c) kiosk home. See main.ts.
import { addDays, addYears, expandSlots, LocalDate, parseHm } from '@pointage/domain';
import type autocannon from 'autocannon';
import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { Dialect, fmt, pool, sleep } from './common';
import { freePort } from '@pointage/test-support';
import { api, App, CpuPids, load, LoadResult, localMariaDbPid, loginAs, startApp } from './load';
import type { BenchOptions } from './options';
import { cpuText } from './report';
import type { BenchResult } from './result';
import { BenchDb, count, SeedStructure } from './seed';

/** (a) Slot generation: 5 years, 6 days a week, 3 ranges a day, in a period without slots. */
export async function slotGeneration(app: App, db: BenchDb, structures: SeedStructure[], today: LocalDate, r: BenchResult): Promise<void> {
  const adminToken = await loginAs(app.base, `admin@${structures[0]?.slug}.seed.local`);
  const from = addYears(today, 2);
  const to = addDays(addYears(from, 5), -1);
  const ranges = [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '16:00' },
    { start: '16:00', end: '19:00' },
  ];
  const weekdays = [1, 2, 3, 4, 5, 6];
  const body = { from, to, weekdays, ranges };
  const t0 = performance.now();
  const res = await api<{ created: number }>(app.base, 'POST', '/api/slots/generate', { token: adminToken, body });
  r.generationMs = performance.now() - t0;
  if (res.status !== 200) {
    r.errors.push(`génération de créneaux : ${res.status} ${JSON.stringify(res.body)}`);
  } else {
    r.generated = res.body.created;
    const t1 = performance.now();
    const again = await api<{ created: number }>(app.base, 'POST', '/api/slots/generate', { token: adminToken, body });
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
  const [scratch] = await db.query<{ id: unknown }>('SELECT id FROM structure WHERE slug = ?', [slug]);
  const scratchId = Number(scratch?.id);
  // The rows the request asks for, expanded by the same rule as the app's (libs/domain).
  const minutes = ranges.map((x) => ({ start: parseHm(x.start) ?? NaN, end: parseHm(x.end) ?? NaN }));
  const params = expandSlots(from, to, weekdays, minutes).flatMap((s) => [scratchId, s.date, s.start, s.end, nowSql]);
  const rowsCount = params.length / 5;
  const sql = `INSERT INTO slot (structure_id, date, start_minute, end_minute, created_at) VALUES ${new Array<string>(rowsCount).fill('(?, ?, ?, ?, ?)').join(', ')}`;
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

export interface KioskContext {
  dialect: Dialect;
  o: BenchOptions;
  app: App;
  /** The app's environment (more replicas are started with it). */
  appEnv: NodeJS.ProcessEnv;
  /** The secret the app signs its tokens with: the bench signs the rotation's tokens with it. */
  jwtSecret: string;
  db: BenchDb;
  structures: SeedStructure[];
  today: LocalDate;
  r: BenchResult;
  /** The dialect's temp folder (logs of the replicas). */
  work: string;
}

/** One check-in of the rotation: a family's token and the member it brings. */
interface Validation {
  token: string;
  memberIds: number[];
}

const DUPLICATES_SQL =
  'SELECT COUNT(*) AS n FROM (SELECT member_id, slot_id FROM attendance GROUP BY member_id, slot_id HAVING COUNT(*) > 1) d';

/**
 * A sample of families log in for real (argon2: ~50 ms each) and read their sheet: the
 * login path works and today's slot exists in every structure.
 */
async function realLogins({ app, o, structures }: KioskContext): Promise<void> {
  const wanted = Math.min(o.logins, structures.length * o.families);
  const picks: { slug: string; email: string }[] = [];
  for (let i = 0; picks.length < wanted; i++) {
    const s = structures[i % structures.length];
    const n = Math.floor(i / structures.length) + 1;
    if (!s || n > o.families) break;
    picks.push({ slug: s.slug, email: `famille.${n}@${s.slug}.seed.local` });
  }
  const tLogin = performance.now();
  await pool(picks, 4, async (p) => {
    const token = await loginAs(app.base, p.email, p.slug);
    const sheet = await api<{ slot: unknown }>(app.base, 'GET', '/api/family/sheet', { token });
    if (sheet.status !== 200) throw new Error(`fiche de présence : ${sheet.status} ${JSON.stringify(sheet.body)}`);
    if (!sheet.body.slot) throw new Error(`aucun créneau aujourd'hui pour ${p.slug} (le seed crée un créneau 00:00–23:59 pour --today)`);
  });
  console.log(`  ${picks.length} familles connectées pour de vrai en ${((performance.now() - tLogin) / 1000).toFixed(1)} s`);
}

/**
 * The rotation: every member of every family checks in once (one member per request, as
 * when a parent brings one child), so that nearly every request records a row — a family
 * validating again in the same slot records nothing and would flatter the figures.
 * Its tokens are signed by the bench with the app's secret: logins are not what is measured.
 */
async function rotation({ db, jwtSecret }: KioskContext): Promise<Validation[]> {
  const key = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
  const accounts = await db.query<{ id: unknown; structure_id: unknown; family_id: unknown; token_version: unknown }>(
    "SELECT id, structure_id, family_id, token_version FROM account WHERE role = 'family' AND member_id IS NULL ORDER BY family_id",
  );
  const memberRows = await db.query<{ id: unknown; family_id: unknown }>('SELECT id, family_id FROM member WHERE archived = 0 ORDER BY id');
  const membersOf = new Map<number, number[]>();
  for (const m of memberRows) membersOf.set(Number(m.family_id), [...(membersOf.get(Number(m.family_id)) ?? []), Number(m.id)]);
  const byStructure = new Map<number, typeof accounts>();
  for (const a of accounts) byStructure.set(Number(a.structure_id), [...(byStructure.get(Number(a.structure_id)) ?? []), a]);
  const queues = [...byStructure.values()];
  const families: Validation[] = [];
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
          jwtid: `bench-${String(a.id)}`,
        },
      );
      for (const memberId of memberIds) families.push({ token, memberIds: [memberId] });
    }
  }
  // Interleave the members of one family too, so that consecutive requests hit different families.
  for (let i = families.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [families[i], families[j]] = [families[j] as Validation, families[i] as Validation];
  }
  return families;
}

/** (b), (b×N) and (c), after the real logins and GET /api/health as the baseline under the same load. */
export async function kioskLoads(c: KioskContext): Promise<void> {
  const { app, dialect, db, o, r, today } = c;
  await realLogins(c);
  const families = await rotation(c);
  const todaySlots = (await db.query<{ id: unknown }>('SELECT id FROM slot WHERE date = ?', [today])).map((x) => Number(x.id));
  if (todaySlots.length === 0) throw new Error("aucun créneau aujourd'hui");
  const inToday = todaySlots.map(() => '?').join(', ');
  const presentBefore = await count(db, `SELECT COUNT(*) AS n FROM attendance WHERE slot_id IN (${inToday})`, todaySlots);

  // Warm-up, then health as the baseline under the same load.
  await load(app.base, { connections: 10, duration: 2, requests: [{ method: 'GET', path: '/api/health' }] });
  const cpu: CpuPids = { server: app.pid, mariadb: dialect === 'mariadb' ? localMariaDbPid() : null };
  // MariaDB counts the statements it receives: statements per request tell what a change saved.
  const questions = async (): Promise<number> =>
    dialect === 'mariadb' ? Number((await db.query<{ Value: unknown }>("SHOW GLOBAL STATUS LIKE 'Questions'"))[0]?.Value) : NaN;
  const counted = async (run: () => Promise<LoadResult>): Promise<LoadResult> => {
    const before = await questions();
    const result = await run();
    result.statementsPerRequest = ((await questions()) - before - 1) / Math.max(1, result.requests);
    return result;
  };
  const health = await load(app.base, {
    connections: o.connections,
    duration: o.duration,
    requests: [{ method: 'GET', path: '/api/health' }],
    cpu,
  });
  r.health = health;
  console.log(
    `  GET /api/health : ${fmt(health.rps)} req/s, p50 ${health.p50} ms, p95 ${health.p95} ms, p99 ${health.p99} ms ; CPU ${cpuText(health)}`,
  );

  // (b) Kiosk validation: fresh key per request, each family of the rotation once.
  if (o.phases.has('b')) {
    let issued = 0;
    // VALIDER for the next member of the rotation, a fresh key each time ((b) and (b×N) share the rotation).
    const validationRequests = (): autocannon.Request[] => [
      {
        method: 'POST',
        path: '/api/family/attendance',
        setupRequest: (req) => {
          const f = families[issued++ % families.length] as Validation;
          return {
            ...req,
            headers: { ...req.headers, authorization: `Bearer ${f.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ key: randomUUID(), memberIds: f.memberIds }),
          };
        },
      },
    ];
    const measured = await counted(() =>
      load(app.base, { connections: o.connections, duration: o.duration, cpu, requests: validationRequests() }),
    );
    const validation = { ...measured, share: measured.rps / health.rps };
    r.validation = validation;
    console.log(
      `  (b) POST /api/family/attendance : ${fmt(validation.rps)} req/s (${fmt(validation.share * 100)} % de health), ` +
        `p50 ${validation.p50} ms, p95 ${validation.p95} ms, p99 ${validation.p99} ms, non-2xx ${validation.non2xx} ; CPU ${cpuText(validation)}`,
    );
    // Requests still in flight when the load stopped are answered, but not counted by autocannon: let them finish.
    await sleep(2000);
    const ok2xx = validation.requests - validation.non2xx;
    const duplicates = await count(db, DUPLICATES_SQL);
    const presentAfter = await count(db, `SELECT COUNT(*) AS n FROM attendance WHERE slot_id IN (${inToday})`, todaySlots);
    const served = Math.min(issued, families.length);
    const expectedPresent = families.slice(0, served).reduce((n, f) => n + f.memberIds.length, 0);
    const keys = await count(
      db,
      `SELECT COUNT(DISTINCT validation_key) AS n FROM attendance WHERE validation_key IS NOT NULL AND slot_id IN (${inToday})`,
      todaySlots,
    );
    const mixed = await count(
      db,
      'SELECT COUNT(*) AS n FROM (SELECT validation_key FROM attendance WHERE validation_key IS NOT NULL GROUP BY validation_key HAVING COUNT(DISTINCT family_id) > 1) k',
    );
    const presentToday = presentAfter - presentBefore;
    r.checks = {
      non2xx: validation.non2xx + health.non2xx,
      socketErrors: validation.errors + validation.timeouts + health.errors + health.timeouts,
      duplicates,
      keys,
      ok2xx,
      issued,
      recordingShare: ok2xx ? keys / ok2xx : 0,
      presentToday,
      expectedPresent,
      familiesRotated: new Set(families.map((f) => f.token)).size,
      membersRotated: families.length,
      // Every served family recorded all its members, once.
      keysMatch: presentToday === expectedPresent && !mixed,
    };
    console.log(
      `      contrôles SQL : ${duplicates} doublon (membre, créneau) ; ${fmt(keys)} validations ont enregistré des présences sur ${fmt(ok2xx)} réponses 2xx ; ` +
        `${fmt(presentToday)} présences créées pour ${fmt(expectedPresent)} membres servis`,
    );
    if (validation.non2xx) r.errors.push(`validation : ${validation.non2xx} réponses non-2xx ${JSON.stringify(validation.statuses)}`);
    if (health.non2xx) r.errors.push(`health : ${health.non2xx} réponses non-2xx`);
    if (r.checks.socketErrors) r.errors.push(`${r.checks.socketErrors} erreurs réseau ou délais dépassés`);
    if (duplicates) r.errors.push(`${duplicates} doublons (member_id, slot_id)`);
    if (mixed) r.errors.push(`${mixed} clés de validation partagées entre familles`);
    if (presentToday !== expectedPresent) r.errors.push(`${presentToday} présences créées, ${expectedPresent} attendues`);

    // (b×N) The same load spread over N replicas of the app on the same MariaDB database
    // (decision 10), the rotation carrying on; against (b) of this run, one replica.
    if (o.replicas > 1 && dialect !== 'mariadb') console.log(`  (b×${o.replicas}) : MariaDB seulement (SQLite n'a qu'un processus)`);
    if (o.replicas > 1 && dialect === 'mariadb') {
      const replicas = [app];
      for (let n = 2; n <= o.replicas; n++) {
        const extra = await startApp({ ...c.appEnv, PORT: String(await freePort()) }, join(c.work, `app-${n}.log`));
        replicas.push(extra);
      }
      const perReplica = Math.max(1, Math.floor(o.connections / replicas.length));
      const cpuN: CpuPids = Object.fromEntries([
        ...replicas.map((x, n): [string, number] => [n === 0 ? 'server' : `server${n + 1}`, x.pid]),
        ['mariadb', cpu['mariadb'] ?? null],
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
      const duplicatesN = await count(db, DUPLICATES_SQL);
      const first = runs[0] as LoadResult;
      const rps = runs.reduce((n, x) => n + x.rps, 0);
      const replicated = {
        replicas: replicas.length,
        connectionsEach: perReplica,
        rps,
        p95: Math.max(...runs.map((x) => x.p95)),
        p99: Math.max(...runs.map((x) => x.p99)),
        non2xx: runs.reduce((n, x) => n + x.non2xx, 0),
        duplicates: duplicatesN,
        statementsPerRequest: ((await questions()) - before - 1) / Math.max(1, requests),
        // CPU of every process over the whole run, per request (sampled by the first load).
        cpuPerRequest: Object.fromEntries(
          Object.entries(first.cpuPerRequest).map(([k, v]) => [k, (v * first.requests) / Math.max(1, requests)]),
        ),
        seconds,
        ratio: rps / validation.rps,
      };
      r.replicated = replicated;
      console.log(
        `  (b×${replicas.length}) POST /api/family/attendance sur ${replicas.length} instances (${perReplica} conn. chacune) : ${fmt(replicated.rps)} req/s ` +
          `(×${fmt(replicated.ratio, 2)} d'une instance), p95 ≤ ${replicated.p95} ms, p99 ≤ ${replicated.p99} ms, non-2xx ${replicated.non2xx}, ` +
          `doublons ${duplicatesN} ; CPU ${Object.entries(replicated.cpuPerRequest)
            .map(([k, v]) => `${k} ${fmt(v)} µs`)
            .join(', ')}`,
      );
      if (replicated.non2xx) r.errors.push(`validation sur ${replicas.length} instances : ${replicated.non2xx} réponses non-2xx`);
      if (duplicatesN) r.errors.push(`${duplicatesN} doublons (member_id, slot_id) avec ${replicas.length} instances`);
      for (const x of replicas.slice(1)) await x.stop();
    }
  }

  // (c) Kiosk home (public, polled): rotating structures.
  if (o.phases.has('c')) await kioskHome(c, cpu, counted);
}

/** (c) GET /api/public/structures/:slug/kiosk (kiosk home counter, polled), structures in rotation. */
async function kioskHome(
  { app, o, r, structures }: KioskContext,
  cpu: CpuPids,
  counted: (run: () => Promise<LoadResult>) => Promise<LoadResult>,
): Promise<void> {
  const health = r.health as LoadResult;
  let i = 0;
  await load(app.base, {
    connections: 10,
    duration: 2,
    requests: [{ method: 'GET', path: `/api/public/structures/${structures[0]?.slug}/kiosk` }],
  });
  const measured = await counted(() =>
    load(app.base, {
      connections: o.connections,
      duration: o.homeDuration,
      cpu,
      requests: [
        {
          method: 'GET',
          path: '/',
          setupRequest: (req) => ({ ...req, path: `/api/public/structures/${structures[i++ % structures.length]?.slug}/kiosk` }),
        },
      ],
    }),
  );
  const home = { ...measured, share: measured.rps / health.rps };
  r.home = home;
  console.log(
    `  (c) GET /api/public/structures/:slug/kiosk : ${fmt(home.rps)} req/s (${fmt(home.share * 100)} % de health), p50 ${home.p50} ms, p95 ${home.p95} ms, p99 ${home.p99} ms ; CPU ${cpuText(home)}`,
  );
  if (home.non2xx) r.errors.push(`accueil borne : ${home.non2xx} réponses non-2xx ${JSON.stringify(home.statuses)}`);
  if (home.errors + home.timeouts) r.errors.push(`accueil borne : ${home.errors + home.timeouts} erreurs réseau`);
}
