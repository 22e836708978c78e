import { JwtService } from '@nestjs/jwt';
import { AUDIT_ACTIONS, FORGOT_PASSWORD_MESSAGE, PASSWORD_CHANGED_MESSAGE } from '@pointage/contracts';
import { Account } from './entities/account.entity';
import { PasswordResetToken } from './entities/password-reset-token.entity';
import { THROTTLE_TIME, ThrottleTime } from './login-throttle';
import {
  bearer,
  createStructureWithAdmin,
  insertFamilyAccount,
  login,
  resetTokenOf,
  sentMails,
  StructureFixture,
  superAdminToken,
  waitForMail,
} from '../../test/fixtures';
import { startTestApp, SUPER_ADMIN, TestApp } from '../../test/harness';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { Clock } from '../common/clock';

const BAD = 'Identifiant ou mot de passe incorrect.';

describe('identity: login, roles, tokens, passwords', () => {
  let t: TestApp;
  let sa: string;
  let a: StructureFixture;
  const familyEmail = 'famille.martin@test.local';
  const familyPassword = 'les martin aiment jouer';
  /** Added to the throttle's time source: a test moves past the window, then puts it back. */
  let throttleSkew = 0;
  const throttleTime: ThrottleTime = { now: () => Date.now() + throttleSkew };

  beforeAll(async () => {
    t = await startTestApp({}, [{ provide: THROTTLE_TIME, useValue: throttleTime }]);
    sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Alpha');
    await insertFamilyAccount(t, a.structure.id, familyEmail, familyPassword);
  });
  afterAll(() => t.close());

  describe('each role logs in', () => {
    it('super-admin (created at start from POINTAGE_SUPERADMIN_*)', async () => {
      const res = await login(t, SUPER_ADMIN.email, SUPER_ADMIN.password);
      expect(res).toMatchObject({ role: 'super-admin', structureId: null, displayName: 'Super-administrateur' });
      const me = await t.http().get('/api/auth/me').set(bearer(res.accessToken)).expect(200);
      expect(me.body).toMatchObject({ role: 'super-admin', login: SUPER_ADMIN.email, actor: null });
    });

    it('admin of a structure, for 8 hours', async () => {
      const res = await login(t, a.adminEmail, a.adminPassword);
      expect(res).toMatchObject({ role: 'admin', structureId: a.structure.id });
      const claims = new JwtService().decode(res.accessToken) as { exp: number; iat: number };
      expect(claims.exp - claims.iat).toBe(8 * 3600);
    });

    it('family at the kiosk of its structure, for 15 minutes', async () => {
      const res = await login(t, familyEmail, familyPassword, a.structure.slug);
      expect(res).toMatchObject({ role: 'family', structureId: a.structure.id });
      const claims = new JwtService().decode(res.accessToken) as { exp: number; iat: number };
      expect(claims.exp - claims.iat).toBe(15 * 60);
      // Family logins belong to a structure: without it (back office) the same credentials are unknown.
      const backOffice = await t.http().post('/api/auth/login').send({ login: familyEmail, password: familyPassword });
      expect(backOffice.status).toBe(401);
    });

    it('answers the same 401 for an unknown login and a wrong password, and audits both', async () => {
      const unknown = await t.http().post('/api/auth/login').send({ login: 'personne@test.local', password: 'peu importe ici' });
      const wrong = await t.http().post('/api/auth/login').send({ login: a.adminEmail, password: 'pas le bon mot de passe' });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual({ statusCode: 401, message: BAD });
      expect(wrong.body).toEqual(unknown.body);
      const failures = await t.dataSource.manager.findBy(AuditEntry, { action: 'auth.login_failed' });
      expect(failures.map((f) => f.actorLabel)).toEqual(expect.arrayContaining(['personne@test.local', a.adminEmail]));
    });

    it('normalises the login (case, spaces, Unicode NFC)', async () => {
      const b = await createStructureWithAdmin(t, sa, 'Ludothèque Zoé', 'zo\u00e9@test.local');
      const res = await t.http().post('/api/auth/login').send({ login: '  ZOE\u0301@Test.Local ', password: b.adminPassword });
      expect(res.status).toBe(200);
      expect(res.body.structureId).toBe(b.structure.id);
    });
  });

  // Who may call which route, for every route and every kind of caller: tenancy/access-matrix.int-spec.ts.

  describe('tokens', () => {
    const jwt = new JwtService();
    const sign = (payload: object, secret: string, options: object = {}) =>
      jwt.sign(payload, { secret, algorithm: 'HS256', issuer: 'pointage', audience: 'pointage', ...options });

    it('refuses an expired token', async () => {
      const claims = { sub: String(a.adminAccountId), role: 'admin', sid: a.structure.id, fid: null, tv: 0, jti: 'jeton-de-test' };
      const expired = sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, t.config.jwt.secret);
      const res = await t.http().get('/api/auth/me').set(bearer(expired)).expect(401);
      expect(res.body.message).toBe('Votre session a expiré : reconnectez-vous.');
      // The same claims, not expired, are accepted: the refusal above is the expiry.
      await t
        .http()
        .get('/api/auth/me')
        .set(bearer(sign(claims, t.config.jwt.secret, { expiresIn: 60 })))
        .expect(200);
    });

    it('refuses tampered, foreign, unsigned and malformed tokens', async () => {
      const [h, , s] = a.adminToken.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({
          sub: String(a.adminAccountId),
          role: 'super-admin',
          sid: null,
          fid: null,
          tv: 0,
          iss: 'pointage',
          aud: 'pointage',
          exp: 9e9,
        }),
      ).toString('base64url');
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${forgedPayload}.`;
      const otherSecret = sign({ sub: String(a.adminAccountId), role: 'admin', sid: a.structure.id, fid: null, tv: 0 }, 'x'.repeat(40), {
        expiresIn: 60,
      });
      const wrongAudience = sign(
        { sub: String(a.adminAccountId), role: 'admin', sid: a.structure.id, fid: null, tv: 0 },
        t.config.jwt.secret,
        { expiresIn: 60, audience: 'other' },
      );
      for (const token of [`${h}.${forgedPayload}.${s}`, none, otherSecret, wrongAudience, 'abc', 'a.b.c']) {
        const res = await t.http().get('/api/auth/me').set(bearer(token));
        expect(res.status).toBe(401);
        expect(res.body.message).toMatch(/connecter|expiré/);
      }
    });

    it('refuses a valid signature whose claims do not match the account (role escalation)', async () => {
      const forged = sign({ sub: String(a.adminAccountId), role: 'super-admin', sid: null, fid: null, tv: 0 }, t.config.jwt.secret, {
        expiresIn: 60,
      });
      await t.http().get('/api/super-admin/structures').set(bearer(forged)).expect(401);
    });
  });

  describe('rate limit', () => {
    it('answers 429 after 10 failures for one login from one address, even with the right password', async () => {
      const b = await createStructureWithAdmin(t, sa, 'Ludothèque Limite');
      for (let i = 0; i < 10; i++) {
        await t
          .http()
          .post('/api/auth/login')
          .send({ login: b.adminEmail, password: `mauvais essai ${i}` })
          .expect(401);
      }
      const blocked = await t.http().post('/api/auth/login').send({ login: b.adminEmail, password: b.adminPassword });
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toBe('Trop de tentatives de connexion. Réessayez dans 15 minutes.');
      // Another login from the same address (a centre's kiosks share one) still works.
      await login(t, a.adminEmail, a.adminPassword);
      // After the window, the right password works again.
      throttleSkew = 15 * 60_000 + 1000;
      try {
        await login(t, b.adminEmail, b.adminPassword);
      } finally {
        throttleSkew = 0;
      }
    });
  });

  describe('password change', () => {
    it('changes the password, revokes older tokens and returns a fresh one', async () => {
      const c = await createStructureWithAdmin(t, sa, 'Ludothèque Change');
      const first = c.adminToken;
      const second = (await login(t, c.adminEmail, c.adminPassword)).accessToken;
      const res = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(first))
        .send({ currentPassword: c.adminPassword, newPassword: 'un nouveau mot de passe solide' })
        .expect(200);
      expect(res.body.message).toBe(PASSWORD_CHANGED_MESSAGE);
      await t.http().get('/api/auth/me').set(bearer(second)).expect(401);
      await t.http().get('/api/auth/me').set(bearer(first)).expect(401);
      await t.http().get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
      await login(t, c.adminEmail, 'un nouveau mot de passe solide');
      const failed = await t.http().post('/api/auth/login').send({ login: c.adminEmail, password: c.adminPassword });
      expect(failed.status).toBe(401);
    });

    it.each([
      [
        'the old password is wrong',
        { currentPassword: 'faux mot de passe', newPassword: 'un autre mot de passe ok' },
        "L'ancien mot de passe est incorrect.",
      ],
      ['the new one is too short', { currentPassword: '', newPassword: 'court' }, 'Le champ « ancien mot de passe » est obligatoire.'],
      [
        'the new one is common',
        { currentPassword: 'CURRENT', newPassword: 'azertyuiop' },
        'Ce mot de passe est trop courant : choisissez-en un autre (une phrase de plusieurs mots convient bien).',
      ],
      [
        'the new one is short',
        { currentPassword: 'CURRENT', newPassword: 'court' },
        'Le mot de passe doit contenir au moins 10 caractères.',
      ],
      [
        'a field is unexpected',
        { currentPassword: 'CURRENT', newPassword: 'un autre mot de passe ok', role: 'super-admin' },
        'Le champ « role » n’est pas attendu.'.replace('’', "'"),
      ],
    ])('refuses with a French reason when %s, changing nothing', async (_case, body, message) => {
      const d = await createStructureWithAdmin(t, sa, `Ludothèque Refus ${Math.random().toString(36).slice(2, 7)}`);
      const payload = { ...body, currentPassword: body.currentPassword === 'CURRENT' ? d.adminPassword : body.currentPassword };
      const res = await t.http().post('/api/auth/password').set(bearer(d.adminToken)).send(payload);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(message);
      await t.http().get('/api/auth/me').set(bearer(d.adminToken)).expect(200);
      await login(t, d.adminEmail, d.adminPassword);
    });
  });

  describe('password reset by e-mail', () => {
    it('answers 202 with the same message whether or not the address exists', async () => {
      const known = await t.http().post('/api/auth/forgot').send({ email: a.adminEmail }).expect(202);
      const unknown = await t.http().post('/api/auth/forgot').send({ email: 'inconnu@test.local' }).expect(202);
      expect(known.body).toEqual({ message: FORGOT_PASSWORD_MESSAGE });
      expect(unknown.body).toEqual(known.body);
      await waitForMail(t, a.adminEmail);
      await new Promise((r) => setTimeout(r, 200));
      expect(sentMails(t).filter((m) => m.to.includes('inconnu@test.local'))).toEqual([]);
    });

    it('sends a single-use link that sets a new password and revokes older sessions', async () => {
      const e = await createStructureWithAdmin(t, sa, 'Ludothèque Oubli');
      await t.http().post('/api/auth/forgot').send({ email: e.adminEmail.toUpperCase() }).expect(202);
      const mail = await waitForMail(t, e.adminEmail);
      expect(mail.subject).toContain('réinitialisation');
      const token = resetTokenOf(mail);
      // Only a hash is stored.
      const stored = await t.dataSource.manager.findOneByOrFail(PasswordResetToken, { accountId: e.adminAccountId });
      expect(stored.tokenHash).not.toContain(token);
      expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

      const res = await t.http().post('/api/auth/reset').send({ token, password: 'ma nouvelle phrase secrète' }).expect(200);
      expect(res.body).toEqual({
        message: 'Votre mot de passe a été modifié. Vous pouvez vous connecter.',
        role: 'admin',
        structureSlug: null,
      });
      await login(t, e.adminEmail, 'ma nouvelle phrase secrète');
      await t.http().get('/api/auth/me').set(bearer(e.adminToken)).expect(401);

      const again = await t.http().post('/api/auth/reset').send({ token, password: 'encore une autre phrase' }).expect(400);
      expect(again.body.message).toBe("Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.");
      await login(t, e.adminEmail, 'ma nouvelle phrase secrète');
    });

    it('refuses an expired link', async () => {
      const f = await createStructureWithAdmin(t, sa, 'Ludothèque Expire');
      await t.http().post('/api/auth/forgot').send({ email: f.adminEmail }).expect(202);
      const token = resetTokenOf(await waitForMail(t, f.adminEmail));
      await t.dataSource.manager.update(PasswordResetToken, { accountId: f.adminAccountId }, { expiresAt: new Date(Date.now() - 1000) });
      await t.http().post('/api/auth/reset').send({ token, password: 'ma nouvelle phrase secrète' }).expect(400);
      await login(t, f.adminEmail, f.adminPassword);
    });

    it('keeps a link valid for one hour by the Clock', async () => {
      const clock = t.app.get(Clock);
      const h = await createStructureWithAdmin(t, sa, 'Ludothèque Heure');
      await t.http().post('/api/auth/forgot').send({ email: h.adminEmail }).expect(202);
      const token = resetTokenOf(await waitForMail(t, h.adminEmail));
      const stored = await t.dataSource.manager.findOneByOrFail(PasswordResetToken, { accountId: h.adminAccountId });
      expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(60 * 60_000);
      try {
        clock.travelTo(new Date(stored.expiresAt.getTime() + 1000));
        const late = await t.http().post('/api/auth/reset').send({ token, password: 'ma nouvelle phrase secrète' }).expect(400);
        expect(late.body.message).toBe("Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.");
        clock.travelTo(new Date(stored.expiresAt.getTime() - 60_000));
        await t.http().post('/api/auth/reset').send({ token, password: 'ma nouvelle phrase secrète' }).expect(200);
      } finally {
        clock.reset();
      }
      await login(t, h.adminEmail, 'ma nouvelle phrase secrète');
    });

    it('works for a family account of a structure, and says where to log in', async () => {
      await t.http().post('/api/auth/forgot').send({ email: familyEmail, structure: a.structure.slug }).expect(202);
      const token = resetTokenOf(await waitForMail(t, familyEmail));
      const res = await t.http().post('/api/auth/reset').send({ token, password: 'les martin jouent encore' }).expect(200);
      expect(res.body).toMatchObject({ role: 'family', structureSlug: a.structure.slug });
      await login(t, familyEmail, 'les martin jouent encore', a.structure.slug);
    });
  });

  describe('structures and their admins (super-admin)', () => {
    it('a disabled structure cannot log in and its sessions stop', async () => {
      const g = await createStructureWithAdmin(t, sa, 'Ludothèque Fermée');
      await t.http().patch(`/api/super-admin/structures/${g.structure.id}`).set(bearer(sa)).send({ active: false }).expect(200);
      const res = await t.http().post('/api/auth/login').send({ login: g.adminEmail, password: g.adminPassword });
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('Cette structure est désactivée : contactez votre fédération.');
      await t.http().get('/api/auth/me').set(bearer(g.adminToken)).expect(401);
      await t.http().patch(`/api/super-admin/structures/${g.structure.id}`).set(bearer(sa)).send({ active: true }).expect(200);
      await login(t, g.adminEmail, g.adminPassword);
    });

    it('creating a structure seeds its reference lists and age brackets', async () => {
      const h = await createStructureWithAdmin(t, sa, 'Ludothèque Listes');
      const rows: { kind: string; n: number }[] = await t.dataSource.query(
        'SELECT kind, COUNT(*) AS n FROM ref_item WHERE structure_id = ? GROUP BY kind ORDER BY kind',
        [h.structure.id],
      );
      expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([
        ['city', 4],
        ['minima', 5],
        ['qf', 6],
        ['sex', 2],
        ['status', 7],
      ]);
      const brackets: { n: number }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM age_bracket WHERE structure_id = ?', [
        h.structure.id,
      ]);
      expect(Number(brackets[0].n)).toBe(6);
      const children: { label: string }[] = await t.dataSource.query(
        "SELECT label FROM ref_item WHERE structure_id = ? AND kind = 'status' AND is_child = 1 ORDER BY position",
        [h.structure.id],
      );
      expect(children.map((c) => c.label)).toEqual(['Enfant à charge', 'Enfant gardé']);
    });

    it('resets an admin password: new one shown once, old sessions stop', async () => {
      const i = await createStructureWithAdmin(t, sa, 'Ludothèque Reset');
      const res = await t.http().post(`/api/super-admin/admins/${i.adminAccountId}/reset-password`).set(bearer(sa)).expect(200);
      expect(res.body.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      await t.http().get('/api/auth/me').set(bearer(i.adminToken)).expect(401);
      await login(t, i.adminEmail, res.body.password);
      const stored = await t.dataSource.manager.findOneByOrFail(Account, { id: i.adminAccountId });
      expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(JSON.stringify(res.body)).not.toContain(stored.passwordHash);
    });

    it('two concurrent creations of the same login: exactly one succeeds, the other gets 409', async () => {
      const j = await createStructureWithAdmin(t, sa, 'Ludothèque Course');
      const create = () =>
        t.http().post(`/api/super-admin/structures/${j.structure.id}/admins`).set(bearer(sa)).send({ email: 'meme.adresse@test.local' });
      const results = await Promise.all([create(), create(), create()]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      for (const r of results.filter((x) => x.status === 409))
        expect(r.body.message).toBe('Cette adresse e-mail est déjà utilisée par un autre compte.');
      expect(await t.dataSource.manager.countBy(Account, { email: 'meme.adresse@test.local' })).toBe(1);
    });

    it('refuses bad input with French reasons and writes nothing', async () => {
      const before = await t.http().get('/api/super-admin/structures').set(bearer(sa));
      const cases: [object, string][] = [
        [{ name: 'x'.repeat(101) }, 'Le champ « nom » est trop long (100 caractères).'],
        [{ name: '' }, 'Le champ « nom » est obligatoire.'],
        [{ name: 42 }, 'Le champ « nom » doit être un texte.'],
        [{ name: 'Ok', slug: 'Pas Un Slug' }, "Le champ « identifiant » n'a pas le format attendu."],
        [{ name: 'Ok', timeZone: 'Mars/Olympus' }, 'Fuseau horaire inconnu : Mars/Olympus.'],
        [{ name: 'Ok', extra: true }, "Le champ « extra » n'est pas attendu."],
      ];
      for (const [body, message] of cases) {
        const res = await t.http().post('/api/super-admin/structures').set(bearer(sa)).send(body);
        expect({ body, status: res.status, message: res.body.message }).toEqual({ body, status: 400, message });
      }
      const after = await t.http().get('/api/super-admin/structures').set(bearer(sa));
      expect(after.body.length).toBe(before.body.length);
      const badId = await t.http().patch('/api/super-admin/structures/abc').set(bearer(sa)).send({ name: 'x' });
      expect(badId.status).toBe(400);
      await t.http().patch('/api/super-admin/structures/999999').set(bearer(sa)).send({ name: 'x' }).expect(404);
    });
  });

  describe('super-admin acting as a structure admin', () => {
    it('gets a token marked with the real actor; actions are audited with both identities', async () => {
      const k = await createStructureWithAdmin(t, sa, 'Ludothèque Agir');
      const act = await t.http().post(`/api/super-admin/structures/${k.structure.id}/act`).set(bearer(sa)).expect(200);
      const token = act.body.accessToken as string;
      expect(act.body.session).toMatchObject({
        role: 'admin',
        structureId: k.structure.id,
        structureName: 'Ludothèque Agir',
        actor: { role: 'super-admin' },
      });
      const claims = new JwtService().decode(token) as { act?: { role: string } };
      expect(claims.act?.role).toBe('super-admin');

      // It sees the structure's log as its admin would, including its own arrival.
      const log = await t.http().get('/api/audit').set(bearer(token)).expect(200);
      const start = log.body.items.find((e: { action: string }) => e.action === 'acting.start');
      expect(start).toMatchObject({ actorLabel: SUPER_ADMIN.email, actorRole: 'super-admin', actionLabel: AUDIT_ACTIONS['acting.start'] });

      // It cannot change a password while acting.
      await t
        .http()
        .post('/api/auth/password')
        .set(bearer(token))
        .send({ currentPassword: SUPER_ADMIN.password, newPassword: 'autre phrase de passe' })
        .expect(403);
      await t.http().post('/api/auth/act/end').set(bearer(token)).expect(200);
      const end = await t.dataSource.manager.findOneByOrFail(AuditEntry, { action: 'acting.end', structureId: k.structure.id });
      expect(end.actingAs).toBe('administrateur de Ludothèque Agir');
      expect(end.actorLabel).toBe(SUPER_ADMIN.email);
      // Its own super-admin token still works (acting never replaced it).
      await t.http().get('/api/super-admin/structures').set(bearer(sa)).expect(200);
    });

    it('without acting, the super-admin reaches no structure data', async () => {
      const res = await t.http().get('/api/audit').set(bearer(sa));
      expect(res.status).toBe(403);
    });
  });
});
