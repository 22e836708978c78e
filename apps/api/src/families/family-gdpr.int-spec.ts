import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  insertAttendance,
  memberBody,
  referenceIds,
  sqlInstant,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { Clock } from '../common/clock';

/** Issue 13: the readable export of a family, and the retention list with its bulk anonymisation (decision 9). */
describe('GDPR: readable export and retention', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let ref: Record<string, Record<string, number>>;

  beforeAll(async () => {
    // The clock is the real one: "today" is when the tests run; old activity is written years back.
    t = await startTestApp();
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque RGPD');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Tierce');
    ref = await referenceIds(t, a.adminToken);
  });
  afterAll(() => t.close());

  const admin = () => bearer(a.adminToken);

  it('exports a family as a printable French HTML page: dates and times of slots, labels, escaped text; audited', async () => {
    const { family } = await createFamily(t, a.adminToken, 'Roux & <Fils>', [
      memberBody(ref, { lastName: 'ROUX', firstName: 'Jeanne', birthDate: '1984-07-14', cityId: ref['city']['Ronchin'] }),
    ]);
    await insertAttendance(t, a.structure.id, '2026-10-20', [family.members[0].id]);
    const res = await t.http().get(`/api/families/${family.id}/export-html`).set(admin());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="famille-${family.id}.html"`);
    const page = res.text;
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Données personnelles de la famille Roux &amp; &lt;Fils&gt;');
    expect(page).not.toContain('<Fils>');
    expect(page).toContain('mardi 20 octobre 2026, 09:30–12:00');
    expect(page).not.toMatch(/570-720/);
    expect(page).toContain('14/07/1984');
    expect(page).toContain('Ronchin');
    expect(page).toContain('@media print');
    expect(page).not.toContain('<script');
    expect(page).toContain('<footer>Ce projet est cofinancé par l&#39;Union Européenne avec le FEDER</footer>');
    const audit = await t.dataSource.manager.findBy(AuditEntry, { action: 'family.exported', targetId: String(family.id) });
    expect(audit.map((e) => JSON.parse(e.details ?? '{}').format)).toEqual(['html']);
    await t.http().get(`/api/families/${family.id}/export-html`).set(bearer(b.adminToken)).expect(404);
  });

  describe('retention', () => {
    const ago = (years: number) => new Date(Date.now() - years * 366 * 86_400_000);
    /** Backdates everything a family and its members and logins hold (created, changed, last login). */
    const backdate = async (familyId: number, at: Date) => {
      const v = sqlInstant(at);
      await t.dataSource.query('UPDATE family SET created_at = ?, updated_at = ? WHERE id = ?', [v, v, familyId]);
      await t.dataSource.query('UPDATE member SET created_at = ?, updated_at = ? WHERE family_id = ?', [v, v, familyId]);
      await t.dataSource.query('UPDATE account SET created_at = ?, last_login_at = NULL WHERE family_id = ?', [v, familyId]);
    };
    const names = async (query = '') =>
      ((await t.http().get(`/api/retention${query}`).set(admin()).expect(200)).body.items as { name: string }[]).map((f) => f.name);

    it('lists the families without attendance, change or login for N years (default 3), follows the setting, 0 = off', async () => {
      const sleeping = await createFamily(t, a.adminToken, 'Dormante', [memberBody(ref, { lastName: 'DORMANTE', firstName: 'Ana' })]);
      const oldVisit = await createFamily(t, a.adminToken, 'Ancienne', [memberBody(ref, { lastName: 'ANCIENNE', firstName: 'Bea' })]);
      const recentVisit = await createFamily(t, a.adminToken, 'Venue', [memberBody(ref, { lastName: 'VENUE', firstName: 'Cid' })]);
      const recentLogin = await createFamily(t, a.adminToken, 'Connectée', [memberBody(ref, { lastName: 'CONNECTEE', firstName: 'Dan' })]);
      const recentEdit = await createFamily(t, a.adminToken, 'Modifiée', [memberBody(ref, { lastName: 'MODIFIEE', firstName: 'Eli' })]);
      for (const f of [sleeping, oldVisit, recentVisit, recentLogin, recentEdit]) await backdate(f.family.id, ago(5));
      const lastYear = ago(1).toISOString().slice(0, 10);
      await insertAttendance(t, a.structure.id, ago(4).toISOString().slice(0, 10), [oldVisit.family.members[0].id]);
      await insertAttendance(t, a.structure.id, lastYear, [recentVisit.family.members[0].id]);
      await t.dataSource.query('UPDATE account SET last_login_at = ? WHERE family_id = ?', [sqlInstant(ago(1)), recentLogin.family.id]);
      await t.dataSource.query('UPDATE member SET updated_at = ? WHERE family_id = ?', [sqlInstant(ago(1)), recentEdit.family.id]);

      const page = await t.http().get('/api/retention').set(admin()).expect(200);
      expect(page.body).toMatchObject({ years: 3, total: 2, page: 1 });
      expect(page.body.cutoff).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(page.body.items.map((f: { name: string }) => f.name).sort()).toEqual(['Ancienne', 'Dormante']);
      const ancienne = page.body.items.find((f: { name: string }) => f.name === 'Ancienne');
      expect(ancienne).toMatchObject({ memberCount: 1, archived: false, lastAttendance: ago(4).toISOString().slice(0, 10) });
      expect(new Date(ancienne.lastActivity).getTime()).toBeLessThan(ago(3).getTime());
      expect((await t.http().get('/api/retention?pageSize=1&page=2').set(admin()).expect(200)).body.items).toHaveLength(1);

      // Six years: nobody was inactive that long.
      await t.http().put('/api/retention').set(admin()).send({ years: 6 }).expect(200);
      expect(await names()).toEqual([]);
      await t.http().put('/api/retention').set(admin()).send({ years: 0 }).expect(200);
      expect((await t.http().get('/api/retention').set(admin()).expect(200)).body).toMatchObject({
        years: 0,
        cutoff: null,
        total: 0,
        items: [],
      });
      const bad = await t.http().put('/api/retention').set(admin()).send({ years: -1 });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/durée de conservation/);
      await t.http().put('/api/retention').set(admin()).send({ years: 3 }).expect(200);
      expect(await t.dataSource.manager.countBy(AuditEntry, { action: 'retention.updated', structureId: a.structure.id })).toBe(3);
      // Another structure's setting and list are its own.
      expect((await t.http().get('/api/retention').set(bearer(b.adminToken)).expect(200)).body).toMatchObject({ years: 3, total: 0 });
    });

    it('anonymises the chosen families after confirmation, one transaction and one audit line each; a family active meanwhile is skipped', async () => {
      const listed = (await t.http().get('/api/retention').set(admin()).expect(200)).body.items as { id: number; name: string }[];
      const [first, second] = listed;
      expect(listed.length).toBe(2);
      const unconfirmed = await t
        .http()
        .post('/api/retention/anonymise')
        .set(admin())
        .send({ familyIds: [first.id] });
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.body.message).toBe("Confirmez l'anonymisation : elle est irréversible.");
      const foreign = await createFamily(t, b.adminToken, 'Étrangère', [
        memberBody(await referenceIds(t, b.adminToken), { lastName: 'ETRANGERE' }),
      ]);
      const wall = await t
        .http()
        .post('/api/retention/anonymise')
        .set(admin())
        .send({ familyIds: [first.id, foreign.family.id], confirm: true });
      expect(wall.status).toBe(404);

      // The second family comes back meanwhile (a change today).
      await t
        .http()
        .patch(`/api/families/${second.id}`)
        .set(admin())
        .send({ name: `${second.name} revenue` })
        .expect(200);
      const res = await t
        .http()
        .post('/api/retention/anonymise')
        .set(admin())
        .send({ familyIds: [first.id, second.id], confirm: true });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ anonymised: [first.id], skipped: [second.id] });
      const done = (await t.http().get(`/api/families/${first.id}`).set(admin()).expect(200)).body;
      expect(done).toMatchObject({ anonymised: true, archived: true, email: null });
      expect((await t.http().get(`/api/families/${second.id}`).set(admin()).expect(200)).body.anonymised).toBe(false);
      const audit = await t.dataSource.manager.findBy(AuditEntry, { action: 'family.anonymised', targetId: String(first.id) });
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].details ?? '{}')).toMatchObject({ retentionYears: 3 });
      expect(await names()).toEqual([]);
    });

    it('counts the N years from what the Clock said when the family was created or changed, up to the midnight of the structure', async () => {
      const clock = t.app.get(Clock);
      const sa = await superAdminToken(t);
      const c = await createStructureWithAdmin(t, sa, 'Ludothèque Horloge');
      const listedAt = async (instant: string) => {
        clock.travelTo(new Date(instant));
        const items = (await t.http().get('/api/retention').set(bearer(c.adminToken)).expect(200)).body.items as { name: string }[];
        return items.map((f) => f.name);
      };
      try {
        // Created on Tuesday 10 March 2020, 11:00 in Paris (created_at of the family and its member: the Clock's instant).
        clock.travelTo(new Date('2020-03-10T10:00:00Z'));
        const { family } = await createFamily(t, c.adminToken, 'Horloge', [
          memberBody(await referenceIds(t, c.adminToken), { lastName: 'HORLOGE', firstName: 'Ida' }),
        ]);
        // Three years later (the default), the cutoff is 10 March 2020 until midnight in Paris, then 11 March.
        expect(await listedAt('2023-03-10T22:59:59Z')).toEqual([]);
        expect(await listedAt('2023-03-10T23:00:00Z')).toEqual(['Horloge']);
        // A change made then (updated_at: the Clock's instant) starts three more years.
        await t.http().patch(`/api/families/${family.id}`).set(bearer(c.adminToken)).send({ name: 'Horloge revenue' }).expect(200);
        expect(await listedAt('2026-03-11T22:59:59Z')).toEqual([]);
        expect(await listedAt('2026-03-11T23:00:00Z')).toEqual(['Horloge revenue']);
      } finally {
        clock.reset();
      }
    });
  });
});
