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
import { Clock } from '../common/clock';

describe('slots (GESTION DES CRÉNEAUX)', () => {
  let t: TestApp;
  let a: StructureFixture;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createStructureWithAdmin(t, await superAdminToken(t), 'Ludothèque Créneaux');
  });
  afterAll(() => t.close());

  const generate = (body: object) => t.http().post('/api/slots/generate').set(bearer(a.adminToken)).send(body);
  const list = async (from: string, to: string) =>
    (await t.http().get(`/api/slots?from=${from}&to=${to}`).set(bearer(a.adminToken)).expect(200)).body;
  const countSlots = async () =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM slot WHERE structure_id = ?', [a.structure.id]))[0].n);
  const MORNING_AFTERNOON = [
    { start: '09:30', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ];

  it('creates one slot per chosen weekday and range, skips identical ones, and says how many', async () => {
    // Tuesday 23 October 2018 to Monday 29, Tuesdays and Saturdays.
    const res = await generate({ from: '2018-10-23', to: '2018-10-29', weekdays: [2, 6], ranges: MORNING_AFTERNOON }).expect(200);
    expect(res.body).toEqual({ created: 4, existing: 0, message: '4 créneaux créés avec succès' });
    const again = await generate({ from: '2018-10-23', to: '2018-10-29', weekdays: [2, 6], ranges: MORNING_AFTERNOON }).expect(200);
    expect(again.body).toEqual({ created: 0, existing: 4, message: 'Aucun nouveau créneau : ils existaient tous déjà' });
    const more = await generate({ from: '2018-10-23', to: '2018-10-30', weekdays: [2, 6], ranges: MORNING_AFTERNOON }).expect(200);
    expect(more.body).toEqual({ created: 2, existing: 4, message: '2 créneaux créés avec succès (4 existaient déjà)' });
    const one = await generate({ from: '2018-10-24', weekdays: [1, 2, 3, 4, 5, 6, 7], ranges: [{ start: '10:00', end: '11:00' }] }).expect(
      200,
    );
    expect(one.body.message).toBe('1 créneau créé avec succès');

    const days = await list('2018-10-22', '2018-10-31');
    expect(
      days.map(
        (d: { date: string; slots: { start: string; end: string }[] }) =>
          `${d.date} ${d.slots.map((s) => `${s.start}-${s.end}`).join(',')}`,
      ),
    ).toEqual([
      '2018-10-23 09:30-12:00,14:00-18:00',
      '2018-10-24 10:00-11:00',
      '2018-10-27 09:30-12:00,14:00-18:00',
      '2018-10-30 09:30-12:00,14:00-18:00',
    ]);
  });

  it('generates an evening slot that ends at midnight, counted to the end of its day', async () => {
    const res = await generate({ from: '2017-03-10', weekdays: [5], ranges: [{ start: '20:00', end: '00:00' }] }).expect(200);
    expect(res.body.created).toBe(1);
    const [day] = await list('2017-03-10', '2017-03-10');
    expect(day.slots.map((s: { start: string; end: string }) => `${s.start}-${s.end}`)).toEqual(['20:00-24:00']);
    const [row] = await t.dataSource.query('SELECT start_minute, end_minute FROM slot WHERE structure_id = ? AND date = ?', [
      a.structure.id,
      '2017-03-10',
    ]);
    expect([Number(row.start_minute), Number(row.end_minute)]).toEqual([1200, 1440]);
    const stats = await t
      .http()
      .post('/api/statistics/report')
      .set(bearer(a.adminToken))
      .send({ from: '2017-03-10', to: '2017-03-10' })
      .expect(200);
    expect(stats.body.figures.find((f: { key: string }) => f.key === 'openingHours').value).toBe(4);
  });

  it('generates five years of three ranges six days a week in one request', async () => {
    const before = await countSlots();
    const res = await generate({
      from: '2030-01-01',
      to: '2034-12-31',
      weekdays: [1, 2, 3, 4, 5, 6],
      ranges: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '16:00' },
        { start: '16:30', end: '18:30' },
      ],
    }).expect(200);
    // 2030–2034: 1826 days, of which 1565 are Monday–Saturday.
    expect(res.body.created).toBe(1565 * 3);
    expect((await countSlots()) - before).toBe(1565 * 3);
  });

  it.each([
    [
      'overlapping ranges',
      {
        from: '2019-01-01',
        weekdays: [2],
        ranges: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
      'Les plages 09:00–12:00 et 11:00–13:00 se chevauchent.',
    ],
    [
      'an inverted range',
      { from: '2019-01-01', weekdays: [2], ranges: [{ start: '12:00', end: '09:00' }] },
      "La plage 12:00–09:00 est inversée ou vide : l'heure de fin doit suivre l'heure de début.",
    ],
    [
      'an impossible time',
      { from: '2019-01-01', weekdays: [2], ranges: [{ start: '25:61', end: '26:00' }] },
      "« 25:61 » n'est pas une heure valide (hh:mm, de 00:00 à 23:59).",
    ],
    [
      'a badly written time',
      { from: '2019-01-01', weekdays: [2], ranges: [{ start: '9h', end: '12:00' }] },
      "Le champ « plages horaires › entrée 1 › heure de début » n'a pas le format attendu.",
    ],
    [
      'an end before the start date',
      { from: '2019-02-01', to: '2019-01-01', weekdays: [2], ranges: MORNING_AFTERNOON },
      'La date de fin est avant la date de début.',
    ],
    [
      'more than five years',
      { from: '2019-01-01', to: '2024-06-01', weekdays: [2], ranges: MORNING_AFTERNOON },
      'La période dépasse 5 ans : découpez-la en plusieurs fois.',
    ],
    [
      'a date that does not exist',
      { from: '2019-02-30', weekdays: [2], ranges: MORNING_AFTERNOON },
      'Le champ « date de début » doit être une date valide (jour, mois et année qui existent).',
    ],
    ['weekday 8', { from: '2019-01-01', weekdays: [8], ranges: MORNING_AFTERNOON }, 'Le champ « jours » est trop grand (limite : 7).'],
    ['no weekday', { from: '2019-01-01', weekdays: [], ranges: MORNING_AFTERNOON }, 'La liste « jours » ne peut pas être vide.'],
    [
      'a range overlapping an existing slot',
      { from: '2018-10-23', weekdays: [2], ranges: [{ start: '10:00', end: '13:00' }] },
      'Le créneau 10:00–13:00 du mardi 23/10/2018 chevauche le créneau existant 09:30–12:00.',
    ],
  ])('refuses %s with a French reason and writes nothing', async (_case, body, message) => {
    const before = await countSlots();
    const res = await generate(body);
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message });
    expect(await countSlots()).toBe(before);
  });

  it('deletes slots by period, weekdays and time range, except on days with attendance, named in the answer', async () => {
    await generate({ from: '2019-03-04', to: '2019-03-10', weekdays: [1, 2, 3, 4, 5, 6, 7], ranges: MORNING_AFTERNOON }).expect(200);
    const ref = await referenceIds(t, a.adminToken);
    const { family } = await createFamily(t, a.adminToken, 'Présente', [memberBody(ref)]);
    const days = await list('2019-03-05', '2019-03-05');
    t.app.get(Clock).travelTo(new Date('2019-03-06T12:00:00Z'));
    try {
      await t
        .http()
        .post('/api/attendance/retro')
        .set(bearer(a.adminToken))
        .send({ slotId: days[0].slots[1].id, memberIds: [family.members[0].id] })
        .expect(200);
    } finally {
      t.app.get(Clock).reset();
    }

    // Afternoons only, Monday to Wednesday: Tuesday 5 has attendance (in its afternoon) and keeps both slots.
    const afternoons = await t
      .http()
      .post('/api/slots/delete')
      .set(bearer(a.adminToken))
      .send({ from: '2019-03-04', to: '2019-03-10', weekdays: [1, 2, 3], start: '13:00', end: '19:00' })
      .expect(200);
    expect(afternoons.body).toEqual({
      deleted: 2,
      keptDays: ['2019-03-05'],
      message: '2 créneaux supprimés. Les créneaux du mardi 05/03/2019 ont des présences : non supprimés.',
    });
    const left = await list('2019-03-04', '2019-03-10');
    expect(left.map((d: { date: string; slots: unknown[] }) => `${d.date}:${d.slots.length}`)).toEqual([
      '2019-03-04:1',
      '2019-03-05:2',
      '2019-03-06:1',
      '2019-03-07:2',
      '2019-03-08:2',
      '2019-03-09:2',
      '2019-03-10:2',
    ]);
    expect(left[1].slots[1].attendanceCount).toBe(1);

    const all = await t
      .http()
      .post('/api/slots/delete')
      .set(bearer(a.adminToken))
      .send({ from: '2019-03-04', to: '2019-03-10', weekdays: [1, 2, 3, 4, 5, 6, 7] })
      .expect(200);
    expect(all.body.deleted).toBe(10);
    expect(all.body.keptDays).toEqual(['2019-03-05']);
    // The database refuses too: no code path can delete a slot with attendance.
    await expect(t.dataSource.query('DELETE FROM slot WHERE id = ?', [days[0].slots[1].id])).rejects.toThrow(/foreign key|FOREIGN KEY/i);
  });

  it('refuses half a time range for deletion', async () => {
    const res = await t
      .http()
      .post('/api/slots/delete')
      .set(bearer(a.adminToken))
      .send({ from: '2019-03-04', weekdays: [1], start: '13:00' });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe("Indiquez l'heure de début et l'heure de fin, ou aucune des deux.");
  });

  it('never loses attendance when check-ins and deletions of the same day run at the same time', async () => {
    const ref = await referenceIds(t, a.adminToken);
    const { family } = await createFamily(t, a.adminToken, 'Course', [memberBody(ref), memberBody(ref, { firstName: 'Deux' })]);
    for (let i = 0; i < 8; i++) {
      const date = `2019-04-${String(i + 1).padStart(2, '0')}`;
      await generate({ from: date, weekdays: [1, 2, 3, 4, 5, 6, 7], ranges: [{ start: '09:00', end: '12:00' }] }).expect(200);
      const [day] = await list(date, date);
      const [checkIn, removal] = await Promise.all([
        t
          .http()
          .post('/api/attendance/retro')
          .set(bearer(a.adminToken))
          .send({ slotId: day.slots[0].id, memberIds: family.members.map((m) => m.id) }),
        t
          .http()
          .post('/api/slots/delete')
          .set(bearer(a.adminToken))
          .send({ from: date, weekdays: [1, 2, 3, 4, 5, 6, 7] }),
      ]);
      expect(removal.status).toBe(200);
      const rows = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM attendance WHERE slot_id = ?', [day.slots[0].id]))[0].n);
      const slotLeft = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM slot WHERE id = ?', [day.slots[0].id]))[0].n);
      if (checkIn.status === 200) {
        // Recorded: the slot had to stay, with both rows.
        expect({ rows, slotLeft, deleted: removal.body.deleted }).toEqual({ rows: 2, slotLeft: 1, deleted: 0 });
      } else {
        // The slot went first: the check-in found nothing to record on, and said so.
        expect([404, 409]).toContain(checkIn.status);
        expect({ rows, slotLeft }).toEqual({ rows: 0, slotLeft: 0 });
      }
    }
  });
});
