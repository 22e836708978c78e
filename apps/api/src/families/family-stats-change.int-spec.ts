import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  insertAttendance,
  login,
  memberBody,
  referenceIds,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';

/**
 * A family editing its own members at the kiosk never rewrites past
 * attendance: its changes of statistical attributes apply from today; only
 * the structure's team may correct the past.
 */
describe('statistical attributes changed by a family', () => {
  let t: TestApp;
  let a: StructureFixture;
  let ref: Record<string, Record<string, number>>;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createStructureWithAdmin(t, await superAdminToken(t), 'Ludothèque Snapshots');
    ref = await referenceIds(t, a.adminToken);
  });
  afterAll(() => t.close());

  /** Far in the future: a slot "from today" on any day the test runs. */
  const FUTURE = '2099-06-01';
  const PAST = '2025-03-04';
  let families = 0;

  /** One member in Lille with attendance on a past day and on a future day (slots of its own). */
  async function familyWithHistory(name: string) {
    const n = ++families;
    const { family, email, password } = await createFamily(t, a.adminToken, name, [memberBody(ref, { cityId: ref['city']['Lille'] })]);
    const memberId = family.members[0].id;
    await insertAttendance(t, a.structure.id, past(n), [memberId]);
    await insertAttendance(t, a.structure.id, future(n), [memberId]);
    const token = (await login(t, email, password, a.structure.slug)).accessToken as string;
    return { memberId, token };
  }

  const past = (n: number) => PAST.replace(/\d\d$/, String(n).padStart(2, '0'));
  const future = (n: number) => FUTURE.replace(/\d\d$/, String(n).padStart(2, '0'));

  /** The city of the member's snapshots: [past day, future day]. */
  async function snapshots(memberId: number): Promise<number[]> {
    const rows: { city_id: number }[] = await t.dataSource.query(
      'SELECT a.city_id AS city_id FROM attendance a JOIN slot s ON s.id = a.slot_id WHERE a.member_id = ? ORDER BY s.date',
      [memberId],
    );
    return rows.map((r) => Number(r.city_id));
  }

  it('applies a family change from today without asking: past snapshots keep the old value', async () => {
    const { memberId, token } = await familyWithHistory('Demenage');
    const res = await t.http().patch(`/api/family/members/${memberId}`).set(bearer(token)).send({ cityId: ref['city']['Ronchin'] });
    expect(res.status).toBe(200);
    expect(res.body.cityId).toBe(ref['city']['Ronchin']);
    expect(await snapshots(memberId)).toEqual([ref['city']['Lille'], ref['city']['Ronchin']]);

    const fromToday = await t
      .http()
      .patch(`/api/family/members/${memberId}`)
      .set(bearer(token))
      .send({ cityId: ref['city']['Faches-Thumesnil'], statsChange: 'from-today' });
    expect(fromToday.status).toBe(200);
    expect(await snapshots(memberId)).toEqual([ref['city']['Lille'], ref['city']['Faches-Thumesnil']]);
  });

  it('refuses a correction asked by a family, in French, and changes nothing', async () => {
    const { memberId, token } = await familyWithHistory('Correction');
    const res = await t
      .http()
      .patch(`/api/family/members/${memberId}`)
      .set(bearer(token))
      .send({ cityId: ref['city']['Ronchin'], statsChange: 'correction' });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/^Seule l'équipe de la ludothèque peut corriger les présences passées/);
    expect(await snapshots(memberId)).toEqual([ref['city']['Lille'], ref['city']['Lille']]);
    const me = await t.http().get('/api/family/me').set(bearer(token)).expect(200);
    expect(me.body.members[0].cityId).toBe(ref['city']['Lille']);
  });

  it('still lets the admin correct the past after a family change', async () => {
    const { memberId, token } = await familyWithHistory('Admin corrige');
    await t.http().patch(`/api/family/members/${memberId}`).set(bearer(token)).send({ cityId: ref['city']['Ronchin'] }).expect(200);
    await t
      .http()
      .patch(`/api/members/${memberId}`)
      .set(bearer(a.adminToken))
      .send({ cityId: ref['city']['Faches-Thumesnil'], statsChange: 'correction' })
      .expect(200);
    expect(await snapshots(memberId)).toEqual([ref['city']['Faches-Thumesnil'], ref['city']['Faches-Thumesnil']]);
    // The admin is still asked.
    const ask = await t.http().patch(`/api/members/${memberId}`).set(bearer(a.adminToken)).send({ cityId: ref['city']['Lille'] });
    expect(ask.status).toBe(400);
    expect(ask.body.message).toMatch(/^Précisez s'il s'agit d'une correction/);
    expect(ask.body.code).toBe('stats-change-needed');
  });
});
