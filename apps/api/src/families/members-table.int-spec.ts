import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  insertAttendance,
  memberBody,
  referenceIds,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { ageAt, zonedParts } from '@pointage/domain';

/** Issue 13: the members table (filters, sort and paging in SQL) and a family's attendance history. */
describe('members table and attendance history', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let ref: Record<string, Record<string, number>>;
  const today = zonedParts(new Date(), 'Europe/Paris').date;
  const yearsAgo = (n: number, dayShift = 0) => {
    const d = new Date(`${String(Number(today.slice(0, 4)) - n)}${today.slice(4)}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + dayShift);
    return d.toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Membres');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Ailleurs');
    ref = await referenceIds(t, a.adminToken);
    await createFamily(t, a.adminToken, 'Bernard', [
      memberBody(ref, {
        lastName: 'BERNARD',
        firstName: 'Alice',
        birthDate: yearsAgo(40),
        cityId: ref['city']['Lille'],
        statusId: ref['status']['Mère'],
      }),
      // 6 today, and 5 until tomorrow: the age filter is exact to the day.
      memberBody(ref, {
        lastName: 'BERNARD',
        firstName: 'Basile',
        birthDate: yearsAgo(6),
        sexId: ref['sex']['Homme'],
        cityId: ref['city']['Lille'],
        statusId: ref['status']['Enfant à charge'],
      }),
      memberBody(ref, {
        lastName: 'BERNARD',
        firstName: 'Chloé',
        birthDate: yearsAgo(6, 1),
        cityId: ref['city']['Lille'],
        statusId: ref['status']['Enfant à charge'],
      }),
    ]);
    await createFamily(t, a.adminToken, 'Écuyer', [
      memberBody(ref, {
        lastName: 'ÉCUYER',
        firstName: 'Damien',
        birthDate: yearsAgo(70),
        sexId: ref['sex']['Homme'],
        cityId: ref['city']['Ronchin'],
        statusId: ref['status']['Grand-père'],
      }),
      memberBody(ref, {
        lastName: 'ECUYER',
        firstName: 'Emma',
        birthDate: yearsAgo(12),
        cityId: ref['city']['Ronchin'],
        statusId: ref['status']['Enfant gardé'],
      }),
    ]);
    const refB = await referenceIds(t, b.adminToken);
    await createFamily(t, b.adminToken, 'Bernard', [memberBody(refB, { lastName: 'BERNARD', firstName: 'Zoé', birthDate: yearsAgo(6) })]);
  });
  afterAll(() => t.close());

  const admin = () => bearer(a.adminToken);
  const list = async (query: string) => {
    const res = await t.http().get(`/api/members?${query}`).set(admin());
    expect(res.status).toBe(200);
    return res.body as {
      items: { firstName: string; age: number; city: string; status: string; sex: string; familyName: string; birthDate: string }[];
      total: number;
    };
  };
  const firstNames = async (query: string) => (await list(query)).items.map((m) => m.firstName);

  it('lists members with the columns of the attendance list (labels, age today), sorted and paged in SQL', async () => {
    const all = await list('sort=lastName&pageSize=100');
    expect(all.total).toBe(5);
    expect(all.items.map((m) => m.firstName)).toEqual(['Alice', 'Basile', 'Chloé', 'Damien', 'Emma']);
    expect(all.items[3]).toMatchObject({ familyName: 'Écuyer', sex: 'Homme', city: 'Ronchin', status: 'Grand-père', age: 70 });
    for (const m of all.items) expect(m.age).toBe(ageAt(m.birthDate, today));
    expect(await firstNames('sort=age&order=asc')).toEqual(['Chloé', 'Basile', 'Emma', 'Alice', 'Damien']);
    expect(await firstNames('sort=age&order=desc')).toEqual(['Damien', 'Alice', 'Emma', 'Basile', 'Chloé']);
    expect(await firstNames('sort=city&order=desc')).toEqual(['Damien', 'Emma', 'Alice', 'Basile', 'Chloé']);
    const page2 = await list('sort=firstName&pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 5 });
    expect(page2.items.map((m) => m.firstName)).toEqual(['Chloé', 'Damien']);
  });

  it('filters by name (accents and case ignored), status, city and age range (inclusive, exact to the day)', async () => {
    expect(await firstNames('search=ecuyer')).toEqual(['Damien', 'Emma']);
    expect(await firstNames(`statusId=${ref['status']['Enfant à charge']}`)).toEqual(['Basile', 'Chloé']);
    expect(await firstNames(`cityId=${ref['city']['Ronchin']}&sort=firstName`)).toEqual(['Damien', 'Emma']);
    expect(await firstNames('ageMin=6&ageMax=12&sort=firstName')).toEqual(['Basile', 'Emma']);
    expect(await firstNames('ageMax=5')).toEqual(['Chloé']);
    expect(await firstNames(`ageMin=18&cityId=${ref['city']['Lille']}`)).toEqual(['Alice']);
    const bad = await t.http().get('/api/members?ageMin=10&ageMax=5').set(admin());
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe("L'âge minimum doit être inférieur ou égal à l'âge maximum.");
    const badSort = await t.http().get('/api/members?sort=password').set(admin());
    expect(badSort.status).toBe(400);
    // Another structure's members never show, nor its list entries filter anything in.
    expect(await firstNames('search=zoe')).toEqual([]);
    const refB = await referenceIds(t, b.adminToken);
    expect((await list(`cityId=${refB['city']['Lille']}`)).total).toBe(0);
  });

  it("pages a family's attendance newest first, with the slot's date and times and the member; 404 for another structure's family", async () => {
    const { family } = await createFamily(t, a.adminToken, 'Historique', [
      memberBody(ref, { lastName: 'HISTO', firstName: 'Hugo' }),
      memberBody(ref, { lastName: 'HISTO', firstName: 'Iris' }),
    ]);
    const [hugo, iris] = family.members;
    await insertAttendance(t, a.structure.id, '2026-03-03', [hugo.id]);
    await insertAttendance(t, a.structure.id, '2026-03-10', [hugo.id, iris.id]);
    await insertAttendance(t, a.structure.id, '2026-02-24', [iris.id]);
    const first = await t.http().get(`/api/families/${family.id}/attendance?pageSize=2`).set(admin()).expect(200);
    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(first.body.items.map((r: { date: string; firstName: string }) => `${r.date} ${r.firstName}`)).toEqual([
      '2026-03-10 Iris',
      '2026-03-10 Hugo',
    ]);
    expect(first.body.items[0]).toMatchObject({
      startMinute: 570,
      endMinute: 720,
      lastName: 'HISTO',
      memberId: iris.id,
      arrivedAt: '2026-03-10T09:00:00.000Z',
    });
    const second = await t.http().get(`/api/families/${family.id}/attendance?pageSize=2&page=2`).set(admin()).expect(200);
    expect(second.body.items.map((r: { date: string; firstName: string }) => `${r.date} ${r.firstName}`)).toEqual([
      '2026-03-03 Hugo',
      '2026-02-24 Iris',
    ]);
    const foreign = await t.http().get(`/api/families/${family.id}/attendance`).set(bearer(b.adminToken));
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe('Famille introuvable.');
  });
});
