import { ATTENDANCE_THANKS } from '@pointage/contracts';
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
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { Clock } from '../common/clock';

/** Tuesday 20 October 2026 in Paris (UTC+2): 14:30 local is 12:30 UTC. */
const DAY = '2026-10-20';
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 9, 20, h - 2, m));
};

describe('attendance: kiosk, counter, acting for a family, back in time', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let clock: Clock;
  let ref: Record<string, Record<string, number>>;
  let family: { id: number; members: { id: number; firstName: string }[] };
  let familyEmail: string;
  const familyPassword = 'la famille joue ici';

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Borne');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Autre Borne');
    ref = await referenceIds(t, a.adminToken);
    const created = await createFamily(
      t,
      a.adminToken,
      'GRUJIC',
      [
        memberBody(ref, { lastName: 'GRUJIC', firstName: 'Stanko', statusId: ref['status']['Père'], sexId: ref['sex']['Homme'] }),
        memberBody(ref, { lastName: 'GRUJIC', firstName: 'Luka', statusId: ref['status']['Enfant à charge'], birthDate: '2016-03-01' }),
        memberBody(ref, { lastName: 'GRUJIC', firstName: 'Inès', statusId: ref['status']['Enfant à charge'], birthDate: '2018-05-01' }),
      ],
      { password: familyPassword },
    );
    family = created.family;
    familyEmail = created.email;
    await t
      .http()
      .post('/api/slots/generate')
      .set(bearer(a.adminToken))
      .send({
        from: DAY,
        weekdays: [2],
        ranges: [
          { start: '09:30', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
      })
      .expect(200);
  });
  afterAll(() => t.close());
  afterEach(() => clock.reset());

  const status = async () => (await t.http().get(`/api/public/structures/${a.structure.slug}/kiosk`).expect(200)).body;
  const familyToken = async () => (await login(t, familyEmail, familyPassword, a.structure.slug)).accessToken;
  const validate = (token: string, memberIds: number[], key = randomUUID()) =>
    t.http().post('/api/family/attendance').set(bearer(token)).send({ key, memberIds });
  const rowsOf = async (memberId: number) =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM attendance WHERE member_id = ?', [memberId]))[0].n);

  describe('current slot at the boundaries', () => {
    it.each([
      ['2026-10-19T10:00:00Z', null, true, 'a Monday without slots: closed'],
      ['07:00', { start: '09:30', current: false }, false, 'before the first slot: the next one'],
      ['09:30', { start: '09:30', current: true }, false, 'at the start minute'],
      ['11:59', { start: '09:30', current: true }, false, 'the last minute of the morning'],
      ['12:00', { start: '14:00', current: false }, false, 'at the end of the morning: the afternoon'],
      ['14:00', { start: '14:00', current: true }, false, 'the afternoon'],
      ['18:00', null, true, 'after the last slot: closed'],
    ] as [string, { start: string; current: boolean } | null, boolean, string][])('at %s: %j (%s)', async (when, slot, closed) => {
      clock.travelTo(when.includes('T') ? new Date(when) : at(when));
      const s = await status();
      expect(s.closed).toBe(closed);
      if (slot) expect(s.slot).toMatchObject(slot);
      else expect(s.slot).toBeNull();
    });

    it('refuses a check-in when the ludothèque is closed', async () => {
      clock.travelTo(at('19:00'));
      const res = await validate(await familyToken(), [family.members[0].id]);
      expect(res.status).toBe(409);
      expect(res.body.message).toBe("La ludothèque est fermée : aucun créneau n'est ouvert ou à venir aujourd'hui.");
    });
  });

  describe('fiche de présence', () => {
    it('checks in 2 of 3 members: the counter goes up by 2, the sheet shows them present, the snapshot is kept', async () => {
      clock.travelTo(at('14:30'));
      const before = (await status()).counter;
      const token = await familyToken();
      const sheet = await t.http().get('/api/family/sheet').set(bearer(token)).expect(200);
      expect(sheet.body).toMatchObject({ familyName: 'GRUJIC', slot: { date: DAY, start: '14:00', end: '18:00' } });
      expect(sheet.body.members.map((m: { firstName: string; present: boolean }) => [m.firstName, m.present])).toEqual([
        ['Stanko', false],
        ['Luka', false],
        ['Inès', false],
      ]);

      const res = await validate(token, [family.members[0].id, family.members[1].id]).expect(200);
      expect(res.body).toMatchObject({ recorded: 2, alreadyPresent: 0, message: ATTENDANCE_THANKS, slot: { start: '14:00' } });
      expect((await status()).counter).toBe(before + 2);
      const after = await t.http().get('/api/family/sheet').set(bearer(token)).expect(200);
      expect(after.body.members.map((m: { present: boolean }) => m.present)).toEqual([true, true, false]);

      const [row] = await t.dataSource.query('SELECT source, city_id, status_id, arrived_at FROM attendance WHERE member_id = ?', [
        family.members[0].id,
      ]);
      expect(row.source).toBe('kiosk');
      expect(Number(row.city_id)).toBe(ref['city']['Lille']);
      expect(Number(row.status_id)).toBe(ref['status']['Père']);
    });

    it('is idempotent: 20 parallel identical requests record exactly one row per member, with the same answer', async () => {
      clock.travelTo(at('15:00'));
      const token = await familyToken();
      const key = randomUUID();
      const inès = family.members[2].id;
      const responses = await Promise.all(Array.from({ length: 20 }, () => validate(token, [inès], key)));
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(responses[0].body).toMatchObject({ recorded: 1, alreadyPresent: 0 });
      expect(await rowsOf(inès)).toBe(1);
      // Different keys (two tablets, a double tap) never duplicate either.
      const others = await Promise.all(
        Array.from({ length: 10 }, () =>
          validate(
            token,
            family.members.map((m) => m.id),
          ),
        ),
      );
      expect(others.map((r) => r.status)).toEqual(Array(10).fill(200));
      for (const m of family.members) expect(await rowsOf(m.id)).toBe(1);
    });

    it('refuses members of another family or structure, and bad input, recording nothing', async () => {
      clock.travelTo(at('15:30'));
      const token = await familyToken();
      const other = await createFamily(t, a.adminToken, 'VOISINS', [memberBody(ref, { firstName: 'Voisin' })]);
      const refB = await referenceIds(t, b.adminToken);
      const far = await createFamily(t, b.adminToken, 'LOINTAINS', [memberBody(refB, { firstName: 'Lointain' })]);
      for (const memberId of [other.family.members[0].id, far.family.members[0].id]) {
        const res = await validate(token, [family.members[0].id, memberId]);
        expect(res.status).toBe(404);
        expect(res.body.message).toBe('Membre introuvable.');
        expect(await rowsOf(memberId)).toBe(0);
      }
      // All or nothing: a new member of the family asked with a wrong one is not recorded either.
      const pair = await createFamily(
        t,
        a.adminToken,
        'DUO',
        [memberBody(ref, { firstName: 'Un' }), memberBody(ref, { firstName: 'Deux' })],
        {
          password: 'le duo joue ensemble',
        },
      );
      const [un, deux] = pair.family.members.map((m: { id: number }) => m.id);
      const duoToken = (await login(t, pair.email, 'le duo joue ensemble', a.structure.slug)).accessToken;
      expect((await validate(duoToken, [un, other.family.members[0].id])).status).toBe(404);
      await t.http().post(`/api/members/${deux}/archive`).set(bearer(a.adminToken)).expect(200);
      const archived = await validate(duoToken, [un, deux]);
      expect({ status: archived.status, message: archived.body.message }).toEqual({
        status: 400,
        message: 'Un membre archivé ne peut pas être pointé à la borne.',
      });
      expect([await rowsOf(un), await rowsOf(deux)]).toEqual([0, 0]);
      await validate(duoToken, [un]).expect(200);
      expect(await rowsOf(un)).toBe(1);

      const cases: [object, string][] = [
        [{ key: 'x', memberIds: [1] }, "Le champ « clé de validation » n'a pas le format attendu."],
        [{ key: randomUUID(), memberIds: [] }, 'La liste « membres présents » ne peut pas être vide.'],
        [{ key: randomUUID(), memberIds: ['un'] }, 'Le champ « membres présents » doit être un nombre entier.'],
      ];
      for (const [body, message] of cases) {
        const res = await t.http().post('/api/family/attendance').set(bearer(token)).send(body);
        expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message });
      }
    });
  });

  describe('a retried validation answers from its own rows, whatever the time', () => {
    it('a retry after the slot ended (next slot, closed kiosk) records nothing again and answers with the first slot', async () => {
      const fam = await createFamily(
        t,
        a.adminToken,
        'RETARDÉS',
        [memberBody(ref, { firstName: 'Premier' }), memberBody(ref, { firstName: 'Second' })],
        {
          password: 'la famille réessaie',
        },
      );
      const ids = fam.family.members.map((m: { id: number }) => m.id);
      const token = (await login(t, fam.email, 'la famille réessaie', a.structure.slug)).accessToken;
      const key = randomUUID();
      clock.travelTo(at('11:59'));
      const first = await validate(token, ids, key).expect(200);
      expect(first.body).toMatchObject({ recorded: 2, alreadyPresent: 0, slot: { date: DAY, start: '09:30', end: '12:00' } });
      // The same key sent after the boundary: at 12:00 (the afternoon is the next slot), during the afternoon, after closing.
      for (const when of ['12:00', '14:30', '19:00']) {
        clock.travelTo(at(when));
        const retry = await validate(token, ids, key);
        expect({ when, status: retry.status, body: retry.body }).toEqual({ when, status: 200, body: first.body });
        for (const id of ids) expect(await rowsOf(id)).toBe(1);
      }
      // Part of the members present in the afternoon already: the retry still answers from its own rows.
      clock.travelTo(at('14:45'));
      await validate(token, [ids[0]]).expect(200);
      const retry = await validate(token, ids, key).expect(200);
      expect(retry.body).toEqual(first.body);
      expect([await rowsOf(ids[0]), await rowsOf(ids[1])]).toEqual([2, 1]);
      // A new key in the afternoon records what is new.
      const fresh = await validate(token, ids).expect(200);
      expect(fresh.body).toMatchObject({ recorded: 1, alreadyPresent: 1, slot: { start: '14:00' } });
    });

    it('parallel retries after the boundary record each member once', async () => {
      const fam = await createFamily(t, a.adminToken, 'PRESSÉS', [memberBody(ref, { firstName: 'Vite' })], {
        password: 'la famille se presse',
      });
      const id = fam.family.members[0].id;
      const token = (await login(t, fam.email, 'la famille se presse', a.structure.slug)).accessToken;
      const key = randomUUID();
      clock.travelTo(at('11:59'));
      const early = await validate(token, [id], key).expect(200);
      clock.travelTo(at('14:10'));
      const retries = await Promise.all(Array.from({ length: 10 }, () => validate(token, [id], key)));
      expect(retries.map((r) => r.status)).toEqual(Array(10).fill(200));
      for (const r of retries) expect(r.body).toEqual(early.body);
      expect(await rowsOf(id)).toBe(1);
    });

    it('acting for a family: the retry of an admin after the boundary is not recorded twice', async () => {
      const fam = await createFamily(t, a.adminToken, 'GUICHET', [memberBody(ref, { firstName: 'Accueilli' })]);
      const id = fam.family.members[0].id;
      const act = await t.http().post(`/api/families/${fam.family.id}/act`).set(bearer(a.adminToken)).expect(200);
      const token = act.body.accessToken as string;
      const key = randomUUID();
      clock.travelTo(at('11:30'));
      const first = await validate(token, [id], key).expect(200);
      expect(first.body).toMatchObject({ recorded: 1, slot: { start: '09:30' } });
      clock.travelTo(at('14:20'));
      expect((await validate(token, [id], key).expect(200)).body).toEqual(first.body);
      expect(await rowsOf(id)).toBe(1);
    });

    it("another family's key does not answer for this one", async () => {
      const one = await createFamily(t, a.adminToken, 'CLÉ UNE', [memberBody(ref, { firstName: 'Une' })], {
        password: 'la première famille',
      });
      const two = await createFamily(t, a.adminToken, 'CLÉ DEUX', [memberBody(ref, { firstName: 'Deux' })], {
        password: 'la seconde famille',
      });
      const key = randomUUID();
      clock.travelTo(at('10:00'));
      await validate(
        (await login(t, one.email, 'la première famille', a.structure.slug)).accessToken,
        [one.family.members[0].id],
        key,
      ).expect(200);
      clock.travelTo(at('14:15'));
      const res = await validate(
        (await login(t, two.email, 'la seconde famille', a.structure.slug)).accessToken,
        [two.family.members[0].id],
        key,
      ).expect(200);
      expect(res.body).toMatchObject({ recorded: 1, slot: { start: '14:00' } });
      expect(await rowsOf(two.family.members[0].id)).toBe(1);
    });
  });

  describe('counter', () => {
    it('restarts from zero on reset (audited) without deleting attendance', async () => {
      clock.travelTo(at('16:00'));
      const rowsBefore = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM attendance'))[0].n);
      expect((await status()).counter).toBeGreaterThan(0);
      const res = await t.http().post('/api/attendance/counter/reset').set(bearer(a.adminToken)).expect(200);
      expect(res.body).toMatchObject({ counter: 0, kioskPath: `/k/${a.structure.slug}` });
      expect((await status()).counter).toBe(0);
      expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM attendance'))[0].n)).toBe(rowsBefore);
      expect(await t.dataSource.manager.countBy(AuditEntry, { action: 'attendance.counter_reset', structureId: a.structure.id })).toBe(1);

      clock.travelTo(at('16:05'));
      const fresh = await createFamily(t, a.adminToken, 'TARDIFS', [memberBody(ref, { firstName: 'Tard' })], {
        password: 'les tardifs jouent',
      });
      const token = (await login(t, fresh.email, 'les tardifs jouent', a.structure.slug)).accessToken;
      await validate(token, [fresh.family.members[0].id]).expect(200);
      expect((await status()).counter).toBe(1);
    });
  });

  describe('acting for a family', () => {
    it('opens the sheet without the password, marks the rows and audits start, each validation and end', async () => {
      clock.travelTo(at('16:30'));
      const child = await createFamily(t, a.adminToken, 'SANS MOT DE PASSE', [
        memberBody(ref, { firstName: 'Enfant', statusId: ref['status']['Enfant à charge'], birthDate: '2017-01-01' }),
      ]);
      const act = await t.http().post(`/api/families/${child.family.id}/act`).set(bearer(a.adminToken)).expect(200);
      expect(act.body.session).toMatchObject({ role: 'family', familyId: child.family.id, actor: { role: 'admin' } });
      const token = act.body.accessToken as string;
      await t.http().get('/api/family/sheet').set(bearer(token)).expect(200);
      await validate(token, [child.family.members[0].id]).expect(200);
      await t.http().post('/api/auth/act/end').set(bearer(token)).expect(200);

      const [row] = await t.dataSource.query('SELECT source FROM attendance WHERE member_id = ?', [child.family.members[0].id]);
      expect(row.source).toBe('acting');
      const trail = await t.dataSource.manager.find(AuditEntry, {
        where: { structureId: a.structure.id, targetType: 'family', targetId: String(child.family.id) },
        order: { id: 'ASC' },
      });
      expect(trail.map((e) => [e.action, e.actorLabel, e.actingAs])).toEqual([
        ['family.created', a.adminEmail, null],
        ['acting.start', a.adminEmail, null],
        ['attendance.validated', a.adminEmail, 'famille SANS MOT DE PASSE'],
        ['acting.end', a.adminEmail, 'famille SANS MOT DE PASSE'],
      ]);
      // Another structure's family cannot be acted for.
      const far = await createFamily(t, b.adminToken, 'AILLEURS', [memberBody(await referenceIds(t, b.adminToken))]);
      await t.http().post(`/api/families/${far.family.id}/act`).set(bearer(a.adminToken)).expect(404);
    });
  });

  describe('back in time', () => {
    it('records a past slot with an editable arrival time, refuses future slots, removes with a reason (audited)', async () => {
      clock.travelTo(new Date('2026-10-21T10:00:00Z'));
      const day = (await t.http().get(`/api/attendance/day?date=${DAY}`).set(bearer(a.adminToken)).expect(200)).body;
      const morning = day.slots[0];
      expect(morning).toMatchObject({ start: '09:30', end: '12:00' });
      const late = await createFamily(t, a.adminToken, 'OUBLIÉS', [
        memberBody(ref, { firstName: 'Oubli' }),
        memberBody(ref, { firstName: 'Tardif' }),
      ]);
      const [m1, m2] = late.family.members.map((m: { id: number }) => m.id);

      const res = await t
        .http()
        .post('/api/attendance/retro')
        .set(bearer(a.adminToken))
        .send({ slotId: morning.id, memberIds: [m1] })
        .expect(200);
      expect(res.body).toEqual({ recorded: 1, alreadyPresent: 0, message: '1 présence enregistrée.' });
      await t
        .http()
        .post('/api/attendance/retro')
        .set(bearer(a.adminToken))
        .send({ slotId: morning.id, memberIds: [m1, m2], arrivalTime: '10:45' })
        .expect(200);
      const after = (await t.http().get(`/api/attendance/day?date=${DAY}`).set(bearer(a.adminToken))).body.slots[0].attendance;
      const mine = after.filter((r: { memberId: number }) => [m1, m2].includes(r.memberId));
      expect(mine.map((r: { firstName: string; arrival: string; source: string }) => [r.firstName, r.arrival, r.source])).toEqual([
        ['Oubli', '09:30', 'retro'],
        ['Tardif', '10:45', 'retro'],
      ]);

      await t
        .http()
        .post('/api/slots/generate')
        .set(bearer(a.adminToken))
        .send({ from: '2026-10-22', weekdays: [4], ranges: [{ start: '09:30', end: '12:00' }] })
        .expect(200);
      const future = (await t.http().get('/api/attendance/day?date=2026-10-22').set(bearer(a.adminToken))).body.slots[0];
      const refused = await t
        .http()
        .post('/api/attendance/retro')
        .set(bearer(a.adminToken))
        .send({ slotId: future.id, memberIds: [m1] });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe(
        "Ce créneau n'a pas encore commencé : la saisie après coup est réservée aux créneaux passés ou en cours.",
      );
      const badTime = await t
        .http()
        .post('/api/attendance/retro')
        .set(bearer(a.adminToken))
        .send({ slotId: morning.id, memberIds: [m1], arrivalTime: '25:61' });
      expect(badTime.body.message).toBe("« 25:61 » n'est pas une heure valide pour « heure d'arrivée » (hh:mm, de 00:00 à 23:59).");
      // The arrival must fall within the slot, 30 minutes either side: 23:30 for 09:30–12:00 is refused, nothing recorded.
      const late2 = await createFamily(t, a.adminToken, 'HORS CRÉNEAU', [memberBody(ref, { firstName: 'Nuit' })]);
      const night = late2.family.members[0].id;
      for (const arrivalTime of ['23:30', '08:59', '12:31']) {
        const outside = await t
          .http()
          .post('/api/attendance/retro')
          .set(bearer(a.adminToken))
          .send({ slotId: morning.id, memberIds: [night], arrivalTime });
        expect(outside.status).toBe(400);
        expect(outside.body.message).toBe(
          "L'heure d'arrivée doit être comprise entre 09:00 et 12:30 : le créneau va de 09:30 à 12:00 (30 minutes de marge).",
        );
      }
      expect(await rowsOf(night)).toBe(0);
      for (const arrivalTime of ['09:00', '12:30']) {
        await t
          .http()
          .post('/api/attendance/retro')
          .set(bearer(a.adminToken))
          .send({ slotId: morning.id, memberIds: [night], arrivalTime })
          .expect(200);
      }
      expect(await rowsOf(night)).toBe(1);

      const toRemove = mine[1].id;
      const noReason = await t.http().post(`/api/attendance/${toRemove}/remove`).set(bearer(a.adminToken)).send({ reason: '   ' });
      expect(noReason.status).toBe(400);
      await t.http().post(`/api/attendance/${toRemove}/remove`).set(bearer(a.adminToken)).send({ reason: 'Saisie en double' }).expect(204);
      expect(await rowsOf(m2)).toBe(0);
      const trace = await t.dataSource.manager.findOneByOrFail(AuditEntry, { action: 'attendance.removed', targetId: String(m2) });
      expect(JSON.parse(trace.details ?? '{}')).toMatchObject({ reason: 'Saisie en double', date: DAY });
      // Another structure's slot or attendance is out of reach.
      await t.http().post(`/api/attendance/${mine[0].id}/remove`).set(bearer(b.adminToken)).send({ reason: 'intrusion' }).expect(404);
      await t
        .http()
        .post('/api/attendance/retro')
        .set(bearer(b.adminToken))
        .send({ slotId: morning.id, memberIds: [m1] })
        .expect(404);
    });
  });
});
