import type { AttendanceListPage, AttendanceListRow } from '@pointage/contracts';
import { bearer, createStructureWithAdmin, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { ScenarioMember, StatsScenario } from '../../test/statistics-fixtures';

/** LISTE DE PRÉSENCE on SQLite and MariaDB: what each row says, sorting, paging, bad input. */
describe('attendance list', () => {
  let t: TestApp;
  let sc: StatsScenario;
  let morning: number;
  let afternoon: number;
  let people: Record<string, ScenarioMember>;

  beforeAll(async () => {
    t = await startTestApp();
    sc = await StatsScenario.create(t, 'Liste');
    const [anne, hugo] = await sc.family('Lambert', [
      { firstName: 'Anne', status: 'Mère', city: 'Lille', birthDate: '1988-03-02' },
      { firstName: 'Hugo', status: 'Enfant à charge', sex: 'Homme', city: 'Lille', birthDate: '2020-02-29', minima: 'RSA' },
    ]);
    const [zed] = await sc.family('Zola', [{ firstName: 'Zed', sex: 'Homme', status: 'Père', city: 'Ronchin', birthDate: '1979-12-01' }]);
    people = { anne, hugo, zed };
    morning = await sc.slot('2026-03-02', '09:30', '12:00');
    afternoon = await sc.slot('2026-03-02', '14:00', '18:00');
    const nextDay = await sc.slot('2026-03-03', '14:00', '18:00');
    // Arrivals in UTC; Paris is UTC+1 in March: 08:40Z is 09:40 local.
    await sc.attend(morning, anne, { city: 'Ronchin' }, '2026-03-02T08:40:00Z');
    await sc.attend(morning, hugo, {}, '2026-03-02T08:41:00Z');
    await sc.attend(afternoon, zed, {}, '2026-03-02T13:05:00Z');
    await sc.attend(nextDay, anne, {}, '2026-03-03T13:30:00Z');
    await t.dataSource.query("UPDATE attendance SET source = 'kiosk' WHERE member_id = ?", [anne.id]);
    await t.dataSource.query("UPDATE attendance SET source = 'acting' WHERE member_id = ?", [zed.id]);
  });
  afterAll(() => t.close());

  const list = async (body: object): Promise<AttendanceListPage> => {
    const res = await t.http().post('/api/attendance-list').set(bearer(sc.s.adminToken)).send(body);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as AttendanceListPage;
  };
  const names = (rows: AttendanceListRow[]) => rows.map((r) => r.firstName);

  it('lists one day, every slot, with the snapshot attributes, the age at that date and the local arrival time', async () => {
    const page = await list({ from: '2026-03-02' });
    expect(page).toMatchObject({ total: 3, from: '2026-03-02', to: '2026-03-02', slot: null, page: 1 });
    expect(page.items[0]).toEqual({
      id: expect.any(Number),
      date: '2026-03-02',
      slotId: morning,
      slot: '09:30 – 12:00',
      memberId: people['anne'].id,
      lastName: 'LAMBERT',
      firstName: 'Anne',
      familyId: people['anne'].familyId,
      family: 'Lambert',
      sex: 'Femme',
      age: 38,
      status: 'Mère',
      // The snapshot of that day, not her current city.
      city: 'Ronchin',
      minima: 'Non',
      qf: '481 à 581 €',
      arrival: '09:40',
      source: 'kiosk',
    });
    // Born 29/02/2020: 6 years old on 02/03/2026.
    expect(page.items[1]).toMatchObject({ firstName: 'Hugo', age: 6, minima: 'RSA', source: 'retro' });
    expect(page.items[2]).toMatchObject({ firstName: 'Zed', slot: '14:00 – 18:00', arrival: '14:05', source: 'acting' });
  });

  it('lists one slot of the day, or a period', async () => {
    const one = await list({ from: '2026-03-02', to: '2026-03-02', slotId: afternoon });
    expect(one.slot).toEqual({ id: afternoon, label: '14:00 – 18:00' });
    expect(names(one.items)).toEqual(['Zed']);
    const period = await list({ from: '2026-03-01', to: '2026-03-31' });
    expect(period.total).toBe(4);
    expect(period.items.map((r) => `${r.date} ${r.firstName}`)).toEqual([
      '2026-03-02 Anne',
      '2026-03-02 Hugo',
      '2026-03-02 Zed',
      '2026-03-03 Anne',
    ]);
  });

  it('sorts on any column and pages with a stable order', async () => {
    const period = { from: '2026-03-01', to: '2026-03-31' };
    expect(names((await list({ ...period, sort: 'lastName', order: 'desc' })).items)).toEqual(['Zed', 'Anne', 'Hugo', 'Anne']);
    expect(names((await list({ ...period, sort: 'age', order: 'asc' })).items)).toEqual(['Hugo', 'Anne', 'Anne', 'Zed']);
    expect(names((await list({ ...period, sort: 'arrival', order: 'desc' })).items)).toEqual(['Anne', 'Zed', 'Hugo', 'Anne']);
    expect(names((await list({ ...period, sort: 'city' })).items)).toEqual(['Hugo', 'Anne', 'Anne', 'Zed']);
    const all = (await list({ ...period, sort: 'status' })).items;
    const p1 = await list({ ...period, sort: 'status', page: 1, pageSize: 3 });
    const p2 = await list({ ...period, sort: 'status', page: 2, pageSize: 3 });
    expect([...p1.items, ...p2.items]).toEqual(all);
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect((await list({ ...period, page: 9 })).items).toEqual([]);
  });

  describe('bad input: a 400 with a French reason and the field', () => {
    let otherSlot: number;
    beforeAll(async () => {
      const other = await StatsScenario.create(t, 'Autre liste');
      otherSlot = await other.slot('2026-03-02', '09:30', '12:00');
    });

    const cases: [string, () => object, string, RegExp][] = [
      ['a period over 10 years', () => ({ from: '2016-01-01', to: '2026-01-01' }), 'to', /dépasse 10 ans/],
      ['To before From', () => ({ from: '2026-03-02', to: '2026-03-01' }), 'to', /avant la date de début/],
      ['an impossible date', () => ({ from: '2026-02-30' }), 'from', /date valide/],
      ['a slot of another structure', () => ({ from: '2026-03-02', slotId: otherSlot }), 'slotId', /n'existe pas dans votre structure/],
      ['a slot of another day', () => ({ from: '2026-03-03', slotId: morning }), 'slotId', /pas un créneau du 03\/03\/2026/],
      ['a slot for several days', () => ({ from: '2026-03-02', to: '2026-03-03', slotId: morning }), 'slotId', /un seul jour/],
      ['an unknown column', () => ({ from: '2026-03-02', columns: ['lastName', 'salaire'] }), 'columns', /Colonne inconnue : « salaire »/],
      ['an unknown sort', () => ({ from: '2026-03-02', sort: 'salaire' }), 'sort', /tri/],
      ['a page too large', () => ({ from: '2026-03-02', pageSize: 5000 }), 'pageSize', /taille de page/],
    ];
    it.each(cases)('refuses %s', async (_name, body, field, message) => {
      const res = await t.http().post('/api/attendance-list').set(bearer(sc.s.adminToken)).send(body());
      expect([res.status, res.body.field]).toEqual([400, field]);
      expect(res.body.message).toMatch(message);
    });
  });

  it('is for the admins of the structure only', async () => {
    expect((await t.http().post('/api/attendance-list').send({ from: '2026-03-02' })).status).toBe(401);
    const sa = await superAdminToken(t);
    expect((await t.http().post('/api/attendance-list').set(bearer(sa)).send({ from: '2026-03-02' })).status).toBe(403);
    const other = await createStructureWithAdmin(t, sa, 'Voisine');
    const res = await t.http().post('/api/attendance-list').set(bearer(other.adminToken)).send({ from: '2026-03-02' });
    expect(res.body.total).toBe(0);
  });
});
