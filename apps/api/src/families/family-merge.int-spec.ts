import { KIOSK_DUPLICATE_MESSAGE } from '@pointage/contracts';
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

/** Issue 13: duplicate people at registration, and the merge of two families. */
describe('duplicate families: warning at registration, merge', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let ref: Record<string, Record<string, number>>;
  let refB: Record<string, Record<string, number>>;

  beforeAll(async () => {
    t = await startTestApp();
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Doublons');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Voisine');
    ref = await referenceIds(t, a.adminToken);
    refB = await referenceIds(t, b.adminToken);
  });
  afterAll(() => t.close());

  const admin = () => bearer(a.adminToken);
  const familyBody = (
    r: Record<string, Record<string, number>>,
    name: string,
    email: string,
    members: Record<string, unknown>[],
    extra: Record<string, unknown> = {},
  ) => ({
    name,
    email,
    qfId: r['qf']['481 à 581 €'],
    minimaId: r['minima']['Non'],
    members,
    ...extra,
  });
  const count = async (table: 'family' | 'member' | 'attendance' | 'account', structureId = a.structure.id) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE structure_id = ?`, [structureId]))[0].n);

  describe('warning at registration', () => {
    let existing: Awaited<ReturnType<typeof createFamily>>;
    beforeAll(async () => {
      existing = await createFamily(t, a.adminToken, 'Lefèvre', [
        memberBody(ref, { lastName: 'LEFÈVRE', firstName: 'Hélène', birthDate: '1982-03-04' }),
      ]);
    });

    it('back office: refuses a member with the normalised name and birth date of somebody registered (409 possible-duplicate, family named), creates nothing, then creates on confirmation', async () => {
      const before = await count('family');
      const body = familyBody(ref, 'Lefevre bis', 'lefevre.bis@test.local', [
        memberBody(ref, { lastName: ' lefevre', firstName: 'HELENE ', birthDate: '1982-03-04' }),
      ]);
      const refused = await t.http().post('/api/families').set(admin()).send(body);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('possible-duplicate');
      expect(refused.body.message).toContain('famille « Lefèvre »');
      expect(await count('family')).toBe(before);

      const check = await t
        .http()
        .post('/api/families/duplicates')
        .set(admin())
        .send({
          members: [
            { lastName: 'Lefevre', firstName: 'Hélène', birthDate: '1982-03-04' },
            { lastName: 'Autre', firstName: 'Personne', birthDate: '1982-03-04' },
          ],
        });
      expect(check.status).toBe(200);
      expect(check.body).toEqual([
        {
          memberIndex: 0,
          memberId: existing.family.members[0].id,
          familyId: existing.family.id,
          familyName: 'Lefèvre',
          lastName: 'LEFÈVRE',
          firstName: 'Hélène',
          birthDate: '1982-03-04',
        },
      ]);

      const created = await t
        .http()
        .post('/api/families')
        .set(admin())
        .send({ ...body, confirmDuplicates: true });
      expect(created.status).toBe(201);
      expect(await count('family')).toBe(before + 1);
    });

    it('another birth date, or the same person in another structure, is no duplicate', async () => {
      await t
        .http()
        .post('/api/families')
        .set(admin())
        .send(
          familyBody(ref, 'Lefèvre', 'lefevre.autre@test.local', [
            memberBody(ref, { lastName: 'LEFÈVRE', firstName: 'Hélène', birthDate: '1982-03-05' }),
          ]),
        )
        .expect(201);
      await t
        .http()
        .post('/api/families')
        .set(bearer(b.adminToken))
        .send(
          familyBody(refB, 'Lefèvre', 'lefevre.b@test.local', [
            memberBody(refB, { lastName: 'LEFÈVRE', firstName: 'Hélène', birthDate: '1982-03-04' }),
          ]),
        )
        .expect(201);
      const check = await t
        .http()
        .post('/api/families/duplicates')
        .set(bearer(b.adminToken))
        .send({ members: [{ lastName: 'LEFÈVRE', firstName: 'Hélène', birthDate: '1982-03-05' }] });
      expect(check.body).toEqual([]);
    });

    it('kiosk: the same warning without a word about the other family, and an explicit confirmation to go on', async () => {
      const before = await count('family');
      const body = familyBody(
        ref,
        'Nouvelle',
        'nouvelle.famille@test.local',
        [memberBody(ref, { lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1982-03-04' })],
        { password: 'une phrase de passe solide' },
      );
      const refused = await t.http().post(`/api/public/structures/${a.structure.slug}/families`).send(body);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({ statusCode: 409, message: KIOSK_DUPLICATE_MESSAGE, code: 'possible-duplicate' });
      expect(JSON.stringify(refused.body)).not.toMatch(/Lef[eè]vre/);
      expect(await count('family')).toBe(before);
      const created = await t
        .http()
        .post(`/api/public/structures/${a.structure.slug}/families`)
        .send({ ...body, confirmDuplicates: true });
      expect(created.status).toBe(201);
      expect(await count('family')).toBe(before + 1);
      const invalid = await t
        .http()
        .post(`/api/public/structures/${a.structure.slug}/families`)
        .send({ ...body, email: 'x.y@test.local', confirmDuplicates: 'oui' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toBe('Le champ « confirmation des doublons » doit valoir vrai ou faux.');
    });
  });

  describe('merge', () => {
    const report = async () => {
      const res = await t.http().post('/api/statistics/report').set(admin()).send({ from: '2026-01-01', to: '2026-01-31' });
      expect(res.status).toBe(200);
      const figures = Object.fromEntries((res.body.figures as { key: string; value: number }[]).map((f) => [f.key, f.value]));
      return {
        openingDays: figures['openingDays'],
        inscrits: figures['inscrits'],
        families: figures['families'],
        presences: figures['presences'],
      };
    };

    it('joins the same people, moves the others and their attendance (one row per slot), moves member logins, deletes the absorbed family: statistics change only by the de-duplication', async () => {
      const kept = await createFamily(t, a.adminToken, 'Durand', [
        memberBody(ref, {
          lastName: 'DURAND',
          firstName: 'Paul',
          birthDate: '1980-01-01',
          sexId: ref['sex']['Homme'],
          statusId: ref['status']['Père'],
        }),
        memberBody(ref, { lastName: 'DURAND', firstName: 'Léa', birthDate: '2015-05-05', statusId: ref['status']['Enfant à charge'] }),
      ]);
      const absorbed = await createFamily(t, a.adminToken, 'Durand (2)', [
        memberBody(ref, {
          lastName: 'Durand',
          firstName: 'paul',
          birthDate: '1980-01-01',
          sexId: ref['sex']['Homme'],
          statusId: ref['status']['Père'],
          login: { email: 'paul.durand@test.local', password: 'paul joue aux echecs' },
        }),
        memberBody(ref, { lastName: 'DURAND', firstName: 'Lea', birthDate: '2015-05-05', statusId: ref['status']['Enfant à charge'] }),
        memberBody(ref, { lastName: 'DURAND', firstName: 'Tom', birthDate: '2018-02-02', statusId: ref['status']['Enfant à charge'] }),
      ]);
      const [kPaul, kLea] = kept.family.members;
      const [xPaul, xLea, xTom] = absorbed.family.members;
      await insertAttendance(t, a.structure.id, '2026-01-06', [kPaul.id, xPaul.id, xTom.id]);
      await insertAttendance(t, a.structure.id, '2026-01-13', [xLea.id]);
      await insertAttendance(t, a.structure.id, '2026-01-20', [kLea.id, xPaul.id]);
      const before = await report();
      expect(before).toEqual({ openingDays: 3, inscrits: 5, families: 2, presences: 6 });
      const counts = {
        family: await count('family'),
        member: await count('member'),
        attendance: await count('attendance'),
        account: await count('account'),
      };

      const res = await t.http().post(`/api/families/${kept.family.id}/merge`).set(admin()).send({ absorbedFamilyId: absorbed.family.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        movedMembers: 1,
        joinedMembers: 2,
        movedAttendance: 3,
        droppedAttendance: 1,
        movedAccounts: 1,
        deletedAccounts: 1,
      });
      expect(res.body.family.members.map((m: { firstName: string; login: string | null }) => `${m.firstName}:${m.login}`)).toEqual([
        'Paul:paul.durand@test.local',
        'Léa:null',
        'Tom:null',
      ]);

      // The same people, counted once: 5 inscrits → 3, 2 families → 1, the doubled presence of Paul on the 6th dropped.
      expect(await report()).toEqual({ openingDays: 3, inscrits: 3, families: 1, presences: 5 });
      expect({
        family: await count('family'),
        member: await count('member'),
        attendance: await count('attendance'),
        account: await count('account'),
      }).toEqual({
        family: counts.family - 1,
        member: counts.member - 2,
        attendance: counts.attendance - 1,
        account: counts.account - 1,
      });
      const rows: { member_id: number; family_id: number }[] = await t.dataSource.query(
        'SELECT member_id, family_id FROM attendance WHERE structure_id = ? AND family_id IN (?, ?) ORDER BY id',
        [a.structure.id, kept.family.id, absorbed.family.id],
      );
      expect(rows.map((r) => [Number(r.member_id), Number(r.family_id)])).toEqual([
        [kPaul.id, kept.family.id],
        [xTom.id, kept.family.id],
        [kLea.id, kept.family.id],
        [kLea.id, kept.family.id],
        [kPaul.id, kept.family.id],
      ]);
      await t.http().get(`/api/families/${absorbed.family.id}`).set(admin()).expect(404);

      // Paul's own login now opens the kept family; the absorbed family's login is gone.
      const paul = await login(t, 'paul.durand@test.local', 'paul joue aux echecs', a.structure.slug);
      expect(paul.session).toMatchObject({ role: 'family', familyId: kept.family.id });
      const gone = await t
        .http()
        .post('/api/auth/login')
        .send({ login: absorbed.email, password: absorbed.password, structure: a.structure.slug });
      expect(gone.status).toBe(401);

      const audit = await t.dataSource.manager.findOneByOrFail(AuditEntry, { action: 'family.merged', targetId: String(kept.family.id) });
      expect(JSON.parse(audit.details ?? '{}')).toMatchObject({
        absorbedFamilyId: absorbed.family.id,
        joinedMembers: 2,
        droppedAttendance: 1,
      });
    });

    it('a real family merged into a demo one makes it real: the demo removal then leaves it alone', async () => {
      const demo = await createFamily(t, a.adminToken, 'Démo Martin', [memberBody(ref, { lastName: 'MARTIN', firstName: 'Démo' })]);
      const real = await createFamily(t, a.adminToken, 'Martin', [memberBody(ref, { lastName: 'MARTIN', firstName: 'Vraie' })]);
      await t.dataSource.query('UPDATE family SET demo = 1 WHERE id = ?', [demo.family.id]);
      await t.http().post(`/api/families/${demo.family.id}/merge`).set(admin()).send({ absorbedFamilyId: real.family.id }).expect(200);
      const [row] = await t.dataSource.query('SELECT demo FROM family WHERE id = ?', [demo.family.id]);
      expect(Number(row.demo)).toBe(0);
      await t.http().delete('/api/demo-data').set(admin()).expect(200);
      const kept = (await t.http().get(`/api/families/${demo.family.id}`).set(admin()).expect(200)).body;
      expect(kept.members.map((m: { firstName: string }) => m.firstName).sort()).toEqual(['Démo', 'Vraie']);
    });

    it('is refused for the same family, an anonymised family, or a family of another structure — and changes nothing', async () => {
      const one = await createFamily(t, a.adminToken, 'Simon', [memberBody(ref, { lastName: 'SIMON', firstName: 'Eva' })]);
      const two = await createFamily(t, a.adminToken, 'Simon bis', [memberBody(ref, { lastName: 'SIMON', firstName: 'Eva' })]);
      const other = await createFamily(t, b.adminToken, 'Simon', [memberBody(refB, { lastName: 'SIMON', firstName: 'Eva' })]);
      const same = await t.http().post(`/api/families/${one.family.id}/merge`).set(admin()).send({ absorbedFamilyId: one.family.id });
      expect(same.status).toBe(400);
      expect(same.body.message).toBe('Choisissez deux familles différentes à fusionner.');
      const foreign = await t.http().post(`/api/families/${one.family.id}/merge`).set(admin()).send({ absorbedFamilyId: other.family.id });
      expect(foreign.status).toBe(404);
      expect(foreign.body.message).toBe('Famille introuvable.');
      await t.http().post(`/api/families/${two.family.id}/anonymise`).set(admin()).send({ confirmName: 'Simon bis' }).expect(200);
      for (const [keptId, absorbedId] of [
        [one.family.id, two.family.id],
        [two.family.id, one.family.id],
      ]) {
        const res = await t.http().post(`/api/families/${keptId}/merge`).set(admin()).send({ absorbedFamilyId: absorbedId });
        expect(res.status).toBe(409);
        expect(res.body.message).toBe('Fusion impossible : une famille anonymisée ne peut pas être fusionnée.');
      }
      expect((await t.http().get(`/api/families/${one.family.id}`).set(admin()).expect(200)).body.members).toHaveLength(1);
      expect((await t.http().get(`/api/families/${two.family.id}`).set(admin()).expect(200)).body.members).toHaveLength(1);
      expect(await t.dataSource.manager.countBy(AuditEntry, { action: 'family.merged', targetId: String(one.family.id) })).toBe(0);
    });
  });
});
