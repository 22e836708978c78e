import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  login,
  memberBody,
  referenceIds,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { MariadbProcess, startMariadb } from '../../test/mariadb-process';

/**
 * The database goes away while families are at the kiosk (issue 12, finding 2):
 * a MariaDB of the test's own is killed and restarted. Nobody may be logged out
 * by it, nothing may be answered 401 or 500, and the kiosk's retries with the
 * same key record the press once when the database is back.
 *
 * MariaDB only (the file name keeps it out of the SQLite run): an embedded SQLite
 * file cannot become unreachable that way.
 */
describe('a MariaDB outage', () => {
  let db: MariadbProcess;
  let t: TestApp;
  let a: StructureFixture;
  let familyToken: string;
  let memberIds: number[];

  beforeAll(async () => {
    db = await startMariadb();
    t = await startTestApp({ DB_TYPE: 'mariadb', DATABASE_URL: db.url });
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Panne');
    const ref = await referenceIds(t, a.adminToken);
    const fam = await createFamily(t, a.adminToken, 'Famille Patiente', [
      memberBody(ref, { firstName: 'Lou' }),
      memberBody(ref, { firstName: 'Noé' }),
    ]);
    memberIds = fam.family.members.map((m) => m.id);
    await t
      .http()
      .post('/api/slots/generate')
      .set(bearer(a.adminToken))
      .send({ from: '2026-10-20', weekdays: [2], ranges: [{ start: '09:00', end: '18:00' }] })
      .expect(200);
    t.app.get(Clock).travelTo(new Date('2026-10-20T10:00:00Z'));
    familyToken = (await login(t, fam.email, fam.password, a.structure.slug)).accessToken;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.stop();
  }, 60_000);

  const press = (key: string) => t.http().post('/api/family/attendance').set(bearer(familyToken)).send({ key, memberIds });
  const rows = async () =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM attendance WHERE member_id IN (?, ?)', memberIds))[0].n);

  it('answers 503 "database-unavailable" (never 401 or 500) while it is down, and records the retried press once after', async () => {
    const key = randomUUID();
    await db.kill();
    try {
      const during = await press(key);
      expect(during.status).toBe(503);
      expect(during.body).toMatchObject({ statusCode: 503, code: 'database-unavailable' });
      expect(during.body.message).toMatch(/base de données/);
      expect(Number(during.headers['retry-after'])).toBeGreaterThan(0);
      // The admin is not logged out, the public kiosk status is not a 500, a login is not a "wrong password".
      const admin = await t.http().get('/api/families').set(bearer(a.adminToken));
      expect(admin.status).toBe(503);
      const kiosk = await t.http().get(`/api/public/structures/${a.structure.slug}/kiosk`);
      expect(kiosk.status).toBe(503);
      const loginDuring = await t.http().post('/api/auth/login').send({ login: a.adminEmail, password: a.adminPassword });
      expect(loginDuring.status).toBe(503);
    } finally {
      await db.restart();
    }
    // The kiosk keeps the key and tries again, as for any 5xx.
    const deadline = Date.now() + 30_000;
    let answer = await press(key);
    while (answer.status >= 500 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      answer = await press(key);
    }
    expect(answer.status).toBe(200);
    expect(await rows()).toBe(2);
    // One more retry of the same press (the answer was lost): the same rows, nothing added.
    const again = await press(key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(answer.body);
    expect(await rows()).toBe(2);
    // Sessions went through the outage untouched.
    await t.http().get('/api/families').set(bearer(a.adminToken)).expect(200);
    await t.http().get('/api/family/me').set(bearer(familyToken)).expect(200);
  }, 120_000);
});
