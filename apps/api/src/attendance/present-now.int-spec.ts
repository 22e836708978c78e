import type { PresentNow } from '@pointage/contracts';
import { randomUUID } from 'node:crypto';
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
import { Clock } from '../common/clock';

/** Tuesday 20 October 2026 in Paris (UTC+2). */
const DAY = '2026-10-20';
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 9, 20, h - 2, m));
};

describe('who is here now (admin home)', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let clock: Clock;
  let family: { id: number; members: { id: number; firstName: string }[] };
  let email: string;
  const password = 'la famille joue ici';

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Présents');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Voisine');
    const ref = await referenceIds(t, a.adminToken);
    const created = await createFamily(
      t,
      a.adminToken,
      'NAVARRO',
      [
        memberBody(ref, { lastName: 'NAVARRO', firstName: 'Lucía' }),
        memberBody(ref, { lastName: 'NAVARRO', firstName: 'Pablo', statusId: ref['status']['Enfant à charge'], birthDate: '2017-02-01' }),
      ],
      { password },
    );
    family = created.family;
    email = created.email;
    for (const s of [a, b]) {
      await t
        .http()
        .post('/api/slots/generate')
        .set(bearer(s.adminToken))
        .send({
          from: DAY,
          to: DAY,
          weekdays: [2],
          ranges: [
            { start: '09:30', end: '12:00' },
            { start: '14:00', end: '18:00' },
          ],
        })
        .expect(200);
    }
  });
  afterAll(() => t.close());
  afterEach(() => clock.reset());

  const presentNow = async (token: string): Promise<PresentNow> =>
    (await t.http().get('/api/attendance/present').set(bearer(token)).expect(200)).body;

  it('lists the members checked in to the current slot with their arrival time, earliest first', async () => {
    clock.travelTo(at('09:40'));
    const token = (await login(t, email, password, a.structure.slug)).accessToken;
    await t
      .http()
      .post('/api/family/attendance')
      .set(bearer(token))
      .send({ key: randomUUID(), memberIds: [family.members[1].id] })
      .expect(200);
    clock.travelTo(at('10:05'));
    await t
      .http()
      .post('/api/family/attendance')
      .set(bearer(token))
      .send({ key: randomUUID(), memberIds: [family.members[0].id] })
      .expect(200);

    clock.travelTo(at('11:00'));
    const now = await presentNow(a.adminToken);
    expect(now.today).toBe(DAY);
    expect(now.slot).toMatchObject({ start: '09:30', end: '12:00' });
    expect(now.members.map((m) => [m.firstName, m.lastName, m.familyName, m.arrival])).toEqual([
      ['Pablo', 'NAVARRO', 'NAVARRO', '09:40'],
      ['Lucía', 'NAVARRO', 'NAVARRO', '10:05'],
    ]);
  });

  it('is empty in the next slot and between slots (no slot open)', async () => {
    clock.travelTo(at('12:30'));
    expect(await presentNow(a.adminToken)).toEqual({ today: DAY, slot: null, members: [] });
    clock.travelTo(at('14:10'));
    const afternoon = await presentNow(a.adminToken);
    expect(afternoon.slot).toMatchObject({ start: '14:00', end: '18:00' });
    expect(afternoon.members).toEqual([]);
  });

  it("shows another structure nothing of this one's attendance", async () => {
    clock.travelTo(at('11:00'));
    const other = await presentNow(b.adminToken);
    expect(other.slot).toMatchObject({ start: '09:30' });
    expect(other.members).toEqual([]);
  });

  it('is for the admin only', async () => {
    await t.http().get('/api/attendance/present').expect(401);
    const token = (await login(t, email, password, a.structure.slug)).accessToken;
    await t.http().get('/api/attendance/present').set(bearer(token)).expect(403);
  });
});
