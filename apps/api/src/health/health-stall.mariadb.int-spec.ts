import { startTestApp, TestApp } from '../../test/harness';
import { MariadbProcess, startMariadb } from '../../test/mariadb-process';

/**
 * A database that stops answering without closing its connections (a stalled
 * server, a frozen VM, a network black hole): SIGSTOP on a MariaDB of the
 * test's own. SQLite is a file in the process and cannot stall that way, so
 * this runs in the MariaDB run of the suite only (the file name keeps it out of
 * the SQLite run: apps/api/jest.int.config.cts).
 */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

describe('a stalled MariaDB server', () => {
  let db: MariadbProcess;
  let t: TestApp;

  beforeAll(async () => {
    db = await startMariadb();
    t = await startTestApp({ DATABASE_URL: db.url, DB_QUERY_TIMEOUT_MS: '3000' });
  }, 120_000);
  afterAll(async () => {
    db?.resume();
    await t?.close();
    await db?.stop();
  }, 60_000);

  it('answers /api/health 503 within 2 s while the server is stopped, 200 again once it resumes', async () => {
    await t.http().get('/api/health').expect(200);
    db.pause();
    try {
      for (let i = 0; i < 3; i++) {
        const { value: res, ms } = await timed(() => t.http().get('/api/health'));
        expect(res.status).toBe(503);
        expect(res.body).toEqual({ statusCode: 503, message: 'La base de données ne répond pas.' });
        expect(ms).toBeLessThan(2000);
      }
    } finally {
      db.resume();
    }
    const started = Date.now();
    for (;;) {
      const res = await t.http().get('/api/health');
      if (res.status === 200) break;
      if (Date.now() - started > 30_000) throw new Error(`health still ${res.status} 30 s after the server resumed`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  it('does not hold a request for the whole stall: a query gives up after the query timeout', async () => {
    await t.http().get('/api/health').expect(200);
    db.pause();
    try {
      const { value: res, ms } = await timed(() =>
        t.http().post('/api/auth/login').send({ login: 'quelqu.un@test.local', password: 'pas le bon mot de passe' }),
      );
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(res.body.statusCode).toBe(res.status);
      expect(res.body.message).toMatch(/base de données|Réessayez/);
      // A test connection timeout (DB_QUERY_TIMEOUT_MS) of 3 s: well below a 45 s stall.
      expect(ms).toBeLessThan(8000);
    } finally {
      db.resume();
    }
    // Still usable afterwards.
    await t.http().get('/api/health').expect(200);
  }, 60_000);
});
