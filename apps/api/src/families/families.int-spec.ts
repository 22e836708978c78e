import { FAMILY_DELETE_REFUSED } from '@pointage/contracts';
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
import { AuditEntry } from '../audit/entities/audit-entry.entity';

describe('families and members', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let ref: Record<string, Record<string, number>>;
  let refB: Record<string, Record<string, number>>;

  beforeAll(async () => {
    t = await startTestApp();
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Familles');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Autre');
    ref = await referenceIds(t, a.adminToken);
    refB = await referenceIds(t, b.adminToken);
  });
  afterAll(() => t.close());

  const admin = () => bearer(a.adminToken);

  describe('back office', () => {
    it('creates a family with three members, a generated password, and its kiosk login works', async () => {
      const { family, password, email } = await createFamily(t, a.adminToken, 'GRUJIC', [
        memberBody(ref, {
          lastName: 'GRUJIC',
          firstName: 'Stanko',
          sexId: ref['sex']['Homme'],
          birthDate: '1975-06-26',
          statusId: ref['status']['Père'],
        }),
        memberBody(ref, {
          lastName: 'GRUJIC',
          firstName: 'Luka',
          sexId: ref['sex']['Homme'],
          birthDate: '2016-03-01',
          statusId: ref['status']['Enfant à charge'],
          avatar: 'lapin',
        }),
        memberBody(ref, { lastName: 'LAOUAR', firstName: 'Lyn', birthDate: '2019-11-20', statusId: ref['status']['Enfant gardé'] }),
      ]);
      expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(family).toMatchObject({ name: 'GRUJIC', email, archived: false, anonymised: false, hasAttendance: false });
      expect(family.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Stanko', 'Luka', 'Lyn']);
      expect(family.members[1]).toMatchObject({ avatar: 'lapin', login: null, archived: false });
      expect(family.members[0].registeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const session = await login(t, email, password, a.structure.slug);
      expect(session.session).toMatchObject({ role: 'family', familyId: family.id });
    });

    it('searches families by family or member name ignoring case and accents, sorts and paginates', async () => {
      await createFamily(t, a.adminToken, 'Müller', [memberBody(ref, { lastName: 'MÜLLER', firstName: 'Éloïse' })]);
      await createFamily(t, a.adminToken, 'Zidane', [
        memberBody(ref, { lastName: 'ZIDANE', firstName: 'Inès' }),
        memberBody(ref, { lastName: 'ZIDANE', firstName: 'Farès' }),
      ]);
      const byFamily = await t.http().get('/api/families?search=MULLER').set(admin()).expect(200);
      expect(byFamily.body.items.map((f: { name: string }) => f.name)).toEqual(['Müller']);
      const byMember = await t.http().get('/api/families?search=eloise').set(admin()).expect(200);
      expect(byMember.body.items.map((f: { name: string }) => f.name)).toEqual(['Müller']);
      const wildcard = await t.http().get('/api/families?search=%25').set(admin()).expect(200);
      expect(wildcard.body.total).toBe(0);

      const sorted = await t.http().get('/api/families?sort=memberCount&order=desc&pageSize=1&page=1').set(admin()).expect(200);
      expect(sorted.body).toMatchObject({ page: 1, pageSize: 1 });
      expect(sorted.body.items).toHaveLength(1);
      expect(sorted.body.items[0].name).toBe('GRUJIC');
      expect(sorted.body.total).toBeGreaterThanOrEqual(3);
      const byName = await t.http().get('/api/families?sort=name&pageSize=200').set(admin()).expect(200);
      const names = byName.body.items.map((f: { name: string }) => f.name);
      expect(names).toEqual([...names].sort((x: string, y: string) => x.localeCompare(y, 'fr', { sensitivity: 'base' })));
      // Another structure's families never show.
      await createFamily(t, b.adminToken, 'Müller', [memberBody(refB, { lastName: 'MÜLLER', firstName: 'Otto' })]);
      expect((await t.http().get('/api/families?search=otto').set(admin())).body.total).toBe(0);

      const members = await t.http().get('/api/members?search=FARES').set(admin()).expect(200);
      expect(members.body.items.map((m: { firstName: string; familyName: string }) => `${m.firstName} ${m.familyName}`)).toEqual([
        'Farès Zidane',
      ]);
    });

    it('deletes a member or family without attendance, but never one with attendance (API and foreign keys)', async () => {
      const { family } = await createFamily(t, a.adminToken, 'Présents', [
        memberBody(ref, { firstName: 'Anna' }),
        memberBody(ref, { firstName: 'Bob' }),
        memberBody(ref, { firstName: 'Cléo' }),
      ]);
      const [anna, , cleo] = family.members;
      await t.http().delete(`/api/members/${cleo.id}`).set(admin()).expect(204);
      await insertAttendance(t, a.structure.id, '2026-10-01', [anna.id]);

      const member = await t.http().delete(`/api/members/${anna.id}`).set(admin());
      expect(member.status).toBe(409);
      expect(member.body.message).toBe(FAMILY_DELETE_REFUSED);
      const fam = await t.http().delete(`/api/families/${family.id}`).set(admin());
      expect(fam.status).toBe(409);
      expect(fam.body.message).toBe(FAMILY_DELETE_REFUSED);
      // Nothing was deleted, not even the member without attendance.
      const detail = await t.http().get(`/api/families/${family.id}`).set(admin()).expect(200);
      expect(detail.body.members.map((m: { firstName: string; hasAttendance: boolean }) => [m.firstName, m.hasAttendance])).toEqual([
        ['Anna', true],
        ['Bob', false],
      ]);
      // The database itself refuses: no code path can bypass it.
      await expect(t.dataSource.query('DELETE FROM member WHERE id = ?', [anna.id])).rejects.toThrow(/foreign key|FOREIGN KEY/i);
      await expect(t.dataSource.query('DELETE FROM family WHERE id = ?', [family.id])).rejects.toThrow(/foreign key|FOREIGN KEY/i);

      // Archiving is the way.
      const archived = await t.http().post(`/api/members/${anna.id}/archive`).set(admin()).expect(200);
      expect(archived.body.archived).toBe(true);
      const famArchived = await t.http().post(`/api/families/${family.id}/archive`).set(admin()).expect(200);
      expect(famArchived.body.archived).toBe(true);
      expect((await t.http().get('/api/families?search=presents').set(admin())).body.total).toBe(0);
      expect((await t.http().get('/api/families?search=presents&archived=true').set(admin())).body.total).toBe(1);
      await t.http().post(`/api/families/${family.id}/unarchive`).set(admin()).expect(200);

      const { family: empty } = await createFamily(t, a.adminToken, 'Sans présence', [memberBody(ref)]);
      await t.http().delete(`/api/families/${empty.id}`).set(admin()).expect(204);
      await t.http().get(`/api/families/${empty.id}`).set(admin()).expect(404);
    });

    it('applies the household QF and minima to every member', async () => {
      const { family } = await createFamily(t, a.adminToken, 'Foyer', [
        memberBody(ref),
        memberBody(ref, { firstName: 'Paul', statusId: ref['status']['Enfant à charge'] }),
      ]);
      const res = await t
        .http()
        .patch(`/api/families/${family.id}`)
        .set(admin())
        .send({ qfId: ref['qf']['Plus de 964 €'], minimaId: ref['minima']['RSA'] })
        .expect(200);
      expect(res.body.members.map((m: { qfId: number; minimaId: number }) => [m.qfId, m.minimaId])).toEqual([
        [ref['qf']['Plus de 964 €'], ref['minima']['RSA']],
        [ref['qf']['Plus de 964 €'], ref['minima']['RSA']],
      ]);
      // A member may still differ afterwards.
      const one = await t
        .http()
        .patch(`/api/members/${family.members[1].id}`)
        .set(admin())
        .send({ qfId: ref['qf']['0 à 480 €'] })
        .expect(200);
      expect(one.body.qfId).toBe(ref['qf']['0 à 480 €']);
    });

    it('asks whether a change of statistical attributes is a correction or starts today, and applies it to the snapshots', async () => {
      const { family } = await createFamily(t, a.adminToken, 'Déménage', [memberBody(ref, { cityId: ref['city']['Lille'] })]);
      const memberId = family.members[0].id;
      await insertAttendance(t, a.structure.id, '2025-03-04', [memberId]);
      const snapshot = async () => (await t.dataSource.query('SELECT city_id FROM attendance WHERE member_id = ?', [memberId]))[0].city_id;

      const ask = await t.http().patch(`/api/members/${memberId}`).set(admin()).send({ cityId: ref['city']['Ronchin'] });
      expect(ask.status).toBe(400);
      expect(ask.body.message).toMatch(/^Précisez s'il s'agit d'une correction/);
      expect(ask.body.code).toBe('stats-change-needed');
      expect(Number(await snapshot())).toBe(ref['city']['Lille']);

      await t
        .http()
        .patch(`/api/members/${memberId}`)
        .set(admin())
        .send({ cityId: ref['city']['Ronchin'], statsChange: 'from-today' })
        .expect(200);
      expect(Number(await snapshot())).toBe(ref['city']['Lille']);
      await t
        .http()
        .patch(`/api/members/${memberId}`)
        .set(admin())
        .send({ cityId: ref['city']['Faches-Thumesnil'], statsChange: 'correction' })
        .expect(200);
      expect(Number(await snapshot())).toBe(ref['city']['Faches-Thumesnil']);
      // Changes that are not statistical need no answer.
      await t.http().patch(`/api/members/${memberId}`).set(admin()).send({ firstName: 'Claire-Marie' }).expect(200);
    });

    it('gives adult members their own login, never children', async () => {
      const { family } = await createFamily(t, a.adminToken, 'Logins', [
        memberBody(ref, { firstName: 'Maman', login: { email: 'maman.logins@test.local', password: 'maman joue aux cartes' } }),
      ]);
      expect(family.members[0].login).toBe('maman.logins@test.local');
      const session = await login(t, 'maman.logins@test.local', 'maman joue aux cartes', a.structure.slug);
      expect(session.session.familyId).toBe(family.id);
      const child = await t
        .http()
        .post(`/api/families/${family.id}/members`)
        .set(admin())
        .send(
          memberBody(ref, {
            firstName: 'Petit',
            statusId: ref['status']['Enfant à charge'],
            birthDate: '2020-01-01',
            login: { email: 'petit@test.local', password: 'petit joue beaucoup' },
          }),
        );
      expect(child.status).toBe(400);
      expect(child.body.message).toBe('Seul un membre adulte peut avoir son propre identifiant.');
      const taken = await t
        .http()
        .post(`/api/families/${family.id}/members`)
        .set(admin())
        .send(memberBody(ref, { firstName: 'Papa', login: { email: 'maman.logins@test.local', password: 'papa joue aussi' } }));
      expect(taken.status).toBe(409);
      expect((await t.http().get(`/api/families/${family.id}`).set(admin())).body.members).toHaveLength(1);
    });
  });

  describe('bad input', () => {
    it.each([
      [
        'a birth date that does not exist',
        { birthDate: '2020-02-31' },
        'Le champ « date de naissance » doit être une date valide (jour, mois et année qui existent).',
      ],
      ['a birth date in the future', { birthDate: '2099-01-01' }, 'La date de naissance ne peut pas être dans le futur.'],
      [
        'a birth date after 2100',
        { birthDate: '2999-01-01' },
        "L'année du champ « date de naissance » doit être comprise entre 1900 et 2100.",
      ],
      [
        'a birth date before 1900',
        { birthDate: '1899-12-31' },
        "L'année du champ « date de naissance » doit être comprise entre 1900 et 2100.",
      ],
      ['a status of another structure', { statusIdFromB: true }, 'La valeur choisie pour « statut » est inconnue.'],
      ['a city id given as a sex', { sexIdFromCity: true }, 'La valeur choisie pour « sexe » est inconnue.'],
      ['a name of 10 000 characters', { lastName: 'x'.repeat(10_000) }, 'Le champ « nom » est trop long (100 caractères).'],
      ['an unknown avatar', { avatar: 'dragon' }, "La valeur du champ « avatar » n'est pas permise."],
      ['an unknown field', { shoeSize: 38 }, "Le champ « shoeSize » n'est pas attendu."],
    ])('refuses %s with a French reason and writes nothing', async (_case, change, message) => {
      const { family } = await createFamily(t, a.adminToken, 'Erreurs', [memberBody(ref)]);
      const overrides: Record<string, unknown> = { ...change };
      if (overrides['statusIdFromB']) {
        delete overrides['statusIdFromB'];
        overrides['statusId'] = refB['status']['Mère'];
      }
      if (overrides['sexIdFromCity']) {
        delete overrides['sexIdFromCity'];
        overrides['sexId'] = ref['city']['Lille'];
      }
      const res = await t.http().post(`/api/families/${family.id}/members`).set(admin()).send(memberBody(ref, overrides));
      expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message });
      expect((await t.http().get(`/api/families/${family.id}`).set(admin())).body.members).toHaveLength(1);
    });

    it('creates nothing when one member of a new family is invalid (one transaction)', async () => {
      const before = (await t.http().get('/api/families?archived=all').set(admin())).body.total;
      const res = await t
        .http()
        .post('/api/families')
        .set(admin())
        .send({
          name: 'Moitié',
          email: 'moitie@test.local',
          qfId: ref['qf']['0 à 480 €'],
          minimaId: ref['minima']['Non'],
          members: [memberBody(ref), memberBody(ref, { birthDate: '2999-01-01' })],
        });
      expect(res.status).toBe(400);
      expect((await t.http().get('/api/families?archived=all').set(admin())).body.total).toBe(before);
      // The default member exists already in this file: confirmed, as the duplicate warning is not what this test is about.
      const again = await t
        .http()
        .post('/api/families')
        .set(admin())
        .send({
          name: 'Moitié',
          email: 'moitie@test.local',
          qfId: ref['qf']['0 à 480 €'],
          minimaId: ref['minima']['Non'],
          members: [memberBody(ref)],
          confirmDuplicates: true,
        });
      expect(again.status).toBe(201);
    });
  });

  describe('family self-service at the kiosk', () => {
    it('registers a new family at the kiosk, logged in at once, then adds and edits its members', async () => {
      const res = await t
        .http()
        .post(`/api/public/structures/${a.structure.slug}/families`)
        .send({
          name: 'NOUVEAU',
          email: 'nouveau@test.local',
          password: 'nous aimons les jeux',
          qfId: ref['qf']['582 à 683 €'],
          minimaId: ref['minima']['Non'],
          members: [memberBody(ref, { lastName: 'NOUVEAU', firstName: 'Sam' })],
        });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ role: 'family', structureId: a.structure.id });
      const token = res.body.accessToken as string;
      const me = await t.http().get('/api/family/me').set(bearer(token)).expect(200);
      expect(me.body.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Sam']);

      const added = await t
        .http()
        .post('/api/family/members')
        .set(bearer(token))
        .send(
          memberBody(ref, { lastName: 'NOUVEAU', firstName: 'Lou', birthDate: '2021-05-05', statusId: ref['status']['Enfant à charge'] }),
        )
        .expect(201);
      const edited = await t
        .http()
        .patch(`/api/family/members/${added.body.id}`)
        .set(bearer(token))
        .send({ firstName: 'Louise', avatar: 'chat' })
        .expect(200);
      expect(edited.body).toMatchObject({ firstName: 'Louise', avatar: 'chat' });

      // A family cannot set registration dates or archive flags.
      const registered = await t
        .http()
        .patch(`/api/family/members/${added.body.id}`)
        .set(bearer(token))
        .send({ registeredOn: '2020-01-01' });
      expect(registered.status).toBe(400);
      expect(registered.body.message).toBe("Le champ « registeredOn » n'est pas attendu.");
      const archived = await t.http().patch(`/api/family/members/${added.body.id}`).set(bearer(token)).send({ archived: true });
      expect(archived.status).toBe(400);
      const addedWithDate = await t
        .http()
        .post('/api/family/members')
        .set(bearer(token))
        .send(memberBody(ref, { registeredOn: '2020-01-01' }));
      expect(addedWithDate.status).toBe(400);
    });

    it('never lets a family see or change another family', async () => {
      const one = await createFamily(t, a.adminToken, 'Une', [memberBody(ref, { firstName: 'Alice' })], {
        password: 'la famille une joue',
      });
      const two = await createFamily(t, a.adminToken, 'Deux', [memberBody(ref, { firstName: 'Bruno' })], {
        password: 'la famille deux joue',
      });
      const token = (await login(t, one.email, 'la famille une joue', a.structure.slug)).accessToken;
      const me = await t.http().get('/api/family/me').set(bearer(token)).expect(200);
      expect(me.body.id).toBe(one.family.id);
      const other = await t
        .http()
        .patch(`/api/family/members/${two.family.members[0].id}`)
        .set(bearer(token))
        .send({ firstName: 'Piraté' });
      expect(other.status).toBe(404);
      expect((await t.http().get(`/api/families/${two.family.id}`).set(admin())).body.members[0].firstName).toBe('Bruno');
      // Back-office routes are closed to families.
      await t.http().get(`/api/families/${two.family.id}`).set(bearer(token)).expect(403);
      await t.http().get('/api/families').set(bearer(token)).expect(403);
    });

    it('keeps archived members off the kiosk sheet and archived families out of the kiosk', async () => {
      const fam = await createFamily(
        t,
        a.adminToken,
        'Archives',
        [memberBody(ref, { firstName: 'Reste' }), memberBody(ref, { firstName: 'Parti' })],
        { password: 'les archives jouent' },
      );
      await t.http().post(`/api/members/${fam.family.members[1].id}/archive`).set(admin()).expect(200);
      const token = (await login(t, fam.email, 'les archives jouent', a.structure.slug)).accessToken;
      const me = await t.http().get('/api/family/me').set(bearer(token)).expect(200);
      expect(me.body.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Reste']);
      await t.http().post(`/api/families/${fam.family.id}/archive`).set(admin()).expect(200);
      await t.http().get('/api/family/me').set(bearer(token)).expect(401);
      const again = await t
        .http()
        .post('/api/auth/login')
        .send({ login: fam.email, password: 'les archives jouent', structure: a.structure.slug });
      expect(again.status).toBe(403);
      expect(again.body.message).toBe("Cette famille est archivée : adressez-vous à l'équipe de la ludothèque.");
    });
  });

  describe('GDPR', () => {
    it('exports all data of a family as JSON, and audits the export', async () => {
      const fam = await createFamily(t, a.adminToken, 'Export', [memberBody(ref, { firstName: 'Ada' })]);
      await insertAttendance(t, a.structure.id, '2026-02-03', [fam.family.members[0].id]);
      const res = await t.http().get(`/api/families/${fam.family.id}/export`).set(admin()).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="famille-${fam.family.id}.json"`);
      expect(res.body).toMatchObject({
        structure: 'Ludothèque Familles',
        family: { name: 'Export', email: fam.email, quotientFamilial: '481 à 581 €', minimaSociaux: 'Non' },
        members: [{ firstName: 'Ada', city: 'Lille', status: 'Mère' }],
        attendance: [{ date: '2026-02-03', snapshot: { city: 'Lille' } }],
      });
      expect(res.body.auditLog.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['family.created']));
      expect(await t.dataSource.manager.countBy(AuditEntry, { action: 'family.exported', targetId: String(fam.family.id) })).toBe(1);
    });

    it('anonymises a family once its name is typed: identity erased, attendance and statistics kept', async () => {
      const fam = await createFamily(
        t,
        a.adminToken,
        'Dupont',
        [memberBody(ref, { lastName: 'DUPONT', firstName: 'Jeanne', birthDate: '1980-07-14' })],
        { password: 'les dupont jouent' },
      );
      const memberId = fam.family.members[0].id;
      await insertAttendance(t, a.structure.id, '2026-04-07', [memberId]);
      await login(t, fam.email, 'les dupont jouent', a.structure.slug);

      const wrong = await t.http().post(`/api/families/${fam.family.id}/anonymise`).set(admin()).send({ confirmName: 'Durand' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toBe('Pour confirmer, tapez exactement le nom de la famille : « Dupont ».');

      const res = await t.http().post(`/api/families/${fam.family.id}/anonymise`).set(admin()).send({ confirmName: 'dupont' }).expect(200);
      expect(res.body).toMatchObject({ name: `Famille anonymisée n° ${fam.family.id}`, email: null, anonymised: true, archived: true });
      expect(res.body.members[0]).toMatchObject({
        lastName: 'Anonyme',
        firstName: 'Membre 1',
        birthDate: '1980-01-01',
        login: null,
        cityId: ref['city']['Lille'],
        statusId: ref['status']['Mère'],
      });
      const attendance = await t.dataSource.query('SELECT city_id FROM attendance WHERE member_id = ?', [memberId]);
      expect(attendance.map((r: { city_id: number }) => Number(r.city_id))).toEqual([ref['city']['Lille']]);
      const traces = await t.dataSource.manager.findBy(AuditEntry, { actorLabel: fam.email });
      expect(traces).toEqual([]);
      expect(JSON.stringify((await t.http().get('/api/audit?pageSize=200').set(admin())).body)).not.toContain(fam.email);
      const failed = await t
        .http()
        .post('/api/auth/login')
        .send({ login: fam.email, password: 'les dupont jouent', structure: a.structure.slug });
      expect(failed.status).toBe(401);
      // No search finds the old name; no edit is possible any more.
      expect((await t.http().get('/api/families?search=dupont&archived=all').set(admin())).body.total).toBe(0);
      const edit = await t.http().patch(`/api/families/${fam.family.id}`).set(admin()).send({ name: 'Dupont' });
      expect(edit.status).toBe(409);
    });

    it('refuses to unarchive an anonymised family (409, in French); the family stays archived', async () => {
      const fam = await createFamily(t, a.adminToken, 'Martin', [memberBody(ref, { lastName: 'MARTIN', firstName: 'Paul' })]);
      await t.http().post(`/api/families/${fam.family.id}/anonymise`).set(admin()).send({ confirmName: 'Martin' }).expect(200);
      const res = await t.http().post(`/api/families/${fam.family.id}/unarchive`).set(admin());
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Cette famille a été anonymisée : elle reste archivée et ne peut pas être désarchivée.');
      const detail = await t.http().get(`/api/families/${fam.family.id}`).set(admin()).expect(200);
      expect(detail.body).toMatchObject({ archived: true, anonymised: true });
      expect(await t.dataSource.manager.countBy(AuditEntry, { action: 'family.unarchived', targetId: String(fam.family.id) })).toBe(0);
    });
  });
});
