import { spawnSync } from 'node:child_process';
import { startTestApp, TestApp } from '../../test/harness';
import type { SqliteDbConfig } from '../config/config';

/**
 * A SQLite file that cannot be written (read-only mount, wrong owner, immutable)
 * serves reads but refuses every write: health must say so instead of "ok".
 * The tests run as root on CI, which ignores file modes: the file is made
 * immutable (chattr +i), which stops root too. This uses a SQLite database in
 * both runs of the suite: MariaDB has no file of the app's.
 */
function chattr(flag: '+i' | '-i', path: string): void {
  const r = spawnSync('chattr', [flag, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`chattr ${flag} ${path} failed: ${r.stderr || r.error}`);
}

describe('health of a SQLite file that turns read-only', () => {
  let t: TestApp;
  let file: string;
  beforeAll(async () => {
    t = await startTestApp({ DB_TYPE: 'sqlite' });
    file = (t.config.db as SqliteDbConfig).path;
  });
  afterAll(async () => {
    spawnSync('chattr', ['-i', file]);
    await t.close();
  });

  it('answers 503 in French while the file cannot be written, 200 again once it can', async () => {
    await t.http().get('/api/health').expect(200);
    chattr('+i', file);
    try {
      const res = await t.http().get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        statusCode: 503,
        message: 'La base de données est en lecture seule : les modifications ne peuvent pas être enregistrées.',
      });
    } finally {
      chattr('-i', file);
    }
    await t.http().get('/api/health').expect(200);
  });
});
