import type { DemoDataInfo, DemoDataRemoval } from '@pointage/contracts';
import { addDays, zonedParts } from '@pointage/domain';
import { randomUUID } from 'node:crypto';
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
import { Database } from '../database/database.service';
import { familyEmail, runSeed, SEED_PASSWORD, SeedSummary } from '../seed/seed-runner';

const TODAY = zonedParts(new Date(), 'Europe/Paris').date;

async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number | string }[] = await t.dataSource.query(sql, params);
  return Number(rows[0].n);
}

/**
 * The first start's demo data lives beside the team's real families. A real
 * family's attendance in a demo slot keeps that slot (turned real): attendance
 * is never lost. Everything else of the demo goes, in one transaction.
 */
describe('demo data removal', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let demoA: SeedSummary;
  let demoB: SeedSummary;
  let real: { id: number; members: { id: number }[] }[];
  let realPassword: string;
  let realEmail: string;
  let realAttendance: number;
  let pastDemoSlot: number;

  const seedDemo = (structureId: number, families: number) =>
    runSeed(
      t.dataSource,
      { structures: 1, families, years: 1, seed: 42, today: TODAY, intoStructureId: structureId, demo: true },
      { transaction: (work) => t.app.get(Database).transaction(work) },
    );
  const inA = (table: string, extra = '') =>
    count(t, `SELECT COUNT(*) AS n FROM ${table} WHERE structure_id = ?${extra}`, [a.structure.id]);

  beforeAll(async () => {
    t = await startTestApp();
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Démo');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Voisine');
    const ref = await referenceIds(t, a.adminToken);
    // The team registers real families in the first week, beside the demo ones.
    const first = await createFamily(
      t,
      a.adminToken,
      'REEL',
      [
        memberBody(ref, { lastName: 'REEL', firstName: 'Anne' }),
        memberBody(ref, { lastName: 'REEL', firstName: 'Noé', statusId: ref['status']['Enfant à charge'], birthDate: '2018-01-01' }),
      ],
      {
        password: 'une vraie famille ici',
      },
    );
    const second = await createFamily(t, a.adminToken, 'VRAI', [memberBody(ref, { lastName: 'VRAI', firstName: 'Paul' })]);
    real = [first.family, second.family];
    realPassword = 'une vraie famille ici';
    realEmail = first.email;
    demoA = await seedDemo(a.structure.id, 6);
    demoB = await seedDemo(b.structure.id, 3);

    // Real attendance: at the kiosk today (today's demo slot), back in time in a past demo slot, and in a real slot of its own.
    const token = (await login(t, realEmail, realPassword, a.structure.slug)).accessToken;
    await t
      .http()
      .post('/api/family/attendance')
      .set(bearer(token))
      .send({ key: randomUUID(), memberIds: [real[0].members[0].id, real[0].members[1].id] })
      .expect(200);
    const [past] = await t.dataSource.query(
      'SELECT id FROM slot WHERE structure_id = ? AND demo = 1 AND date < ? ORDER BY date DESC LIMIT 1',
      [a.structure.id, addDays(TODAY, -7)],
    );
    pastDemoSlot = Number(past.id);
    await t
      .http()
      .post('/api/attendance/retro')
      .set(bearer(a.adminToken))
      .send({ slotId: pastDemoSlot, memberIds: [real[1].members[0].id] })
      .expect(200);
    await insertAttendance(t, a.structure.id, '2020-01-07', [real[1].members[0].id]);
    realAttendance = 4;
  });
  afterAll(() => t.close());

  it('counts what the demo added, apart from the real data', async () => {
    const seeded = demoA.structures[0];
    const info: DemoDataInfo = (await t.http().get('/api/demo-data').set(bearer(a.adminToken)).expect(200)).body;
    expect(info).toEqual({ families: 6, members: seeded.members, slots: seeded.slots, attendance: seeded.attendance });
    expect(await inA('attendance')).toBe(seeded.attendance + realAttendance);
  });

  it('removes the demo families, members, logins, attendance and slots, keeping the slots real families checked in to', async () => {
    const seeded = demoA.structures[0];
    const todaySlot = Number(
      (await t.dataSource.query('SELECT slot_id FROM attendance WHERE member_id = ?', [real[0].members[0].id]))[0].slot_id,
    );
    const res = await t.http().delete('/api/demo-data').set(bearer(a.adminToken)).expect(200);
    const removal: DemoDataRemoval = res.body;
    expect(removal).toEqual({ families: 6, members: seeded.members, slots: seeded.slots - 2, attendance: seeded.attendance, keptSlots: 2 });

    // Only the real data remains, exactly.
    expect(await inA('family')).toBe(2);
    expect(await inA('member')).toBe(3);
    expect(await inA('attendance')).toBe(realAttendance);
    expect(await inA('account', " AND role = 'family'")).toBe(2);
    expect(await inA('slot')).toBe(3);
    expect(await inA('family', ' AND demo = 1')).toBe(0);
    expect(await inA('slot', ' AND demo = 1')).toBe(0);
    const kept: { id: number | string }[] = await t.dataSource.query(
      'SELECT id FROM slot WHERE structure_id = ? AND date >= ? ORDER BY id',
      [a.structure.id, '2021-01-01'],
    );
    expect(kept.map((s) => Number(s.id)).sort()).toEqual([pastDemoSlot, todaySlot].sort());

    // The real family still checks in, and a demo login no longer opens.
    const token = (await login(t, realEmail, realPassword, a.structure.slug)).accessToken;
    const sheet = await t.http().get('/api/family/sheet').set(bearer(token)).expect(200);
    expect(sheet.body.slot?.id).toBe(todaySlot);
    await t
      .http()
      .post('/api/auth/login')
      .send({ login: familyEmail(1, a.structure.slug), password: SEED_PASSWORD, structure: a.structure.slug })
      .expect(401);

    // Audited, with what was removed.
    const audit = await t.dataSource.query("SELECT details FROM audit_entry WHERE structure_id = ? AND action = 'demo.removed'", [
      a.structure.id,
    ]);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toEqual(removal);
  });

  it("leaves another structure's demo data alone", async () => {
    const seeded = demoB.structures[0];
    expect(await count(t, 'SELECT COUNT(*) AS n FROM family WHERE structure_id = ? AND demo = 1', [b.structure.id])).toBe(3);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM slot WHERE structure_id = ? AND demo = 1', [b.structure.id])).toBe(seeded.slots);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM attendance WHERE structure_id = ?', [b.structure.id])).toBe(seeded.attendance);
  });

  it('has nothing left to remove afterwards', async () => {
    expect((await t.http().get('/api/demo-data').set(bearer(a.adminToken)).expect(200)).body).toEqual({
      families: 0,
      members: 0,
      slots: 0,
      attendance: 0,
    });
    expect((await t.http().delete('/api/demo-data').set(bearer(a.adminToken)).expect(200)).body).toEqual({
      families: 0,
      members: 0,
      slots: 0,
      attendance: 0,
      keptSlots: 0,
    });
    expect(await inA('attendance')).toBe(realAttendance);
  });

  it('is for the admin only', async () => {
    await t.http().delete('/api/demo-data').expect(401);
    const token = (await login(t, realEmail, realPassword, a.structure.slug)).accessToken;
    await t.http().delete('/api/demo-data').set(bearer(token)).expect(403);
  });
});
