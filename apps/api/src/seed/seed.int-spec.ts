import { zonedParts } from '@pointage/domain';
import { Database } from '../database/database.service';
import { login, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { adminEmail, familyEmail, runSeed, SEED_PASSWORD, SeedSummary } from './seed-runner';

const TODAY = zonedParts(new Date(), 'Europe/Paris').date;

async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number | string }[] = await t.dataSource.query(sql, params);
  return Number(rows[0].n);
}

describe('seed (federation data set)', () => {
  let t: TestApp;
  let summary: SeedSummary;

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.get(Database);
    summary = await runSeed(
      t.dataSource,
      { structures: 2, families: 8, years: 1, seed: 7, today: TODAY },
      { transaction: (work) => db.transaction(work) },
    );
  });
  afterAll(() => t.close());

  it('writes what the summary says', async () => {
    expect(summary.totals).toMatchObject({ structures: 2, families: 16 });
    expect(await count(t, 'SELECT COUNT(*) AS n FROM structure')).toBe(2);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM family')).toBe(16);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM member')).toBe(summary.totals.members);
    expect(await count(t, "SELECT COUNT(*) AS n FROM account WHERE role = 'family'")).toBe(16);
    expect(await count(t, "SELECT COUNT(*) AS n FROM account WHERE role = 'admin'")).toBe(2);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM slot')).toBe(summary.totals.slots);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM attendance')).toBe(summary.totals.attendance);
    expect(summary.totals.attendance).toBeGreaterThan(500);
    const sizes: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM member GROUP BY family_id');
    for (const s of sizes) expect(Number(s.n) >= 1 && Number(s.n) <= 8).toBe(true);
  });

  it('gives every structure the same reference lists and age brackets as a structure created in the app', async () => {
    const sa = await superAdminToken(t);
    const res = await t.http().post('/api/super-admin/structures').set('Authorization', `Bearer ${sa}`).send({ name: 'Créée par l’app' });
    expect(res.status).toBe(201);
    const appId = (res.body as { id: number }).id;
    const lists = async (id: number) =>
      (
        await t.dataSource.query<Record<string, unknown>[]>(
          'SELECT kind, label, position, active, is_child, code FROM ref_item WHERE structure_id = ? ORDER BY kind, position',
          [id],
        )
      ).map((r) => ({ ...r, active: Number(r['active']), is_child: Number(r['is_child']) }));
    const brackets = (id: number) =>
      t.dataSource.query('SELECT min_age, max_age, position FROM age_bracket WHERE structure_id = ? ORDER BY position', [id]);
    for (const s of summary.structures) {
      expect(await lists(s.id)).toEqual(await lists(appId));
      expect(await brackets(s.id)).toEqual(await brackets(appId));
    }
  });

  it('never records a member twice in a slot, copies the snapshot from the member, stays in the structure', async () => {
    expect(
      await count(
        t,
        'SELECT COUNT(*) AS n FROM (SELECT member_id, slot_id FROM attendance GROUP BY member_id, slot_id HAVING COUNT(*) > 1) d',
      ),
    ).toBe(0);
    expect(
      await count(
        t,
        `SELECT COUNT(*) AS n FROM attendance a JOIN member m ON m.id = a.member_id
         WHERE a.sex_id <> m.sex_id OR a.city_id <> m.city_id OR a.status_id <> m.status_id OR a.minima_id <> m.minima_id OR a.qf_id <> m.qf_id
            OR a.family_id <> m.family_id OR a.structure_id <> m.structure_id`,
      ),
    ).toBe(0);
    expect(
      await count(
        t,
        'SELECT COUNT(*) AS n FROM attendance a JOIN slot s ON s.id = a.slot_id WHERE s.structure_id <> a.structure_id OR s.date >= ?',
        [TODAY],
      ),
    ).toBe(0);
    expect(await count(t, "SELECT COUNT(*) AS n FROM attendance WHERE source <> 'kiosk' OR recorded_by IS NULL")).toBe(0);
    // Children have child statuses.
    expect(
      await count(t, 'SELECT COUNT(*) AS n FROM member m JOIN ref_item r ON r.id = m.status_id WHERE r.is_child = 1 AND m.birth_date < ?', [
        `${Number(TODAY.slice(0, 4)) - 19}${TODAY.slice(4)}`,
      ]),
    ).toBe(0);
  });

  it('opens today with one slot covering the whole day', async () => {
    for (const s of summary.structures) {
      const rows: Record<string, unknown>[] = await t.dataSource.query(
        'SELECT start_minute, end_minute FROM slot WHERE structure_id = ? AND date = ?',
        [s.id, TODAY],
      );
      expect(rows.map((r) => [Number(r['start_minute']), Number(r['end_minute'])])).toEqual([[0, 1439]]);
      expect(s.wholeDaySlot).toBe(true);
    }
  });

  it('seeded logins work with the documented password', async () => {
    const s = summary.structures[0];
    const admin = await login(t, adminEmail(s.slug), SEED_PASSWORD);
    expect(admin.role).toBe('admin');
    const family = await login(t, familyEmail(1, s.slug), SEED_PASSWORD, s.slug);
    const me = await t.http().get('/api/family/me').set('Authorization', `Bearer ${family.accessToken}`);
    expect(me.status).toBe(200);
    expect((me.body as { members: unknown[] }).members.length).toBeGreaterThan(0);
  });

  it('adds to an existing structure deterministically, without clashing logins', async () => {
    const s = summary.structures[0];
    const db = t.app.get(Database);
    const before = await count(t, 'SELECT COUNT(*) AS n FROM attendance');
    const again = await runSeed(
      t.dataSource,
      { structures: 1, families: 8, years: 1, seed: 7, today: TODAY, intoStructureId: s.id },
      { transaction: (work) => db.transaction(work) },
    );
    expect(again.totals.structures).toBe(0);
    expect(again.structures[0].slots).toBe(0); // the same slots are reused
    expect(again.structures[0].firstFamilyEmail).toBe(familyEmail(9, s.slug));
    // Same seed and position: the same fictional families as the first run.
    const names = async (from: number, to: number) =>
      (await t.dataSource.query<{ name: string }[]>('SELECT name FROM family WHERE structure_id = ? ORDER BY id', [s.id]))
        .slice(from, to)
        .map((r) => r.name);
    expect(await names(8, 16)).toEqual(await names(0, 8));
    expect(await count(t, 'SELECT COUNT(*) AS n FROM attendance')).toBe(before + again.totals.attendance);
    expect(again.totals.attendance).toBe(s.attendance);
  });
});

describe('demo data of a first local start', () => {
  let t: TestApp;
  beforeAll(async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      t = await startTestApp({ POINTAGE_MODE: 'local', POINTAGE_DEMO: 'true' });
    } finally {
      log.mockRestore();
    }
  });
  afterAll(() => t.close());

  it('fills the first structure with demo families, slots and attendance', async () => {
    expect(await count(t, 'SELECT COUNT(*) AS n FROM structure')).toBe(1);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM family')).toBe(25);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM slot WHERE date = ?', [TODAY])).toBe(1);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM attendance')).toBeGreaterThan(500);
    const slug = (await t.dataSource.query<{ slug: string }[]>('SELECT slug FROM structure'))[0].slug;
    await login(t, familyEmail(1, slug), SEED_PASSWORD, slug);
  });
});
