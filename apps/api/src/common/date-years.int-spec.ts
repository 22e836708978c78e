import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  memberBody,
  referenceIds,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';

/**
 * Dates sent to the API must have a year from 1900 to 2100: Date.UTC reads
 * years 0–99 as 1900–1999, so "0050-01-01" was stored as 1950 somewhere along
 * the way, and year 2500 is a typing mistake. Each date field refuses them with
 * a French message naming the field, and nothing is written.
 */
describe('dates with a year outside 1900–2100 are refused', () => {
  let t: TestApp;
  let a: StructureFixture;
  let ref: Record<string, Record<string, number>>;
  const yearMessage = (label: string) => `L'année du champ « ${label} » doit être comprise entre 1900 et 2100.`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createStructureWithAdmin(t, await superAdminToken(t), 'Ludothèque des Siècles');
    ref = await referenceIds(t, a.adminToken);
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE structure_id = ?`, [a.structure.id]))[0].n);

  it.each(['0050', '2500', '1899', '2101'])('year %s: slots, birth dates, statistics periods, the day view', async (year) => {
    const slotsBefore = await count('slot');
    const membersBefore = await count('member');
    const cases: [string, string, object, string][] = [
      [
        'post',
        '/api/slots/generate',
        { from: `${year}-01-01`, to: `${year}-01-31`, weekdays: [1], ranges: [{ start: '09:00', end: '12:00' }] },
        'date de début',
      ],
      [
        'post',
        '/api/slots/generate',
        { from: '2026-01-01', to: `${year}-01-31`, weekdays: [1], ranges: [{ start: '09:00', end: '12:00' }] },
        'date de fin',
      ],
      [
        'post',
        '/api/families',
        {
          name: 'SIÈCLE',
          email: `siecle${year}@test.local`,
          qfId: ref['qf']['481 à 581 €'],
          minimaId: ref['minima']['Non'],
          members: [memberBody(ref, { birthDate: `${year}-06-15` })],
        },
        'membres › entrée 1 › date de naissance',
      ],
      ['post', '/api/statistics/report', { from: `${year}-01-01`, to: '2026-12-31' }, 'date de début'],
      ['post', '/api/statistics/report', { from: '2026-01-01', to: `${year}-12-31` }, 'date de fin'],
      ['get', `/api/attendance/day?date=${year}-03-01`, {}, 'date'],
    ];
    for (const [method, path, body, label] of cases) {
      const req = method === 'get' ? t.http().get(path) : t.http().post(path).send(body);
      const res = await req.set(bearer(a.adminToken));
      expect({ path, label, status: res.status, message: res.body.message }).toEqual({
        path,
        label,
        status: 400,
        message: yearMessage(label),
      });
    }
    expect(await count('slot')).toBe(slotsBefore);
    expect(await count('member')).toBe(membersBefore);
  });

  it('a birth date of an existing member cannot be changed to year 0050 either', async () => {
    const created = await createFamily(t, a.adminToken, 'ANCIENS', [memberBody(ref, { firstName: 'Ancien' })]);
    const id = created.family.members[0].id;
    const res = await t.http().patch(`/api/members/${id}`).set(bearer(a.adminToken)).send({ birthDate: '0050-06-15' });
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: yearMessage('date de naissance') });
    const detail = await t.http().get(`/api/families/${created.family.id}`).set(bearer(a.adminToken)).expect(200);
    expect(detail.body.members[0].birthDate).toBe('1985-04-12');
  });

  it('keeps the usual message for a date that does not exist, and accepts the limits', async () => {
    const bad = await t.http().post('/api/statistics/report').set(bearer(a.adminToken)).send({ from: '2026-02-30', to: '2026-12-31' });
    expect({ status: bad.status, message: bad.body.message }).toEqual({
      status: 400,
      message: 'Le champ « date de début » doit être une date valide (jour, mois et année qui existent).',
    });
    await t.http().get('/api/attendance/day?date=1900-01-01').set(bearer(a.adminToken)).expect(200);
    await t.http().get('/api/attendance/day?date=2100-12-31').set(bearer(a.adminToken)).expect(200);
    await createFamily(t, a.adminToken, 'CENTENAIRES', [memberBody(ref, { firstName: 'Doyenne', birthDate: '1900-01-01' })]);
  });
});
