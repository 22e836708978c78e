import Database from 'better-sqlite3';
import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { zonedParts } from '@pointage/domain';
import { testDialect } from '../../test/harness';
import { createTempDatabase, TempDatabase } from '../../test/mariadb';
import { assertBundleBuilt, collect, spawnApi, waitForHealthy } from '../../test/process';
import { freePort } from '@pointage/test-support';

/**
 * The server killed (SIGKILL) while validating: after a restart, either every
 * member of that validation is recorded or none is. Each round kills the
 * process at a different moment after sending an 8-member validation (the test
 * hook holds each validation 300 ms just before its single INSERT), then counts
 * the rows with SQL.
 */
const dialect = testDialect();
const SUPER = { email: 'crash@test.local', password: 'une phrase pour le crash test' };
const ROUNDS = 10;

describe(`a validation interrupted by SIGKILL (${dialect})`, () => {
  let dir: string;
  let db: TempDatabase | null = null;
  let port: number;
  let env: Record<string, string>;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    assertBundleBuilt();
    dir = mkdtempSync(join(tmpdir(), 'pointage-crash-'));
    if (dialect === 'mariadb') db = await createTempDatabase('crash');
    port = await freePort();
    env = {
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      POINTAGE_SUPERADMIN_EMAIL: SUPER.email,
      POINTAGE_SUPERADMIN_PASSWORD: SUPER.password,
      // Each validation waits 300 ms just before writing its rows.
      POINTAGE_TEST_PAUSE_IN_VALIDATION_MS: '300',
      ...(db ? { DB_TYPE: 'mariadb', DATABASE_URL: db.url } : {}),
    };
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = () => `http://127.0.0.1:${port}`;
  async function start(): Promise<void> {
    child = spawnApi({ env });
    void collect(child, 120_000).catch(() => undefined);
    await waitForHealthy(`${base()}/api/health`);
  }
  async function api(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(base() + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }
  async function countRows(memberIds: number[]): Promise<number> {
    const sql = `SELECT COUNT(*) AS n FROM attendance WHERE member_id IN (${memberIds.map(() => '?').join(',')})`;
    if (db) {
      const c = await createConnection({ uri: db.url });
      try {
        const [rows] = await c.query(sql, memberIds);
        return Number((rows as { n: number }[])[0].n);
      } finally {
        await c.end();
      }
    }
    const sqlite = new Database(join(dir, 'pointage.sqlite'));
    try {
      return Number((sqlite.prepare(sql).get(...memberIds) as { n: number }).n);
    } finally {
      sqlite.close();
    }
  }

  it('records all members of the validation or none, never part of them', async () => {
    // A minute before midnight in Paris, today's slot would close under our feet: wait for the new day.
    while (zonedParts(new Date(), 'Europe/Paris').minutes >= 1438) await new Promise((r) => setTimeout(r, 5000));
    await start();
    const sa = (await api('POST', '/api/auth/login', null, { login: SUPER.email, password: SUPER.password })).body['accessToken'] as string;
    const structure = (await api('POST', '/api/super-admin/structures', sa, { name: 'Ludothèque Crash' })).body as {
      id: number;
      slug: string;
    };
    const admin = (await api('POST', `/api/super-admin/structures/${structure.id}/admins`, sa, { email: 'admin.crash@test.local' }))
      .body as { password: string };
    const adminToken = (await api('POST', '/api/auth/login', null, { login: 'admin.crash@test.local', password: admin.password })).body[
      'accessToken'
    ] as string;
    const today = zonedParts(new Date(), 'Europe/Paris').date;
    expect(
      (
        await api('POST', '/api/slots/generate', adminToken, {
          from: today,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          ranges: [{ start: '00:00', end: '23:59' }],
        })
      ).status,
    ).toBe(200);
    const ref = (await api('GET', '/api/reference', adminToken)).body as Record<string, { id: number; label: string }[]>;
    const pick = (kind: string, label: string) => (ref[kind].find((i) => i.label === label) as { id: number }).id;
    const families: { token: string; memberIds: number[] }[] = [];
    for (let f = 0; f < ROUNDS; f++) {
      const members = Array.from({ length: 8 }, (_, i) => ({
        lastName: `CRASH${f}`,
        firstName: `Membre${i}`,
        sexId: pick('sex', 'Femme'),
        birthDate: '2010-01-01',
        cityId: pick('city', 'Lille'),
        statusId: pick('status', 'Enfant à charge'),
        minimaId: pick('minima', 'Non'),
        qfId: pick('qf', '0 à 480 €'),
      }));
      const email = `crash${f}@test.local`;
      const created = await api('POST', '/api/families', adminToken, {
        name: `CRASH${f}`,
        email,
        password: 'la famille du crash test',
        qfId: pick('qf', '0 à 480 €'),
        minimaId: pick('minima', 'Non'),
        members,
      });
      expect(created.status).toBe(201);
      const token = (
        await api('POST', '/api/auth/login', null, { login: email, password: 'la famille du crash test', structure: structure.slug })
      ).body['accessToken'] as string;
      families.push({ token, memberIds: (created.body['family'] as { members: { id: number }[] }).members.map((m) => m.id) });
    }

    const outcomes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { token, memberIds } = families[round];
      const body = JSON.stringify({ key: randomUUID(), memberIds });
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/family/attendance',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${token}` },
      });
      req.on('error', () => undefined);
      req.end(body);
      // Kill at a different moment each round: while the request is being handled, or after it was answered.
      const delay = round === 0 ? 150 : round === 1 ? 700 : Math.floor(Math.random() * 600);
      await new Promise((r) => setTimeout(r, delay));
      const exited = new Promise((r) => child?.once('exit', r));
      child?.kill('SIGKILL');
      await exited;
      const rows = await countRows(memberIds);
      outcomes.push(rows);
      expect([0, 8]).toContain(rows);
      await start();
    }
    // Round 0 was killed while the validation was being handled: nothing was recorded.
    expect(outcomes[0]).toBe(0);
    // Round 1 was killed well after the answer: everything survives.
    expect(outcomes[1]).toBe(8);
    console.log(`SIGKILL rounds (${dialect}): rows per round = ${outcomes.join(', ')}`);
    child?.kill('SIGTERM');
    // Ten starts and kills of the built app: a minute on a quiet 2-core machine, more when it is busy.
  }, 240_000);
});
