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
 * Names and labels typed by people are shown to other people (kiosk, lists,
 * PDF): a NUL, a right-to-left override ("abc\u202Eevil" reads "abclive") or a
 * name made only of zero-width spaces is refused, with a French message naming
 * the field, and nothing is written.
 */
describe('names and labels refuse control, bidi-override and invisible-only text', () => {
  let t: TestApp;
  let sa: string;
  let a: StructureFixture;
  let ref: Record<string, Record<string, number>>;

  const HOSTILE: [string, 'hidden' | 'invisible'][] = [
    ['\u0000', 'hidden'],
    ['DUPONT\u0000', 'hidden'],
    ['abc\u202Eevil', 'hidden'],
    ['abc\u2066x\u2069', 'hidden'],
    ['DU\nPONT', 'hidden'],
    ['\u200B\u200B', 'invisible'],
    ['\u200C\u2060\u200D', 'invisible'],
    ['\u200B \u00A0\u200B', 'invisible'],
  ];
  const message = (label: string, kind: 'hidden' | 'invisible') =>
    kind === 'hidden'
      ? `Le champ « ${label} » contient des caractères de contrôle ou d'inversion du sens d'écriture, qui ne sont pas permis.`
      : `Le champ « ${label} » ne peut pas être fait que d'espaces ou de caractères invisibles.`;

  beforeAll(async () => {
    t = await startTestApp();
    sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque des Caractères');
    ref = await referenceIds(t, a.adminToken);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);

  it.each(HOSTILE)('family and member names: %j', async (value, kind) => {
    const families = await count('SELECT COUNT(*) AS n FROM family WHERE structure_id = ?', [a.structure.id]);
    const body = (over: object) => ({
      name: 'DUPONT',
      email: `dupont.${Math.random().toString(36).slice(2)}@test.local`,
      qfId: ref['qf']['481 à 581 €'],
      minimaId: ref['minima']['Non'],
      members: [memberBody(ref)],
      ...over,
    });
    const cases: [object, string][] = [
      [body({ name: value }), 'nom de la famille'],
      [body({ members: [memberBody(ref, { lastName: value })] }), 'membres › entrée 1 › nom'],
      [body({ members: [memberBody(ref, { firstName: value })] }), 'membres › entrée 1 › prénom'],
    ];
    for (const [b, label] of cases) {
      const res = await t.http().post('/api/families').set(bearer(a.adminToken)).send(b);
      expect({ label, status: res.status, message: res.body.message }).toEqual({ label, status: 400, message: message(label, kind) });
    }
    const registered = await t
      .http()
      .post(`/api/public/structures/${a.structure.slug}/families`)
      .send({
        name: value,
        email: 'inscription@test.local',
        password: 'une phrase de passe solide',
        qfId: ref['qf']['481 à 581 €'],
        minimaId: ref['minima']['Non'],
        members: [memberBody(ref)],
      });
    expect({ status: registered.status, message: registered.body.message }).toEqual({
      status: 400,
      message: message('nom de la famille', kind),
    });
    expect(await count('SELECT COUNT(*) AS n FROM family WHERE structure_id = ?', [a.structure.id])).toBe(families);
  });

  it('renaming a family or a member, a structure, an admin, a list entry, the installation footer', async () => {
    const created = await createFamily(t, a.adminToken, 'MARTIN', [memberBody(ref)]);
    const memberId = created.family.members[0].id;
    for (const [value, kind] of HOSTILE) {
      const cases: [() => Promise<{ status: number; body: { message?: string } }>, string][] = [
        [
          async () => t.http().patch(`/api/families/${created.family.id}`).set(bearer(a.adminToken)).send({ name: value }),
          'nom de la famille',
        ],
        [async () => t.http().patch(`/api/members/${memberId}`).set(bearer(a.adminToken)).send({ firstName: value }), 'prénom'],
        [async () => t.http().post('/api/super-admin/structures').set(bearer(sa)).send({ name: value }), 'nom'],
        [async () => t.http().patch(`/api/super-admin/structures/${a.structure.id}`).set(bearer(sa)).send({ name: value }), 'nom'],
        [
          async () =>
            t
              .http()
              .post(`/api/super-admin/structures/${a.structure.id}/admins`)
              .set(bearer(sa))
              .send({ email: 'autre.admin@test.local', displayName: value }),
          'nom affiché',
        ],
        [
          async () =>
            t
              .http()
              .put('/api/settings/lists/city')
              .set(bearer(a.adminToken))
              .send({ items: [{ label: value, active: true }] }),
          'liste › entrée 1 › libellé',
        ],
        [async () => t.http().put('/api/super-admin/settings').set(bearer(sa)).send({ footerText: value }), 'texte du pied de page'],
      ];
      for (const [send, label] of cases) {
        const res = await send();
        expect({ value, label, status: res.status, message: res.body.message }).toEqual({
          value,
          label,
          status: 400,
          message: message(label, kind),
        });
      }
    }
    const [family] = await t.dataSource.query('SELECT name FROM family WHERE id = ?', [created.family.id]);
    expect(family.name).toBe('MARTIN');
    expect(await count("SELECT COUNT(*) AS n FROM structure WHERE name LIKE 'abc%'")).toBe(0);
  });

  it('multi-line free text keeps its line feeds and tabs, and refuses the rest', async () => {
    await t.http().put('/api/settings/welcome').set(bearer(a.adminToken)).send({ message: 'Bienvenue !\n\tPensez à pointer.' }).expect(200);
    await t.http().put('/api/settings/welcome').set(bearer(a.adminToken)).send({ message: '' }).expect(200);
    for (const [value, kind] of [
      ['Bienvenue\u0000', 'hidden'],
      ['Bienvenue \u202Eevil', 'hidden'],
      ['\u200B\n\u200B', 'invisible'],
    ] as const) {
      const res = await t.http().put('/api/settings/welcome').set(bearer(a.adminToken)).send({ message: value });
      expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: message("message d'accueil", kind) });
    }
  });

  it('accepts real names: accents, apostrophes, hyphens, Arabic and Hebrew', async () => {
    const names = ["N'DIAYE-LEFÈVRE", 'ÆLFRED Ødegård', 'بن علي', 'כהן', 'Zoë 😀'];
    for (const [i, name] of names.entries()) {
      const created = await createFamily(t, a.adminToken, name, [memberBody(ref, { lastName: name, firstName: name })], {
        email: `reel${i}@test.local`,
      });
      expect(created.family.name).toBe(name);
    }
  });
});
