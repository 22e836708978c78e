import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { zonedParts } from '@pointage/domain';
import { createTempDatabase, TempDatabase } from '../../test/mariadb';
import { assertBundleBuilt, collect, Exited, spawnApi, waitForHealthy } from '../../test/process';
import { freePort } from '@pointage/test-support';
import { MARIADB_MIGRATIONS } from '../database/migrations/mariadb';

/**
 * Two replicas of the built API on one MariaDB database (decision 10): started
 * at the same moment (one applies the migrations, the other waits), they share
 * the login throttle, see each other's slot changes at once, and a check-in
 * pressed through both — the retry sent to the other replica — is recorded
 * exactly once.
 */
const SUPER = { email: 'replicas@test.local', password: 'une phrase pour les replicas' };
const FAMILIES = 100;
const MEMBERS = 2;
const FAMILY_PASSWORD = 'la famille des deux replicas';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describe('two replicas on one MariaDB database', () => {
  let dir: string;
  let db: TempDatabase;
  const children: { child: ChildProcess; exited: Promise<Exited> }[] = [];
  let urls: [string, string];
  /** What the replicas wrote to stderr (server-side errors), shown when an answer is wrong. */
  let errors = '';

  beforeAll(async () => {
    assertBundleBuilt();
    dir = mkdtempSync(join(tmpdir(), 'pointage-replicas-'));
    db = await createTempDatabase('replicas');
  });
  afterAll(async () => {
    for (const { child } of children) child.kill('SIGKILL');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function api(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<Answer> {
    const res = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }
  async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
    const c = await createConnection({ uri: db.url });
    try {
      const [rows] = await c.query(query, params);
      return rows as T[];
    } finally {
      await c.end();
    }
  }
  const loginOn = (base: string, login: string, password: string, structure?: string) =>
    api(base, 'POST', '/api/auth/login', null, { login, password, ...(structure ? { structure } : {}) });

  it('wait for the migration lock, then start at the same moment: both healthy, each migration applied once, one super-admin', async () => {
    const ports = [await freePort(), await freePort()];
    const shared = {
      // One volume for uploads, one JWT secret, one database: what the replicas must share.
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      POINTAGE_SUPERADMIN_EMAIL: SUPER.email,
      POINTAGE_SUPERADMIN_PASSWORD: SUPER.password,
      DB_TYPE: 'mariadb',
      DATABASE_URL: db.url,
    };
    // Someone else holds the migration lock: both replicas must wait for it, doing nothing.
    const holder = await createConnection({ uri: db.url });
    const lockName = `pointage_migrations:${db.name}`.slice(0, 64);
    const [[held]] = (await holder.query('SELECT GET_LOCK(?, 5) AS got', [lockName])) as unknown as [{ got: number }[]];
    expect(Number(held.got)).toBe(1);
    for (const port of ports) {
      const child = spawnApi({ env: { ...shared, PORT: String(port) } });
      children.push({ child, exited: collect(child, 600_000) });
      child.stderr?.on('data', (d) => (errors += String(d)));
    }
    urls = [`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`];
    // Both end up waiting on the lock, and nothing is migrated meanwhile.
    const waiting = async () =>
      Number(
        (
          await sql<{ n: number }>(
            "SELECT COUNT(*) AS n FROM information_schema.processlist WHERE db = ? AND info LIKE 'SELECT GET_LOCK%'",
            [db.name],
          )
        )[0].n,
      );
    for (let started = Date.now(); (await waiting()) < 2; ) {
      if (Date.now() - started > 60_000) throw new Error('the replicas never asked for the migration lock');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await sql("SHOW TABLES LIKE 'structure'")).toEqual([]);
    for (const u of urls) await expect(fetch(`${u}/api/health`)).rejects.toThrow();
    // Released: both go for it at the same moment.
    await holder.query('SELECT RELEASE_LOCK(?)', [lockName]);
    await holder.end();
    const failed = Promise.race(
      children.map(({ exited }) => exited.then((e) => Promise.reject(new Error(`a replica exited: ${e.code} ${e.stdout} ${e.stderr}`)))),
    );
    await Promise.race([Promise.all(urls.map((u) => waitForHealthy(`${u}/api/health`, 90_000))), failed]);

    const applied = await sql<{ name: string; n: number }>('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name');
    expect(applied.length).toBe(MARIADB_MIGRATIONS.length);
    expect(applied.every((r) => Number(r.n) === 1)).toBe(true);
    const supers = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM account WHERE role = 'super-admin'");
    expect(Number(supers[0].n)).toBe(1);
  }, 120_000);

  it('10 failed logins alternating between the replicas: the 11th is 429 on either', async () => {
    const intruder = 'intrus@test.local';
    for (let i = 0; i < 10; i++) {
      const res = await loginOn(urls[i % 2], intruder, `mauvais essai ${i}`);
      expect(res.status).toBe(401);
    }
    for (const base of urls) {
      const res = await loginOn(base, intruder, 'mauvais essai de trop');
      expect(res.status).toBe(429);
      expect(res.body['message']).toMatch(/^Trop de tentatives de connexion\. Réessayez dans 15 minutes\./);
    }
    // Neither logins nor addresses are stored in clear.
    const rows = await sql<{ key_hash: string }>('SELECT key_hash FROM throttle_event');
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
  });

  it('the SMTP server saved on A applies at once on B', async () => {
    const [A, B] = urls;
    const sa = (await loginOn(B, SUPER.email, SUPER.password)).body['accessToken'] as string;
    const configured = async (base: string) => (await api(base, 'GET', '/api/public/settings', null)).body['mailConfigured'];
    // B has read (and kept) "no SMTP server": mails go to files.
    expect(await configured(B)).toBe(false);
    expect((await api(B, 'GET', '/api/super-admin/settings/mail', sa)).body['source']).toBe('file');
    const saved = await api(A, 'PUT', '/api/super-admin/settings/mail', sa, {
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      user: '',
      password: '',
      from: 'Ludothèque <ludo@exemple.fr>',
    });
    expect(saved.status).toBe(200);
    expect(await configured(B)).toBe(true);
    expect((await api(B, 'GET', '/api/super-admin/settings/mail', sa)).body['source']).toBe('settings');
  });

  it('a slot generated or deleted on A shows at once in the kiosk status of B; 200 check-ins pressed through both are each recorded once', async () => {
    // A minute before midnight in Paris, today's slot would close under our feet: wait for the new day.
    while (zonedParts(new Date(), 'Europe/Paris').minutes >= 1430) await new Promise((r) => setTimeout(r, 5000));
    const [A, B] = urls;
    const sa = (await loginOn(A, SUPER.email, SUPER.password)).body['accessToken'] as string;
    const structure = (await api(A, 'POST', '/api/super-admin/structures', sa, { name: 'Ludothèque Deux Instances' })).body as {
      id: number;
      slug: string;
    };
    const admin = (await api(B, 'POST', `/api/super-admin/structures/${structure.id}/admins`, sa, { email: 'admin.replicas@test.local' }))
      .body as { password: string };
    const adminToken = (await loginOn(B, 'admin.replicas@test.local', admin.password)).body['accessToken'] as string;
    const kiosk = async (base: string) =>
      (await api(base, 'GET', `/api/public/structures/${structure.slug}/kiosk`, null)).body as { slot: unknown; closed: boolean };

    // B has read (and cached) an empty day.
    expect((await kiosk(B)).slot).toBeNull();
    const today = zonedParts(new Date(), 'Europe/Paris').date;
    const allDay = { from: today, to: today, weekdays: [1, 2, 3, 4, 5, 6, 7], ranges: [{ start: '00:00', end: '23:59' }] };
    expect((await api(A, 'POST', '/api/slots/generate', adminToken, allDay)).status).toBe(200);
    expect((await kiosk(B)).slot).not.toBeNull();
    expect((await api(A, 'POST', '/api/slots/delete', adminToken, { from: today, to: today, weekdays: allDay.weekdays })).status).toBe(200);
    expect((await kiosk(B)).slot).toBeNull();
    expect((await api(A, 'POST', '/api/slots/generate', adminToken, allDay)).status).toBe(200);
    expect((await kiosk(B)).closed).toBe(false);

    const ref = (await api(A, 'GET', '/api/reference', adminToken)).body as Record<string, { id: number; label: string }[]>;
    const pick = (kind: string, label: string) => (ref[kind].find((i) => i.label === label) as { id: number }).id;
    const families: { token: string; memberIds: number[] }[] = [];
    for (let start = 0; start < FAMILIES; start += 10) {
      // Ten at a time, five per replica: under the per-process cap of verifications at once.
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, FAMILIES - start) }, async (_, j) => {
          const f = start + j;
          const base = urls[f % 2];
          const members = Array.from({ length: MEMBERS }, (_, i) => ({
            lastName: `DOUBLE${f}`,
            firstName: `Membre${i}`,
            sexId: pick('sex', 'Femme'),
            birthDate: '2012-03-04',
            cityId: pick('city', 'Lille'),
            statusId: pick('status', 'Enfant à charge'),
            minimaId: pick('minima', 'Non'),
            qfId: pick('qf', '0 à 480 €'),
          }));
          const email = `double${f}@test.local`;
          const created = await api(base, 'POST', '/api/families', adminToken, {
            name: `DOUBLE${f}`,
            email,
            password: FAMILY_PASSWORD,
            qfId: pick('qf', '0 à 480 €'),
            minimaId: pick('minima', 'Non'),
            members,
            confirmDuplicates: true,
          });
          expect(created.status).toBe(201);
          // Logged in on the other replica than the one that created it.
          const logged = await loginOn(urls[(f + 1) % 2], email, FAMILY_PASSWORD, structure.slug);
          expect(logged.status).toBe(200);
          return {
            token: logged.body['accessToken'] as string,
            memberIds: (created.body['family'] as { members: { id: number }[] }).members.map((m) => m.id),
          };
        }),
      );
      families.push(...batch);
    }

    // Each family presses VALIDER once (one key). Half of them also send the
    // retry at once to the other replica (a lost answer); any French refusal
    // (validation in progress, 503) is retried with the same key on the other
    // replica, as the kiosk does, until one answer acknowledges the press.
    const press = async (f: number): Promise<Answer[]> => {
      const { token, memberIds } = families[f];
      const key = randomUUID();
      const first = f % 2;
      const send = (replica: number) => api(urls[replica], 'POST', '/api/family/attendance', token, { key, memberIds });
      const answers = await Promise.all(f % 4 < 2 ? [send(first), send(1 - first)] : [send(first)]);
      for (let attempt = 1; !answers.some((a) => a.status === 200) && attempt <= 10; attempt++) {
        await new Promise((r) => setTimeout(r, 100));
        answers.push(await send((first + attempt) % 2));
      }
      return answers;
    };
    const all = await Promise.all(families.map((_, f) => press(f)));
    for (const answers of all) {
      for (const a of answers) {
        // Every answer is an acknowledgement or a French refusal, never a 500.
        if (![200, 409, 429, 503].includes(a.status)) throw new Error(`${a.status} ${JSON.stringify(a.body)}\n${errors}`);
        if (a.status !== 200) expect(typeof a.body['message']).toBe('string');
        else expect(Number(a.body['recorded']) + Number(a.body['alreadyPresent'])).toBe(MEMBERS);
      }
      expect(answers.some((a) => a.status === 200)).toBe(true);
    }
    const memberIds = families.flatMap((f) => f.memberIds);
    const rows = await sql<{ member_id: number; n: number }>(
      `SELECT member_id, COUNT(*) AS n FROM attendance WHERE structure_id = ? GROUP BY member_id`,
      [structure.id],
    );
    expect(rows.length).toBe(FAMILIES * MEMBERS);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect(new Set(rows.map((r) => Number(r.member_id)))).toEqual(new Set(memberIds));
    // Each family's rows carry its one key.
    const keys = await sql<{ n: number }>('SELECT COUNT(DISTINCT validation_key) AS n FROM attendance WHERE structure_id = ?', [
      structure.id,
    ]);
    expect(Number(keys[0].n)).toBe(FAMILIES);
    // Both replicas count them.
    for (const base of urls)
      expect((await api(base, 'GET', `/api/public/structures/${structure.slug}/kiosk`, null)).body['counter']).toBe(FAMILIES * MEMBERS);
  }, 300_000);
});
